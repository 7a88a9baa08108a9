import Foundation
import Kafka
import Synchronization

/// The consumer's state as `/health` reports it: what it reads, where each partition is, and what
/// it is waiting for. Written by the consumer, read by the HTTP handlers.
public final class ConsumerStatusBoard: Sendable {
    public enum Phase: String, Sendable {
        /// Connecting, joining the group, replaying unpublished dead letters.
        case starting
        case running
        /// No longer consuming; `stopReason` says why.
        case stopped
    }

    /// A partition held at a record that waits for a retry, or before its first record while its stored
    /// offset cannot be read.
    public struct Hold: Sendable, Hashable {
        /// The held record; `nil` while the partition waits for its stored offset.
        public var offset: KafkaOffset?
        public var category: DeadLetterCategory
        public var reason: String
        /// Attempts made so far, the first included.
        public var attempts: Int
        public var nextAttempt: Date

        public init(offset: KafkaOffset?, category: DeadLetterCategory, reason: String, attempts: Int, nextAttempt: Date) {
            self.offset = offset
            self.category = category
            self.reason = reason
            self.attempts = attempts
            self.nextAttempt = nextAttempt
        }
    }

    public struct PartitionStatus: Sendable, Hashable {
        public var partition: KafkaTopicPartition
        /// The stored offset of the next record to apply.
        public var nextOffset: KafkaOffset?
        /// The offset after the newest record in the broker, as last seen.
        public var logEndOffset: KafkaOffset?
        public var hold: Hold?

        public var lag: Int64? {
            guard let next = nextOffset, let end = logEndOffset, next.isConcrete, end.isConcrete else { return nil }
            return max(0, end.rawValue - next.rawValue)
        }
    }

    public struct Snapshot: Sendable {
        public var phase: Phase
        public var stopReason: String?
        public var partitions: [PartitionStatus]
        /// Dead letters recorded but not yet acknowledged by the dead-letter topic.
        public var unpublishedDeadLetters: Int
        /// Why publishing dead letters is being retried, if it is.
        public var deadLetterPublishingProblem: String?
        public var isDeadLetterReaderCaughtUp: Bool

        /// Stuck: stopped, or waiting on the infrastructure (`RETRY_FOREVER`) somewhere. A record
        /// retried a few times before dead-lettering is not stuck: it passes within seconds.
        public var isStuck: Bool {
            phase == .stopped || deadLetterPublishingProblem != nil
                || partitions.contains { $0.hold?.category == .retryForever }
        }
    }

    private struct State {
        var phase: Phase = .starting
        var stopReason: String?
        var partitions: [KafkaTopicPartition: PartitionStatus] = [:]
        var unpublishedDeadLetters = 0
        var deadLetterPublishingProblem: String?
        var logEnd: (@Sendable (KafkaTopicPartition) -> KafkaOffset?)?
    }

    private let state = Mutex(State())

    public init() {}

    public func setPhase(_ phase: Phase, reason: String? = nil) {
        state.withLock { state in
            state.phase = phase
            state.stopReason = reason
        }
    }

    public var phase: Phase { state.withLock { $0.phase } }

    /// Where `/health` learns each partition's log end, without a broker round trip.
    public func setLogEndProvider(_ provider: @escaping @Sendable (KafkaTopicPartition) -> KafkaOffset?) {
        state.withLock { $0.logEnd = provider }
    }

    public func assigned(_ partitions: [KafkaTopicPartition: KafkaOffset?]) {
        state.withLock { state in
            for (partition, offset) in partitions {
                state.partitions[partition] = PartitionStatus(partition: partition, nextOffset: offset, hold: nil)
            }
        }
    }

    public func revoked(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            for partition in partitions { state.partitions[partition] = nil }
        }
    }

    public func advanced(_ offsets: [KafkaTopicPartition: KafkaOffset]) {
        state.withLock { state in
            for (partition, offset) in offsets {
                state.partitions[partition, default: PartitionStatus(partition: partition)].nextOffset = offset
            }
        }
    }

    public func hold(_ partition: KafkaTopicPartition, _ hold: Hold?) {
        state.withLock { state in
            state.partitions[partition, default: PartitionStatus(partition: partition)].hold = hold
        }
    }

    public func deadLetterPublishing(unpublished: Int, problem: String?) {
        state.withLock { state in
            state.unpublishedDeadLetters = unpublished
            state.deadLetterPublishingProblem = problem
        }
    }

    public func snapshot(deadLetterReaderCaughtUp: Bool) -> Snapshot {
        let (copy, logEnd) = state.withLock { ($0.partitions, $0.logEnd) }
        var partitions = copy.values.sorted { ($0.partition.topic, $0.partition.partition) < ($1.partition.topic, $1.partition.partition) }
        if let logEnd {
            for index in partitions.indices { partitions[index].logEndOffset = logEnd(partitions[index].partition) }
        }
        return state.withLock { state in
            Snapshot(
                phase: state.phase, stopReason: state.stopReason, partitions: partitions,
                unpublishedDeadLetters: state.unpublishedDeadLetters,
                deadLetterPublishingProblem: state.deadLetterPublishingProblem,
                isDeadLetterReaderCaughtUp: deadLetterReaderCaughtUp)
        }
    }
}
