import Foundation
import ServiceSupport
import Testing

/// The request-body parser accepts what Foundation's JSON parser accepts and refuses what it refuses
/// (but for trailing commas, which RFC 8259 forbids), and keeps numbers exact.
@Suite struct JSONValueParsingTests {
    func parse(_ text: String) throws(JSONValue.ParseError) -> JSONValue {
        try JSONValue(parsing: text)
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.50, 1e2, true, false, null, "x\"\u00e9\n\ud83d\ude00"], "b": {}} "#)
        #expect(
            value
                == .object([
                    "a": .array([
                        .number(1), .number(Decimal(string: "-2.5")!), .number(100), .bool(true), .bool(false), .null,
                        .string("x\"é\n😀"),
                    ]),
                    "b": .object([:]),
                ]))
    }

    @Test func pricesStayExact() throws {
        guard case .object(let body) = try parse(#"{"price": 19.99, "big": 123456789012345678901234567890}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(body["price"] == .number(Decimal(string: "19.99")!))
        #expect(body["big"] == .number(Decimal(string: "123456789012345678901234567890")!))
    }

    @Test func numbersBeyondDecimalKeepOnlyWhereTheyLie() throws {
        #expect(try parse("1e-300") == .number(0))
        #expect(try parse("-1e300") == .number(-Decimal.greatestFiniteMagnitude))
    }

    /// The same verdict as `JSONSerialization` (with fragments allowed) on each document.
    @Test(arguments: [
        "{}", "[]", "0", "-0", "1.5", "\"a\"", "null", "[1,2]", #"{"a":{"b":[null]}}"#, " \t\n{ } ",
        "", "{", "}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "[1 2]", "{\"a\" 1}", "{1:2}",
        "\"\\x\"", "\"\\u12\"", "\"a\nb\"", "{} {}", "NaN", "Infinity", "\"\\ud800\"", "'a'", "[\"\\u00e9\"]",
    ])
    func agreesWithFoundation(document: String) {
        let foundation = (try? JSONSerialization.jsonObject(with: Data(document.utf8), options: .fragmentsAllowed)) != nil
        let ours = (try? parse(document)) != nil
        #expect(ours == foundation, "\(document.debugDescription): Foundation \(foundation), ours \(ours)")
    }

    /// RFC 8259 has no trailing commas; Foundation lets them through, we do not.
    @Test(arguments: ["[1,]", #"{"a":1,}"#])
    func refusesTrailingCommas(document: String) {
        #expect(throws: JSONValue.ParseError.self) { try parse(document) }
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        let invalid: [UInt8] = [0x22, 0xFF, 0x22]
        #expect(throws: JSONValue.ParseError.self) { try invalid.withUnsafeBytes { raw in try JSONValue(parsing: raw) } }
        let deep = String(repeating: "[", count: JSONValue.maximumDepth + 1) + String(repeating: "]", count: JSONValue.maximumDepth + 1)
        #expect(throws: JSONValue.ParseError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: JSONValue.maximumDepth) + String(repeating: "]", count: JSONValue.maximumDepth)
        #expect((try? parse(fine)) != nil)
    }

    @Test func errorsSayWhere() {
        #expect(throws: JSONValue.ParseError(reason: "expected ',' or '}'", offset: 8)) { try parse(#"{"a": 1 "b": 2}"#) }
    }
}
