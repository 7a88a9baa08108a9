import Foundation
import Testing

import AvroFixtures
@testable import Avro

@Suite struct CodableTests {
    let schema: AvroSchema
    let encoder: AvroEncoder
    let decoder: AvroDecoder

    init() throws {
        schema = try OrderEventFixture.schema
        encoder = try AvroEncoder(schema: schema)
        decoder = try AvroDecoder(schema: schema)
    }

    /// fastavro 1.13.1's `schemaless_writer` output for the same event.
    @Test func createEventMatchesFastavroBytes() throws {
        let bytes = try encoder.encode(OrderEventFixture.create)
        #expect(
            hex(bytes) == "00124f524445522d30303180b6d8f68167" + "00" + "10435553542d31323380b6d8f68167"
                + "06" + "0c4954454d2d3004041387" + "0c4954454d2d3104041387" + "0c4954454d2d3204041387" + "00"
                + "04752a" + "06555344" + "066e6577"
        )
    }

    @Test(arguments: [OrderEventFixture.create, OrderEventFixture.update])
    func roundTrip(event: OrderEvent) throws {
        let bytes = try encoder.encode(event)
        #expect(try decoder.decode(OrderEvent.self, from: bytes) == event)
        let generic = try AvroDatumReader(schema: schema).decode(bytes)
        #expect(try AvroDatumWriter(schema: schema).encode(generic) == bytes)
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}
