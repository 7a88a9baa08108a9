/// Writes ``AvroValue``s in the binary encoding of a schema (no header, no framing).
///
/// Build one per schema and reuse it: building compiles the schema.
public struct AvroDatumWriter: Sendable {
    public let schema: AvroSchema
    let graph: SchemaGraph

    public init(schema: AvroSchema) throws(AvroError) {
        self.schema = schema
        self.graph = try SchemaGraph(schema)
    }

    /// The binary encoding of `value`. Errors name the path of the offending value.
    public func encode(_ value: AvroValue) throws(AvroError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        try encode(value, into: &output)
        return output
    }

    /// Checks `value` against the schema without keeping the encoding; errors name the path
    /// (`Order.items[2].price: expected double, found string`).
    public func validate(_ value: AvroValue) throws(AvroError) {
        var scratch: [UInt8] = []
        try encode(value, into: &scratch)
    }

    /// Appends the binary encoding of `value` to `output` (for framing such as the Confluent wire format).
    public func encode(_ value: AvroValue, into output: inout [UInt8]) throws(AvroError) {
        do {
            try graph.write(value, node: graph.root, into: &output)
        } catch {
            throw graph.rootPrefixed(error)
        }
    }
}

extension SchemaGraph {
    /// Errors from inside a record start their path with the root record's name.
    func rootPrefixed(_ error: AvroError) -> AvroError {
        guard case .record(let record) = nodes[root].kind else { return error }
        return error.prefixed(record.name.name)
    }
}
