import Testing

@testable import Avro

@Suite struct JSONEncodingTests {
    @Test(arguments: [
        (#"{"a": [1, -2, 3.5, "x\u00e9", null, true]}"#, #"{"a":[1,-2,3.5,"xé",null,true]}"#),
        (#"  [ ]  "#, "[]"),
        (#""\"\\\/\b\f\n\r\t\u0001""#, #""\"\\/\u0008\u000c\n\r\t\u0001""#),
        (#""\ud83d\ude00""#, "\"😀\""),
        ("9223372036854775807", "9223372036854775807"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("9223372036854775808", "9.223372036854776e+18"),
        ("[NaN, Infinity, -Infinity, -0.0, 1e-7]", "[NaN,Infinity,-Infinity,-0.0,1e-07]"),
    ])
    func parsesAndWrites(text: String, written: String) throws {
        #expect(try AvroJSON(parsing: text).jsonText == written)
    }

    @Test(arguments: [
        "", "[", "{\"a\" 1}", "[1,]", "01", "1.", "-", "\"\\x\"", "\"\\ud800\"", "tru", "[1] 2", "\"a\u{01}\"",
        "{1: 2}",
    ])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: AvroError.self) { try AvroJSON(parsing: text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: AvroError.self) { try AvroJSON(parsing: [0x22, 0xC3, 0x28, 0x22]) }
    }

    /// The specification's JSON encoding: unions as {"branch": value}, bytes as code points 0–255.
    @Test func avroJSONEncoding() throws {
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "R", "namespace": "n", "fields": [
                  {"name": "u", "type": ["null", "string", {"type": "record", "name": "S", "fields": [{"name": "x", "type": "int"}]}]},
                  {"name": "b", "type": "bytes"}, {"name": "f", "type": "float"}, {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A"]}},
                  {"name": "m", "type": {"type": "map", "values": "long"}}, {"name": "d", "type": "int", "default": 7}]}
                """#
        )
        let encoding = try AvroJSONEncoding(schema: schema)
        let value = try encoding.value(
            fromText: #"{"u": {"n.S": {"x": 1}}, "b": "\u0000\u00ff", "f": "NaN", "e": "A", "m": {"z": 1, "a": 2}}"#
        )
        #expect(value[field: "d"] == .int(7))
        #expect(value[field: "b"] == .bytes([0x00, 0xFF]))
        #expect(
            try encoding.text(for: value)
                == #"{"u":{"n.S":{"x":1}},"b":"\u0000ÿ","f":NaN,"e":"A","m":{"a":2,"z":1},"d":7}"#
        )
        #expect(
            try encoding.value(fromText: #"{"u": {"S": {"x": 1}}, "b": "", "f": 1, "e": "A", "m": {}}"#)[field: "u"]
                == .union(branch: 2, .record(["x": .int(1)]))
        )
        #expect(
            try encoding.value(fromText: #"{"u": null, "b": "", "f": 1, "e": "A", "m": {}}"#)[field: "u"]
                == .union(branch: 0, .null)
        )
        for bad in [
            #"{"u": "x", "b": "", "f": 1, "e": "A", "m": {}}"#,
            #"{"u": null, "b": "\u0100", "f": 1, "e": "A", "m": {}}"#,
            #"{"u": null, "b": "", "f": 1, "e": "B", "m": {}}"#, #"{"u": null, "b": "", "f": 1, "e": "A"}"#,
            #"{"u": null, "b": "", "f": 1, "e": "A", "m": {}, "zz": 1}"#,
            #"{"u": {"int": 1}, "b": "", "f": 1, "e": "A", "m": {}}"#,
        ] {
            #expect(throws: AvroError.self) { try encoding.value(fromText: bad) }
        }
    }
}
