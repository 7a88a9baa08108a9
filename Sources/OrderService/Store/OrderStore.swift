import Foundation
import Kafka
import OrderEvents

/// What one store transaction may do. Valid only inside ``OrderStore/write(_:)``.
///
/// The consumer applies a batch of records through it and sets the partitions' next offsets in the
/// same transaction: either all of it is stored or none, so a crash at any point neither loses an
/// event nor applies one twice.
public protocol OrderStoreWriter {
    /// The current status of an order, `nil` when the order does not exist.
    func status(of id: OrderID) throws(OrderStoreError) -> OrderStatus?
    /// Stores a new order, created by the record at `source`.
    func insert(_ order: StoredOrder, from source: KafkaTopicPartitionOffset) throws(OrderStoreError)
    /// Changes the status of an existing order.
    func setStatus(_ status: OrderStatus, of id: OrderID, at time: Date) throws(OrderStoreError)
    /// Records a dead letter, not yet published. Returns false when this original was
    /// dead-lettered already (each original is dead-lettered at most once).
    @discardableResult
    func record(_ deadLetter: DeadLetter) throws(OrderStoreError) -> Bool
    /// The stored offset of the next record to apply in a partition, `nil` when none was applied.
    func nextOffset(for partition: KafkaTopicPartition) throws(OrderStoreError) -> KafkaOffset?
    /// Sets the offset of the next record to read in a partition.
    func setNextOffset(_ offset: KafkaOffset, for partition: KafkaTopicPartition) throws(OrderStoreError)
}

/// The Order Service's durable state: orders, the consumed offsets, and the dead letters that
/// still have to be published.
///
/// ``SQLiteOrderStore`` and ``PostgresOrderStore`` implement it; tests wrap them to inject failures.
public protocol OrderStore: Sendable {
    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    ///
    /// - Throws: ``OrderStoreError`` for what the database itself reports (at begin, inside `body`, at
    ///   commit), and whatever else `body` throws, unchanged.
    func write<T: Sendable>(_ body: @Sendable (any OrderStoreWriter) throws -> T) async throws -> T

    /// The stored next offset of each partition of `topic` that was ever consumed.
    func nextOffsets(topic: String) async throws(OrderStoreError) -> [KafkaPartition: KafkaOffset]
    func order(_ id: OrderID) async throws(OrderStoreError) -> StoredOrder?
    /// Ids of the orders created from `topic`, oldest first; all of them when `limit` is negative.
    func orderIDs(topic: String, limit: Int, offset: Int) async throws(OrderStoreError) -> [OrderID]
    /// How many orders were created from `topic`.
    func orderCount(topic: String) async throws(OrderStoreError) -> Int
    /// How many orders there are.
    func orderCount() async throws(OrderStoreError) -> Int
    /// Dead letters recorded but not yet acknowledged by the dead-letter topic, oldest first.
    func unpublishedDeadLetters(limit: Int) async throws(OrderStoreError) -> [DeadLetter]
    /// Notes that the dead-letter topic acknowledged these dead letters.
    func markPublished(_ originals: [KafkaTopicPartitionOffset]) async throws(OrderStoreError)
    /// Records the intent to replay a dead letter, before anything is produced, unless it was replayed
    /// (or a replay of it was started) before and `isForced` is false.
    ///
    /// Atomic: of two concurrent claims of one letter, one wins. A forced claim takes over an
    /// unconfirmed replay too.
    func claimReplay(
        of deadLetter: KafkaTopicPartitionOffset, isForced: Bool, at time: Date
    ) async throws(OrderStoreError)
        -> ReplayClaim
    /// Notes that the broker acknowledged the replayed copy of `attempt` at `produced`.
    func confirmReplay(
        of deadLetter: KafkaTopicPartitionOffset, attempt: Int, produced: KafkaTopicPartitionOffset, at time: Date
    ) async throws(OrderStoreError)
    /// Every replay recorded for the dead letters of `topic`, by their position there.
    func replays(deadLetterTopic topic: String) async throws(OrderStoreError) -> [KafkaTopicPartitionOffset: DeadLetterReplay]
    /// Deletes every order, offset, dead letter and replay record: used when the broker's log was reset and the
    /// stored state no longer belongs to it.
    func reset() async throws(OrderStoreError)
    /// Forgets the stored offsets of these partitions only, keeping every order: for a log that went back
    /// on some partitions but not on all, where wiping the orders would lose the others' (and, with
    /// several instances, orders this instance never read).
    func resetOffsets(topic: String, partitions: [KafkaPartition]) async throws(OrderStoreError)
}
