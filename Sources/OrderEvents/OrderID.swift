import Foundation

/// The identity of an order, and the Kafka key of all its events (UTF-8).
///
/// Limited in length and characters because it travels as a Kafka key, a URL query value, a log
/// field and a database key: printable, unambiguous, short.
public struct OrderID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// The longest order id accepted.
    public static let maximumLength = 64

    /// The characters an order id may hold, besides ASCII letters and digits.
    public static let allowedPunctuation: Set<Character> = ["-", "_", ".", ":"]

    /// Wraps a value known to be valid (read back from our own store or events).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Checks `text` against the rules; returns the problems in words a client can act on.
    public static func problems(in text: String) -> [String] {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return ["orderId cannot be empty"] }
        var problems: [String] = []
        if text.count > maximumLength {
            problems.append("orderId must be at most \(maximumLength) characters long")
        }
        if !text.allSatisfy(isAllowed) {
            problems.append("orderId may contain only letters, digits and - _ . :")
        }
        return problems
    }

    /// A valid order id, or nil when `text` breaks a rule (see ``problems(in:)``).
    public init?(validating text: String) {
        guard Self.problems(in: text).isEmpty else { return nil }
        self.rawValue = text
    }

    private static func isAllowed(_ character: Character) -> Bool {
        (character.isASCII && (character.isLetter || character.isNumber)) || allowedPunctuation.contains(character)
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
