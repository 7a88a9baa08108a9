import Foundation
import Testing

@testable import Avro

/// Binary vectors with the bytes written out (checked against fastavro), both directions.
@Suite struct BinaryEncodingTests {
    @Test(arguments: [
        // zig-zag varints at the 7-bit group boundaries
        ("int", AvroValue.int(0), [0x00] as [UInt8]),
        ("int", .int(-1), [0x01]),
        ("int", .int(1), [0x02]),
        ("int", .int(-64), [0x7F]),
        ("int", .int(64), [0x80, 0x01]),
        ("int", .int(-65), [0x81, 0x01]),
        ("int", .int(8191), [0xFE, 0x7F]),
        ("int", .int(8192), [0x80, 0x80, 0x01]),
        ("int", .int(Int32.max), [0xFE, 0xFF, 0xFF, 0xFF, 0x0F]),
        ("int", .int(Int32.min), [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        ("long", .long(Int64.max), [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ("long", .long(Int64.min), [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ("long", .long(1 << 35), [0x80, 0x80, 0x80, 0x80, 0x80, 0x02]),
        ("boolean", .boolean(true), [0x01]),
        ("null", .null, []),
        ("float", .float(1.5), [0x00, 0x00, 0xC0, 0x3F]),
        ("double", .double(-0.0), [0, 0, 0, 0, 0, 0, 0, 0x80]),
        ("double", .double(.infinity), [0, 0, 0, 0, 0, 0, 0xF0, 0x7F]),
        ("string", .string("é"), [0x04, 0xC3, 0xA9]),
        ("string", .string(""), [0x00]),
        ("bytes", .bytes([0xFF, 0x00]), [0x04, 0xFF, 0x00]),
        (#"{"type": "fixed", "name": "F", "size": 3}"#, .fixed([1, 2, 3]), [0x01, 0x02, 0x03]),
        (#"{"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}"#, .enumeration("C"), [0x04]),
        (#"{"type": "array", "items": "int"}"#, .array([.int(1), .int(2)]), [0x04, 0x02, 0x04, 0x00]),
        (#"{"type": "array", "items": "int"}"#, .array([]), [0x00]),
        (
            #"{"type": "map", "values": "int"}"#, .map(["b": .int(2), "a": .int(1)]),
            [0x04, 0x02, 0x61, 0x02, 0x02, 0x62, 0x04, 0x00]
        ),
        (#"["null", "string"]"#, .union(branch: 0, .null), [0x00]),
        (#"["null", "string"]"#, .union(branch: 1, .string("a")), [0x02, 0x02, 0x61]),
        (
            #"{"type": "record", "name": "P", "fields": [{"name": "x", "type": "int"}, {"name": "y", "type": ["null", "long"]}]}"#,
            .record(["x": .int(-2), "y": .union(branch: 1, .long(3))]), [0x03, 0x02, 0x06]
        ),
    ])
    func vector(schemaJSON: String, value: AvroValue, bytes: [UInt8]) throws {
        let schema = try AvroSchema(
            parsing: schemaJSON.hasPrefix("{") || schemaJSON.hasPrefix("[") ? schemaJSON : "\"\(schemaJSON)\""
        )
        #expect(try AvroDatumWriter(schema: schema).encode(value) == bytes)
        #expect(try AvroDatumReader(schema: schema).decode(bytes) == value)
    }

    /// Bare values for unions: the first branch the value fits.
    @Test func bareValuesPickTheFirstFittingBranch() throws {
        let schema = try AvroSchema(parsing: #"["null", "int", "double", "string"]"#)
        let writer = try AvroDatumWriter(schema: schema)
        #expect(try writer.encode(.null) == [0x00])
        #expect(try writer.encode(.int(1)) == [0x02, 0x02])
        #expect(try writer.encode(.long(1)) == [0x02, 0x02])
        #expect(try writer.encode(.double(1)) == [0x04, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        #expect(try writer.encode(.string("")) == [0x06, 0x00])
        #expect(throws: AvroError.self) { try writer.encode(.boolean(true)) }
    }

    @Test func encodingErrorsNameThePath() throws {
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "Order", "fields": [
                  {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
                    {"name": "price", "type": "double"}]}}}]}
                """#
        )
        let value = AvroValue.record([
            "items": .array([.record(["price": .double(1)]), .record(["price": .string("x")])])
        ])
        let error = try #require(throws: AvroError.self) { try AvroDatumWriter(schema: schema).encode(value) }
        #expect(error.code == .typeMismatch)
        #expect(error.message == "Order.items[1].price: expected double, found string")
        let missing = try #require(throws: AvroError.self) {
            try AvroDatumWriter(schema: schema).encode(.record(["items": .array([.record([:])])]))
        }
        #expect(missing.code == .missingField)
        #expect(missing.path == "Order.items[0].price")
    }

    @Test func multipleBlocksAndNegativeCountsAreRead() throws {
        let schema = try AvroSchema(parsing: #"{"type": "array", "items": "int"}"#)
        // block of 2 items, then a block of -1 item with its byte size (1), then the end
        let bytes: [UInt8] = [0x04, 0x02, 0x04, 0x01, 0x02, 0x06, 0x00]
        #expect(try AvroDatumReader(schema: schema).decode(bytes) == .array([.int(1), .int(2), .int(3)]))
    }

    @Test func concatenatedDatumsDecodeWithAnOffset() throws {
        let reader = try AvroDatumReader(schema: .long)
        let bytes: [UInt8] = [0x02, 0x80, 0x01, 0x03]
        var offset = 0
        var values: [AvroValue] = []
        while offset < bytes.count { values.append(try reader.decode(bytes, offset: &offset)) }
        #expect(values == [.long(1), .long(64), .long(-2)])
    }
}
