/// The JSON encoding of the specification for one schema: unions as `{"branch": value}` or `null`,
/// bytes and fixed as strings of code points 0–255. What `avro-tool` reads and writes.
public struct AvroJSONEncoding: Sendable {
    public let schema: AvroSchema
    let graph: SchemaGraph

    public init(schema: AvroSchema) throws(AvroError) {
        self.schema = schema
        self.graph = try SchemaGraph(schema)
    }

    /// Converts a value to its JSON encoding.
    public func json(for value: AvroValue) throws(AvroError) -> AvroJSON {
        do {
            return try AvroJSONCodec.json(from: value, node: graph.root, in: graph)
        } catch {
            throw graph.rootPrefixed(error)
        }
    }

    /// The JSON encoding of a value as compact text.
    public func text(for value: AvroValue) throws(AvroError) -> String {
        try json(for: value).jsonText
    }

    /// Reads a value from its JSON encoding; missing record fields take their defaults.
    public func value(from json: AvroJSON) throws(AvroError) -> AvroValue {
        do {
            return try AvroJSONCodec.value(from: json, node: graph.root, in: graph)
        } catch {
            throw graph.rootPrefixed(error)
        }
    }

    /// Reads a value from JSON text.
    public func value(fromText text: String) throws(AvroError) -> AvroValue {
        try value(from: AvroJSON(parsing: text))
    }
}
