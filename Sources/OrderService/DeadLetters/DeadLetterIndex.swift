import Foundation
import JSONOutput
import Kafka
import OrderEvents
import ServiceSupport
import Synchronization

/// What the dead-letter topic holds, as `/dlq/stats` and `/dlq/messages` show it.
///
/// Fed by ``DeadLetterReader`` from the topic itself, so it covers every instance's dead letters and
/// is rebuilt after a restart. A dead letter that reached the topic twice (published, then the
/// service crashed before noting it) is counted once: letters are keyed by their original
/// (topic, partition, offset).
///
/// - Note: The letters are kept in memory; at a few hundred bytes each, a million take a few hundred
///   MB. The topic's retention (30 days) bounds them.
public final class DeadLetterIndex: Sendable {
    private struct State {
        var letters: [IndexedDeadLetter] = []
        var categories: [String: Int] = [:]
        var seen: Set<KafkaTopicPartitionOffset> = []
        var duplicates = 0
        var isCaughtUp = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Adds a record of the dead-letter topic; returns false for a duplicate of a letter already held.
    @discardableResult
    public func add(_ message: KafkaConsumerMessage) -> Bool {
        let (letter, category) = DeadLetter.read(from: message)
        return state.withLock { state in
            guard state.seen.insert(letter.original).inserted else {
                state.duplicates += 1
                return false
            }
            state.letters.append(
                IndexedDeadLetter(
                    letter: letter, category: category, position: message.topicPartitionOffset, headers: message.headers))
            state.categories[category, default: 0] += 1
            return true
        }
    }

    /// Forgets every letter: the broker's log was reset, and the dead-letter topic starts over. Kept, the
    /// old letters would shadow new ones at the same original positions (counted as duplicates, hidden).
    public func removeAll() {
        state.withLock { state in
            let isCaughtUp = state.isCaughtUp
            state = State()
            state.isCaughtUp = isCaughtUp
        }
    }

    /// Notes that the reader has reached the end of the topic as it was at start.
    public func markCaughtUp() { state.withLock { $0.isCaughtUp = true } }

    public var isCaughtUp: Bool { state.withLock { $0.isCaughtUp } }

    /// Whether this original is in the topic already.
    public func contains(_ original: KafkaTopicPartitionOffset) -> Bool {
        state.withLock { $0.seen.contains(original) }
    }

    /// Distinct dead letters, per category.
    public var statistics: (total: Int, categories: [String: Int]) {
        state.withLock { ($0.letters.count, $0.categories) }
    }

    /// Copies of a letter read more than once, and counted once.
    public var duplicateCount: Int { state.withLock { $0.duplicates } }

    /// The letter at `offset` of the dead-letter topic (its first partition holding one there); `nil`
    /// when there is none, or the record there repeats a letter held already.
    public func letter(atOffset offset: Int64) -> IndexedDeadLetter? {
        state.withLock { state in
            state.letters.filter { $0.position.offset.rawValue == offset }.min { $0.position.partition < $1.position.partition }
        }
    }

    /// Every distinct letter, in topic order.
    public var all: [IndexedDeadLetter] { state.withLock { $0.letters } }

    /// The letters in topic order, `limit` of them after skipping `offset`.
    public func page(limit: Int, offset: Int) -> (letters: [IndexedDeadLetter], total: Int) {
        state.withLock { state in
            let start = min(max(0, offset), state.letters.count)
            let end = min(start + max(0, limit), state.letters.count)
            return (Array(state.letters[start..<end]), state.letters.count)
        }
    }
}

/// A record of the dead-letter topic, read back.
public struct IndexedDeadLetter: Sendable, Hashable {
    public var letter: DeadLetter
    /// The `error_category` header as written (another writer may use categories of its own).
    public var category: String
    /// Where the letter is in the dead-letter topic.
    public var position: KafkaTopicPartitionOffset
    /// The record's headers as read: the dead-letter metadata and whatever the original carried.
    public var headers: [KafkaHeader]

    public init(letter: DeadLetter, category: String, position: KafkaTopicPartitionOffset, headers: [KafkaHeader] = []) {
        self.letter = letter
        self.category = category
        self.position = position
        self.headers = headers
    }

    /// The seed's DLQ message (6.3), with the original value in base64.
    public var json: JSONText { .object(members) }

    /// The seed's shape, then where the letter is in the dead-letter topic and whether and when it was
    /// replayed (`replay` is its record, `nil` when never replayed).
    public func json(replay: DeadLetterReplay?) -> JSONText {
        var members = self.members
        members.append(("dlq_offset", .int(position.offset.rawValue)))
        members.append(("replayed", .bool(replay?.isConfirmed ?? false)))
        members.append(("replayed_at", replay?.replayedAt.map(JSONText.timestamp) ?? .null))
        members.append(("replay_attempts", .int(replay?.attempt ?? 0)))
        if let replay, let produced = replay.produced {
            members.append(
                (
                    "replayed_to",
                    .object([
                        ("topic", .string(produced.topic)), ("partition", .int(produced.partition.rawValue)),
                        ("offset", .int(produced.offset.rawValue)),
                    ])
                ))
        } else {
            members.append(("replayed_to", .null))
        }
        return .object(members)
    }

    private var members: [(String, JSONText)] {
        let letter = self.letter
        return [
            ("orderId", letter.orderId.map(JSONText.string) ?? .null),
            ("error_category", .string(category)),
            ("error_message", .string(letter.message)),
            ("retry_count", .int(letter.retryCount)),
            ("timestamp", .timestamp(letter.timestamp)),
            ("original_topic", .string(letter.original.topic)),
            ("original_partition", .int(letter.original.partition.rawValue)),
            ("original_offset", .int(letter.original.offset.rawValue)),
            ("original_value", .string(Data(letter.value).base64EncodedString())),
        ]
    }
}
