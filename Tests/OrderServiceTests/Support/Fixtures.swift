import Foundation
import Kafka
import Logging
import OrderEvents
import OrderService
import Synchronization

/// A fresh SQLite file in a folder of its own, removed by `cleanUp()`.
struct TemporaryDatabase {
    let folder: URL
    var path: String { folder.appendingPathComponent("orders.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-service-tests/db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

/// Decodes the values the test registered, or fails as told: the pipeline without Avro or a registry.
final class ScriptedDecoder: OrderEventDecoding {
    private let outcomes = Mutex<[[UInt8]: Result<OrderEvent, RecordFailure>]>([:])

    /// A value that decodes to `event`.
    func value(for event: OrderEvent, tag: String = "") -> [UInt8] {
        let bytes = Array("\(event.orderId)|\(event.eventType.rawValue)|\(UUID().uuidString)\(tag)".utf8)
        outcomes.withLock { $0[bytes] = .success(event) }
        return bytes
    }

    /// A value whose decoding fails with `failure`.
    func value(failingWith failure: RecordFailure) -> [UInt8] {
        let bytes = Array("failure|\(UUID().uuidString)".utf8)
        outcomes.withLock { $0[bytes] = .failure(failure) }
        return bytes
    }

    func setOutcome(_ outcome: Result<OrderEvent, RecordFailure>, for value: [UInt8]) {
        outcomes.withLock { $0[value] = outcome }
    }

    func decode(_ value: [UInt8]) async throws(RecordFailure) -> OrderEvent {
        guard let outcome = outcomes.withLock({ $0[value] }) else { throw .undecodable("not an event of this test") }
        return try outcome.get()
    }
}

enum Sample {
    static let epoch = Date(timeIntervalSince1970: 1_780_000_000)

    static func order(_ id: String, total: String = "99.98") -> Order {
        let price = Decimal(string: total) ?? 0
        return Order(
            orderId: OrderID(rawValue: id), customerId: "CUST-1", orderDate: epoch,
            items: [OrderItem(itemId: "ITEM-1", quantity: 1, price: price)], totalAmount: price, currency: "USD",
            status: .new)
    }

    static func create(_ id: String, total: String = "99.98") -> OrderEvent {
        .create(order(id, total: total), at: epoch)
    }

    static func update(_ id: String, to status: OrderStatus) -> OrderEvent {
        .update(OrderID(rawValue: id), to: status, at: epoch.addingTimeInterval(60))
    }

    static func message(
        _ value: [UInt8], partition: Int32 = 0, offset: Int64, key: String?, topic: String = "order-events"
    ) -> KafkaConsumerMessage {
        KafkaConsumerMessage(
            topic: topic, partition: KafkaPartition(rawValue: partition), offset: KafkaOffset(rawValue: offset),
            key: key.map { Array($0.utf8) }, value: value, timestamp: epoch)
    }
}

/// Builds records on partitions with consecutive offsets.
final class RecordLog: Sendable {
    let decoder: ScriptedDecoder
    private let nextOffset = Mutex<[Int32: Int64]>([:])

    init(decoder: ScriptedDecoder) {
        self.decoder = decoder
    }

    func record(_ event: OrderEvent, partition: Int32 = 0) -> KafkaConsumerMessage {
        raw(decoder.value(for: event), key: event.orderId.rawValue, partition: partition)
    }

    func raw(_ value: [UInt8], key: String?, partition: Int32 = 0) -> KafkaConsumerMessage {
        let offset = nextOffset.withLock { offsets in
            defer { offsets[partition, default: 0] += 1 }
            return offsets[partition, default: 0]
        }
        return Sample.message(value, partition: partition, offset: offset, key: key)
    }
}

let testLogger = Logger(label: "order-service-tests")

/// A fixture of these tests that could not do its job.
struct FixtureError: Error, CustomStringConvertible {
    let description: String
}
