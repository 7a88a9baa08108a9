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

/// One node of a ``SchemaGraph``.
struct SchemaNode: Sendable {
    enum Kind: Sendable {
        case null, boolean, int, long, float, double, bytes, string
        case fixed(FixedNode)
        case enumeration(EnumNode)
        case array(items: Int)
        case map(values: Int)
        case union(UnionNode)
        case record(RecordNode)
    }

    enum Tag: Sendable {
        case null, boolean, int, long, float, double, bytes, string, fixed, enumeration, array, map, union, record
    }

    let kind: Kind
    let logicalType: AvroLogicalType?

    var tag: Tag {
        switch kind {
        case .null: .null
        case .boolean: .boolean
        case .int: .int
        case .long: .long
        case .float: .float
        case .double: .double
        case .bytes: .bytes
        case .string: .string
        case .fixed: .fixed
        case .enumeration: .enumeration
        case .array: .array
        case .map: .map
        case .union: .union
        case .record: .record
        }
    }
    /// Whether a value of this node can take zero bytes (null, empty records, zero-size fixed): the
    /// decoders bound collections of such items by count rather than by the bytes left.
    let canBeEmpty: Bool
    /// The union-branch name: full name for named types, otherwise the type name.
    let typeName: String
}

final class FixedNode: Sendable {
    let name: AvroName
    let aliases: [AvroName]
    let size: Int

    init(name: AvroName, aliases: [AvroName], size: Int) {
        self.name = name
        self.aliases = aliases
        self.size = size
    }
}

final class EnumNode: Sendable {
    let name: AvroName
    let aliases: [AvroName]
    let symbols: [String]
    let symbolIndex: [String: Int]
    let defaultIndex: Int?

    init(_ schema: AvroEnumSchema) {
        self.name = schema.name
        self.aliases = schema.aliases
        self.symbols = schema.symbols
        var index: [String: Int] = [:]
        for (position, symbol) in schema.symbols.enumerated() { index[symbol] = position }
        self.symbolIndex = index
        self.defaultIndex = schema.defaultSymbol.flatMap { index[$0] }
    }
}

final class UnionNode: Sendable {
    let branches: [Int]
    let branchNames: [String]
    /// Names without namespace (`CreateOrderPayload`), for ``AvroUnionBranch``.
    let branchSimpleNames: [String]
    let nullBranch: Int?
    /// Branch by JSON-encoding name: full names, and simple names when they are unambiguous.
    let branchByName: [String: Int]

    init(branches: [Int], names: [String], nullBranch: Int?, simpleNames: [String?]) {
        self.branches = branches
        self.branchNames = names
        self.branchSimpleNames = names.indices.map { simpleNames[$0] ?? names[$0] }
        self.nullBranch = nullBranch
        var byName: [String: Int] = [:]
        var simpleCounts: [String: Int] = [:]
        for simple in simpleNames.compactMap({ $0 }) { simpleCounts[simple, default: 0] += 1 }
        for (index, name) in names.enumerated() {
            byName[name] = index
            if let simple = simpleNames[index], simpleCounts[simple] == 1, byName[simple] == nil { byName[simple] = index }
        }
        self.branchByName = byName
    }
}

final class RecordNode: Sendable {
    let name: AvroName
    let aliases: [AvroName]
    let fieldNames: [String]
    let fieldNodes: [Int]
    let fieldAliases: [[String]]
    let fieldIndex: [String: Int]
    /// Each field's default as a value of the field's type, when it has one.
    let defaults: [AvroValue?]
    /// The same defaults in binary form, which the typed decoder reads like data.
    let defaultBytes: [[UInt8]?]

    init(
        name: AvroName, aliases: [AvroName], fieldNames: [String], fieldNodes: [Int], fieldAliases: [[String]], defaults: [AvroValue?],
        defaultBytes: [[UInt8]?]
    ) {
        self.name = name
        self.aliases = aliases
        self.fieldNames = fieldNames
        self.fieldNodes = fieldNodes
        self.fieldAliases = fieldAliases
        var index: [String: Int] = [:]
        for (position, field) in fieldNames.enumerated() { index[field] = position }
        self.fieldIndex = index
        self.defaults = defaults
        self.defaultBytes = defaultBytes
    }
}
