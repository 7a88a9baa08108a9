import Kafka
import Synchronization

/// Which consumed records the processor may apply, per assigned partition: the one place that knows
/// each partition's next offset and whether it flows, waits for a retry, or was stopped.
///
/// Every change of a partition's state bumps its generation. Records are tagged with the generation
/// current when they came out of the consumer, and a record of an older generation is dropped: it
/// was fetched before a pause, a seek or a reassignment, and will be fetched again.
final class PartitionTracker: Sendable {
    enum Verdict: Equatable {
        /// Apply it.
        case accept
        /// Already applied, or from an old generation, or the partition is not ours or waits: drop it.
        case drop
        /// Older than the partition's next offset although nothing explains it: the broker's log may
        /// have gone back (a reset broker). Dropped, and worth a check.
        case behind
    }

    private struct Entry {
        enum Phase { case flowing, held, stopped }
        var phase: Phase
        var next: KafkaOffset
        var generation: UInt64
        /// After a seek, the first record must be exactly `next`; a later one is a leftover of the
        /// old position.
        var expectsExactNext: Bool
    }

    private struct State {
        var entries: [KafkaTopicPartition: Entry] = [:]
        var lastGeneration: UInt64 = 0

        mutating func nextGeneration() -> UInt64 {
            lastGeneration += 1
            return lastGeneration
        }
    }

    private let state = Mutex(State())

    /// The generation to tag a record of `partition` with; 0 for a partition that is not ours.
    func generation(of partition: KafkaTopicPartition) -> UInt64 {
        state.withLock { $0.entries[partition]?.generation ?? 0 }
    }

    /// The partitions are ours from `next` on (from the first record there is, when `nil`).
    func assign(_ partitions: [KafkaTopicPartition: KafkaOffset?]) {
        state.withLock { state in
            for (partition, next) in partitions {
                state.entries[partition] = Entry(
                    phase: .flowing, next: next ?? KafkaOffset(rawValue: 0), generation: state.nextGeneration(),
                    expectsExactNext: false)
            }
        }
    }

    func revoke(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            for partition in partitions { state.entries[partition] = nil }
        }
    }

    /// Stops every partition: nothing more is applied (the offset-reset policy `stop`).
    func stopAll() {
        state.withLock { state in
            for partition in Array(state.entries.keys) {
                let generation = state.nextGeneration()
                state.entries[partition]?.phase = .stopped
                state.entries[partition]?.generation = generation
            }
        }
    }

    func verdict(for message: KafkaConsumerMessage, generation: UInt64) -> Verdict {
        state.withLock { state in
            guard var entry = state.entries[message.topicPartition], entry.phase == .flowing,
                entry.generation == generation
            else { return .drop }
            if message.offset < entry.next { return entry.expectsExactNext ? .drop : .behind }
            if entry.expectsExactNext {
                guard message.offset == entry.next else { return .drop }
                entry.expectsExactNext = false
                state.entries[message.topicPartition] = entry
            }
            return .accept
        }
    }

    /// The store has these partitions' progress; records before it are done.
    func committed(_ offsets: [KafkaTopicPartition: KafkaOffset]) {
        state.withLock { state in
            for (partition, next) in offsets {
                guard var entry = state.entries[partition], next > entry.next else { continue }
                entry.next = next
                state.entries[partition] = entry
            }
        }
    }

    /// The partition waits for a retry; returns the generation that the retry belongs to, `nil` when
    /// the partition is no longer ours.
    func hold(_ partition: KafkaTopicPartition) -> UInt64? {
        state.withLock { state in
            guard var entry = state.entries[partition], entry.phase != .stopped else { return nil }
            entry.phase = .held
            entry.generation = state.nextGeneration()
            state.entries[partition] = entry
            return entry.generation
        }
    }

    /// Whether the retry of `generation` still owns the partition.
    func isCurrent(_ partition: KafkaTopicPartition, generation: UInt64) -> Bool {
        state.withLock { $0.entries[partition]?.generation == generation }
    }

    /// The held record passed: the partition flows again from `next`, which the consumer has just
    /// sought to. Returns false when the partition is no longer held by this retry.
    func release(_ partition: KafkaTopicPartition, generation: UInt64, next: KafkaOffset) -> Bool {
        state.withLock { state in
            guard var entry = state.entries[partition], entry.generation == generation, entry.phase == .held else {
                return false
            }
            entry.phase = .flowing
            entry.next = max(entry.next, next)
            entry.expectsExactNext = true
            entry.generation = state.nextGeneration()
            state.entries[partition] = entry
            return true
        }
    }

    /// The next offset of each partition (for tests and logs).
    var positions: [KafkaTopicPartition: KafkaOffset] {
        state.withLock { $0.entries.mapValues(\.next) }
    }
}
