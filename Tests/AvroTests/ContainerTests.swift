import Foundation
import Testing

import AvroFixtures
@testable import Avro

@Suite struct ContainerTests {
    let schema: AvroSchema
    let events: [OrderEvent]

    init() throws {
        schema = try OrderEventFixture.schema
        events = (0..<25).map { index in index % 2 == 0 ? OrderEventFixture.create : OrderEventFixture.update }
    }

    @Test(arguments: [AvroContainerCodec.null, .deflate, .snappy])
    func roundTrip(codec: AvroContainerCodec) throws {
        var writer = try AvroContainerWriter(schema: schema, codec: codec, metadata: ["origin": Array("test".utf8)])
        writer.datumsPerBlock = 4
        for event in events { try writer.append(event) }
        let file = try writer.finish()
        let reader = try AvroContainerReader(bytes: file)
        #expect(reader.codec == codec)
        #expect(reader.schema == schema)
        #expect(reader.metadata["origin"] == Array("test".utf8))
        #expect(try reader.blocks().count == 7)
        #expect(try reader.decode(OrderEvent.self) == events)
        #expect(try reader.values().count == events.count)
        #expect(try reader.datums() == events.map { try AvroEncoder(schema: schema).encode($0) })
    }

    @Test func readerSchemaResolvesEveryDatum() throws {
        var writer = try AvroContainerWriter(schema: schema)
        for event in events { try writer.append(event) }
        let reader = try AvroContainerReader(bytes: try writer.finish())
        let ids = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "OrderEvent", "namespace": "io.orderplatform.events", "fields": [{"name": "orderId", "type": "string"}]}"#
        )
        #expect(
            try reader.values(readerSchema: ids)
                == Array(repeating: .record(["orderId": .string("ORDER-001")]), count: events.count)
        )
    }

    @Test func damagedFilesAreRejected() throws {
        var writer = try AvroContainerWriter(schema: schema, codec: .deflate, syncMarker: Array(0..<16))
        for event in events { try writer.append(event) }
        let file = try writer.finish()
        var badSync = file
        badSync[badSync.count - 3] ^= 0xFF
        #expect(throws: AvroError.self) { try AvroContainerReader(bytes: badSync).values() }
        #expect(throws: AvroError.self) { try AvroContainerReader(bytes: Array(file.dropLast(20))).values() }
        #expect(throws: AvroError.self) { try AvroContainerReader(bytes: Array("Obj".utf8)) }
        #expect(throws: AvroError.self) { try AvroContainerReader(bytes: [0x4F, 0x62, 0x6A, 0x02]) }
        #expect(throws: AvroError.self) { try AvroContainerWriter(schema: schema, metadata: ["avro.codec": []]) }
        #expect(throws: AvroError.self) { try AvroContainerWriter(schema: schema, syncMarker: [1, 2]) }
    }

    /// A block that inflates beyond the limit stops there instead of exhausting memory.
    @Test func compressionBombsStopAtTheBlockLimit() throws {
        var writer = try AvroContainerWriter(schema: .bytes, codec: .deflate)
        try writer.append(.bytes(Array(repeating: 0, count: 1 << 20)))
        let file = try writer.finish()
        #expect(file.count < 4096)
        var limits = AvroLimits()
        limits.maxBlockSize = 1 << 16
        let error = try #require(throws: AvroError.self) {
            try AvroContainerReader(bytes: file, limits: limits).values()
        }
        #expect(error.code == .limitExceeded)
        #expect(try AvroContainerReader(bytes: file).values().count == 1)
    }

    /// Snappy block format vectors: literals, and copies with 1- and 2-byte offsets (overlapping ones too).
    @Test(arguments: [
        ([0x00] as [UInt8], [] as [UInt8]),
        ([0x03, 0x08, 0x61, 0x62, 0x63], Array("abc".utf8)),
        ([0x0A, 0x04, 0x61, 0x62, 0x11, 0x02], Array("ababababab".utf8)),  // 1-byte-offset copy of 8, overlapping
        ([0x08, 0x00, 0x61, 0x1A, 0x01, 0x00], Array("aaaaaaaa".utf8)),  // 2-byte-offset copy of 7, offset 1
    ])
    func snappyVectors(compressed: [UInt8], expected: [UInt8]) throws {
        let output = try compressed.withUnsafeBytes { try Snappy.decompress($0, limit: 1 << 20) }
        #expect(output == expected)
        let again = Snappy.compress(expected)
        #expect(try again.withUnsafeBytes { try Snappy.decompress($0, limit: 1 << 20) } == expected)
    }

    @Test(arguments: [
        [0x05, 0x0C, 0x61] as [UInt8],  // literal longer than the input
        [0x04, 0x02, 0x05, 0x00],  // copy before the start
        [0x02, 0x0C, 0x61, 0x62, 0x63, 0x64],  // more output than stated
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],  // length varint too long
    ])
    func snappyRejectsDamage(compressed: [UInt8]) {
        #expect(throws: AvroError.self) { try compressed.withUnsafeBytes { try Snappy.decompress($0, limit: 1 << 20) } }
    }

    @Test func snappyCompressesRepetitiveData() throws {
        let input = Array(String(repeating: "order-event ", count: 500).utf8)
        let compressed = Snappy.compress(input)
        #expect(compressed.count < input.count / 10)
        #expect(try compressed.withUnsafeBytes { try Snappy.decompress($0, limit: 1 << 20) } == input)
    }
}
