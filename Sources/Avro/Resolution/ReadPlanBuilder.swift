/// Works out a ``ReadPlan`` by the resolution rules of the specification, recording every
/// incompatibility it meets (for ``AvroSchemaCompatibility``) and turning each into a failure step.
struct ReadPlanBuilder {
    private struct Pair: Hashable {
        let writer: Int
        let reader: Int
    }

    let writer: SchemaGraph
    let reader: SchemaGraph
    private(set) var incompatibilities: [AvroIncompatibility] = []
    private var steps: [ReadStep?] = []
    private var memo: [Pair: Int] = [:]

    init(writer: SchemaGraph, reader: SchemaGraph) {
        self.writer = writer
        self.reader = reader
    }

    func freeze() -> [ReadStep] {
        steps.enumerated().map { index, step in
            step ?? ReadStep(kind: .failure(.incompatible("unresolved step \(index)")), reader: 0, writer: 0)
        }
    }

    mutating func resolve(writer w: Int, reader r: Int) -> Int {
        let rootPath = reader.schema.name?.name ?? ""
        return resolve(writer: w, reader: r, path: rootPath, location: "")
    }

    private mutating func resolve(writer w: Int, reader r: Int, path: String, location: String) -> Int {
        let key = Pair(writer: w, reader: r)
        if let existing = memo[key] { return existing }
        let index = steps.count
        steps.append(nil)
        memo[key] = index
        let kind = makeKind(writer: w, reader: r, path: path, location: location)
        steps[index] = ReadStep(kind: kind, reader: r, writer: w, readerNode: reader[r])
        return index
    }

    private mutating func fail(
        _ kind: AvroIncompatibility.Kind,
        _ message: String,
        path: String,
        location: String
    )
        -> ReadStep.Kind
    {
        incompatibilities.append(
            AvroIncompatibility(kind: kind, path: path, location: location.isEmpty ? "/" : location, message: message)
        )
        return .failure(.incompatible(message, path: path))
    }

    private mutating func makeKind(writer w: Int, reader r: Int, path: String, location: String) -> ReadStep.Kind {
        let writerNode = writer[w], readerNode = reader[r]
        if case .union(let union) = writerNode.kind {
            // Like Java's checker: against a reader union, a writer branch is located by its index.
            let readerIsUnion = if case .union = readerNode.kind { true } else { false }
            return .writerUnion(
                union.branches.enumerated().map { index, branch in
                    resolve(
                        writer: branch,
                        reader: r,
                        path: path,
                        location: readerIsUnion ? location + "/\(index)" : location
                    )
                }
            )
        }
        if case .union(let union) = readerNode.kind {
            guard let branch = bestBranch(writer: w, union: union) else {
                return fail(
                    .missingUnionBranch,
                    "reader union has no branch for writer type \(writerNode.typeName)",
                    path: path,
                    location: location
                )
            }
            let branchPath = path + "(" + shortName(readerNode: union.branches[branch]) + ")"
            let step = resolve(writer: w, reader: union.branches[branch], path: branchPath, location: location)
            return .readerUnion(branch: branch, step: step)
        }
        if let kind = primitiveKind(writerNode.kind, readerNode.kind) { return kind }
        return complexKind(writer: w, reader: r, path: path, location: location)
    }

    private func shortName(readerNode index: Int) -> String {
        let node = reader[index]
        switch node.kind {
        case .record(let record): return record.name.name
        case .enumeration(let enumeration): return enumeration.name.name
        case .fixed(let fixed): return fixed.name.name
        default: return node.typeName
        }
    }

    /// Same primitive, or one of the promotions of the specification.
    private func primitiveKind(_ writerKind: SchemaNode.Kind, _ readerKind: SchemaNode.Kind) -> ReadStep.Kind? {
        switch (writerKind, readerKind) {
        case (.null, .null): .null
        case (.boolean, .boolean): .boolean
        case (.int, .int): .int
        case (.long, .long): .long
        case (.float, .float): .float
        case (.double, .double): .double
        case (.bytes, .bytes): .bytes
        case (.string, .string): .string
        case (.int, .long): .promote(.intToLong)
        case (.int, .float): .promote(.intToFloat)
        case (.int, .double): .promote(.intToDouble)
        case (.long, .float): .promote(.longToFloat)
        case (.long, .double): .promote(.longToDouble)
        case (.float, .double): .promote(.floatToDouble)
        case (.string, .bytes): .promote(.stringToBytes)
        case (.bytes, .string): .promote(.bytesToString)
        default: nil
        }
    }

    private mutating func complexKind(writer w: Int, reader r: Int, path: String, location: String) -> ReadStep.Kind {
        switch (writer[w].kind, reader[r].kind) {
        case (.array(let writerItems), .array(let readerItems)):
            let items = resolve(
                writer: writerItems,
                reader: readerItems,
                path: path + "[]",
                location: location + "/items"
            )
            return .array(items: items, itemsCanBeEmpty: writer[writerItems].canBeEmpty)
        case (.map(let writerValues), .map(let readerValues)):
            let values = resolve(
                writer: writerValues,
                reader: readerValues,
                path: path + "{}",
                location: location + "/values"
            )
            return .map(values: values, valuesCanBeEmpty: writer[writerValues].canBeEmpty)
        case (.fixed(let writerFixed), .fixed(let readerFixed)):
            guard Self.namesMatch(writerFixed.name, reader: readerFixed.name, aliases: readerFixed.aliases) else {
                return fail(
                    .nameMismatch,
                    "expected name \(readerFixed.name), found \(writerFixed.name)",
                    path: path,
                    location: location + "/name"
                )
            }
            guard writerFixed.size == readerFixed.size else {
                return fail(
                    .fixedSizeMismatch,
                    "expected size \(readerFixed.size), found \(writerFixed.size)",
                    path: path,
                    location: location + "/size"
                )
            }
            return .fixed(size: readerFixed.size)
        case (.enumeration(let writerEnum), .enumeration(let readerEnum)):
            return enumKind(writerEnum, readerEnum, path: path, location: location)
        case (.record(let writerRecord), .record(let readerRecord)):
            return recordKind(writerRecord, readerRecord, path: path, location: location)
        default:
            let message = "reader type \(reader[r].typeName) is not compatible with writer type \(writer[w].typeName)"
            return fail(.typeMismatch, message, path: path, location: location)
        }
    }

    private mutating func enumKind(
        _ writerEnum: EnumNode,
        _ readerEnum: EnumNode,
        path: String,
        location: String
    ) -> ReadStep.Kind {
        guard Self.namesMatch(writerEnum.name, reader: readerEnum.name, aliases: readerEnum.aliases) else {
            return fail(
                .nameMismatch,
                "expected name \(readerEnum.name), found \(writerEnum.name)",
                path: path,
                location: location + "/name"
            )
        }
        let mapping = writerEnum.symbols.map { readerEnum.symbolIndex[$0] ?? readerEnum.defaultIndex }
        let missing = zip(writerEnum.symbols, mapping).filter { $0.1 == nil }.map(\.0)
        if !missing.isEmpty {
            let message = "reader enum lacks writer symbols [\(missing.joined(separator: ", "))] and has no default"
            _ = fail(.missingEnumSymbols, message, path: path, location: location + "/symbols")
        }
        return .enumeration(
            EnumPlan(readerIndex: mapping, writerSymbols: writerEnum.symbols, readerSymbols: readerEnum.symbols)
        )
    }

    private mutating func recordKind(
        _ writerRecord: RecordNode,
        _ readerRecord: RecordNode,
        path: String,
        location: String
    )
        -> ReadStep.Kind
    {
        guard Self.namesMatch(writerRecord.name, reader: readerRecord.name, aliases: readerRecord.aliases) else {
            return fail(
                .nameMismatch,
                "expected name \(readerRecord.name), found \(writerRecord.name)",
                path: path,
                location: location + "/name"
            )
        }
        let recordPath = path.isEmpty ? readerRecord.name.name : path
        var readerFields: [RecordPlan.ReaderField] = []
        var readerForWriter = [Int?](repeating: nil, count: writerRecord.fieldNames.count)
        var stepForWriter = [Int](repeating: 0, count: writerRecord.fieldNames.count)
        var failure: ReadStep.Kind?
        for (position, name) in readerRecord.fieldNames.enumerated() {
            let fieldLocation = location + "/fields/\(position)"
            if let writerPosition = writerField(for: position, of: readerRecord, in: writerRecord) {
                let step = resolve(
                    writer: writerRecord.fieldNodes[writerPosition],
                    reader: readerRecord.fieldNodes[position],
                    path: recordPath + "." + name,
                    location: fieldLocation + "/type"
                )
                readerForWriter[writerPosition] = position
                stepForWriter[writerPosition] = step
                readerFields.append(.fromWriter(position: writerPosition, step: step))
            } else if let value = readerRecord.defaults[position], let bytes = readerRecord.defaultBytes[position] {
                readerFields.append(.fromDefault(value, bytes: bytes))
            } else {
                let message = "field '\(name)' is missing in the writer's schema and has no default"
                failure = fail(
                    .readerFieldMissingDefaultValue,
                    message,
                    path: recordPath + "." + name,
                    location: fieldLocation
                )
            }
        }
        if let failure { return failure }
        let writerFields: [RecordPlan.WriterField] = writerRecord.fieldNodes.enumerated().map { position, node in
            guard let readerField = readerForWriter[position] else { return .skip(writerNode: node) }
            return .read(readerField: readerField, step: stepForWriter[position])
        }
        return .record(RecordPlan(record: readerRecord, writerFields: writerFields, readerFields: readerFields))
    }

    /// The writer field a reader field reads: same name first, then one of the reader field's aliases.
    private func writerField(for position: Int, of readerRecord: RecordNode, in writerRecord: RecordNode) -> Int? {
        if let index = writerRecord.fieldIndex[readerRecord.fieldNames[position]] { return index }
        for alias in readerRecord.fieldAliases[position] {
            if let index = writerRecord.fieldIndex[alias] { return index }
        }
        return nil
    }

    /// Named types match by unqualified name, as the specification says, or by one of the reader's aliases.
    static func namesMatch(_ writer: AvroName, reader: AvroName, aliases: [AvroName]) -> Bool {
        writer.name == reader.name || aliases.contains { $0.fullName == writer.fullName || $0.name == writer.name }
    }

    /// The reader union's branch for a non-union writer type: an exact match (same type, same full
    /// name) first, then a named type matching by unqualified name or alias, then a promotion.
    private func bestBranch(writer w: Int, union: UnionNode) -> Int? {
        let writerNode = writer[w]
        if let exact = union.branches.firstIndex(where: { isExactMatch(writerNode, reader[$0]) }) { return exact }
        if let named = union.branches.firstIndex(where: { isNameMatch(writerNode, reader[$0]) }) { return named }
        return union.branches.firstIndex { primitiveKind(writerNode.kind, reader[$0].kind) != nil }
    }

    private func isExactMatch(_ writerNode: SchemaNode, _ readerNode: SchemaNode) -> Bool {
        switch (writerNode.kind, readerNode.kind) {
        case (.record(let a), .record(let b)): a.name == b.name
        case (.enumeration(let a), .enumeration(let b)): a.name == b.name
        case (.fixed(let a), .fixed(let b)): a.name == b.name
        case (.array, .array), (.map, .map): true
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long), (.float, .float), (.double, .double),
            (.bytes, .bytes), (.string, .string):
            true
        default: false
        }
    }

    private func isNameMatch(_ writerNode: SchemaNode, _ readerNode: SchemaNode) -> Bool {
        switch (writerNode.kind, readerNode.kind) {
        case (.record(let a), .record(let b)): Self.namesMatch(a.name, reader: b.name, aliases: b.aliases)
        case (.enumeration(let a), .enumeration(let b)): Self.namesMatch(a.name, reader: b.name, aliases: b.aliases)
        case (.fixed(let a), .fixed(let b)): Self.namesMatch(a.name, reader: b.name, aliases: b.aliases)
        default: false
        }
    }
}
