import Foundation
import Testing

import AvroFixtures
@testable import Avro

@Suite struct LogicalValueTests {
    @Test func conversions() throws {
        let price = try AvroValue.decimal(Decimal(string: "-49.99") ?? 0, scale: 2, precision: 10)
        #expect(price == .bytes([0xEC, 0x79]))
        #expect(try price.decimalValue(scale: 2) == Decimal(string: "-49.99"))
        #expect(try AvroValue.decimal(1, scale: 2, precision: 9, fixedSize: 4) == .fixed([0, 0, 0, 0x64]))
        let id = try #require(UUID(uuidString: "123E4567-E89B-12D3-A456-426614174000"))
        #expect(AvroValue.uuid(id) == .string("123e4567-e89b-12d3-a456-426614174000"))
        #expect(AvroValue.uuid(id).uuidValue == id)
        let instant = Date(timeIntervalSince1970: 1_769_785_200.5)
        #expect(try AvroValue.timestampMillis(instant) == .long(1_769_785_200_500))
        #expect(try AvroValue.timestampMicros(instant) == .long(1_769_785_200_500_000))
        #expect(try AvroValue.date(instant) == .int(20_483))
        #expect(AvroValue.long(1_769_785_200_500).dateValue(unitsPerSecond: 1_000) == instant)
        #expect(throws: AvroError.self) { try AvroValue.timestampMillis(Date(timeIntervalSince1970: 1e300)) }
        #expect(throws: AvroError.self) { try AvroValue.string("x").decimalValue(scale: 2) }
    }

    @Test func validateNamesThePath() throws {
        let writer = try AvroDatumWriter(schema: OrderEventFixture.schema)
        let error = try #require(throws: AvroError.self) {
            try writer.validate(.record(["eventType": .enumeration("DELETE")]))
        }
        #expect(
            error.message == "OrderEvent.eventType: 'DELETE' is not a symbol of enum io.orderplatform.events.EventType"
        )
    }
}
