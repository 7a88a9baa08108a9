import Testing

@testable import Avro

@Suite struct DefaultValueTests {
    /// A record default may leave out fields that have defaults of their own.
    @Test func recordDefaultsUseNestedDefaults() throws {
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "R", "fields": [
                  {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                    {"name": "city", "type": "string"}, {"name": "zip", "type": "string", "default": "00000"}]},
                   "default": {"city": "Paris"}}]}
                """#
        )
        let reader = try AvroDatumReader(
            writerSchema: AvroSchema(parsing: #"{"type": "record", "name": "R", "fields": []}"#),
            readerSchema: schema
        )
        #expect(
            try reader.decode([]) == .record(["address": .record(["city": .string("Paris"), "zip": .string("00000")])])
        )
        #expect(throws: AvroError.self) {
            try AvroSchema(
                parsing: #"""
                    {"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "record", "name": "A", "fields": [
                      {"name": "x", "type": "int"}]}, "default": {}}]}
                    """#
            )
        }
    }
}
