/// The position of a schema in a subject's history, counted from 1.
///
/// ``latest`` (-1, as in Confluent's API) stands for the newest live version where a request names one.
public struct SchemaVersion: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The newest version that is not deleted; `latest` in a URL.
    public static let latest = SchemaVersion(rawValue: -1)

    /// A version read from a URL path: a number in `1...Int32.max`, `latest` or `-1`; `nil` otherwise.
    public init?(parsing text: some StringProtocol) {
        if text == "latest" {
            self = .latest
            return
        }
        guard let value = Int32(text), value >= 1 || value == -1 else { return nil }
        self.rawValue = value
    }

    public var isLatest: Bool { self == .latest }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int32.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { isLatest ? "latest" : String(rawValue) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension SchemaVersion: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) {
        self.init(rawValue: value)
    }
}
