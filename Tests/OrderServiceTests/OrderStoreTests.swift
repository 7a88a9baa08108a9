import Foundation
import Kafka
import OrderEvents
@testable import OrderService
import Testing

/// Each store on a real database (an SQLite file; a throwaway PostgreSQL server): exact money, offsets,
/// dead letters at most once, reset, the same answers from both.
@Suite struct OrderStoreTests {
    let partition = KafkaTopicPartition(topic: "order-events", partition: 1)

    private func source(_ offset: Int64) -> KafkaTopicPartitionOffset {
        KafkaTopicPartitionOffset(partition, offset: KafkaOffset(rawValue: offset))
    }

    private func letter(_ offset: Int64, category: DeadLetterCategory = .noRetry) -> DeadLetter {
        DeadLetter(
            original: source(offset), key: Array("K".utf8), value: [0, 1, 2, 255], orderId: "K", category: category,
            message: "why", retryCount: 0, timestamp: Sample.epoch)
    }

    /// The dead letter made from a record keeps its `traceparent` and `tracestate` headers, bytes unchanged,
    /// through the store's outbox, and no other header of the record.
    @Test(arguments: StoreBackend.allCases) func aDeadLetterKeepsItsRecordsTraceHeadersThroughTheStore(
        _ backend: StoreBackend
    ) async throws {
        try await backend.withStore { store, reopen in
            let traceHeaders = [
                KafkaHeader(key: "traceparent", value: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                KafkaHeader(key: "tracestate", value: [0x76, 0x3D, 0xFF]),
            ]
            let message = KafkaConsumerMessage(
                topic: "order-events", partition: 1, offset: 5, key: Array("K".utf8), value: [9],
                headers: [KafkaHeader(key: "other", value: "x")] + traceHeaders)
            let record = PreparedRecord(message: message, content: .deadLetter(.noRetry, .rejected("why"), retryCount: 0))
            let letter = record.makeDeadLetter(.noRetry, .rejected("why"), retryCount: 0, at: Sample.epoch)
            #expect(letter.traceHeaders == traceHeaders)
            _ = try await store.write { writer in try writer.record(letter) }
            let unpublished = try await store.unpublishedDeadLetters(limit: 10)
            #expect(unpublished.map(\.traceHeaders) == [traceHeaders])
        }
    }

    @Test(arguments: StoreBackend.allCases) func anOrderReadsBackExactly(_ backend: StoreBackend) async throws {
        try await backend.withStore { store, reopen in
            var order = Sample.order("ORDER-001")
            order.items = [
                OrderItem(itemId: "A", quantity: 3, price: Decimal(string: "0.10") ?? 0),
                OrderItem(itemId: "B", quantity: 1, price: Decimal(string: "49.99") ?? 0),
            ]
            order.totalAmount = Order.total(of: order.items)
            let stored = StoredOrder(order: order, shippingCost: Decimal(string: "1.01") ?? 0)
            try await store.write { [source = source(7)] writer in try writer.insert(stored, from: source) }
            let read = try #require(try await store.order(OrderID(rawValue: "ORDER-001")))
            #expect(read == stored)
            #expect(read.json.serialized().contains(#""totalAmount":50.29"#))
            #expect(read.json.serialized().hasSuffix(#""status":"new","shippingCost":1.01}"#))
            #expect(try await store.order(OrderID(rawValue: "nope")) == nil)
        }
    }

    @Test(arguments: StoreBackend.allCases) func statusChangesAndCountsByTopic(_ backend: StoreBackend) async throws {
        try await backend.withStore { store, reopen in
            try await store.write { [source = source(0)] writer in
                try writer.insert(StoredOrder(order: Sample.order("A"), shippingCost: 2), from: source)
                try writer.insert(StoredOrder(order: Sample.order("B"), shippingCost: 2), from: source)
                try writer.setStatus(.confirmed, of: OrderID(rawValue: "A"), at: Sample.epoch)
            }
            let status = try await store.write { writer in try writer.status(of: OrderID(rawValue: "A")) }
            #expect(status == .confirmed)
            #expect(try await store.orderIDs(topic: "order-events", limit: -1, offset: 0).map(\.rawValue) == ["A", "B"])
            #expect(try await store.orderIDs(topic: "order-events", limit: 1, offset: 1).map(\.rawValue) == ["B"])
            #expect(try await store.orderCount(topic: "order-events") == 2)
            #expect(try await store.orderCount(topic: "other") == 0)
            #expect(try await store.orderCount() == 2)
        }
    }

    @Test(arguments: StoreBackend.allCases) func aDuplicateInsertFailsAsAProcessingFailure(_ backend: StoreBackend) async throws {
        try await backend.withStore { store, reopen in
            let stored = StoredOrder(order: Sample.order("A"), shippingCost: 2)
            try await store.write { [source = source(0)] writer in try writer.insert(stored, from: source) }
            await #expect(throws: OrderStoreError.self) {
                try await store.write { [source = source(1)] writer in try writer.insert(stored, from: source) }
            }
            do {
                try await store.write { [source = source(1)] writer in try writer.insert(stored, from: source) }
            } catch let error as OrderStoreError {
                #expect(error.code == .failed)
            }
        }
    }

    @Test(arguments: StoreBackend.allCases) func offsetsAreStoredPerPartition(_ backend: StoreBackend) async throws {
        try await backend.withStore { store, reopen in
            let other = KafkaTopicPartition(topic: "order-events", partition: 2)
            try await store.write { [partition] writer in
                try writer.setNextOffset(10, for: partition)
                try writer.setNextOffset(3, for: other)
            }
            try await store.write { [partition] writer in try writer.setNextOffset(11, for: partition) }
            #expect(try await store.nextOffsets(topic: "order-events") == [1: 11, 2: 3])
            #expect(try await store.nextOffsets(topic: "elsewhere").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases) func aRolledBackTransactionLeavesNothing(_ backend: StoreBackend) async throws {
        struct Abort: Error {}
        // `throws` written out: the only `try`s are inside macros, which the closure's inference does not see.
        try await backend.withStore { store, _ async throws in
            await #expect(throws: Abort.self) {
                try await store.write { [partition, source = source(0)] writer in
                    try writer.insert(StoredOrder(order: Sample.order("A"), shippingCost: 2), from: source)
                    try writer.setNextOffset(1, for: partition)
                    throw Abort()
                }
            }
            #expect(try await store.orderCount() == 0)
            #expect(try await store.nextOffsets(topic: "order-events").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases) func eachOriginalIsDeadLetteredAtMostOnce(_ backend: StoreBackend) async throws {
        try await backend.withStore { store, reopen in
            let first = try await store.write { [letter = letter(5)] writer in try writer.record(letter) }
            let again = try await store.write { [letter = letter(5, category: .retryThenDeadLetter)] writer in try writer.record(letter) }
            #expect(first && !again)
            let unpublished = try await store.unpublishedDeadLetters(limit: 10)
            #expect(unpublished == [letter(5)])
            try await store.markPublished([source(5)])
            #expect(try await store.unpublishedDeadLetters(limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases) func resetDeletesEverything(_ backend: StoreBackend) async throws {
        try await backend.withStore { store, reopen in
            try await store.write { [partition, source = source(0), letter = letter(1)] writer in
                try writer.insert(StoredOrder(order: Sample.order("A"), shippingCost: 2), from: source)
                try writer.record(letter)
                try writer.setNextOffset(2, for: partition)
            }
            try await store.reset()
            #expect(try await store.orderCount() == 0)
            #expect(try await store.nextOffsets(topic: "order-events").isEmpty)
            #expect(try await store.unpublishedDeadLetters(limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases) func resettingSomeOffsetsKeepsTheOrdersAndTheOtherOffsets(
        _ backend: StoreBackend
    ) async throws {
        try await backend.withStore { store, reopen in
            let other = KafkaTopicPartition(topic: "order-events", partition: 2)
            try await store.write { [partition, source = source(0)] writer in
                try writer.insert(StoredOrder(order: Sample.order("A"), shippingCost: 2), from: source)
                try writer.setNextOffset(5, for: partition)
                try writer.setNextOffset(8, for: other)
            }
            try await store.resetOffsets(topic: "order-events", partitions: [partition.partition])
            #expect(try await store.nextOffsets(topic: "order-events") == [2: 8])
            #expect(try await store.orderCount() == 1)
        }
    }

    @Test(arguments: StoreBackend.allCases) func theStoreSurvivesReopening(_ backend: StoreBackend) async throws {
        try await backend.withStore { store, reopen in
            try await store.write { [partition, source = source(0)] writer in
                try writer.insert(StoredOrder(order: Sample.order("A"), shippingCost: 2), from: source)
                try writer.setNextOffset(1, for: partition)
            }
            let reopened = try await reopen()
            #expect(try await reopened.orderCount() == 1)
            #expect(try await reopened.nextOffsets(topic: "order-events") == [1: 1])
        }
    }
}
