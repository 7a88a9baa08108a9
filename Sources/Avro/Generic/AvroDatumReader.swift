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
