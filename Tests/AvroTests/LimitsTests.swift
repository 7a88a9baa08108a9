import Testing

@testable import Avro

/// Every limit at its boundary and one past it.
@Suite struct LimitsTests {
    static let linkedList = try? AvroSchema(
        parsing: #"{"type": "record", "name": "L", "fields": [{"name": "next", "type": ["null", "L"]}]}"#
    )

    /// A list of `count` nodes: each non-last node is the union index 1 followed by the next node.
    static func list(_ count: Int) -> [UInt8] {
        Array(repeating: 0x02, count: count - 1) + [0x00]
    }

    /// Each node is a record and a union: two levels.
    @Test(arguments: [(49, true), (50, true), (51, false)])
    func depthLimit(nodes: Int, accepted: Bool) throws {
        var limits = AvroLimits()
        limits.maxDepth = 100
        let schema = try #require(Self.linkedList)
        let reader = try AvroDatumReader(schema: schema, limits: limits)
        let skipper = try AvroDatumReader(
            writerSchema: schema,
            readerSchema: AvroSchema(parsing: #"{"type": "record", "name": "L", "fields": []}"#),
            limits: limits
        )
        if accepted {
            _ = try reader.decode(Self.list(nodes))
            _ = try skipper.decode(Self.list(nodes))
        } else {
            #expect(throws: AvroError.self) { try reader.decode(Self.list(nodes)) }
            #expect(throws: AvroError.self) { try skipper.decode(Self.list(nodes)) }
        }
    }

    /// The default depth limit keeps a hostile, very deep datum from overflowing the stack.
    @Test func deepDatumIsRejectedNotACrash() throws {
        let schema = try #require(Self.linkedList)
        let bytes = Self.list(1_000_000)
        let error = try #require(throws: AvroError.self) { try AvroDatumReader(schema: schema).decode(bytes) }
        #expect(error.code == .limitExceeded)
        let codable = try #require(throws: AvroError.self) {
            try AvroDecoder(schema: schema).decode(AnyDatum.self, from: bytes)
        }
        #expect(codable.code == .limitExceeded)
    }

    @Test(arguments: [(10, true), (11, false)])
    func collectionLimit(count: Int, accepted: Bool) throws {
        var limits = AvroLimits()
        limits.maxCollectionSize = 10
        let reader = try AvroDatumReader(schema: AvroSchema.array(of: .int), limits: limits)
        // two blocks, so the limit covers the collection, not one block
        let bytes: [UInt8] =
            [UInt8(2 * (count - 5))] + Array(repeating: 0x02, count: count - 5) + [0x0A]
            + Array(repeating: 0x02, count: 5) + [0x00]
        if accepted {
            #expect(try reader.decode(bytes) == .array(Array(repeating: .int(1), count: count)))
        } else {
            let error = try #require(throws: AvroError.self) { try reader.decode(bytes) }
            #expect(error.code == .limitExceeded)
        }
    }

    /// Zero-size items share one budget across the datum, so nesting cannot multiply them.
    @Test func zeroSizeItemsShareOneBudget() throws {
        var limits = AvroLimits()
        limits.maxCollectionSize = 100
        let schema = AvroSchema.array(of: .array(of: .null))
        let reader = try AvroDatumReader(schema: schema, limits: limits)
        let inner: [UInt8] = [0x64, 0x00]  // 50 nulls
        #expect(try reader.decode([0x04] + inner + inner + [0x00]) != .null)
        let error = try #require(throws: AvroError.self) { try reader.decode([0x06] + inner + inner + inner + [0x00]) }
        #expect(error.code == .limitExceeded)
    }

    @Test(arguments: [(8, true), (9, false)])
    func lengthLimit(length: Int, accepted: Bool) throws {
        var limits = AvroLimits()
        limits.maxLength = 8
        let reader = try AvroDatumReader(schema: .string, limits: limits)
        let bytes = [UInt8(2 * length)] + Array(repeating: UInt8(ascii: "a"), count: length)
        if accepted {
            #expect(try reader.decode(bytes) == .string(String(repeating: "a", count: length)))
        } else {
            #expect(throws: AvroError.self) { try reader.decode(bytes) }
        }
    }

    @Test func jsonDepthLimit() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let error = try #require(throws: AvroError.self) { try AvroJSON(parsing: deep) }
        #expect(error.code == .invalidJSON)
        _ = try AvroJSON(parsing: deep, maximumDepth: 300)
        #expect(throws: AvroError.self) { try AvroSchema(parsing: String(repeating: "[", count: 100_000)) }
    }
}
