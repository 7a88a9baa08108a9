/// The name a schema's versions are kept under, usually derived from a topic (``topicValue(_:)``).
public struct Subject: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Confluent's TopicNameStrategy for record values: `<topic>-value`. The Cart and Order services
    /// register and look up the order event schema under `order-events-value`.
    public static func topicValue(_ topic: String) -> Subject {
        Subject("\(topic)-value")
    }

    /// Confluent's TopicNameStrategy for record keys: `<topic>-key`.
    public static func topicKey(_ topic: String) -> Subject {
        Subject("\(topic)-key")
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Subject: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }
}
