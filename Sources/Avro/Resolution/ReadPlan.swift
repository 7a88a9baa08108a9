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
    }
}
