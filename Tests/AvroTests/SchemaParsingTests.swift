import Testing

@testable import Avro

@Suite struct SchemaParsingTests {
    /// Invalid schemas: the error code and the path it names.
    @Test(arguments: [
        (#"{"type": "record", "name": "R"}"#, AvroError.Code.invalidSchema, "R"),
        (#"{"type": "record", "name": "1R", "fields": []}"#, .invalidSchema, ""),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "long"}]}"#,
            .invalidSchema, "R"
        ),
        (#"{"type": "record", "name": "R", "fields": [{"name": "a-b", "type": "int"}]}"#, .invalidSchema, "R.a-b"),
        (#"{"type": "enum", "name": "E", "symbols": ["A", "A"]}"#, .invalidSchema, "E"),
        (#"{"type": "enum", "name": "E", "symbols": ["A"], "default": "B"}"#, .invalidSchema, "E"),
        (#"{"type": "enum", "name": "E", "symbols": ["1A"]}"#, .invalidSchema, "E"),
        (#"{"type": "fixed", "name": "F", "size": -1}"#, .invalidSchema, "F"),
        (#"{"type": "fixed", "name": "F", "size": 1.5}"#, .invalidSchema, "F"),
        (#""Foo""#, .invalidSchema, ""),
        (#"[["null"]]"#, .invalidSchema, ""),
        (#"["int", "string", "int"]"#, .invalidSchema, ""),
        (#"["long", {"type": "long", "logicalType": "timestamp-millis"}]"#, .invalidSchema, ""),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "enum", "name": "R", "symbols": []}}]}"#,
            .invalidSchema, "R.a"
        ),
        (#"{"type": "record", "name": "int", "fields": []}"#, .invalidSchema, ""),
        (#"{"type": "array"}"#, .invalidSchema, ""),
        (#"{"type": "map", "values": "Nope"}"#, .invalidSchema, "{}"),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": "x"}]}"#,
            .invalidSchema, "R.a"
        ),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "default": 2147483648}]}"#,
            .invalidSchema, "R.a"
        ),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "int"], "default": "x"}]}"#,
            .invalidSchema, "R.a"
        ),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "bytes", "default": "\u0100"}]}"#,
            .invalidSchema, "R.a"
        ),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int", "order": "up"}]}"#,
            .invalidSchema, "R.a"
        ),
        (#"42"#, .invalidSchema, ""),
        (#"{"type": "record", "name": "R", "fields": [}"#, .invalidJSON, ""),
        (#"{"name": "R"}"#, .invalidSchema, ""),
    ])
    func rejectsInvalidSchema(json: String, code: AvroError.Code, path: String) {
        #expect {
            try AvroSchema(parsing: json)
        } throws: { error in
            guard let error = error as? AvroError else { return false }
            return error.code == code && error.path == path
        }
    }

    /// The issue's example: a bad default deep inside names the whole path.
    @Test func invalidNestedDefaultNamesThePath() throws {
        let json = #"""
            {"type": "record", "name": "Order", "fields": [
              {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
                {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}, "default": 5}
              ]}}}
            ]}
            """#
        let error = try #require(throws: AvroError.self) { try AvroSchema(parsing: json) }
        #expect(error.path == "Order.items[].price")
        #expect(error.message.hasPrefix("Order.items[].price: invalid default"))
    }

    @Test func namespacesAndReferencesResolve() throws {
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "Outer", "namespace": "a.b", "fields": [
                  {"name": "inner", "type": {"type": "record", "name": "Inner", "fields": [{"name": "v", "type": "int"}]}},
                  {"name": "again", "type": "Inner"},
                  {"name": "full", "type": "a.b.Inner"},
                  {"name": "other", "type": {"type": "enum", "name": "c.d.E", "symbols": ["X"]}},
                  {"name": "bare", "type": {"type": "fixed", "name": "F", "namespace": "", "size": 2}},
                  {"name": "list", "type": {"type": "record", "name": "Node", "fields": [{"name": "next", "type": ["null", "Node"]}]}}
                ]}
                """#
        )
        guard case .record(let outer) = schema.type else { throw InteropFailure("not a record") }
        #expect(outer.name == AvroName(name: "Outer", namespace: "a.b"))
        #expect(outer.fields[1].schema.name?.fullName == "a.b.Inner")
        #expect(outer.fields[1].schema == outer.fields[0].schema)
        #expect(outer.fields[2].schema == outer.fields[0].schema)
        #expect(outer.fields[3].schema.name?.fullName == "c.d.E")
        #expect(outer.fields[4].schema.name == AvroName(name: "F", namespace: nil))
        guard case .record(let node) = outer.fields[5].schema.type,
            case .union(let branches) = node.fields[0].schema.type
        else {
            throw InteropFailure("no recursive record")
        }
        #expect(branches[1].type == .reference(AvroName(fullName: "a.b.Node")))
        #expect(try AvroSchema(parsing: schema.jsonText) == schema)
    }

    @Test func keepsDocsAliasesDefaultsOrderAndCustomAttributes() throws {
        let json = #"""
            {"type": "record", "name": "R", "namespace": "n", "doc": "a record", "aliases": ["Old", "x.Older"], "owner": "team",
             "fields": [{"name": "f", "type": {"type": "string", "avro.java.string": "String"}, "doc": "field", "default": "d",
                         "order": "descending", "aliases": ["g"], "custom": [1, {"k": null}]}]}
            """#
        let schema = try AvroSchema(parsing: json)
        guard case .record(let record) = schema.type else { throw InteropFailure("not a record") }
        #expect(record.doc == "a record")
        #expect(record.aliases == [AvroName(fullName: "n.Old"), AvroName(fullName: "x.Older")])
        #expect(schema.attributes["owner"] == .string("team"))
        let field = record.fields[0]
        #expect(field.doc == "field")
        #expect(field.defaultValue == .string("d"))
        #expect(field.order == .descending)
        #expect(field.aliases == ["g"])
        #expect(field.attributes["custom"] == .array([.integer(1), .object(["k": .null])]))
        #expect(field.schema.attributes["avro.java.string"] == .string("String"))
        #expect(
            schema.jsonText
                == #"{"type":"record","name":"R","namespace":"n","doc":"a record","aliases":["Old","x.Older"],"fields":[{"name":"f","type":{"type":"string","avro.java.string":"String"},"doc":"field","default":"d","order":"descending","aliases":["g"],"custom":[1,{"k":null}]}],"owner":"team"}"#
        )
    }

    /// Valid logical types are recognised; invalid or unknown ones fall back to the underlying type and
    /// keep their attributes, as the specification says.
    @Test(arguments: [
        (
            #"{"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}"#,
            AvroLogicalType?.some(.decimal(precision: 10, scale: 2))
        ),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": 4}"#, .decimal(precision: 4, scale: 0)),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": 2, "scale": 3}"#, nil),
        (#"{"type": "bytes", "logicalType": "decimal", "precision": 0}"#, nil),
        (
            #"{"type": "fixed", "name": "D", "size": 4, "logicalType": "decimal", "precision": 9}"#,
            .decimal(precision: 9, scale: 0)
        ),
        (#"{"type": "fixed", "name": "D", "size": 4, "logicalType": "decimal", "precision": 10}"#, nil),
        (#"{"type": "string", "logicalType": "uuid"}"#, .uuid),
        (#"{"type": "fixed", "name": "U", "size": 16, "logicalType": "uuid"}"#, .uuid),
        (#"{"type": "fixed", "name": "U", "size": 15, "logicalType": "uuid"}"#, nil),
        (#"{"type": "int", "logicalType": "date"}"#, .date),
        (#"{"type": "long", "logicalType": "date"}"#, nil),
        (#"{"type": "int", "logicalType": "time-millis"}"#, .timeMillis),
        (#"{"type": "long", "logicalType": "time-micros"}"#, .timeMicros),
        (#"{"type": "long", "logicalType": "timestamp-millis"}"#, .timestampMillis),
        (#"{"type": "long", "logicalType": "timestamp-micros"}"#, .timestampMicros),
        (#"{"type": "long", "logicalType": "timestamp-nanos"}"#, .timestampNanos),
        (#"{"type": "long", "logicalType": "local-timestamp-millis"}"#, .localTimestampMillis),
        (#"{"type": "long", "logicalType": "local-timestamp-micros"}"#, .localTimestampMicros),
        (#"{"type": "long", "logicalType": "local-timestamp-nanos"}"#, .localTimestampNanos),
        (#"{"type": "fixed", "name": "Dur", "size": 12, "logicalType": "duration"}"#, .duration),
        (#"{"type": "string", "logicalType": "geo-point"}"#, nil),
    ])
    func logicalTypes(json: String, expected: AvroLogicalType?) throws {
        let schema = try AvroSchema(parsing: json)
        #expect(schema.logicalType == expected)
        if expected == nil {
            #expect(schema.attributes["logicalType"] != nil)
        }
        #expect(try AvroSchema(parsing: schema.jsonText) == schema)
    }

    @Test func unionDefaultMayMatchAnyBranch() throws {
        let schema = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "R", "fields": [{"name": "u", "type": ["null", "string"], "default": "x"}]}"#
        )
        let graph = try SchemaGraph(schema)
        guard case .record(let record) = graph[graph.root].kind else { throw InteropFailure("not a record") }
        #expect(record.defaults[0] == .union(branch: 1, .string("x")))
    }
}
