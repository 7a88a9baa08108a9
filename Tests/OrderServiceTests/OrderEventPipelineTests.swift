import Foundation
import Kafka
import OrderEvents
import OrderService
import Testing

/// Decode → decide → one transaction with the offsets, on a real store, with failures injected.
@Suite struct OrderEventPipelineTests {
    let database: TemporaryDatabase
    let store: FaultyOrderStore
    let decoder = ScriptedDecoder()
    let pipeline: OrderEventPipeline
    let log: RecordLog

    init() throws {
        database = try TemporaryDatabase()
        store = FaultyOrderStore(inner: try SQLiteOrderStore(path: database.path, logger: testLogger))
        pipeline = OrderEventPipeline(store: store, decoder: decoder, clock: { Sample.epoch }, logger: testLogger)
        log = RecordLog(decoder: decoder)
    }

    private func partition(_ number: Int32) -> KafkaTopicPartition {
        KafkaTopicPartition(topic: "order-events", partition: KafkaPartition(rawValue: number))
    }

    private func status(_ id: String) async throws -> OrderStatus? {
        try await store.order(OrderID(rawValue: id))?.order.status
    }

    @Test func createsUpdatesAndRejectsInOneTransaction() async throws {
        defer { database.cleanUp() }
        let messages = [
            log.record(Sample.create("A")),
            log.record(Sample.update("A", to: .confirmed)),
            log.record(Sample.create("A")),  // duplicate
            log.record(Sample.update("GHOST", to: .shipped)),  // unknown order
            log.record(Sample.update("A", to: .confirmed)),  // same status: no-op
            log.record(Sample.update("A", to: .new)),  // forbidden
        ]
        let result = await pipeline.process(messages)
        #expect(result.applied == 3)
        #expect(result.deadLettered == 3)
        #expect(result.stalls.isEmpty)
        #expect(result.committed == [partition(0): 6])
        #expect(try await status("A") == .confirmed)
        #expect(try await store.order(OrderID(rawValue: "A"))?.shippingCost == Decimal(string: "2.00"))
        #expect(try await store.nextOffsets(topic: "order-events") == [0: 6])
        let letters = try await store.unpublishedDeadLetters(limit: 10)
        #expect(letters.map(\.original.offset) == [2, 3, 5])
        #expect(letters.allSatisfy { $0.category == .noRetry && $0.retryCount == 0 })
        #expect(letters[0].message == "Duplicate CREATE request: Order with ID 'A' already exists (status 'confirmed')")
        #expect(letters[1].orderId == "GHOST")
        #expect(letters[0].value == messages[2].value)
        #expect(letters[0].key == messages[2].key)
    }

    @Test func undecodableRecordsAreDeadLetteredWithTheirBytes() async throws {
        defer { database.cleanUp() }
        let bad = log.raw(decoder.value(failingWith: .wrongMagicByte(0x7B)), key: "X")
        let good = log.record(Sample.create("B"))
        let result = await pipeline.process([bad, good])
        #expect(result.applied == 1 && result.deadLettered == 1)
        let letter = try #require(try await store.unpublishedDeadLetters(limit: 10).first)
        #expect(letter.value == bad.value)
        #expect(letter.orderId == "X")
        #expect(letter.message.contains("wrong magic byte 0x7B"))
    }

    @Test func recordsTheStoreHasPassedAreNotAppliedTwice() async throws {
        defer { database.cleanUp() }
        let messages = [log.record(Sample.create("A")), log.record(Sample.update("A", to: .confirmed))]
        _ = await pipeline.process(messages)
        // As after a crash between the commit and anything else: the same records come again.
        let again = await pipeline.process(messages + [log.record(Sample.update("A", to: .shipped))])
        #expect(again.skipped == 2)
        #expect(again.applied == 1)
        #expect(again.deadLettered == 0)
        #expect(try await status("A") == .shipped)
    }

    @Test func aProcessingFailureHoldsOnlyItsPartition() async throws {
        defer { database.cleanUp() }
        store.fail(OrderID(rawValue: "BAD"), with: .failed)
        let messages = [
            log.record(Sample.create("OK-0"), partition: 0),
            log.record(Sample.create("BAD"), partition: 1),
            log.record(Sample.create("AFTER-BAD"), partition: 1),
            log.record(Sample.create("OK-2"), partition: 2),
        ]
        let result = await pipeline.process(messages)
        #expect(result.applied == 2)
        let stall = try #require(result.stalls[partition(1)])
        #expect(stall.message.offset == 0)
        #expect(stall.delay == .seconds(2))
        #expect(stall.category == .retryThenDeadLetter)
        #expect(result.committed == [partition(0): 1, partition(2): 1])
        #expect(try await status("OK-2") == .new)
        #expect(try await status("AFTER-BAD") == nil)
    }

    @Test func retriesUsedUpDeadLetterTheRecord() async throws {
        defer { database.cleanUp() }
        store.fail(OrderID(rawValue: "BAD"), with: .failed)
        let message = log.record(Sample.create("BAD"))
        var stall = try #require(await pipeline.process([message]).stalls[partition(0)])
        for expected in [Duration.seconds(5), .seconds(10)] {
            stall = try #require(await pipeline.process([message], retriesSoFar: stall.retriesSoFar + 1).stalls[partition(0)])
            #expect(stall.delay == expected)
        }
        let last = await pipeline.process([message], retriesSoFar: stall.retriesSoFar + 1)
        #expect(last.stalls.isEmpty && last.deadLettered == 1)
        #expect(store.attempts(for: OrderID(rawValue: "BAD")) == 4)
        let letter = try #require(try await store.unpublishedDeadLetters(limit: 10).first)
        #expect(letter.category == .retryThenDeadLetter)
        #expect(letter.retryCount == 3)
        #expect(letter.message == "Processing failed: injected failure for BAD")
        #expect(try await store.nextOffsets(topic: "order-events") == [0: 1])
    }

    @Test func anUnavailableStoreIsRetriedForever() async throws {
        defer { database.cleanUp() }
        store.fail(OrderID(rawValue: "A"), with: .unavailable)
        let message = log.record(Sample.create("A"))
        var stall = try #require(await pipeline.process([message]).stalls[partition(0)])
        for _ in 0..<6 {
            stall = try #require(await pipeline.process([message], retriesSoFar: stall.retriesSoFar + 1).stalls[partition(0)])
            #expect(stall.category == .retryForever)
        }
        #expect(stall.delay == .seconds(30))
        #expect(try await store.unpublishedDeadLetters(limit: 10).isEmpty)
        store.fail(OrderID(rawValue: "A"), with: nil)
        let passed = await pipeline.process([message], retriesSoFar: stall.retriesSoFar + 1)
        #expect(passed.stalls.isEmpty && passed.applied == 1)
    }

    @Test func aStoreDownAtBeginHoldsEveryPartitionAtItsFirstRecord() async throws {
        defer { database.cleanUp() }
        store.setUnavailable(true)
        let messages = [
            log.record(Sample.create("A"), partition: 0), log.record(Sample.create("B"), partition: 0),
            log.record(Sample.create("C"), partition: 1),
        ]
        let result = await pipeline.process(messages)
        #expect(result.stalls.count == 2)
        #expect(result.stalls[partition(0)]?.message.offset == 0)
        #expect(result.stalls[partition(0)]?.category == .retryForever)
        #expect(result.committed.isEmpty)
    }

    @Test func anUnreachableRegistryHoldsThePartitionWithoutDeadLettering() async throws {
        defer { database.cleanUp() }
        let waiting = log.raw(decoder.value(failingWith: .infrastructure("registry unreachable")), key: "A", partition: 0)
        let after = log.record(Sample.create("B"), partition: 0)
        let other = log.record(Sample.create("C"), partition: 1)
        let result = await pipeline.process([waiting, after, other])
        #expect(result.stalls[partition(0)]?.message.offset == 0)
        #expect(result.deadLettered == 0 && result.applied == 1)
        #expect(try await status("B") == nil)
        #expect(try await status("C") == .new)
    }
}
