/// The `Encoder` behind ``AvroEncoder``: one instance per top-level value, reused for every nested
/// value. `node` is the schema node the current value must match; the container a value opens is
/// finished (missing fields filled in, collection blocks closed) when its `encode(to:)` returns.
final class AvroEncodingContext: Encoder {
    enum OpenContainer {
        case none
        case single
        case keyed(KeyedEncodingState)
        case unkeyed(ArrayEncodingState)
        case failed
    }

    let graph: SchemaGraph
    let unionCache: UnionBranchCache
    // One thread at a time uses an encoder, and no access to these overlaps another (each is a read, a
    // whole-value update, or an inout pass to code that does not touch the context), so the dynamic
    // exclusivity check on every access is switched off for them.
    @exclusivity(unchecked) var output: [UInt8] = []
    @exclusivity(unchecked) var node: Int
    @exclusivity(unchecked) var container: OpenContainer = .none
    /// Union branches already chosen for Swift types in this value, before asking the shared cache.
    @exclusivity(unchecked) var recentUnionChoices: [(node: Int, type: ObjectIdentifier, branch: Int)] = []
    /// An error raised where Swift's API cannot throw (`container(keyedBy:)`); rethrown when the
    /// value finishes.
    var deferredError: (any Error)?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(graph: SchemaGraph, unionCache: UnionBranchCache, node: Int? = nil) {
        self.graph = graph
        self.unionCache = unionCache
        self.node = node ?? graph.root
    }

    /// Encodes one value at `node`: logical types first, then the union branch, then the value's own
    /// `encode(to:)`, and finally whatever container it opened.
    func encodeValue<T: Encodable>(_ value: T, node: Int) throws {
        if try encodeSpecial(value, node: node) { return }
        guard graph.tags[node] == .union, case .union(let union) = graph[node].kind,
            let branch = try unionBranch(for: T.self, union: union, node: node)
        else {
            try encodeOwn(value, node: node)
            return
        }
        output.appendLong(Int64(branch))
        do {
            let target = union.branches[branch]
            if try encodeSpecial(value, node: target) { return }
            try encodeOwn(value, node: target)
        } catch let error as AvroError {
            throw error.prefixed("(\(union.branchSimpleNames[branch]))")
        }
    }

    /// Runs the value's own `encode(to:)` at `node` and finishes the container it opened.
    private func encodeOwn<T: Encodable>(_ value: T, node target: Int) throws {
        let savedNode = self.node
        let savedContainer = self.container
        self.node = target
        self.container = .none
        defer {
            self.node = savedNode
            self.container = savedContainer
        }
        try value.encode(to: self)
        try finishContainer()
    }

    /// Completes the container the current value opened.
    func finishContainer() throws {
        if let error = deferredError {
            deferredError = nil
            throw error
        }
        switch container {
        case .single: return
        case .keyed(let state): try state.finish(in: self)
        case .unkeyed(let state): try state.finish(in: self)
        case .failed: throw AvroError.typeMismatch("the value could not be encoded")
        case .none:
            // Nothing written: fine for a record whose fields all have defaults or accept null.
            guard case .record(let record) = graph[node].kind else {
                throw AvroError.typeMismatch("the value encoded nothing for \(graph[node].typeName)")
            }
            try RecordEncodingState(record: record).finish(in: self)
        }
    }

    /// A fresh context for a nested container or super encoder, whose bytes are spliced in later.
    func child(node: Int) -> AvroEncodingContext {
        AvroEncodingContext(graph: graph, unionCache: unionCache, node: node)
    }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        do {
            return KeyedEncodingContainer(AvroKeyedEncodingContainer<Key>(context: self, state: try openKeyed()))
        } catch {
            deferredError = deferredError ?? error
            container = .failed
            return KeyedEncodingContainer(AvroKeyedEncodingContainer<Key>(context: self, state: nil))
        }
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        do {
            return AvroUnkeyedEncodingContainer(context: self, state: try openUnkeyed())
        } catch {
            deferredError = deferredError ?? error
            container = .failed
            return AvroUnkeyedEncodingContainer(context: self, state: nil)
        }
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        AvroSingleValueEncodingContainer(context: self)
    }

    private func openKeyed() throws -> KeyedEncodingState {
        if case .keyed(let state) = container { return state }
        guard case .none = container else { throw AvroError.unsupported("a value opened two different containers") }
        let resolved = try resolveUnion(node, shape: .keyed)
        node = resolved
        let state: KeyedEncodingState
        switch graph[resolved].kind {
        case .record(let record): state = .record(RecordEncodingState(record: record))
        case .map(let values): state = .map(MapEncodingState(values: values))
        default:
            throw AvroError.typeMismatch(
                "expected \(graph[resolved].typeName), found a keyed container (struct or dictionary)"
            )
        }
        container = .keyed(state)
        return state
    }

    private func openUnkeyed() throws -> ArrayEncodingState {
        if case .unkeyed(let state) = container { return state }
        guard case .none = container else { throw AvroError.unsupported("a value opened two different containers") }
        let resolved = try resolveUnion(node, shape: .unkeyed)
        node = resolved
        guard case .array(let items) = graph[resolved].kind else {
            throw AvroError.typeMismatch("expected \(graph[resolved].typeName), found an unkeyed container (array)")
        }
        let state = ArrayEncodingState(items: items)
        container = .unkeyed(state)
        return state
    }

    /// Marks that the current value was written through a single-value container.
    func markSingleValue() throws {
        switch container {
        case .none: container = .single
        case .single: throw AvroError.unsupported("a single-value container was written twice")
        default: throw AvroError.unsupported("a value mixed a single-value container with another container")
        }
    }
}
