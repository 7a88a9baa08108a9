extension AvroSchema {
    /// Parses a schema from its JSON text and checks it: names, references, duplicates, union rules,
    /// enum symbols, fixed sizes and every field default. Errors name the path (`Order.items[].price`).
    public init(parsing text: String) throws(AvroError) {
        try self.init(json: AvroJSON(parsing: text))
    }

    /// Parses a schema from UTF-8 JSON bytes.
    public init(parsing bytes: [UInt8]) throws(AvroError) {
        try self.init(json: AvroJSON(parsing: bytes))
    }

    /// Builds a schema from parsed JSON, with the same checks as ``init(parsing:)``.
    public init(json: AvroJSON) throws(AvroError) {
        var parser = SchemaParser()
        let schema = try parser.parse(json, namespace: nil, path: "")
        // Compiling resolves every reference and converts every default, which is the validation we need.
        _ = try SchemaGraph(schema)
        self = schema
    }
}
