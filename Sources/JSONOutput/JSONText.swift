import Foundation

/// A JSON document built by hand, for answers whose exact form matters.
///
/// `JSONEncoder` writes `Decimal(2.00)` as `2` and `1999.60` as `1999.6`; the seed's clients expect
/// money as numbers with two decimals (`2.00`). ``number(_:)`` carries the exact text of a number.
/// Object keys keep their order, so answers read like the seed's examples.
public indirect enum JSONText: Sendable, Hashable {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    /// A number written exactly as given (must be valid JSON number text).
    case number(String)
    case bool(Bool)
    case null

    public static func int<I: BinaryInteger>(_ value: I) -> JSONText { .number(String(value)) }

    /// An instant in ISO 8601 UTC with seconds, e.g. `2026-01-30T15:00:00Z` (milliseconds when not whole).
    public static func timestamp(_ date: Date) -> JSONText { .string(ISO8601.format(date)) }

    public static func == (lhs: JSONText, rhs: JSONText) -> Bool { lhs.serialized() == rhs.serialized() }

    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact JSON text.
    public func serialized() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .object(let members):
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                Self.appendString(key, to: &output)
                output += ":"
                value.write(to: &output)
            }
            output += "}"
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .string(let text): Self.appendString(text, to: &output)
        case .number(let text): output += text
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        }
    }

    /// Appends `text` as a JSON string literal, quoted and escaped: for writers that build their own
    /// lines (the log handler) without a ``JSONText`` value per member.
    public static func appendString(_ text: String, to output: inout String) {
        output += "\""
        // Most strings (ids, statuses, dates) need no escaping: append them whole.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                output +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
