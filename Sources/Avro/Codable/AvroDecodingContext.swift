/// The `Decoder` behind ``AvroDecoder``: one instance per top-level value, reused for nested values.
/// `step` is the plan step for the current value; the container the value opens is finished (fields
/// and items it did not ask for skipped) when its `init(from:)` returns, so the input always ends up
/// just past the value.
final class AvroDecodingContext: Decoder {
    enum OpenContainer {
        case none
        case single
        case record(RecordDecodingState)
        case map(MapDecodingState)
        case array(ArrayDecodingState)
    }

    let plan: ReadPlan
    let defaults: ReadPlan
    var input: AvroByteReader
    var step: Int
    var depth = 0
    var container: OpenContainer = .none
    /// The reader union and branch passed on the way to the current value.
    var unionBranch: (union: UnionNode, branch: Int)?
    /// An error met where Swift's API cannot throw (`isAtEnd`); rethrown when the value finishes.
    var deferredError: AvroError?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(plan: ReadPlan, defaults: ReadPlan, input: AvroByteReader) {
        self.plan = plan
        self.defaults = defaults
        self.input = input
        self.step = plan.root
    }

    var kind: ReadStep.Kind { plan.steps[step].kind }

    /// Decodes one value at `step`: union branch first, then logical types, then `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type, step: Int) throws -> T {
        let saved = (self.step, self.container, self.unionBranch)
        self.step = step
        self.container = .none
        self.unionBranch = nil
        depth += 1
        defer {
            (self.step, self.container, self.unionBranch) = saved
            depth -= 1
        }
        guard depth <= input.limits.maxDepth else {
            throw AvroError.limitExceeded("nesting deeper than \(input.limits.maxDepth) levels", offset: input.position)
        }
        try settle()
        if let special = try decodeSpecial(type) { return special }
        let value = try T(from: self)
        try finishValue()
        return value
    }

    /// Follows union steps to the value's own step, reading the writer's branch index if there is one.
    func settle() throws {
        while true {
            switch kind {
            case .writerUnion(let branches):
                step = branches[try ReadPlan.readUnionIndex(count: branches.count, from: &input)]
            case .readerUnion(let branch, let next):
                if case .union(let union) = plan.reader[plan.steps[step].reader].kind { unionBranch = (union, branch) }
                step = next
            case .failure(let error):
                throw error.at(offset: input.position)
            default:
                return
            }
        }
    }

    func currentUnionBranch() throws -> AvroUnionBranch? {
        try settle()
        guard let (union, branch) = unionBranch else { return nil }
        return AvroUnionBranch(index: branch, name: union.branchNames[branch])
    }

    /// Leaves the input just past the current value, whatever `init(from:)` read of it.
    private func finishValue() throws {
        if let error = deferredError {
            deferredError = nil
            throw error
        }
        switch container {
        case .single: return
        case .record(let state): try state.finish(in: self)
        case .map(let state): input.position = state.end
        case .array(let state): try state.finish(in: self)
        case .none: try plan.writer.skipValue(plan.steps[step].writer, in: &input, depth: depth)
        }
    }

    func markSingleValue() {
        if case .none = container { container = .single }
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch container {
        case .record(let state): return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(context: self, storage: .record(state)))
        case .map(let state): return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(context: self, storage: .map(state)))
        case .none: break
        default: throw AvroError.unsupported("a value opened two different containers")
        }
        switch kind {
        case .record(let recordPlan):
            let state = RecordDecodingState(plan: recordPlan, start: input.position)
            container = .record(state)
            return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(context: self, storage: .record(state)))
        case .map(let values, _):
            let state = try MapDecodingState(values: values, context: self)
            container = .map(state)
            return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(context: self, storage: .map(state)))
        default:
            throw mismatch("a keyed container (struct or dictionary)")
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if case .array(let state) = container { return AvroUnkeyedDecodingContainer(context: self, state: state) }
        guard case .none = container else { throw AvroError.unsupported("a value opened two different containers") }
        guard case .array(let items, let itemsCanBeEmpty) = kind else { throw mismatch("an unkeyed container (array)") }
        let state = ArrayDecodingState(items: items, itemsCanBeEmpty: itemsCanBeEmpty)
        container = .array(state)
        return AvroUnkeyedDecodingContainer(context: self, state: state)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        AvroSingleValueDecodingContainer(context: self)
    }

    func mismatch(_ requested: String) -> AvroError {
        .typeMismatch("the schema has \(plan.reader[plan.steps[step].reader].typeName) where the Swift type expects \(requested)")
    }
}
