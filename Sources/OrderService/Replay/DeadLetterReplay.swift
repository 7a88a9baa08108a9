import Foundation
import Kafka

/// The durable record of one dead letter's replay, kept by the order store.
///
/// A replay is recorded in two steps around the produce: the intent (``requestedAt``, no
/// ``produced``) before anything is sent, the produced position after the broker acknowledged it.
/// A record left without ``produced`` means the service stopped (or the broker failed) between the
/// two: the copy may or may not be in the topic, so the letter is not replayed again without
/// `force` (at most once per dead letter, never a silent double).
public struct DeadLetterReplay: Sendable, Hashable {
    /// Where the dead letter is in the dead-letter topic.
    public var deadLetter: KafkaTopicPartitionOffset
    /// 1 for the first replay, incremented by each forced one.
    public var attempt: Int
    public var requestedAt: Date
    /// When the broker acknowledged the replayed copy; `nil` while unconfirmed.
    public var replayedAt: Date?
    /// Where the replayed copy went; `nil` while unconfirmed.
    public var produced: KafkaTopicPartitionOffset?

    public init(
        deadLetter: KafkaTopicPartitionOffset, attempt: Int, requestedAt: Date, replayedAt: Date? = nil,
        produced: KafkaTopicPartitionOffset? = nil
    ) {
        self.deadLetter = deadLetter
        self.attempt = attempt
        self.requestedAt = requestedAt
        self.replayedAt = replayedAt
        self.produced = produced
    }

    public var isConfirmed: Bool { produced != nil }
}

/// What claiming a dead letter for replay found.
public enum ReplayClaim: Sendable, Hashable {
    /// The intent is recorded: produce, then confirm with this attempt.
    case claimed(attempt: Int)
    /// Replayed before (and confirmed); only `force` replays it again.
    case alreadyReplayed(DeadLetterReplay)
    /// A replay was started and never confirmed (crash, broker failure, or one still running).
    case unconfirmed(DeadLetterReplay)
}
