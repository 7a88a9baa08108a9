import Foundation

extension JSONValue {
    /// Why a request body is not JSON, and where: the byte offset of the first thing that is wrong.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: String
        public let offset: Int

        public init(reason: String, offset: Int) {
            self.reason = reason
            self.offset = offset
        }

        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// The deepest nesting a body may have: far more than any request needs, and a bound on the
    /// parser's recursion, so a hostile body of `[[[[…` cannot exhaust the stack.
    public static let maximumDepth = 64

    /// Parses one JSON document (RFC 8259), keeping numbers exact as `Decimal`.
    ///
    /// Our own parser because every request body goes through it: Foundation's `JSONDecoder` can
    /// only learn a value's type by trying each one and catching the error, which made parsing the
    /// largest single cost of a create-order (see README, Performance). Its verdicts are Foundation's
    /// (the tests compare both on valid and malformed documents), but strict where Foundation is
    /// lenient: RFC 8259 has no trailing commas.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(ParseError) {
        var parser = JSONBodyParser(bytes: bytes)
        parser.skipWhitespace()
        self = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.isAtEnd else { throw parser.error("unexpected data after the JSON value") }
    }

    /// Parses the UTF-8 of `text`; see ``init(parsing:)-(UnsafeRawBufferPointer)``.
    public init(parsing text: String) throws(ParseError) {
        var text = text
        let result = text.withUTF8 { utf8 in Result { () throws(ParseError) in try JSONValue(parsing: UnsafeRawBufferPointer(utf8)) } }
        self = try result.get()
    }
}

/// A recursive-descent parser over UTF-8 bytes; every read checks the end first.
private struct JSONBodyParser {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    func error(_ reason: String) -> JSONValue.ParseError {
        JSONValue.ParseError(reason: reason, offset: index)
    }

    mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    mutating func parseValue(depth: Int) throws(JSONValue.ParseError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth + 1))
        case UInt8(ascii: "["): return .array(try parseArray(depth: depth + 1))
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character")
        }
    }

    private mutating func expect(_ literal: StaticString) throws(JSONValue.ParseError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw error("unexpected end of JSON") }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw error("invalid literal")
        }
        index += count
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func parseObject(depth: Int) throws(JSONValue.ParseError) -> [String: JSONValue] {
        guard depth <= JSONValue.maximumDepth else { throw error("nested deeper than \(JSONValue.maximumDepth) levels") }
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return members }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let name = try parseString()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected ':'") }
            skipWhitespace()
            members[name] = try parseValue(depth: depth)
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return members }
            guard consume(UInt8(ascii: ",")) else { throw error("expected ',' or '}'") }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONValue.ParseError) -> [JSONValue] {
        guard depth <= JSONValue.maximumDepth else { throw error("nested deeper than \(JSONValue.maximumDepth) levels") }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return elements }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return elements }
            guard consume(UInt8(ascii: ",")) else { throw error("expected ',' or ']'") }
        }
    }

    /// A string without escapes is taken as one slice; escapes send it through ``parseEscapedString(from:)``.
    private mutating func parseString() throws(JSONValue.ParseError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return try validUTF8(slice, at: start)
            case UInt8(ascii: "\\"):
                return try parseEscapedString(from: start)
            case 0..<0x20:
                throw error("control character in a string")
            default:
                index += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseEscapedString(from start: Int) throws(JSONValue.ParseError) -> String {
        var utf8 = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw JSONValue.ParseError(reason: "invalid UTF-8 in a string", offset: start)
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &utf8)
            case 0..<0x20:
                throw error("control character in a string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw error("unterminated string")
    }

    private mutating func appendEscape(to utf8: inout [UInt8]) throws(JSONValue.ParseError) {
        guard index < bytes.count else { throw error("unterminated string") }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escaped)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: String(Character(try parseUnicodeEscape())).utf8)
        default: throw error("invalid escape")
        }
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`; the leading `\u` is already read.
    private mutating func parseUnicodeEscape() throws(JSONValue.ParseError) -> Unicode.Scalar {
        let first = try parseHex4()
        if let scalar = Unicode.Scalar(first) { return scalar }
        guard first >= 0xD800, first < 0xDC00, bytes.count - index >= 6,
            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
        else { throw error("invalid \\u escape (lone surrogate)") }
        index += 2
        let second = try parseHex4()
        guard second >= 0xDC00, second < 0xE000,
            let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
        else { throw error("invalid \\u escape (lone surrogate)") }
        return scalar
    }

    private mutating func parseHex4() throws(JSONValue.ParseError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let digit: UInt32
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(bytes[index] - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(bytes[index] - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(bytes[index] - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func validUTF8(_ raw: UnsafeRawBufferPointer, at offset: Int) throws(JSONValue.ParseError) -> String {
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw JSONValue.ParseError(reason: "invalid UTF-8 in a string", offset: offset)
        }
        return text
    }

    /// Checks the RFC 8259 grammar, then reads the value exactly: integers that fit in `Int` directly,
    /// anything else through `Decimal`'s own parser.
    private mutating func parseNumber() throws(JSONValue.ParseError) -> Decimal {
        let start = index
        _ = consume(UInt8(ascii: "-"))
        let integerStart = index
        skipDigits()
        guard index > integerStart else { throw error("invalid number") }
        guard bytes[integerStart] != UInt8(ascii: "0") || index - integerStart == 1 else { throw error("leading zero in a number") }
        var isInteger = true
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            let fractionStart = index
            skipDigits()
            guard index > fractionStart else { throw error("invalid number") }
        }
        if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
            isInteger = false
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            let exponentStart = index
            skipDigits()
            guard index > exponentStart else { throw error("invalid number") }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int(text) { return Decimal(value) }
        return Self.decimal(text)
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
    }

    /// A valid JSON number beyond `Decimal`'s range (about 1e±128, e.g. 1e-300) is kept only as where
    /// it lies (0 or the largest magnitude): no field accepts such a number, so validation answers
    /// with the field's own message rather than "malformed JSON".
    private static func decimal(_ text: String) -> Decimal {
        if let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value.isFinite { return value }
        let double = Double(text) ?? 0
        let bound = double.magnitude < 1 ? Decimal.zero : Decimal.greatestFiniteMagnitude
        return double.sign == .minus ? -bound : bound
    }
}
