/// A recursive-descent parser over UTF-8 bytes. Every read checks the end first; depth is bounded.
struct JSONParser {
    let bytes: UnsafeRawBufferPointer
    let maximumDepth: Int
    var index = 0

    init(bytes: UnsafeRawBufferPointer, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue(depth: Int) throws(AvroError) -> AvroJSON {
        guard index < bytes.count else { throw .invalidJSON("unexpected end of JSON", offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "N"): try expectLiteral("NaN"); return .double(.nan)
        case UInt8(ascii: "I"): try expectLiteral("Infinity"); return .double(.infinity)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw .invalidJSON("unexpected character '\(printable(bytes[index]))'", offset: index)
        }
    }

    private func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(AvroError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw .invalidJSON("unexpected end of JSON", offset: index) }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] {
            throw .invalidJSON("invalid literal", offset: index)
        }
        index += count
    }

    private mutating func checkDepth(_ depth: Int) throws(AvroError) {
        guard depth <= maximumDepth else {
            throw .invalidJSON("JSON nests deeper than \(maximumDepth) levels", offset: index)
        }
    }

    private mutating func parseArray(depth: Int) throws(AvroError) -> AvroJSON {
        try checkDepth(depth)
        index += 1
        var elements: [AvroJSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw .invalidJSON("unterminated array", offset: index) }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "]") { return .array(elements) }
            guard byte == UInt8(ascii: ",") else { throw .invalidJSON("expected ',' or ']'", offset: index - 1) }
        }
    }

    private mutating func parseObject(depth: Int) throws(AvroError) -> AvroJSON {
        try checkDepth(depth)
        index += 1
        var object = AvroJSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw .invalidJSON("expected a string key", offset: index)
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw .invalidJSON("expected ':'", offset: index)
            }
            index += 1
            skipWhitespace()
            object.append(key, try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw .invalidJSON("unterminated object", offset: index) }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "}") { return .object(object) }
            guard byte == UInt8(ascii: ",") else { throw .invalidJSON("expected ',' or '}'", offset: index - 1) }
        }
    }

    /// Parses a string; the fast path copies a run without escapes in one go.
    mutating func parseString() throws(AvroError) -> String {
        let start = index
        index += 1
        var runStart = index
        var scratch: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeRawBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if scratch.isEmpty {
                    guard let string = String(validating: run, as: UTF8.self) else { throw .invalidUTF8(offset: start) }
                    return string
                }
                scratch.append(contentsOf: run)
                guard let string = String(validating: scratch, as: UTF8.self) else { throw .invalidUTF8(offset: start) }
                return string
            }
            if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<index]))
                try parseEscape(into: &scratch)
                runStart = index
                continue
            }
            guard byte >= 0x20 else { throw .invalidJSON("control character in string", offset: index) }
            index += 1
        }
        throw .invalidJSON("unterminated string", offset: start)
    }

    private mutating func parseEscape(into scratch: inout [UInt8]) throws(AvroError) {
        index += 1
        guard index < bytes.count else { throw .invalidJSON("unterminated escape", offset: index) }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): try appendUnicodeEscape(into: &scratch)
        default: throw .invalidJSON("invalid escape", offset: index - 1)
        }
    }

    private mutating func appendUnicodeEscape(into scratch: inout [UInt8]) throws(AvroError) {
        var scalar = UInt32(try parseHex4())
        if (0xD800..<0xDC00).contains(scalar) {
            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw .invalidJSON("unpaired surrogate in \\u escape", offset: index) }
            index += 2
            let low = UInt32(try parseHex4())
            guard (0xDC00..<0xE000).contains(low) else {
                throw .invalidJSON("unpaired surrogate in \\u escape", offset: index)
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            throw .invalidJSON("unpaired surrogate in \\u escape", offset: index)
        }
        UTF8.encode(unicode) { scratch.append($0) }
    }

    private mutating func parseHex4() throws(AvroError) -> UInt16 {
        guard bytes.count - index >= 4 else { throw .invalidJSON("truncated \\u escape", offset: index) }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .invalidJSON("invalid \\u escape", offset: index)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// Parses a number by the JSON grammar; integers that fit in 64 bits stay exact.
    private mutating func parseNumber() throws(AvroError) -> AvroJSON {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "I") {
                try expectLiteral("Infinity")
                return .double(-.infinity)
            }
        }
        let integerStart = index
        skipDigits()
        guard index > integerStart else { throw .invalidJSON("invalid number", offset: start) }
        guard bytes[integerStart] != UInt8(ascii: "0") || index - integerStart == 1 else {
            throw .invalidJSON("leading zero in number", offset: start)
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let fractionStart = index
            skipDigits()
            guard index > fractionStart else { throw .invalidJSON("invalid number", offset: start) }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            let exponentStart = index
            skipDigits()
            guard index > exponentStart else { throw .invalidJSON("invalid number", offset: start) }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let value = Int64(text) { return .integer(value) }
        guard let value = Double(text) else { throw .invalidJSON("invalid number", offset: start) }
        return .double(value)
    }

    private mutating func skipDigits() {
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
    }
}
