import Foundation
import Testing

@testable import Avro

/// Malformed input is an error with a code and a byte offset, never a trap, hang or large allocation.
@Suite struct DecodingSafetyTests {
    static let record =
        #"{"type": "record", "name": "R", "fields": [{"name": "s", "type": "string"}, {"name": "n", "type": "int"}]}"#

    @Test(arguments: [
        ("string", [] as [UInt8], AvroError.Code.truncated, 0),
        ("string", [0x06, 0x61], .truncated, 0),  // length 3, one byte left
        ("string", [0x01], .malformed, 0),  // length -1
        ("string", [0x04, 0xC3, 0x28], .invalidUTF8, 0),  // invalid continuation byte
        ("string", [0x02, 0xFF], .invalidUTF8, 0),
        ("string", [0x06, 0xED, 0xA0, 0x80], .invalidUTF8, 0),  // UTF-16 surrogate encoded in UTF-8
        ("bytes", [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], .truncated, 0),  // length Int64.max
        ("long", [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], .malformed, 0),  // 11-byte varint
        ("long", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], .malformed, 0),  // 65th bit set
        ("long", [0x80], .truncated, 0),
        ("int", [0x80, 0x80, 0x80, 0x80, 0x10], .malformed, 0),  // 2^31 does not fit an int
        ("boolean", [0x02], .malformed, 0),
        ("float", [0x00, 0x00], .truncated, 0),
        ("double", [0x00], .truncated, 0),
        ("long", [0x02, 0x02], .malformed, 1),  // a byte left over
        (#"["null", "int"]"#, [0x04], .malformed, 0),  // branch 2 of 2
        (#"["null", "int"]"#, [0x01], .malformed, 0),  // branch -1
        (#"{"type": "enum", "name": "E", "symbols": ["A"]}"#, [0x02], .malformed, 0),
        (#"{"type": "fixed", "name": "F", "size": 4}"#, [0x01, 0x02], .truncated, 0),
        (#"{"type": "array", "items": "long"}"#, [0x06, 0x02], .truncated, 0),  // 3 items, 1 byte left
        (#"{"type": "array", "items": "long"}"#, [0x01, 0x02], .malformed, 1),  // count -1, byte size 1, then nothing
        (
            #"{"type": "array", "items": "long"}"#, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
            .malformed, 0
        ),  // count Int64.min
        (#"{"type": "map", "values": "null"}"#, [0xFE, 0xFF, 0xFF, 0xFF, 0x0F], .limitExceeded, 0),  // 2^31 entries
        (#"{"type": "array", "items": "null"}"#, [0x82, 0x89, 0x7A], .limitExceeded, 0),  // 1,000,001 nulls
        (record, [0x02, 0x61], .truncated, 2),
    ])
    func malformedInputFails(schemaJSON: String, bytes: [UInt8], code: AvroError.Code, offset: Int) throws {
        let json = schemaJSON.hasPrefix("{") || schemaJSON.hasPrefix("[") ? schemaJSON : "\"\(schemaJSON)\""
        let schema = try AvroSchema(parsing: json)
        let error = try #require(throws: AvroError.self) { try AvroDatumReader(schema: schema).decode(bytes) }
        #expect(error.code == code, "\(error)")
        #expect(error.offset == offset, "\(error)")
        let codable = try #require(throws: AvroError.self) {
            try AvroDecoder(schema: schema).decode(AnyDatum.self, from: bytes)
        }
        #expect(codable.code == code, "\(codable)")
    }

    @Test func errorsFromInsideARecordNameTheField() throws {
        let schema = try AvroSchema(parsing: Self.record)
        let error = try #require(throws: AvroError.self) {
            try AvroDatumReader(schema: schema).decode([0x02, 0x61, 0x80])
        }
        #expect(error.message == "R.n: varint runs past the end of the input (at byte 2)")
    }
}
