import Foundation
import Kafka
import Logging
import NIOCore
import OrderEvents
import PostgresNIO
import ServiceSupport

/// ``OrderStoreWriter`` over one PostgreSQL transaction on one leased connection.
///
/// - Important: Each call waits for its round trip (`wait()`), so it must run off the cooperative pool
///   and off the connection's event loop: ``PostgresOrderStore/write(_:)`` runs it on its own thread.
struct PostgresOrderStoreWriter: OrderStoreWriter {
    let connection: PostgresConnection
    let logger: Logger

    func status(of id: OrderID) throws(OrderStoreError) -> OrderStatus? {
        let result = try run("SELECT status FROM orders WHERE order_id = \(id.rawValue)")
        guard let row = result.first else { return nil }
        let text = try decode { try row.decode(String.self) }
        guard let status = OrderStatus(rawValue: text) else {
            throw .failed("order '\(id)' has an unknown status '\(text)' in the store")
        }
        return status
    }

    func insert(_ stored: StoredOrder, from source: KafkaTopicPartitionOffset) throws(OrderStoreError) {
        let order = stored.order
        let positions = order.items.indices.map { Int32($0) }
        let itemIds = order.items.map(\.itemId)
        let quantities = order.items.map(\.quantity)
        let prices = order.items.map(\.price.cents)
        // The order and its items in one statement: one round trip per CREATE.
        try run(
            """
            WITH created AS (
                INSERT INTO orders (order_id, customer_id, order_date_ms, total_amount_cents, currency, status,
                    shipping_cost_cents, updated_at_ms, source_topic, source_partition, source_offset)
                VALUES (\(order.orderId.rawValue), \(order.customerId), \(order.orderDate.milliseconds),
                    \(order.totalAmount.cents), \(order.currency), \(order.status.rawValue), \(stored.shippingCost.cents),
                    \(order.orderDate.milliseconds), \(source.topic), \(Int32(source.partition.rawValue)),
                    \(source.offset.rawValue))
                RETURNING order_id)
            INSERT INTO order_items (order_id, position, item_id, quantity, price_cents)
            SELECT created.order_id, item.* FROM created,
                unnest(\(positions)::integer[], \(itemIds)::text[], \(quantities)::integer[], \(prices)::bigint[]) AS item
            """)
    }

    func setStatus(_ status: OrderStatus, of id: OrderID, at time: Date) throws(OrderStoreError) {
        try run(
            "UPDATE orders SET status = \(status.rawValue), updated_at_ms = \(time.milliseconds) WHERE order_id = \(id.rawValue)")
    }

    func record(_ letter: DeadLetter) throws(OrderStoreError) -> Bool {
        let key = letter.key.map { ByteBuffer(bytes: $0) }
        let result = try run(
            """
            INSERT INTO dead_letters (original_topic, original_partition, original_offset, key, value, order_id,
                category, message, retry_count, timestamp_ms, trace_parent, trace_state)
            VALUES (\(letter.original.topic), \(Int32(letter.original.partition.rawValue)), \(letter.original.offset.rawValue),
                \(key), \(ByteBuffer(bytes: letter.value)), \(letter.orderId), \(letter.category.rawValue), \(letter.message),
                \(Int32(letter.retryCount)), \(letter.timestamp.milliseconds),
                \(letter.traceHeaderBuffer(TraceContextHeader.traceParent)), \(letter.traceHeaderBuffer(TraceContextHeader.traceState)))
            ON CONFLICT DO NOTHING
            """)
        return (result.metadata.rows ?? 0) > 0
    }

    func nextOffset(for partition: KafkaTopicPartition) throws(OrderStoreError) -> KafkaOffset? {
        let result = try run(
            """
            SELECT next_offset FROM consumed_offsets
            WHERE topic = \(partition.topic) AND partition = \(Int32(partition.partition.rawValue))
            """)
        guard let row = result.first else { return nil }
        return KafkaOffset(rawValue: try decode { try row.decode(Int64.self) })
    }

    func setNextOffset(_ offset: KafkaOffset, for partition: KafkaTopicPartition) throws(OrderStoreError) {
        try run(
            """
            INSERT INTO consumed_offsets (topic, partition, next_offset)
            VALUES (\(partition.topic), \(Int32(partition.partition.rawValue)), \(offset.rawValue))
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset
            """)
    }

    @discardableResult
    private func run(_ query: PostgresQuery) throws(OrderStoreError) -> PostgresQueryResult {
        do {
            return try connection.query(query, logger: logger).wait()
        } catch {
            throw PostgresOrderStore.storeError(error)
        }
    }

    private func decode<T>(_ body: () throws -> T) throws(OrderStoreError) -> T {
        do {
            return try body()
        } catch {
            throw .failed("a stored row does not read back: \(error)")
        }
    }
}

extension DeadLetter {
    /// The bytes of the original's trace header `key`, as the store keeps them; `nil` when it had none.
    fileprivate func traceHeaderBuffer(_ key: String) -> ByteBuffer? {
        traceHeaders.last(named: key)?.value.map { ByteBuffer(bytes: $0) }
    }
}
