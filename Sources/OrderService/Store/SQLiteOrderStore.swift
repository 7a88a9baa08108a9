import Foundation
import GRDB
import Kafka
import Logging
import OrderEvents
import ServiceSupport

/// The order store in an SQLite file, through GRDB, in WAL mode.
///
/// WAL lets the HTTP endpoints read while the consumer writes. `synchronous = NORMAL` makes a
/// commit survive a crash of the process (SIGKILL) but not always a power cut; that is safe here
/// because the consumed offsets are in the same transactions: a transaction lost with the power is
/// read again from Kafka and applied again, exactly once.
///
/// ## Topics
/// - ``init(path:logger:)``
/// - ``write(_:)``
public final class SQLiteOrderStore: OrderStore {
    let pool: DatabasePool

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public init(path: String, logger: Logger) throws(OrderStoreError) {
        var configuration = Configuration()
        configuration.label = "order-store"
        // A reader never blocks the writer in WAL mode; a short wait covers a checkpoint.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
        } catch {
            throw .wrapping(error)
        }
        logger.info("order store opened", metadata: [OrderServiceLoggingKeys.databasePath: "\(path)"])
    }

    public func write<T: Sendable>(_ body: @Sendable (any OrderStoreWriter) throws -> T) async throws -> T {
        do {
            return try await pool.write { db in try body(SQLiteOrderStoreWriter(db: db)) }
        } catch let error as DatabaseError {
            throw OrderStoreError.wrapping(error)
        }
    }

    public func nextOffsets(topic: String) async throws(OrderStoreError) -> [KafkaPartition: KafkaOffset] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT partition, nextOffset FROM consumedOffset WHERE topic = ?", arguments: [topic])
            var offsets: [KafkaPartition: KafkaOffset] = [:]
            for row in rows {
                let number: Int = row["partition"]
                guard let partition = KafkaPartition(validating: number) else { continue }
                offsets[partition] = KafkaOffset(rawValue: row["nextOffset"])
            }
            return offsets
        }
    }

    public func order(_ id: OrderID) async throws(OrderStoreError) -> StoredOrder? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: #"SELECT * FROM "order" WHERE orderId = ?"#, arguments: [id.rawValue])
            else { return nil }
            let items = try Row.fetchAll(
                db, sql: "SELECT itemId, quantity, priceCents FROM orderItem WHERE orderId = ? ORDER BY position",
                arguments: [id.rawValue]
            ).map { item in
                OrderItem(itemId: item["itemId"], quantity: item["quantity"], price: Decimal(cents: item["priceCents"]))
            }
            let statusText: String = row["status"]
            guard let status = OrderStatus(rawValue: statusText) else {
                throw OrderStoreError.failed("order '\(id)' has an unknown status '\(statusText)' in the store")
            }
            let order = Order(
                orderId: id, customerId: row["customerId"], orderDate: Date(milliseconds: row["orderDateMs"]),
                items: items, totalAmount: Decimal(cents: row["totalAmountCents"]), currency: row["currency"],
                status: status)
            return StoredOrder(order: order, shippingCost: Decimal(cents: row["shippingCostCents"]))
        }
    }

    public func orderIDs(topic: String, limit: Int, offset: Int) async throws(OrderStoreError) -> [OrderID] {
        try await read { db in
            try String.fetchAll(
                db, sql: #"SELECT orderId FROM "order" WHERE sourceTopic = ? ORDER BY rowid LIMIT ? OFFSET ?"#,
                arguments: [topic, limit, offset]
            ).map(OrderID.init(rawValue:))
        }
    }

    public func orderCount(topic: String) async throws(OrderStoreError) -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "order" WHERE sourceTopic = ?"#, arguments: [topic]) ?? 0
        }
    }

    public func orderCount() async throws(OrderStoreError) -> Int {
        try await read { db in try Int.fetchOne(db, sql: #"SELECT COUNT(*) FROM "order""#) ?? 0 }
    }

    public func unpublishedDeadLetters(limit: Int) async throws(OrderStoreError) -> [DeadLetter] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM deadLetter WHERE isPublished = 0 ORDER BY rowid LIMIT ?", arguments: [limit]
            ).compactMap(Self.deadLetter(from:))
        }
    }

    public func markPublished(_ originals: [KafkaTopicPartitionOffset]) async throws(OrderStoreError) {
        guard !originals.isEmpty else { return }
        do {
            try await pool.write { db in
                let statement = try db.cachedStatement(
                    sql: """
                        UPDATE deadLetter SET isPublished = 1
                        WHERE originalTopic = ? AND originalPartition = ? AND originalOffset = ?
                        """)
                for original in originals {
                    try statement.execute(
                        arguments: [original.topic, original.partition.rawValue, original.offset.rawValue])
                }
            }
        } catch {
            throw .wrapping(error)
        }
    }

    public func reset() async throws(OrderStoreError) {
        do {
            try await pool.write { db in
                try db.execute(
                    sql:
                        #"DELETE FROM orderItem; DELETE FROM "order"; DELETE FROM consumedOffset; DELETE FROM deadLetter; DELETE FROM deadLetterReplay"#
                )
            }
        } catch {
            throw .wrapping(error)
        }
    }

    public func resetOffsets(topic: String, partitions: [KafkaPartition]) async throws(OrderStoreError) {
        do {
            try await pool.write { db in
                for partition in partitions {
                    try db.execute(
                        sql: "DELETE FROM consumedOffset WHERE topic = ? AND partition = ?",
                        arguments: [topic, Int(partition.rawValue)])
                }
            }
        } catch {
            throw .wrapping(error)
        }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws(OrderStoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw .wrapping(error)
        }
    }

    private static func deadLetter(from row: Row) -> DeadLetter? {
        let partitionNumber: Int = row["originalPartition"]
        let categoryText: String = row["category"]
        guard let partition = KafkaPartition(validating: partitionNumber),
            let category = DeadLetterCategory(rawValue: categoryText)
        else { return nil }
        let key: Data? = row["key"]
        let value: Data = row["value"]
        return DeadLetter(
            original: KafkaTopicPartitionOffset(
                topic: row["originalTopic"], partition: partition, offset: KafkaOffset(rawValue: row["originalOffset"])),
            key: key.map { [UInt8]($0) },
            value: [UInt8](value),
            orderId: row["orderId"],
            category: category,
            message: row["message"],
            retryCount: row["retryCount"],
            timestamp: Date(milliseconds: row["timestampMs"]),
            traceHeaders: traceHeaders(from: row))
    }

    /// The trace context headers stored with a dead letter, in the order a record carries them.
    private static func traceHeaders(from row: Row) -> [KafkaHeader] {
        var headers: [KafkaHeader] = []
        if let value: Data = row["traceParent"] { headers.append(KafkaHeader(key: TraceContextHeader.traceParent, value: [UInt8](value))) }
        if let value: Data = row["traceState"] { headers.append(KafkaHeader(key: TraceContextHeader.traceState, value: [UInt8](value))) }
        return headers
    }
}
