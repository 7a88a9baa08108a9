/// A schema compiled for encoding and decoding: one flat array of nodes in which references are indexes,
/// so recursive types cost nothing and codecs never look a name up on the hot path.
///
/// Built once per encoder or decoder. Building it is also the last step of validating a schema, since it
/// resolves every reference and converts every field default to a value of its field's type. A class, so
/// that passing it around generic code costs one retain rather than one per array.
final class SchemaGraph: Sendable {
    let nodes: [SchemaNode]
    let root: Int
    /// The schema the graph was built from, kept for error messages and resolution.
    let schema: AvroSchema
    /// Per node, in plain arrays: the kind without payload, and the logical type. The typed encoder
    /// checks these on every value; reading a ``SchemaNode`` instead would copy its payload and name,
    /// a retain and a release each.
    let tags: [SchemaNode.Tag]
    let logicalTypes: [AvroLogicalType?]

    convenience init(_ schema: AvroSchema) throws(AvroError) {
        var builder = SchemaGraphBuilder()
        let root = try builder.add(schema, path: "")
        var graph = SchemaGraph(nodes: builder.freeze(defaults: [:]), root: root, schema: schema)
        var convertedBefore = -1
        while true {
            let (defaults, converted, firstError) = builder.convertDefaults(using: graph)
            graph = SchemaGraph(nodes: builder.freeze(defaults: defaults), root: root, schema: schema)
            guard let firstError else { break }
            // A default that still fails once nothing more converts is wrong in itself.
            guard converted > convertedBefore else { throw firstError }
            convertedBefore = converted
        }
        self.init(nodes: graph.nodes, root: root, schema: schema)
    }

    private init(nodes: [SchemaNode], root: Int, schema: AvroSchema) {
        self.nodes = nodes
        self.root = root
        self.schema = schema
        self.tags = nodes.map(\.tag)
        self.logicalTypes = nodes.map(\.logicalType)
    }

    subscript(_ index: Int) -> SchemaNode { nodes[index] }
}
