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
    // The decoder is used by one thread at a time and never hands out overlapping accesses to these
    // (each access is a read or a whole-value update within one method), so the per-access dynamic
    // exclusivity check, about a tenth of decoding time, is switched off for them.
    @exclusivity(unchecked) var input: AvroByteReader
    @exclusivity(unchecked) var step: Int
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var container: OpenContainer = .none
    /// The reader union and branch passed on the way to the current value (two fields rather than an
    /// optional tuple, which would cost a metadata lookup each time it is saved).
    var unionNode: UnionNode?
    var unionBranchIndex = 0
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
        let savedStep = self.step, savedContainer = self.container, savedUnion = self.unionNode,
            savedBranch = self.unionBranchIndex
        self.step = step
        self.container = .none
        self.unionNode = nil
        depth += 1
        defer {
            self.step = savedStep
            self.container = savedContainer
            self.unionNode = savedUnion
            self.unionBranchIndex = savedBranch
            depth -= 1
        }
        guard depth <= input.limits.maxDepth else {
            throw AvroError.limitExceeded("nesting deeper than \(input.limits.maxDepth) levels", offset: input.position)
        }
        try settle()
        do {
            if plan.mayHoldSpecialType[self.step] && Self.isSpecial(type) { return try decodeSpecial(type) }
            let value = try T(from: self)
            try finishValue()
            return value
        } catch let error as AvroError {
            guard let union = unionNode else { throw error }
            throw error.prefixed("(\(union.branchSimpleNames[unionBranchIndex]))")
        }
    }

    /// Reads a primitive at `step` without going through `init(from:)`: the keyed and unkeyed containers'
    /// fast path for `String`, integers, floating point and `Bool`.
    func decodePrimitive<R>(step: Int, _ read: (AvroDecodingContext) throws -> R) throws -> R {
        let savedStep = self.step, savedContainer = self.container, savedUnion = self.unionNode,
            savedBranch = self.unionBranchIndex
        self.step = step
        self.container = .none
        defer {
            self.step = savedStep
            self.container = savedContainer
            self.unionNode = savedUnion
            self.unionBranchIndex = savedBranch
        }
        try settle()
        return try read(self)
    }

    /// Follows union steps to the value's own step, reading the writer's branch index if there is one.
    func settle() throws {
        while plan.isIndirect[step] {
            switch kind {
            case .writerUnion(let branches):
                step = branches[try ReadPlan.readUnionIndex(count: branches.count, from: &input)]
            case .readerUnion(let branch, let next):
                if case .union(let union) = plan.reader[plan.steps[step].reader].kind {
                    unionNode = union
                    unionBranchIndex = branch
                }
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
        guard let union = unionNode else { return nil }
        let branch = unionBranchIndex
        return AvroUnionBranch(
            index: branch,
            name: union.branchNames[branch],
            simpleName: union.branchSimpleNames[branch]
        )
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
        case .none: try plan.writer.skipValue(plan.writerNodes[step], in: &input, depth: depth)
        }
    }

    func markSingleValue() {
        if case .none = container { container = .single }
    }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch container {
        case .record(let state): return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(storage: .record(state)))
        case .map(let state): return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(storage: .map(state)))
        case .none: break
        default: throw AvroError.unsupported("a value opened two different containers")
        }
        switch kind {
        case .record(let recordPlan):
            let state = RecordDecodingState(plan: recordPlan, context: self, start: input.position)
            container = .record(state)
            return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(storage: .record(state)))
        case .map(let values, _):
            let state = try MapDecodingState(values: values, context: self)
            container = .map(state)
            return KeyedDecodingContainer(AvroKeyedDecodingContainer<Key>(storage: .map(state)))
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
        .typeMismatch(
            "the schema has \(plan.reader[plan.steps[step].reader].typeName) where the Swift type expects \(requested)"
        )
    }
}
