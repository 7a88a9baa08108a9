import Testing

@testable import Avro

/// Schema resolution without data, as a Schema Registry uses it, and the runtime failures of resolution.
@Suite struct CompatibilityTests {
    static let v1 = #"""
        {"type": "record", "name": "Order", "fields": [
          {"name": "id", "type": "string"},
          {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
            {"name": "sku", "type": "string"}, {"name": "price", "type": "double"}]}}}]}
        """#

    static let v2AddedWithDefault = #"""
        {"type": "record", "name": "Order", "fields": [
          {"name": "id", "type": "string"},
          {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
            {"name": "sku", "type": "string"}, {"name": "price", "type": "double"}]}}},
          {"name": "note", "type": ["null", "string"], "default": null}]}
        """#

    static let v3PriceAsString = #"""
        {"type": "record", "name": "Order", "fields": [
          {"name": "id", "type": "string"},
          {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
            {"name": "sku", "type": "string"}, {"name": "price", "type": "string"}, {"name": "qty", "type": "int"}]}}}]}
        """#

    @Test func incompatibilitiesNameThePathAndLocation() throws {
        let problems = try AvroSchemaCompatibility.check(
            reader: AvroSchema(parsing: Self.v3PriceAsString),
            writer: AvroSchema(parsing: Self.v1)
        )
        #expect(problems.count == 2)
        let mismatch = try #require(problems.first { $0.kind == .typeMismatch })
        #expect(mismatch.path == "Order.items[].price")
        #expect(mismatch.location == "/fields/1/type/items/fields/1/type")
        #expect(
            mismatch.description
                == "TYPE_MISMATCH at Order.items[].price: reader type string is not compatible with writer type double"
        )
        let missing = try #require(problems.first { $0.kind == .readerFieldMissingDefaultValue })
        #expect(missing.path == "Order.items[].qty")
        #expect(missing.location == "/fields/1/type/items/fields/2")
    }

    @Test(arguments: [
        (AvroCompatibilityLevel.backward, true), (.forward, true), (.full, true), (.none, true),
    ])
    func addingAFieldWithADefaultIsFullyCompatible(level: AvroCompatibilityLevel, compatible: Bool) throws {
        let problems = try AvroSchemaCompatibility.check(
            level,
            newSchema: AvroSchema(parsing: Self.v2AddedWithDefault),
            previousSchemas: [AvroSchema(parsing: Self.v1)]
        )
        #expect(problems.isEmpty == compatible)
    }

    /// Adding a field without a default breaks BACKWARD (new readers, old data) but not FORWARD.
    @Test(arguments: [
        (AvroCompatibilityLevel.backward, false), (.forward, true), (.full, false),
        (.backwardTransitive, false), (.forwardTransitive, true), (.fullTransitive, false),
    ])
    func addingAFieldWithoutADefault(level: AvroCompatibilityLevel, compatible: Bool) throws {
        let old = try AvroSchema(parsing: #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#)
        let new = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}]}"#
        )
        let problems = try AvroSchemaCompatibility.check(level, newSchema: new, previousSchemas: [old])
        #expect(problems.isEmpty == compatible, "\(level): \(problems)")
    }

    /// Transitive levels check every earlier schema, the others only the last one.
    @Test func transitiveLevelsCheckAllEarlierSchemas() throws {
        let v1 = try AvroSchema(parsing: #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#)
        let v2 = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int", "default": 0}]}"#
        )
        let v3 = try AvroSchema(parsing: #"{"type": "record", "name": "R", "fields": [{"name": "b", "type": "int"}]}"#)
        #expect(try AvroSchemaCompatibility.check(.backward, newSchema: v3, previousSchemas: [v1, v2]).isEmpty)
        #expect(
            try !AvroSchemaCompatibility.check(.backwardTransitive, newSchema: v3, previousSchemas: [v1, v2]).isEmpty
        )
        #expect(AvroCompatibilityLevel(rawValue: "FULL_TRANSITIVE") == .fullTransitive)
        #expect(AvroCompatibilityLevel(rawValue: "SIDEWAYS") == nil)
    }

    @Test func unknownEnumSymbolFailsOnlyWhenRead() throws {
        let writer = try AvroSchema(parsing: #"{"type": "enum", "name": "E", "symbols": ["A", "B"]}"#)
        let reader = try AvroSchema(parsing: #"{"type": "enum", "name": "E", "symbols": ["A"]}"#)
        let problems = try AvroSchemaCompatibility.check(reader: reader, writer: writer)
        #expect(problems.map(\.kind) == [.missingEnumSymbols])
        let datumReader = try AvroDatumReader(writerSchema: writer, readerSchema: reader)
        #expect(try datumReader.decode([0x00]) == .enumeration("A"))
        let error = try #require(throws: AvroError.self) { try datumReader.decode([0x02]) }
        #expect(error.code == .incompatibleSchemas)
    }

    @Test func writerUnionBranchTheReaderLacksFailsOnlyWhenUsed() throws {
        let writer = try AvroSchema(parsing: #"["null", "int", "string"]"#)
        let reader = try AvroSchema(parsing: #"["null", "long"]"#)
        let datumReader = try AvroDatumReader(writerSchema: writer, readerSchema: reader)
        #expect(try datumReader.decode([0x02, 0x04]) == .union(branch: 1, .long(2)))
        let error = try #require(throws: AvroError.self) { try datumReader.decode([0x04, 0x02, 0x61]) }
        #expect(error.code == .incompatibleSchemas)
        #expect(try AvroSchemaCompatibility.check(reader: reader, writer: writer).map(\.location) == ["/2"])
    }

    @Test func incompatibleTopLevelTypesFailWhenTheReaderIsBuilt() throws {
        let error = try #require(throws: AvroError.self) {
            try AvroDatumReader(writerSchema: .string, readerSchema: .int)
        }
        #expect(error.code == .incompatibleSchemas)
        #expect(throws: AvroError.self) { try AvroDecoder(writerSchema: .string, readerSchema: .int) }
    }
}
