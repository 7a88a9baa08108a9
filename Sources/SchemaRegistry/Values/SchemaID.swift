/// The global identifier the registry gives a schema; the same schema text under any subject has the same id.
///
/// It is what the Confluent wire format carries after the magic byte, as a 4-byte big-endian integer,
/// so it is an `Int32` and never a bare `Int` in signatures.
public struct SchemaID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// An id read from input (a URL path, a JSON body): `nil` when it is outside `Int32`.
    public init?(validating rawValue: Int) {
        guard let value = Int32(exactly: rawValue) else { return nil }
        self.rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int32.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { String(rawValue) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension SchemaID: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int32) {
        self.init(rawValue: value)
    }
}
