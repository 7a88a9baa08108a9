import Kafka
import Synchronization

/// Which consumed records the processor may apply, per assigned partition: the one place that knows
/// each partition's next offset and whether it flows, waits for a retry, or was stopped.
///
/// A held partition keeps the records that arrive behind the held one in a backlog, in order:
/// librdkafka resumes a paused partition after the last record it handed out, so those records
/// would not come again. Once the held record has passed, the backlog is applied, then the
/// partition flows again.
///
/// Every assignment bumps the partition's generation. Records are tagged with the generation
/// current when they came out of the consumer, and a record of an older generation is dropped:
/// it was fetched for an earlier assignment, and the consumer fetches again from the stored offset.
final class PartitionTracker: Sendable {
    enum Verdict: Equatable {
        /// Apply it.
        case accept
        /// Already applied, or from an old generation, or the partition is not ours: drop it.
        case drop
        /// The partition waits for a retry: the record went into its backlog.
        case deferred
        /// Older than the partition's next offset although nothing explains it: the broker's log may
        /// have gone back (a reset broker). Dropped, and worth a check.
        case behind
    }

    enum Release: Equatable {
        /// The partition flows again.
        case released
        /// Records arrived behind the held one: apply these first, then ask again.
        case backlog([KafkaConsumerMessage])
        /// The partition is no longer held by this retry (revoked, reassigned, stopped).
        case notOurs
    }

    private struct Entry {
        enum Phase {
            case flowing, held, stopped
            /// Assigned, but where it starts is not known: the stored offsets could not be read. Nothing
            /// of it is applied until ``start(_:at:generation:)``.
            case awaitingOffsets
        }
        var phase: Phase
        var next: KafkaOffset
        var generation: UInt64
        var backlog: [KafkaConsumerMessage] = []
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
                    phase: .flowing, next: next ?? KafkaOffset(rawValue: 0), generation: state.nextGeneration())
            }
        }
    }

    /// The partitions are ours but wait for their stored offsets. Returns the generation the wait
    /// belongs to, for ``start(_:at:generation:)``.
    func awaitOffsets(_ partitions: [KafkaTopicPartition]) -> UInt64 {
        state.withLock { state in
            let generation = state.nextGeneration()
            for partition in partitions {
                state.entries[partition] = Entry(phase: .awaitingOffsets, next: KafkaOffset(rawValue: 0), generation: generation)
            }
            return generation
        }
    }

    /// The partitions of `partitions` that still wait for their offsets in `generation` (not revoked
    /// or reassigned since).
    func awaiting(_ partitions: [KafkaTopicPartition], generation: UInt64) -> [KafkaTopicPartition] {
        state.withLock { state in
            partitions.filter { state.entries[$0]?.generation == generation && state.entries[$0]?.phase == .awaitingOffsets }
        }
    }

    /// The stored offset of a partition that waited for it is known: it flows from `next` (from its first
    /// record, when `nil`), in a new generation, so that nothing fetched before is applied. Returns
    /// false when the partition no longer waits in `generation`.
    func start(_ partition: KafkaTopicPartition, at next: KafkaOffset?, generation: UInt64) -> Bool {
        state.withLock { state in
            guard let entry = state.entries[partition], entry.generation == generation, entry.phase == .awaitingOffsets else {
                return false
            }
            state.entries[partition] = Entry(
                phase: .flowing, next: next ?? KafkaOffset(rawValue: 0), generation: state.nextGeneration())
            return true
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
                state.entries[partition]?.phase = .stopped
                state.entries[partition]?.backlog = []
            }
        }
    }

    /// These partitions start over at their first record (their stored offsets were reset).
    func rewind(_ partitions: Set<KafkaTopicPartition>) {
        state.withLock { state in
            for partition in partitions { state.entries[partition]?.next = KafkaOffset(rawValue: 0) }
        }
    }

    func verdict(for message: KafkaConsumerMessage, generation: UInt64) -> Verdict {
        state.withLock { state in
            guard var entry = state.entries[message.topicPartition], entry.generation == generation else { return .drop }
            switch entry.phase {
            case .stopped, .awaitingOffsets:
                return .drop
            case .flowing:
                return message.offset < entry.next ? .behind : .accept
            case .held:
                let last = entry.backlog.last?.offset ?? KafkaOffset(rawValue: entry.next.rawValue - 1)
                guard message.offset > last else { return .drop }
                entry.backlog.append(message)
                state.entries[message.topicPartition] = entry
                return .deferred
            }
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

    /// The partition waits for a retry, with `backlog` (the records behind the held one, in order)
    /// in front of whatever arrives next. Returns the generation the retry belongs to, `nil` when the
    /// partition is no longer ours.
    func hold(_ partition: KafkaTopicPartition, backlog: [KafkaConsumerMessage]) -> UInt64? {
        state.withLock { state in
            guard var entry = state.entries[partition], entry.phase != .stopped else { return nil }
            entry.phase = .held
            entry.backlog = backlog + entry.backlog.filter { message in !backlog.contains { $0.offset == message.offset } }
            entry.backlog.sort { $0.offset < $1.offset }
            state.entries[partition] = entry
            return entry.generation
        }
    }

    /// Whether the retry of `generation` still owns the held partition.
    func isCurrent(_ partition: KafkaTopicPartition, generation: UInt64) -> Bool {
        state.withLock { state in
            guard let entry = state.entries[partition] else { return false }
            return entry.generation == generation && entry.phase == .held
        }
    }

    /// The held record passed: hands out the backlog if there is one, else lets the partition flow.
    func release(_ partition: KafkaTopicPartition, generation: UInt64) -> Release {
        state.withLock { state in
            guard var entry = state.entries[partition], entry.generation == generation, entry.phase == .held else {
                return .notOurs
            }
            if !entry.backlog.isEmpty {
                let backlog = entry.backlog
                entry.backlog = []
                state.entries[partition] = entry
                return .backlog(backlog)
            }
            entry.phase = .flowing
            state.entries[partition] = entry
            return .released
        }
    }

    /// The next offset of each partition (for tests and logs).
    var positions: [KafkaTopicPartition: KafkaOffset] {
        state.withLock { $0.entries.mapValues(\.next) }
    }
}
