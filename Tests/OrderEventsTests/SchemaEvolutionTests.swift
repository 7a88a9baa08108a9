import Avro
import Foundation
import OrderEvents
import Testing
import TestSupport

/// Version 2 of the order event (an optional `requestId` with a default) in practice: both upgrade
/// orders read through writer/reader resolution, and the compatibility rules that let a registry at
/// BACKWARD accept it and refuse an incompatible change.
@Suite struct SchemaEvolutionTests {
    static let released = ProjectPaths.root.appendingPathComponent("schemas/released/order-event/v1.avsc")

    let codec: OrderEventCodec
    let version1: AvroSchema

    init() throws {
        codec = try OrderEventCodec()
        version1 = try AvroSchema(parsing: String(contentsOf: Self.released, encoding: .utf8))
    }

    static let update = OrderEvent.update(
        OrderID(rawValue: "ORDER-7"), to: .shipped, at: Date(timeIntervalSince1970: 1_769_788_800), requestId: "req-42")

    /// A consumer still on version 1 reads what a version 2 producer writes: `requestId` is skipped.
    @Test func anOldConsumerReadsANewProducersEvents() throws {
        let bytes = try codec.encode(Self.update)
        let read = try AvroDatumReader(writerSchema: codec.schema, readerSchema: version1).decode(bytes)
        guard case .record(let record) = read else {
            Issue.record("not a record: \(read)")
            return
        }
        #expect(record.names == ["eventType", "orderId", "timestamp", "payload"])
        #expect(record["orderId"] == .string("ORDER-7"))
        #expect(record["payload"] == .union(branch: 1, .record(AvroRecord(names: ["status"], values: [.string("shipped")]))))
    }

    /// A version 2 consumer reads what a version 1 producer wrote: `requestId` takes its default, null.
    @Test func aNewConsumerReadsAnOldProducersEvents() throws {
        let old = AvroValue.record(
            AvroRecord(
                names: ["eventType", "orderId", "timestamp", "payload"],
                values: [
                    .enumeration("UPDATE"), .string("ORDER-7"), .long(1_769_788_800_000),
                    .union(branch: 1, .record(AvroRecord(names: ["status"], values: [.string("shipped")]))),
                ]))
        let bytes = try AvroDatumWriter(schema: version1).encode(old)
        let event = try bytes.withUnsafeBytes { try codec.reader(forWriterSchema: version1).decode($0) }
        var expected = Self.update
        expected.requestId = nil
        #expect(event == expected)
    }

    @Test func version2IsBackwardAndForwardCompatibleWithVersion1() throws {
        #expect(try AvroSchemaCompatibility.check(.fullTransitive, newSchema: codec.schema, previousSchemas: [version1]).isEmpty)
    }

    /// What a registry at BACKWARD refuses: the new field without its default (old events lack it),
    /// and a changed type.
    @Test(arguments: [
        #""default": null,"#: "",
        #"{"name": "orderId", "type": "string""#: #"{"name": "orderId", "type": "long""#,
    ])
    func incompatibleChangesAreRefused(from original: String, to changed: String) throws {
        #expect(OrderEventSchema.json.contains(original))
        let changedSchema = try AvroSchema(parsing: OrderEventSchema.json.replacingOccurrences(of: original, with: changed))
        let problems = try AvroSchemaCompatibility.check(.backward, newSchema: changedSchema, previousSchemas: [version1])
        #expect(!problems.isEmpty)
    }
}
