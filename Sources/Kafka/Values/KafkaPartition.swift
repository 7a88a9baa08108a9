/// A partition number of a topic.
public struct KafkaPartition: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    /// - Precondition: `rawValue >= 0`; use ``unassigned`` for "let the partitioner decide". A value that
    ///   comes from input should go through ``init(validating:)`` instead.
    public init(rawValue: Int32) {
        precondition(rawValue >= 0 || rawValue == Self.unassigned.rawValue, "Partition must be >= 0: \(rawValue)")
        self.rawValue = rawValue
    }

    /// A partition number read from input (HTTP, a store): `nil` when it is negative.
    public init?(validating rawValue: Int) {
        guard rawValue >= 0, rawValue <= Int(Int32.max) else { return nil }
        self.rawValue = Int32(rawValue)
    }

    /// Lets the producer's partitioner choose (by key hash when there is a key). librdkafka's
    /// `RD_KAFKA_PARTITION_UA`, which a test checks against its header.
    public static let unassigned = KafkaPartition(unchecked: -1)

    init(unchecked rawValue: Int32) {
        self.rawValue = rawValue
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension KafkaPartition: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) {
        self.init(rawValue: value)
    }
}
