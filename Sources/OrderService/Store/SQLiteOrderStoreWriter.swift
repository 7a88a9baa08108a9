import Foundation
import GRDB
import Kafka
import OrderEvents
import ServiceSupport

/// ``OrderStoreWriter`` over one GRDB transaction. Statements are cached: the consumer runs the same
/// few thousands of times per second.
struct SQLiteOrderStoreWriter: OrderStoreWriter {
    let db: Database

    func status(of id: OrderID) throws(OrderStoreError) -> OrderStatus? {
        let text = try run {
            try String.fetchOne(
                db.cachedStatement(sql: #"SELECT status FROM "order" WHERE orderId = ?"#), arguments: [id.rawValue])
        }
        guard let text else { return nil }
        guard let status = OrderStatus(rawValue: text) else {
            throw .failed("order '\(id)' has an unknown status '\(text)' in the store")
        }
        return status
    }

    func insert(_ stored: StoredOrder, from source: KafkaTopicPartitionOffset) throws(OrderStoreError) {
        let order = stored.order
        try run {
            try db.cachedStatement(
                sql: """
                    INSERT INTO "order" (orderId, customerId, orderDateMs, totalAmountCents, currency, status,
                        shippingCostCents, updatedAtMs, sourceTopic, sourcePartition, sourceOffset)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                order.orderId.rawValue, order.customerId, order.orderDate.milliseconds, order.totalAmount.cents,
                order.currency, order.status.rawValue, stored.shippingCost.cents, order.orderDate.milliseconds,
                source.topic, source.partition.rawValue, source.offset.rawValue,
            ])
            let item = try db.cachedStatement(
                sql: "INSERT INTO orderItem (orderId, position, itemId, quantity, priceCents) VALUES (?, ?, ?, ?, ?)")
            for (position, line) in order.items.enumerated() {
                try item.execute(arguments: [
                    order.orderId.rawValue, position, line.itemId, line.quantity, line.price.cents,
                ])
            }
        }
    }

    func setStatus(_ status: OrderStatus, of id: OrderID, at time: Date) throws(OrderStoreError) {
        try run {
            try db.cachedStatement(sql: #"UPDATE "order" SET status = ?, updatedAtMs = ? WHERE orderId = ?"#)
                .execute(arguments: [status.rawValue, time.milliseconds, id.rawValue])
        }
    }

    func record(_ letter: DeadLetter) throws(OrderStoreError) -> Bool {
        try run {
            try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO deadLetter (originalTopic, originalPartition, originalOffset, key, value,
                        orderId, category, message, retryCount, timestampMs, traceParent, traceState)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                letter.original.topic, letter.original.partition.rawValue, letter.original.offset.rawValue,
                letter.key.map { Data($0) }, Data(letter.value), letter.orderId, letter.category.rawValue,
                letter.message, letter.retryCount, letter.timestamp.milliseconds,
                letter.traceHeaderValue(TraceContextHeader.traceParent), letter.traceHeaderValue(TraceContextHeader.traceState),
            ])
            return db.changesCount > 0
        }
    }

    func nextOffset(for partition: KafkaTopicPartition) throws(OrderStoreError) -> KafkaOffset? {
        try run {
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT nextOffset FROM consumedOffset WHERE topic = ? AND partition = ?"),
                arguments: [partition.topic, partition.partition.rawValue]
            ).map(KafkaOffset.init(rawValue:))
        }
    }

    func setNextOffset(_ offset: KafkaOffset, for partition: KafkaTopicPartition) throws(OrderStoreError) {
        try run {
            try db.cachedStatement(
                sql: """
                    INSERT INTO consumedOffset (topic, partition, nextOffset) VALUES (?, ?, ?)
                    ON CONFLICT (topic, partition) DO UPDATE SET nextOffset = excluded.nextOffset
                    """
            ).execute(arguments: [partition.topic, partition.partition.rawValue, offset.rawValue])
        }
    }

    private func run<T>(_ body: () throws -> T) throws(OrderStoreError) -> T {
        do {
            return try body()
        } catch {
            throw .wrapping(error)
        }
    }
}

extension DeadLetter {
    /// The bytes of the original's trace header `key`, as the store keeps them; `nil` when it had none.
    fileprivate func traceHeaderValue(_ key: String) -> Data? {
        traceHeaders.last(named: key)?.value.map { Data($0) }
    }
}
