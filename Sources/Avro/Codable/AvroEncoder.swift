import Foundation
import Synchronization

/// Encodes `Encodable` Swift values straight into the binary encoding of a schema, without building an
/// ``AvroValue`` first.
///
/// Mapping: struct → record (keys are field names, in any order; a missing optional field becomes null,
/// a missing field with a default its default), `String`-backed enum → enum, array → array,
/// `[String: T]` → map, `Optional` → a union with `null`. Logical types: `Decimal` → decimal, `Date` →
/// date and the timestamp types, `UUID` → uuid, `Data`/`[UInt8]` → bytes or fixed, ``AvroDuration`` →
/// duration.
///
/// For a union of several records, the value's Swift type name picks the branch of the same simple
/// name (`CreateOrderPayload` for `com.example.CreateOrderPayload`). A Swift enum wrapping the branches
/// encodes its payload through `singleValueContainer().encode(payload)`; see ``AvroDecoder`` for the
/// other direction.
public struct AvroEncoder: Sendable {
    public let schema: AvroSchema
    let graph: SchemaGraph
    let unionCache: UnionBranchCache

    public init(schema: AvroSchema) throws(AvroError) {
        self.schema = schema
        self.graph = try SchemaGraph(schema)
        self.unionCache = UnionBranchCache()
    }

    /// The binary encoding of `value` (no header, no framing).
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var output: [UInt8] = []
        try encode(value, into: &output)
        return output
    }

    /// Appends the binary encoding of `value` to `output`.
    public func encode<T: Encodable>(_ value: T, into output: inout [UInt8]) throws {
        let context = AvroEncodingContext(graph: graph, unionCache: unionCache)
        swap(&context.output, &output)
        context.output.reserveCapacity(context.output.count + 256)
        defer { swap(&context.output, &output) }
        do {
            try context.encodeValue(value, node: graph.root)
        } catch let error as AvroError {
            throw graph.rootPrefixed(error)
        }
    }
}
