import Foundation
import Testing

@testable import Avro

@Suite struct DecimalTests {
    /// Decimal ↔ unscaled bytes, sized like fastavro (bytes) and sign-extended (fixed of 4).
    @Test(arguments: [
        ("0", [0x00] as [UInt8], [0x00, 0x00, 0x00, 0x00] as [UInt8]),
        ("1", [0x64], [0x00, 0x00, 0x00, 0x64]),
        ("-1", [0x9C], [0xFF, 0xFF, 0xFF, 0x9C]),
        ("1.27", [0x7F], [0x00, 0x00, 0x00, 0x7F]),
        ("1.28", [0x00, 0x80], [0x00, 0x00, 0x00, 0x80]),
        ("-1.28", [0xFF, 0x80], [0xFF, 0xFF, 0xFF, 0x80]),
        ("-1.29", [0xFF, 0x7F], [0xFF, 0xFF, 0xFF, 0x7F]),
        ("49.99", [0x13, 0x87], [0x00, 0x00, 0x13, 0x87]),
        ("-49.99", [0xEC, 0x79], [0xFF, 0xFF, 0xEC, 0x79]),
        ("-0.01", [0xFF], [0xFF, 0xFF, 0xFF, 0xFF]),
        ("49.9", [0x13, 0x7E], [0x00, 0x00, 0x13, 0x7E]),
    ])
    func decimalBytes(text: String, bytes: [UInt8], fixed: [UInt8]) throws {
        let value = try #require(Decimal(string: text))
        let bytesSchema = try AvroSchema(
            parsing: #"{"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}"#
        )
        let fixedSchema = try AvroSchema(
            parsing: #"{"type": "fixed", "name": "F", "size": 4, "logicalType": "decimal", "precision": 9, "scale": 2}"#
        )
        #expect(try AvroEncoder(schema: bytesSchema).encode(value) == [UInt8(bytes.count * 2)] + bytes)
        #expect(try AvroEncoder(schema: fixedSchema).encode(value) == fixed)
        #expect(
            try AvroDecoder(schema: bytesSchema).decode(Decimal.self, from: [UInt8(bytes.count * 2)] + bytes) == value
        )
        #expect(try AvroDecoder(schema: fixedSchema).decode(Decimal.self, from: fixed) == value)
    }

    @Test func largestDecimalsRoundTrip() throws {
        let schema = try AvroSchema(
            parsing: #"{"type": "bytes", "logicalType": "decimal", "precision": 38, "scale": 10}"#
        )
        for text in [
            "9999999999999999999999999999.9999999999", "-9999999999999999999999999999.9999999999", "0.0000000001",
        ] {
            let value = try #require(Decimal(string: text))
            let bytes = try AvroEncoder(schema: schema).encode(value)
            #expect(try AvroDecoder(schema: schema).decode(Decimal.self, from: bytes) == value, "\(text)")
        }
        let tooPrecise = try #require(throws: AvroError.self) {
            try AvroEncoder(schema: schema).encode(Decimal(string: "1.00000000001") ?? 0)
        }
        #expect(tooPrecise.code == .typeMismatch)
        #expect(throws: AvroError.self) { try AvroEncoder(schema: schema).encode(Decimal.nan) }
    }

    @Test func decimalLayoutProbeHolds() {
        #expect(DecimalCoding.isLayoutKnown)
        #expect(DecimalCoding.components(of: Decimal(string: "-12.5") ?? 0) == (125, -1, true))
    }
}
