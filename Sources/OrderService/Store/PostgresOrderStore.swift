import Foundation
import Kafka
import Logging
import NIOCore
import OrderEvents
import PostgresNIO
import ServiceSupport
import ServiceLifecycle
import Synchronization

/// The order store in a PostgreSQL database, through PostgresNIO's pooled client: the store for
/// several Order Service instances.
///
/// The semantics are ``SQLiteOrderStore``'s: a batch's effects, its dead-letter rows and the partitions'
/// next offsets in one transaction (READ COMMITTED), the same answers to the same queries.
///
/// - Important: It is a `Service`: its connection pool works only while ``run()`` runs, so the
///   application runs it in its service group (first, so that it stops last).
public final class PostgresOrderStore: OrderStore, Service {
    let client: PostgresClient
    let address: PostgresStoreAddress
    private let executor = DedicatedThreadExecutor(label: "order-store.postgres.writer")
    let logger: Logger

    /// Connects once, so that a wrong address or password fails here, and brings the schema up to date.
    ///
    /// - Throws: ``OrderStoreError`` with code `unavailable` and one line saying what to check.
    public init(address: PostgresStoreAddress, logger: Logger) async throws(OrderStoreError) {
        self.address = address
        self.logger = logger
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try Self.connectionConfiguration(address), id: 0, logger: logger)
            do {
                try await Self.migrate(connection, logger: logger)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } catch {
            throw Self.startError(error, address: address)
        }
        var configuration = try Self.clientConfiguration(address)
        configuration.options.maximumConnections = 10
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        logger.info("order store opened", metadata: [OrderServiceLoggingKeys.storeURL: "\(address)"])
    }

    public func run() async throws {
        await client.run()
    }

    public func write<T: Sendable>(_ body: @Sendable (any OrderStoreWriter) throws -> T) async throws -> T {
        let logger = logger
        do {
            return try await withLeasedConnection { connection in
                try await Self.run("BEGIN", on: connection, logger: logger)
                let value: T
                do {
                    // Synchronous round trips: on a thread of their own, never on the cooperative pool.
                    value = try await withTaskExecutorPreference(executor) {
                        try body(PostgresOrderStoreWriter(connection: connection, logger: logger))
                    }
                } catch {
                    // A failed ROLLBACK leaves nothing behind either: the server drops a broken connection's transaction.
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw BodyFailure(error: error)
                }
                try await Self.run("COMMIT", on: connection, logger: logger)
                return value
            }
        } catch let failure as BodyFailure {
            throw failure.error
        } catch {
            throw Self.storeError(error)
        }
    }

    /// The longest wait for a connection from the pool. Without it, a request waits while the pool
    /// retries a server that is down, until its circuit breaker trips after about a minute; the
    /// consumer would sit in one pass instead of retrying with backoff and showing it in `/health`.
    static let leaseTimeout: Duration = .seconds(5)

    /// Runs `body` on a leased connection, giving up with `unavailable` when none comes within
    /// ``leaseTimeout``. Only the wait for the lease is bounded, never `body`.
    private func withLeasedConnection<R: Sendable>(
        _ body: @Sendable (PostgresConnection) async throws -> R
    ) async throws -> R {
        let address = address
        return try await withoutActuallyEscaping(body) { body in
            // The group awaits both children before returning, so `body` does not outlive this call.
            try await withThrowingTaskGroup(of: R?.self) { group in
                let leased = LeaseFlag()
                group.addTask { [client] in
                    try await client.withConnection { connection in
                        leased.set()
                        return try await body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: Self.leaseTimeout)
                    guard leased.isSet else {
                        throw OrderStoreError.unavailable(
                            "no connection to PostgreSQL at \(address.host):\(address.port) within \(Self.leaseTimeout)")
                    }
                    return nil
                }
                while let next = try await group.next() {
                    guard let value = next else { continue }
                    group.cancelAll()
                    return value
                }
                throw OrderStoreError.unavailable("the PostgreSQL request ended without an answer")
            }
        }
    }

    /// What `body` threw, told apart from what leasing a connection threw: the first goes to the caller
    /// unchanged, the second is the store's.
    private struct BodyFailure: Error {
        let error: any Error
    }

    /// Errors of the pool itself (its circuit breaker after failed connects, a closed pool) say nothing
    /// about the record: `unavailable`, retried without end. Classified as `failed`, they would be
    /// retried a few times and then handled as the record's own fault.
    static func storeError(_ error: any Error) -> OrderStoreError {
        if let error = error as? OrderStoreError { return error }
        if let error = error as? PSQLError { return .wrapping(postgres: error) }
        return .unavailable("PostgreSQL: \(error)")
    }

    public func nextOffsets(topic: String) async throws(OrderStoreError) -> [KafkaPartition: KafkaOffset] {
        try await read { [logger] connection in
            var offsets: [KafkaPartition: KafkaOffset] = [:]
            let rows = try await connection.query(
                "SELECT partition, next_offset FROM consumed_offsets WHERE topic = \(topic)", logger: logger)
            for try await (number, next) in rows.decode((Int32, Int64).self) {
                guard let partition = KafkaPartition(validating: Int(number)) else { continue }
                offsets[partition] = KafkaOffset(rawValue: next)
            }
            return offsets
        }
    }

    public func order(_ id: OrderID) async throws(OrderStoreError) -> StoredOrder? {
        try await read { [logger] connection -> StoredOrder? in
            let rows = try await connection.query(
                """
                SELECT customer_id, order_date_ms, total_amount_cents, currency, status, shipping_cost_cents
                FROM orders WHERE order_id = \(id.rawValue)
                """, logger: logger)
            var found: (String, Int64, Int64, String, String, Int64)?
            for try await row in rows.decode((String, Int64, Int64, String, String, Int64).self) { found = row }
            guard let (customer, dateMs, totalCents, currency, statusText, shippingCents) = found else { return nil }
            guard let status = OrderStatus(rawValue: statusText) else {
                throw OrderStoreError.failed("order '\(id)' has an unknown status '\(statusText)' in the store")
            }
            var items: [OrderItem] = []
            let itemRows = try await connection.query(
                "SELECT item_id, quantity, price_cents FROM order_items WHERE order_id = \(id.rawValue) ORDER BY position",
                logger: logger)
            for try await (itemId, quantity, priceCents) in itemRows.decode((String, Int32, Int64).self) {
                items.append(OrderItem(itemId: itemId, quantity: quantity, price: Decimal(cents: priceCents)))
            }
            let order = Order(
                orderId: id, customerId: customer, orderDate: Date(milliseconds: dateMs), items: items,
                totalAmount: Decimal(cents: totalCents), currency: currency, status: status)
            return StoredOrder(order: order, shippingCost: Decimal(cents: shippingCents))
        }
    }

    public func orderIDs(topic: String, limit: Int, offset: Int) async throws(OrderStoreError) -> [OrderID] {
        // LIMIT NULL is no limit, as a negative limit is in SQLite.
        let limit: Int? = limit < 0 ? nil : limit
        return try await read { [logger] connection in
            var ids: [OrderID] = []
            let rows = try await connection.query(
                "SELECT order_id FROM orders WHERE source_topic = \(topic) ORDER BY seq LIMIT \(limit) OFFSET \(offset)",
                logger: logger)
            for try await id in rows.decode(String.self) { ids.append(OrderID(rawValue: id)) }
            return ids
        }
    }

    public func orderCount(topic: String) async throws(OrderStoreError) -> Int {
        try await count("SELECT COUNT(*) FROM orders WHERE source_topic = \(topic)")
    }

    public func orderCount() async throws(OrderStoreError) -> Int {
        try await count("SELECT COUNT(*) FROM orders")
    }

    public func unpublishedDeadLetters(limit: Int) async throws(OrderStoreError) -> [DeadLetter] {
        try await read { [logger] connection in
            let rows = try await connection.query(
                """
                SELECT original_topic, original_partition, original_offset, key, value, order_id, category, message,
                    retry_count, timestamp_ms, trace_parent, trace_state
                FROM dead_letters WHERE NOT is_published ORDER BY seq LIMIT \(limit)
                """, logger: logger)
            var letters: [DeadLetter] = []
            for try await row in rows {
                if let letter = try Self.deadLetter(from: row) { letters.append(letter) }
            }
            return letters
        }
    }

    public func markPublished(_ originals: [KafkaTopicPartitionOffset]) async throws(OrderStoreError) {
        guard !originals.isEmpty else { return }
        let topics = originals.map(\.topic)
        let partitions = originals.map { Int32($0.partition.rawValue) }
        let offsets = originals.map(\.offset.rawValue)
        // One statement, so it is atomic and one round trip, however many were published.
        try await execute(
            """
            UPDATE dead_letters SET is_published = TRUE
            WHERE (original_topic, original_partition, original_offset) IN (
                SELECT * FROM unnest(\(topics)::text[], \(partitions)::integer[], \(offsets)::bigint[]))
            """)
    }

    public func reset() async throws(OrderStoreError) {
        try await execute("TRUNCATE order_items, orders, consumed_offsets, dead_letters, dead_letter_replays")
    }

    public func resetOffsets(topic: String, partitions: [KafkaPartition]) async throws(OrderStoreError) {
        let numbers = partitions.map { Int32($0.rawValue) }
        try await execute("DELETE FROM consumed_offsets WHERE topic = \(topic) AND partition = ANY(\(numbers))")
    }

    private func count(_ query: PostgresQuery) async throws(OrderStoreError) -> Int {
        try await read { [logger] connection in
            var count: Int64 = 0
            for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { count = value }
            return Int(count)
        }
    }

    func execute(_ query: PostgresQuery) async throws(OrderStoreError) {
        try await read { [logger] connection in _ = try await connection.query(query, logger: logger) }
    }

    func read<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws(OrderStoreError) -> T {
        do {
            return try await withLeasedConnection(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    private static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws {
        do {
            try await connection.query(query, logger: logger)
        } catch {
            throw storeError(error)
        }
    }

    private static func deadLetter(from row: PostgresRow) throws -> DeadLetter? {
        let (topic, partitionNumber, offset, key, value, orderId, categoryText, message, retryCount, timestampMs, traceParent, traceState) =
            try row.decode(
                (String, Int32, Int64, ByteBuffer?, ByteBuffer, String?, String, String, Int32, Int64, ByteBuffer?, ByteBuffer?).self)
        guard let partition = KafkaPartition(validating: Int(partitionNumber)),
            let category = DeadLetterCategory(rawValue: categoryText)
        else { return nil }
        return DeadLetter(
            original: KafkaTopicPartitionOffset(topic: topic, partition: partition, offset: KafkaOffset(rawValue: offset)),
            key: key.map { Array($0.readableBytesView) },
            value: Array(value.readableBytesView),
            orderId: orderId,
            category: category,
            message: message,
            retryCount: Int(retryCount),
            timestamp: Date(milliseconds: timestampMs),
            traceHeaders: traceHeaders(traceParent: traceParent, traceState: traceState))
    }

    private static func traceHeaders(traceParent: ByteBuffer?, traceState: ByteBuffer?) -> [KafkaHeader] {
        var headers: [KafkaHeader] = []
        if let traceParent { headers.append(KafkaHeader(key: TraceContextHeader.traceParent, value: Array(traceParent.readableBytesView))) }
        if let traceState { headers.append(KafkaHeader(key: TraceContextHeader.traceState, value: Array(traceState.readableBytesView))) }
        return headers
    }
}

/// Whether a request got its connection: set by the request, read by its timer.
private final class LeaseFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
