/// What a group consumer does when the group moves partitions to or away from it.
///
/// The assignment hook is where an application that keeps its own offsets (in its database, in the same
/// transaction as its state) tells the consumer where to start: return those offsets and the partitions
/// start there instead of at the group's committed offsets.
///
/// ```swift
/// let hooks = KafkaRebalanceHooks(
///     onPartitionsAssigned: { partitions in try await store.offsets(for: partitions) },
///     onPartitionsRevoked: { partitions in await processor.drain(partitions) }
/// )
/// ```
///
/// - Important: The hooks run while the consumer waits for them (up to `rebalanceHookTimeout`), between
///   two batches of messages. They may call `commit`, `pause`, `resume` and `seek`, but must not wait for
///   messages of this consumer, nor close it.
public struct KafkaRebalanceHooks: Sendable {
    /// Called with newly assigned partitions; returns the offsets to start from for any of them
    /// (partitions not in the result start at the committed offset, or per `autoOffsetReset`). Throwing
    /// starts every partition at its committed offset.
    public var onPartitionsAssigned: @Sendable ([KafkaTopicPartition]) async throws -> [KafkaTopicPartition: KafkaOffset]
    /// Called before partitions are taken away (or after they were lost with the group membership). The
    /// last chance to commit or store progress for them.
    public var onPartitionsRevoked: @Sendable ([KafkaTopicPartition]) async -> Void

    public init(
        onPartitionsAssigned: @escaping @Sendable ([KafkaTopicPartition]) async throws -> [KafkaTopicPartition: KafkaOffset] = { _ in [:] },
        onPartitionsRevoked: @escaping @Sendable ([KafkaTopicPartition]) async -> Void = { _ in }
    ) {
        self.onPartitionsAssigned = onPartitionsAssigned
        self.onPartitionsRevoked = onPartitionsRevoked
    }

    /// No hooks: partitions start at the committed offsets.
    public static let none = KafkaRebalanceHooks()
}
