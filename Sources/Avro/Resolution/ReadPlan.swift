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
        steps: [ReadStep],
        root: Int,
        writer: SchemaGraph,
        reader: SchemaGraph,
        incompatibilities: [AvroIncompatibility],
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
        self.init(
            steps: builder.freeze(),
            root: root,
            writer: writer,
            reader: reader,
            incompatibilities: builder.incompatibilities
        )
    }

    /// The plan that reads data of `graph` as itself, with a step for every node: what decoders use
    /// without a reader schema, and to decode a reader's field defaults (stored in binary form).
    static func identity(_ graph: SchemaGraph) -> ReadPlan {
        var builder = ReadPlanBuilder(writer: graph, reader: graph)
        let root = builder.resolve(writer: graph.root, reader: graph.root)
        let stepForNode = graph.nodes.indices.map { builder.resolve(writer: $0, reader: $0) }
        return ReadPlan(
            steps: builder.freeze(),
            root: root,
            writer: graph,
            reader: graph,
            incompatibilities: builder.incompatibilities,
            identityStepForNode: stepForNode
        )
    }
}
