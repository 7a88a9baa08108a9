/// A position in a partition: either a concrete offset (`>= 0`) or one of librdkafka's logical offsets.
///
/// A committed offset is the offset of the *next* message to read, i.e. the last processed offset + 1.
/// The logical offsets are librdkafka's numbers (`RD_KAFKA_OFFSET_*`), which a test checks against its header.
public struct KafkaOffset: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int64

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    /// The oldest message still in the partition.
    public static let beginning = KafkaOffset(rawValue: -2)
    /// The offset after the newest message: only messages produced from now on.
    public static let end = KafkaOffset(rawValue: -1)
    /// The group's committed offset (falling back to `autoOffsetReset`).
    public static let stored = KafkaOffset(rawValue: -1000)
    /// No offset: used for "not known" in answers from librdkafka.
    public static let invalid = KafkaOffset(rawValue: -1001)

    /// `count` messages before the end of the partition.
    public static func tail(_ count: Int64) -> KafkaOffset {
        KafkaOffset(rawValue: tailBase - count)
    }

    /// `RD_KAFKA_OFFSET_TAIL_BASE`: offsets at or below it count back from the end.
    private static let tailBase: Int64 = -2000

    /// Whether this is a concrete offset in the log rather than a logical one.
    public var isConcrete: Bool { rawValue >= 0 }

    /// The offset after this one: what to commit once this message is processed.
    public var next: KafkaOffset { KafkaOffset(rawValue: rawValue + 1) }

    public var description: String {
        switch self {
        case .beginning: "beginning"
        case .end: "end"
        case .stored: "stored"
        case .invalid: "invalid"
        default:
            rawValue <= Self.tailBase ? "tail(\(Self.tailBase - rawValue))" : String(rawValue)
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension KafkaOffset: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) {
        self.init(rawValue: value)
    }
}
