/// One instruction of a ``ReadPlan``: what to read (in writer terms) and what it becomes (reader node).
struct ReadStep: Sendable {
    enum Kind: Sendable {
        case null, boolean, int, long, float, double, bytes, string
        case fixed(size: Int)
        case promote(Promotion)
        case enumeration(EnumPlan)
        case array(items: Int, itemsCanBeEmpty: Bool)
        case map(values: Int, valuesCanBeEmpty: Bool)
        case record(RecordPlan)
        /// The writer wrote a union: read the branch index, then follow that branch's step.
        case writerUnion([Int])
        /// The reader expects a union and the writer did not write one: the value becomes this branch.
        case readerUnion(branch: Int, step: Int)
        case failure(AvroError)
    }

    let kind: Kind
    /// The reader's node, for names, logical types and union branches.
    let reader: Int
    /// The writer's node, for skipping.
    let writer: Int
    /// Whether a Swift `Decimal`, `Date`, `UUID`, `Data` or `[UInt8]` may be read here (the reader's node
    /// has a logical type, or holds bytes): the typed decoder looks at the Swift type only then.
    let mayHoldSpecialType: Bool
    /// A union (either side) or a failure: the typed decoder must look at `kind` before the value.
    let isIndirect: Bool

    init(kind: Kind, reader: Int, writer: Int, readerNode: SchemaNode? = nil) {
        self.kind = kind
        self.reader = reader
        self.writer = writer
        switch kind {
        case .writerUnion, .readerUnion, .failure: isIndirect = true
        default: isIndirect = false
        }
        switch readerNode?.kind {
        case .bytes?, .fixed?: mayHoldSpecialType = true
        default: mayHoldSpecialType = readerNode?.logicalType != nil
        }
    }
}
