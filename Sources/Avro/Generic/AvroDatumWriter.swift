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

/// Reads ``AvroValue``s from the binary encoding, resolving the writer's schema to the reader's when
/// they differ.
public struct AvroDatumReader: Sendable {
    let plan: ReadPlan
    public let limits: AvroLimits

    /// A reader for data written with `schema`, read as is.
    public init(schema: AvroSchema, limits: AvroLimits = .default) throws(AvroError) {
        self.init(plan: ReadPlan.identity(try SchemaGraph(schema)), limits: limits)
    }

    /// A reader for data written with `writerSchema`, delivered as values of `readerSchema`.
    ///
    /// Throws ``AvroError/Code/incompatibleSchemas`` when no datum could ever be read (the top-level
    /// types do not match). Narrower mismatches, such as a writer union branch the reader lacks, fail
    /// only when a datum uses them; ``AvroSchemaCompatibility`` lists them all up front.
    public init(writerSchema: AvroSchema, readerSchema: AvroSchema, limits: AvroLimits = .default) throws(AvroError) {
        let plan = ReadPlan(writer: try SchemaGraph(writerSchema), reader: try SchemaGraph(readerSchema))
        if case .failure(let error) = plan.steps[plan.root].kind { throw error }
        self.init(plan: plan, limits: limits)
    }

    init(plan: ReadPlan, limits: AvroLimits) {
        self.plan = plan
        self.limits = limits
    }

    /// Decodes one datum that must fill `bytes` exactly.
    public func decode(_ bytes: [UInt8]) throws(AvroError) -> AvroValue {
        try bytes.withAvroBytes { (buffer) throws(AvroError) in try decode(buffer) }
    }

    /// Decodes one datum that must fill `buffer` exactly.
    public func decode(_ buffer: UnsafeRawBufferPointer) throws(AvroError) -> AvroValue {
        var input = AvroByteReader(buffer, limits: limits)
        let value = try decode(from: &input)
        guard input.isAtEnd else {
            throw .malformed("\(input.remaining) bytes left over after the datum", offset: input.position)
        }
        return value
    }

    /// Decodes one datum starting at `offset` and moves `offset` past it (for concatenated data).
    public func decode(_ bytes: [UInt8], offset: inout Int) throws(AvroError) -> AvroValue {
        guard offset >= 0, offset <= bytes.count else { throw .malformed("offset \(offset) outside the input") }
        let start = offset
        return try bytes.withAvroBytes { (buffer) throws(AvroError) in
            var input = AvroByteReader(buffer, position: start, limits: limits)
            let value = try decode(from: &input)
            offset = input.position
            return value
        }
    }

    func decode(from input: inout AvroByteReader) throws(AvroError) -> AvroValue {
        do {
            return try plan.readValue(plan.root, from: &input, depth: 0)
        } catch {
            throw plan.reader.rootPrefixed(error)
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
