import Foundation
import Testing

import AvroFixtures
@testable import Avro

/// Random and mutated inputs: decoders may refuse them, but must not crash, hang or use unbounded
/// memory; whatever decodes must re-encode and decode to the same value. Bounded so it runs in seconds in
/// `make test`; `AVRO_FUZZ_ITERATIONS=200000 swift test --filter FuzzTests` runs longer, and
/// `AVRO_FUZZ_SEED` replays another sequence. A crash found here belongs in `FailCases/`.
@Suite struct FuzzTests {
    struct Target: Sendable {
        let name: String
        let schema: AvroSchema
        let seeds: [[UInt8]]
    }

    static func targets() throws -> [Target] {
        let orderEvent = try OrderEventFixture.schema
        let encoder = try AvroEncoder(schema: orderEvent)
        let allTypes = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "All", "fields": [
                  {"name": "b", "type": "boolean"}, {"name": "i", "type": "int"}, {"name": "l", "type": "long"},
                  {"name": "f", "type": "float"}, {"name": "d", "type": "double"}, {"name": "by", "type": "bytes"},
                  {"name": "s", "type": "string"}, {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}},
                  {"name": "fx", "type": {"type": "fixed", "name": "F", "size": 4}},
                  {"name": "a", "type": {"type": "array", "items": ["null", "long", "string"]}},
                  {"name": "m", "type": {"type": "map", "values": {"type": "array", "items": "null"}}},
                  {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 20, "scale": 4}}]}
                """#
        )
        let allValue = try AvroJSONEncoding(schema: allTypes).value(
            fromText: #"""
                {"b": true, "i": -5, "l": 1234567890123, "f": 1.5, "d": -0.25, "by": "\u0000\u00ff", "s": "héllo",
                 "e": "C", "fx": "abcd", "a": [null, {"long": 7}, {"string": "x"}], "m": {"k": [null, null], "z": []},
                 "dec": "\u0001\u0000"}
                """#
        )
        let list = try #require(LimitsTests.linkedList)
        return [
            Target(
                name: "order event",
                schema: orderEvent,
                seeds: [try encoder.encode(OrderEventFixture.create), try encoder.encode(OrderEventFixture.update)]
            ),
            Target(
                name: "all types",
                schema: allTypes,
                seeds: [try AvroDatumWriter(schema: allTypes).encode(allValue)]
            ),
            Target(name: "linked list", schema: list, seeds: [LimitsTests.list(5)]),
        ]
    }

    @Test func mutatedDatumsNeverCrash() throws {
        var random = SeededGenerator(seed: FuzzSettings.seed)
        let memoryBefore = residentMemory()
        var limits = AvroLimits()
        limits.maxCollectionSize = 100_000
        for target in try Self.targets() {
            let reader = try AvroDatumReader(schema: target.schema, limits: limits)
            let writer = try AvroDatumWriter(schema: target.schema)
            let decoder = try AvroDecoder(schema: target.schema, limits: limits)
            var decoded = 0
            for iteration in 0..<FuzzSettings.iterations {
                let input = Mutator.mutate(target.seeds[iteration % target.seeds.count], using: &random)
                if let value = try? reader.decode(input) {
                    decoded += 1
                    let again = try writer.encode(value)
                    #expect(try reader.decode(again) == value, "\(target.name): \(hex(input)) does not round-trip")
                }
                _ = try? decoder.decode(AnyDatum.self, from: input)
                if target.name == "order event" { _ = try? decoder.decode(OrderEvent.self, from: input) }
            }
            #expect(decoded > 0, "\(target.name): no mutation decoded; the fuzzer is not reaching the decoders")
        }
        if let before = memoryBefore, let after = residentMemory() {
            #expect(after - before < 512 << 20, "resident memory grew by \((after - before) >> 20) MiB")
        }
    }

    /// Reading with a different reader schema exercises skipping, promotion and defaults on bad input.
    /// Only the UPDATE resolves (the reader's union has no CreateOrderPayload), so the counts show that
    /// the mutations reach the resolving decoders rather than all failing on the way in.
    @Test func mutatedDatumsThroughResolutionNeverCrash() throws {
        var random = SeededGenerator(seed: FuzzSettings.seed &+ 1)
        let writer = try OrderEventFixture.schema
        let reader = try AvroSchema(
            parsing: #"""
                {"type": "record", "name": "OrderEvent", "namespace": "io.orderplatform.events", "fields": [
                  {"name": "orderId", "type": "string"},
                  {"name": "payload", "type": [
                    {"type": "record", "name": "UpdateOrderPayload", "fields": [{"name": "status", "type": "string"},
                      {"name": "note", "type": ["null", "string"], "default": null}]}, "null"]},
                  {"name": "extra", "type": {"type": "map", "values": "long"}, "default": {"a": 1}}]}
                """#
        )
        let datumReader = try AvroDatumReader(writerSchema: writer, readerSchema: reader)
        let decoder = try AvroDecoder(writerSchema: writer, readerSchema: reader)
        let seeds = [
            try AvroEncoder(schema: writer).encode(OrderEventFixture.create),
            try AvroEncoder(schema: writer).encode(OrderEventFixture.update),
        ]
        var resolved = 0
        var decoded = 0
        for iteration in 0..<FuzzSettings.iterations {
            let input = Mutator.mutate(seeds[iteration % 2], using: &random)
            if (try? datumReader.decode(input)) != nil { resolved += 1 }
            if (try? decoder.decode(AnyDatum.self, from: input)) != nil { decoded += 1 }
        }
        #expect(resolved > 0, "no mutation resolved; the fuzzer is not reaching the resolving reader")
        #expect(decoded > 0, "no mutation decoded; the fuzzer is not reaching the resolving decoder")
    }

    @Test func mutatedSchemasAndJSONNeverCrash() throws {
        var random = SeededGenerator(seed: FuzzSettings.seed &+ 2)
        let seeds = [
            Array(try OrderEventFixture.schemaJSON.utf8), Array(#"[{"a": [1, -2.5e3, "\u00e9", null, true]}, {}]"#.utf8),
        ]
        var parsed = 0
        for iteration in 0..<FuzzSettings.iterations {
            let input = Mutator.mutate(seeds[iteration % 2], using: &random)
            _ = try? AvroJSON(parsing: input)
            if let schema = try? AvroSchema(parsing: input) {
                parsed += 1
                #expect(try AvroSchema(parsing: schema.jsonText) == schema)
                _ = schema.canonicalForm
                _ = try? AvroSchemaCompatibility.check(reader: schema, writer: OrderEventFixture.schema)
            }
        }
        #expect(parsed > 0)
    }

    @Test(arguments: [AvroContainerCodec.null, .deflate, .snappy])
    func mutatedContainerFilesNeverCrash(codec: AvroContainerCodec) throws {
        var random = SeededGenerator(seed: FuzzSettings.seed &+ 3)
        var writer = try AvroContainerWriter(
            schema: try OrderEventFixture.schema,
            codec: codec,
            syncMarker: Array(repeating: 7, count: 16)
        )
        writer.datumsPerBlock = 2
        for event in [OrderEventFixture.create, OrderEventFixture.update, OrderEventFixture.create] {
            try writer.append(event)
        }
        let file = try writer.finish()
        var opened = 0
        var datums = 0
        for _ in 0..<(FuzzSettings.iterations / 4) {
            let input = Mutator.mutate(file, using: &random)
            if let reader = try? AvroContainerReader(bytes: input) {
                opened += 1
                datums += (try? reader.values())?.count ?? 0
                _ = try? reader.decode(AnyDatum.self)
            }
        }
        // Datums, not files read: a file cut right after its header reads as empty without a block.
        #expect(opened > 0, "\(codec): no mutated file got past its header")
        #expect(datums > 0, "\(codec): no datum was read from a mutated file; the block decoder is not reached")
    }
}
