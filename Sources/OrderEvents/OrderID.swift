import Foundation

/// The identity of an order, and the Kafka key of all its events (UTF-8).
///
/// Limited in length and characters because it travels as a Kafka key, a URL query value, a log
/// field and a database key: printable, unambiguous, short.
public struct OrderID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// The longest order id accepted.
    public static let maximumLength = 64

    /// Wraps a value known to be valid (read back from our own store or events).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Checks `text` against the rules; returns the problems in words a client can act on.
    ///
    /// Reads UTF-8 bytes rather than `Character`s: it runs on every request, and every allowed
    /// character is ASCII, so one byte is one character whenever the id is valid.
    public static func problems(in text: String) -> [String] {
        let utf8 = text.utf8
        if !utf8.contains(where: isAllowed), text.trimmingCharacters(in: .whitespaces).isEmpty {
            return ["orderId cannot be empty"]
        }
        var problems: [String] = []
        if utf8.count > maximumLength && text.count > maximumLength {
            problems.append("orderId must be at most \(maximumLength) characters long")
        }
        if !utf8.allSatisfy(isAllowed) {
            problems.append("orderId may contain only letters, digits and - _ . :")
        }
        return problems
    }

    /// A valid order id, or nil when `text` breaks a rule (see ``problems(in:)``).
    public init?(validating text: String) {
        guard Self.problems(in: text).isEmpty else { return nil }
        self.rawValue = text
    }

    /// ASCII letters and digits, and `-`, `_`, `.`, `:`.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
            true
        default: false
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: OrderID, rhs: OrderID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
