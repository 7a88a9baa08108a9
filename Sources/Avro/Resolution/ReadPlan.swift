/// How to read data written with one schema as values of another: the schema resolution of the
/// specification, worked out once per (writer, reader) pair so that decoding only follows instructions.
///
/// Without a reader schema the plan is the identity on the writer's schema, so every decoder goes
/// through the same code. An incompatibility becomes a `failure` step that throws only if data reaches
/// it: a writer union branch the reader lacks is fine until a datum uses that branch.
final class ReadPlan: Sendable {
    let steps: [ReadStep]
    let root: Int
    let writer: SchemaGraph
    let reader: SchemaGraph
    let incompatibilities: [AvroIncompatibility]

    /// The step that reads each node of the reader's graph as itself, for identity plans (`nil` otherwise).
    let identityStepForNode: [Int]?
    /// Per step, in plain arrays the typed decoder reads without copying a ``ReadStep`` (whose payload
    /// classes would cost a retain and a release each time): what a scalar read is, whether the step is a
    /// union or failure, and whether a Swift logical type may be read there.
    let scalars: [ScalarRead]
    let writerNodes: [Int]
    let isIndirect: [Bool]
    let mayHoldSpecialType: [Bool]

    init(
        steps: [ReadStep], root: Int, writer: SchemaGraph, reader: SchemaGraph, incompatibilities: [AvroIncompatibility],
        identityStepForNode: [Int]? = nil
    ) {
        self.steps = steps
        self.root = root
        self.writer = writer
        self.reader = reader
        self.incompatibilities = incompatibilities
        self.identityStepForNode = identityStepForNode
        self.scalars = steps.map { ScalarRead($0.kind) }
        self.writerNodes = steps.map(\.writer)
        self.isIndirect = steps.map(\.isIndirect)
        self.mayHoldSpecialType = steps.map(\.mayHoldSpecialType)
    }

    convenience init(writer: SchemaGraph, reader: SchemaGraph) {
        var builder = ReadPlanBuilder(writer: writer, reader: reader)
        let root = builder.resolve(writer: writer.root, reader: reader.root)
        self.init(steps: builder.freeze(), root: root, writer: writer, reader: reader, incompatibilities: builder.incompatibilities)
    }

    /// The plan that reads data of `graph` as itself, with a step for every node: what decoders use
    /// without a reader schema, and to decode a reader's field defaults (stored in binary form).
    static func identity(_ graph: SchemaGraph) -> ReadPlan {
        var builder = ReadPlanBuilder(writer: graph, reader: graph)
        let root = builder.resolve(writer: graph.root, reader: graph.root)
        let stepForNode = graph.nodes.indices.map { builder.resolve(writer: $0, reader: $0) }
        return ReadPlan(
            steps: builder.freeze(), root: root, writer: graph, reader: graph, incompatibilities: builder.incompatibilities,
            identityStepForNode: stepForNode)
    }
}

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

/// What a step reads when it is a scalar: the writer's type and the promotion, as a trivial value.
enum ScalarRead: Sendable {
    case null, boolean, int, long, float, double, bytes, string, fixed, enumeration
    case intToLong, intToFloat, intToDouble, longToFloat, longToDouble, floatToDouble, stringToBytes, bytesToString
    case other

    init(_ kind: ReadStep.Kind) {
        switch kind {
        case .null: self = .null
        case .boolean: self = .boolean
        case .int: self = .int
        case .long: self = .long
        case .float: self = .float
        case .double: self = .double
        case .bytes: self = .bytes
        case .string: self = .string
        case .fixed: self = .fixed
        case .enumeration: self = .enumeration
        case .promote(let promotion):
            switch promotion {
            case .intToLong: self = .intToLong
            case .intToFloat: self = .intToFloat
            case .intToDouble: self = .intToDouble
            case .longToFloat: self = .longToFloat
            case .longToDouble: self = .longToDouble
            case .floatToDouble: self = .floatToDouble
            case .stringToBytes: self = .stringToBytes
            case .bytesToString: self = .bytesToString
            }
        default: self = .other
        }
    }
}

enum Promotion: Sendable {
    case intToLong, intToFloat, intToDouble, longToFloat, longToDouble, floatToDouble, stringToBytes, bytesToString
}

final class EnumPlan: Sendable {
    /// Reader symbol index for each writer symbol index, or `nil` when the reader lacks the symbol
    /// and has no default.
    let readerIndex: [Int?]
    let writerSymbols: [String]
    let readerSymbols: [String]

    init(readerIndex: [Int?], writerSymbols: [String], readerSymbols: [String]) {
        self.readerIndex = readerIndex
        self.writerSymbols = writerSymbols
        self.readerSymbols = readerSymbols
    }
}

final class RecordPlan: Sendable {
    enum WriterField: Sendable {
        case read(readerField: Int, step: Int)
        case skip(writerNode: Int)
    }

    enum ReaderField: Sendable {
        case fromWriter(position: Int, step: Int)
        /// The default as a value, and in binary form for the typed decoder.
        case fromDefault(AvroValue, bytes: [UInt8])
    }

    let record: RecordNode
    /// In the order the writer wrote them.
    let writerFields: [WriterField]
    /// In the reader's order.
    let readerFields: [ReaderField]
    /// The writer's fields are exactly the reader's, in the same order: decoders can read straight through.
    let isIdentity: Bool
    /// The steps of the writer fields when ``isIdentity``.
    let identitySteps: [Int]
    /// Per reader field: the writer field it comes from and the step reading it, or −1 for a default.
    let writerPositions: [Int]
    let readerSteps: [Int]

    init(record: RecordNode, writerFields: [WriterField], readerFields: [ReaderField]) {
        self.record = record
        self.writerFields = writerFields
        self.readerFields = readerFields
        var identity = writerFields.count == readerFields.count
        var steps: [Int] = []
        for (position, field) in writerFields.enumerated() {
            guard case .read(let readerField, let step) = field, readerField == position else {
                identity = false
                break
            }
            steps.append(step)
        }
        self.isIdentity = identity
        self.identitySteps = identity ? steps : []
        self.writerPositions = readerFields.map { if case .fromWriter(let position, _) = $0 { position } else { -1 } }
        self.readerSteps = readerFields.map { if case .fromWriter(_, let step) = $0 { step } else { -1 } }
    }
}
