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
