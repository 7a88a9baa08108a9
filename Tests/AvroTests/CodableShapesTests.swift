import Foundation
import Testing

import AvroFixtures
@testable import Avro

/// The Codable mapping for the shapes services use, in both directions.
@Suite struct CodableShapesTests {
    struct Profile: Codable, Equatable {
        enum Tier: String, Codable { case free = "FREE", pro = "PRO" }
        var id: UUID
        var name: String
        var nickname: String?
        var age: Int
        var score: Double
        var tier: Tier
        var tags: [String]
        var counters: [String: Int64]
        var avatar: Data
        var balance: Decimal
        var createdAt: Date
        var birthday: Date?
        var maybeScores: [Int32?]
    }

    static let profileSchema = #"""
        {"type": "record", "name": "Profile", "fields": [
          {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
          {"name": "name", "type": "string"},
          {"name": "nickname", "type": ["null", "string"], "default": null},
          {"name": "age", "type": "int"},
          {"name": "score", "type": "double"},
          {"name": "tier", "type": {"type": "enum", "name": "Tier", "symbols": ["FREE", "PRO"]}},
          {"name": "tags", "type": {"type": "array", "items": "string"}},
          {"name": "counters", "type": {"type": "map", "values": "long"}},
          {"name": "avatar", "type": "bytes"},
          {"name": "balance", "type": {"type": "fixed", "name": "Money", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 4}},
          {"name": "createdAt", "type": {"type": "long", "logicalType": "timestamp-micros"}},
          {"name": "birthday", "type": ["null", {"type": "int", "logicalType": "date"}]},
          {"name": "maybeScores", "type": {"type": "array", "items": ["int", "null"]}}
        ]}
        """#

    static let profile = Profile(
        id: UUID(uuidString: "123E4567-E89B-12D3-A456-426614174000") ?? UUID(),
        name: "Ada",
        nickname: nil,
        age: 36,
        score: 9.5,
        tier: .pro,
        tags: ["a", "b"],
        counters: ["x": 1, "y": -2],
        avatar: Data([0, 255]),
        balance: Decimal(string: "-1234.5678") ?? 0,
        createdAt: Date(timeIntervalSince1970: 1_769_785_200.123456),
        birthday: Date(timeIntervalSince1970: 86_400 * 3),
        maybeScores: [1, nil, 3]
    )

    @Test func profileRoundTripsAndMatchesTheGenericPath() throws {
        let schema = try AvroSchema(parsing: Self.profileSchema)
        let bytes = try AvroEncoder(schema: schema).encode(Self.profile)
        #expect(try AvroDecoder(schema: schema).decode(Profile.self, from: bytes) == Self.profile)
        let generic = try AvroDatumReader(schema: schema).decode(bytes)
        #expect(generic[field: "id"] == .string("123e4567-e89b-12d3-a456-426614174000"))
        #expect(generic[field: "nickname"] == .union(branch: 0, .null))
        #expect(generic[field: "tier"] == .enumeration("PRO"))
        #expect(generic[field: "balance"] == .fixed([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x43, 0x9E, 0xB2]))
        #expect(generic[field: "createdAt"] == .long(1_769_785_200_123_456))
        #expect(generic[field: "birthday"] == .union(branch: 1, .int(3)))
        #expect(
            generic[field: "maybeScores"]
                == .array([.union(branch: 0, .int(1)), .union(branch: 1, .null), .union(branch: 0, .int(3))])
        )
        #expect(try AvroDatumWriter(schema: schema).encode(generic) == bytes)
    }

    /// Swift encodes keys in declaration order; a schema with another order still gets schema order.
    @Test func keysInAnotherOrderAreWrittenInSchemaOrder() throws {
        struct Point: Codable, Equatable { var y: Int32; var x: Int32; var label: String }
        let schema = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "Point", "fields": [{"name": "label", "type": "string"}, {"name": "x", "type": "int"}, {"name": "y", "type": "int"}]}"#
        )
        let bytes = try AvroEncoder(schema: schema).encode(Point(y: 2, x: 1, label: "p"))
        #expect(bytes == [0x02, 0x70, 0x02, 0x04])
        #expect(try AvroDecoder(schema: schema).decode(Point.self, from: bytes) == Point(y: 2, x: 1, label: "p"))
    }

    /// Missing keys: an optional field becomes null, a field with a default its default, others fail.
    @Test func missingFieldsTakeDefaultsOrNull() throws {
        struct Partial: Codable { var a: Int32 }
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},
                  {"name": "b", "type": "string", "default": "dflt"}, {"name": "c", "type": ["null", "long"]}]}
                """#
        )
        #expect(try AvroEncoder(schema: schema).encode(Partial(a: 1)) == [0x02, 0x08, 0x64, 0x66, 0x6C, 0x74, 0x00])
        let strict = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}"#
        )
        let error = try #require(throws: AvroError.self) { try AvroEncoder(schema: strict).encode(Partial(a: 1)) }
        #expect(error.code == .missingField)
        #expect(error.path == "R.b")
    }

    @Test func unknownSwiftPropertyIsAnError() throws {
        struct Extra: Codable { var a: Int32; var z: Int32 }
        let schema = try AvroSchema(
            parsing: #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}"#
        )
        let error = try #require(throws: AvroError.self) { try AvroEncoder(schema: schema).encode(Extra(a: 1, z: 2)) }
        #expect(error.message == "R.z: record R has no field 'z'")
    }

    @Test func typeErrorsNameThePath() throws {
        let schema = try OrderEventFixture.schema
        var event = OrderEventFixture.create
        if case .create(var payload) = event.payload {
            payload.items[1].price = Decimal(string: "1.005") ?? 0
            event.payload = .create(payload)
        }
        let error = try #require(throws: AvroError.self) { try AvroEncoder(schema: schema).encode(event) }
        #expect(
            error.message
                == "OrderEvent.payload(CreateOrderPayload).items[1].price: decimal 1.005 has more than 2 fraction digits"
        )
        if case .create(var payload) = event.payload {
            payload.items[1].price = Decimal(string: "123456789.01") ?? 0
            event.payload = .create(payload)
        }
        let precision = try #require(throws: AvroError.self) { try AvroEncoder(schema: schema).encode(event) }
        #expect(precision.message.hasSuffix("does not fit precision 10"))
    }

    /// Optional unions in either order, and nested optionals in arrays.
    @Test func optionalsMapToNullUnionsInEitherOrder() throws {
        struct Opt: Codable, Equatable { var first: String?; var last: Int64? }
        let schema = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "O", "fields": [{"name": "first", "type": ["null", "string"]}, {"name": "last", "type": ["long", "null"]}]}"#
        )
        for value in [Opt(first: nil, last: nil), Opt(first: "x", last: 5)] {
            let bytes = try AvroEncoder(schema: schema).encode(value)
            #expect(try AvroDecoder(schema: schema).decode(Opt.self, from: bytes) == value)
        }
        #expect(try AvroEncoder(schema: schema).encode(Opt(first: nil, last: nil)) == [0x00, 0x02])
    }

    /// A union of records chosen by the Swift type's name, and read back by branch.
    @Test func unionOfRecordsByTypeName() throws {
        let schema = try OrderEventFixture.schema
        let encoder = try AvroEncoder(schema: schema)
        let update = try encoder.encode(OrderEventFixture.update)
        #expect(update[0] == 0x02)
        #expect(update.contains(0x02) && hex(update).contains("020e73686970706564"))
        #expect(try AvroDecoder(schema: schema).decode(OrderEvent.self, from: update) == OrderEventFixture.update)
    }

    /// Nested containers and super encoders: written when their parent finishes, in schema order.
    @Test func nestedContainersAndSuperEncoders() throws {
        struct Wrapper: Codable, Equatable {
            var inner: Int32
            var list: [String]
            var label: String
            enum Keys: String, CodingKey { case label, nested, list }
            enum NestedKeys: String, CodingKey { case inner }
            init(inner: Int32, list: [String], label: String) {
                (self.inner, self.list, self.label) = (inner, list, label)
            }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                let nested = try container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
                inner = try nested.decode(Int32.self, forKey: .inner)
                var items = try container.nestedUnkeyedContainer(forKey: .list)
                list = []
                while !items.isAtEnd { list.append(try items.decode(String.self)) }
                label = try container.decode(String.self, forKey: .label)
            }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var nested = container.nestedContainer(keyedBy: NestedKeys.self, forKey: .nested)
                try container.encode(label, forKey: .label)
                try nested.encode(inner, forKey: .inner)
                var items = container.nestedUnkeyedContainer(forKey: .list)
                for item in list { try items.encode(item) }
            }
        }
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "W", "fields": [
                  {"name": "nested", "type": {"type": "record", "name": "N", "fields": [{"name": "inner", "type": "int"}]}},
                  {"name": "list", "type": {"type": "array", "items": "string"}},
                  {"name": "label", "type": "string"}]}
                """#
        )
        let value = Wrapper(inner: 7, list: ["a", "b"], label: "z")
        let bytes = try AvroEncoder(schema: schema).encode(value)
        #expect(bytes == [0x0E, 0x04, 0x02, 0x61, 0x02, 0x62, 0x00, 0x02, 0x7A])
        #expect(try AvroDecoder(schema: schema).decode(Wrapper.self, from: bytes) == value)
    }

    @Test func fixedUUIDDurationAndByteArrays() throws {
        struct Special: Codable, Equatable { var id: UUID; var wait: AvroDuration; var raw: [UInt8]; var hash: Data }
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "S", "fields": [
                  {"name": "id", "type": {"type": "fixed", "name": "U", "size": 16, "logicalType": "uuid"}},
                  {"name": "wait", "type": {"type": "fixed", "name": "D", "size": 12, "logicalType": "duration"}},
                  {"name": "raw", "type": "bytes"}, {"name": "hash", "type": {"type": "fixed", "name": "H", "size": 2}}]}
                """#
        )
        let value = Special(
            id: UUID(uuidString: "00112233-4455-6677-8899-AABBCCDDEEFF") ?? UUID(),
            wait: AvroDuration(months: 1, days: 2, milliseconds: 3),
            raw: [9, 8],
            hash: Data([1, 2])
        )
        let bytes = try AvroEncoder(schema: schema).encode(value)
        #expect(
            Array(bytes[0..<16]) == [
                0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF,
            ]
        )
        #expect(Array(bytes[16..<28]) == [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0])
        #expect(try AvroDecoder(schema: schema).decode(Special.self, from: bytes) == value)
    }

    /// Reading with a newer reader schema: fields added with defaults, promoted types, another order.
    @Test func decodingResolvesToTheReaderSchema() throws {
        struct V1: Codable { var name: String; var count: Int32 }
        struct V2: Codable, Equatable { var count: Int64; var name: String; var email: String?; var region: String }
        let writer = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "U", "fields": [{"name": "name", "type": "string"}, {"name": "count", "type": "int"}]}"#
        )
        let reader = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "U", "fields": [{"name": "count", "type": "long"}, {"name": "name", "type": "string"},
                  {"name": "email", "type": ["null", "string"], "default": null}, {"name": "region", "type": "string", "default": "eu"}]}
                """#
        )
        let bytes = try AvroEncoder(schema: writer).encode(V1(name: "n", count: 3))
        let decoded = try AvroDecoder(writerSchema: writer, readerSchema: reader).decode(V2.self, from: bytes)
        #expect(decoded == V2(count: 3, name: "n", email: nil, region: "eu"))
    }

    /// A recursive type through an optional.
    @Test func recursiveTypes() throws {
        final class Node: Codable, Equatable {
            let value: Int64
            let next: Node?
            init(_ value: Int64, _ next: Node?) { (self.value, self.next) = (value, next) }
            static func == (a: Node, b: Node) -> Bool { a.value == b.value && a.next == b.next }
        }
        let schema = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "Node", "fields": [{"name": "value", "type": "long"}, {"name": "next", "type": ["null", "Node"]}]}"#
        )
        let list = Node(1, Node(2, Node(3, nil)))
        let bytes = try AvroEncoder(schema: schema).encode(list)
        #expect(bytes == [0x02, 0x02, 0x04, 0x02, 0x06, 0x00])
        #expect(try AvroDecoder(schema: schema).decode(Node.self, from: bytes) == list)
    }

    @Test func singleObjectEncoding() throws {
        let schema = try OrderEventFixture.schema
        let message = try AvroEncoder(schema: schema).encodeSingleObject(OrderEventFixture.update)
        #expect(Array(message.prefix(2)) == [0xC3, 0x01])
        #expect(try AvroSingleObject.fingerprint(of: message) == schema.rabinFingerprint)
        #expect(
            try AvroDecoder(schema: schema).decodeSingleObject(OrderEvent.self, from: message)
                == OrderEventFixture.update
        )
        let generic = try AvroDatumReader(schema: schema).decodeSingleObject(message)
        #expect(try AvroDatumWriter(schema: schema).encodeSingleObject(generic) == message)
        let other = try AvroDatumReader(schema: .string)
        #expect(throws: AvroError.self) { try other.decodeSingleObject(message) }
        #expect(throws: AvroError.self) { try other.decodeSingleObject([0xC3]) }
    }
}

extension CodableShapesTests {
    /// A Swift `nil` for a field that cannot be null but has a default writes the default.
    @Test func nilForANonNullableFieldWritesItsDefault() throws {
        struct Settings: Codable { var region: String?; var size: Int32 }
        let schema = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "S", "fields": [{"name": "region", "type": "string", "default": "eu"},
                  {"name": "size", "type": "int"}]}
                """#
        )
        #expect(try AvroEncoder(schema: schema).encode(Settings(region: nil, size: 1)) == [0x04, 0x65, 0x75, 0x02])
        #expect(try AvroEncoder(schema: schema).encode(Settings(region: "us", size: 1)) == [0x04, 0x75, 0x73, 0x02])
        let strict = try AvroSchema(
            parsing:
                #"{"type": "record", "name": "S", "fields": [{"name": "region", "type": "string"}, {"name": "size", "type": "int"}]}"#
        )
        let error = try #require(throws: AvroError.self) {
            try AvroEncoder(schema: strict).encode(Settings(region: nil, size: 1))
        }
        #expect(error.code == .missingField)
    }
}
