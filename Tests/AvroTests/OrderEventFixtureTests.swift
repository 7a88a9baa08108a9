import Foundation
import Testing
import TestSupport

import AvroFixtures
@testable import Avro

/// The fixture is the order event the services publish, so that the Avro tests and the benchmark test
/// the real thing. A copy of the schema in the fixture once drifted from `schemas/order-event.avsc`
/// (namespace, decimal precision) without any test noticing; these fail on such a drift.
@Suite struct OrderEventFixtureTests {
    /// `schemas/order-event.avsc`, found from the package root rather than through the fixture.
    static func schemaFileText() throws -> String {
        try String(contentsOf: ProjectPaths.root.appendingPathComponent("schemas/released/order-event/v1.avsc"), encoding: .utf8)
    }

    /// The whole text, not only the canonical form: that one drops the decimal precision and the docs.
    @Test func theFixtureSchemaIsTheSchemaFile() throws {
        let text = try Self.schemaFileText()
        #expect(try OrderEventFixture.schemaJSON == text)
        #expect(try OrderEventFixture.schema == AvroSchema(parsing: text))
    }

    /// The Codable model and the generic values fit the real schema, and say the same thing in it.
    @Test(arguments: [
        (OrderEventFixture.create, OrderEventFixture.createValue),
        (OrderEventFixture.update, OrderEventFixture.updateValue),
    ])
    func theModelAndTheValuesEncodeAlikeWithTheSchemaFile(event: OrderEvent, value: AvroValue) throws {
        let schema = try AvroSchema(parsing: try Self.schemaFileText())
        let bytes = try AvroEncoder(schema: schema).encode(event)
        #expect(try AvroDatumWriter(schema: schema).encode(value) == bytes)
        #expect(try AvroDecoder(schema: schema).decode(OrderEvent.self, from: bytes) == event)
        #expect(try AvroDatumReader(schema: schema).decode(bytes) == value)
    }
}
