extension AvroSchema {
    /// The schema as JSON: a named type is defined at its first use and referred to by name afterwards;
    /// names are written relative to the enclosing namespace. Docs, aliases, defaults, orders, logical
    /// types and custom attributes are kept.
    public var json: AvroJSON {
        var writer = SchemaJSONWriter()
        return writer.write(self, namespace: nil)
    }

    /// ``json`` as compact text.
    public var jsonText: String { json.jsonText }
}
