import Foundation
import Kafka
import OrderEvents
import OrderService
import Synchronization

/// A real store with failures injected on demand: the orders named fail (as a processing failure or
/// as an unavailable store), or the whole store is unavailable.
final class FaultyOrderStore: OrderStore {
    struct Faults {
        /// Writes touching these orders fail with the given code.
        var failingOrders: [OrderID: OrderStoreError.Code] = [:]
        /// Every operation fails as unavailable.
        var isUnavailable = false
        /// Reading the stored offsets fails as unavailable (the rest works).
        var isOffsetReadFailing = false
        /// Attempts to write each failing order, for assertions.
        var attempts: [OrderID: Int] = [:]
    }

    let inner: SQLiteOrderStore
    let faults = Mutex(Faults())

    init(inner: SQLiteOrderStore) {
        self.inner = inner
    }

    func fail(_ id: OrderID, with code: OrderStoreError.Code?) { faults.withLock { $0.failingOrders[id] = code } }
    func setUnavailable(_ unavailable: Bool) { faults.withLock { $0.isUnavailable = unavailable } }
    func setOffsetReadFailing(_ failing: Bool) { faults.withLock { $0.isOffsetReadFailing = failing } }
    func attempts(for id: OrderID) -> Int { faults.withLock { $0.attempts[id, default: 0] } }

    private func checkAvailable() throws(OrderStoreError) {
        if faults.withLock({ $0.isUnavailable }) { throw .unavailable("injected: store down") }
    }

    func write<T: Sendable>(_ body: @Sendable (any OrderStoreWriter) throws -> T) async throws -> T {
        try checkAvailable()
        return try await inner.write { writer in try body(FaultyWriter(inner: writer, store: self)) }
    }

    /// Called by the writer for each order it touches.
    fileprivate func check(_ id: OrderID) throws(OrderStoreError) {
        let code = faults.withLock { faults -> OrderStoreError.Code? in
            guard let code = faults.failingOrders[id] else { return nil }
            faults.attempts[id, default: 0] += 1
            return code
        }
        if let code { throw OrderStoreError(code, "injected failure for \(id)") }
    }

    func nextOffsets(topic: String) async throws(OrderStoreError) -> [KafkaPartition: KafkaOffset] {
        try checkAvailable()
        if faults.withLock({ $0.isOffsetReadFailing }) { throw .unavailable("injected: offsets unreadable") }
        return try await inner.nextOffsets(topic: topic)
    }

    func order(_ id: OrderID) async throws(OrderStoreError) -> StoredOrder? {
        try checkAvailable()
        return try await inner.order(id)
    }

    func orderIDs(topic: String, limit: Int, offset: Int) async throws(OrderStoreError) -> [OrderID] {
        try checkAvailable()
        return try await inner.orderIDs(topic: topic, limit: limit, offset: offset)
    }

    func orderCount(topic: String) async throws(OrderStoreError) -> Int {
        try checkAvailable()
        return try await inner.orderCount(topic: topic)
    }

    func orderCount() async throws(OrderStoreError) -> Int {
        try checkAvailable()
        return try await inner.orderCount()
    }

    func unpublishedDeadLetters(limit: Int) async throws(OrderStoreError) -> [DeadLetter] {
        try checkAvailable()
        return try await inner.unpublishedDeadLetters(limit: limit)
    }

    func markPublished(_ originals: [KafkaTopicPartitionOffset]) async throws(OrderStoreError) {
        try checkAvailable()
        try await inner.markPublished(originals)
    }

    func reset() async throws(OrderStoreError) {
        try checkAvailable()
        try await inner.reset()
    }

    func resetOffsets(topic: String, partitions: [KafkaPartition]) async throws(OrderStoreError) {
        try checkAvailable()
        try await inner.resetOffsets(topic: topic, partitions: partitions)
    }

    func claimReplay(
        of deadLetter: KafkaTopicPartitionOffset, isForced: Bool, at time: Date
    ) async throws(OrderStoreError)
        -> ReplayClaim
    {
        try checkAvailable()
        return try await inner.claimReplay(of: deadLetter, isForced: isForced, at: time)
    }

    func confirmReplay(
        of deadLetter: KafkaTopicPartitionOffset, attempt: Int, produced: KafkaTopicPartitionOffset, at time: Date
    ) async throws(OrderStoreError) {
        try checkAvailable()
        try await inner.confirmReplay(of: deadLetter, attempt: attempt, produced: produced, at: time)
    }

    func replays(deadLetterTopic topic: String) async throws(OrderStoreError) -> [KafkaTopicPartitionOffset: DeadLetterReplay] {
        try checkAvailable()
        return try await inner.replays(deadLetterTopic: topic)
    }
}

private struct FaultyWriter: OrderStoreWriter {
    let inner: any OrderStoreWriter
    let store: FaultyOrderStore

    func status(of id: OrderID) throws(OrderStoreError) -> OrderStatus? { try inner.status(of: id) }

    func insert(_ order: StoredOrder, from source: KafkaTopicPartitionOffset) throws(OrderStoreError) {
        try store.check(order.order.orderId)
        try inner.insert(order, from: source)
    }

    func setStatus(_ status: OrderStatus, of id: OrderID, at time: Date) throws(OrderStoreError) {
        try store.check(id)
        try inner.setStatus(status, of: id, at: time)
    }

    func record(_ deadLetter: DeadLetter) throws(OrderStoreError) -> Bool { try inner.record(deadLetter) }

    func nextOffset(for partition: KafkaTopicPartition) throws(OrderStoreError) -> KafkaOffset? {
        try inner.nextOffset(for: partition)
    }

    func setNextOffset(_ offset: KafkaOffset, for partition: KafkaTopicPartition) throws(OrderStoreError) {
        try inner.setNextOffset(offset, for: partition)
    }
}
