/// A record being encoded. Fields must go out in schema order; Swift encodes them in declaration
/// order, which usually agrees, so a field that arrives in turn is written straight to the output and
/// only an early one is buffered until its turn.
final class RecordEncodingState {
    let record: RecordNode
    private(set) var next = 0
    private var pending: [PendingBytes?] = []
    private var lastLookup = -1

    init(record: RecordNode) {
        self.record = record
    }

    /// The field position for a key; the field after the previous one is tried first.
    func position(of key: String) throws -> Int {
        let guess = lastLookup + 1
        if guess < record.fieldNames.count, record.fieldNames[guess] == key {
            lastLookup = guess
            return guess
        }
        guard let position = record.fieldIndex[key] else {
            throw AvroError.typeMismatch("record \(record.name) has no field '\(key)'")
        }
        lastLookup = position
        return position
    }

    /// Encodes one field through `body`, in place when it is the field's turn, buffered otherwise.
    func encodeField(_ key: String, in context: AvroEncodingContext, _ body: (Int) throws -> Void) throws {
        do {
            let position = try position(of: key)
            if position == next && (pending.isEmpty || pending[position] == nil) {
                try body(record.fieldNodes[position])
                next += 1
                try flush(in: context)
            } else {
                guard position > next, pending.isEmpty || pending[position] == nil else {
                    throw AvroError.unsupported("field encoded twice")
                }
                var buffer: [UInt8] = []
                swap(&buffer, &context.output)
                defer { swap(&buffer, &context.output) }
                try body(record.fieldNodes[position])
                setPending(.bytes(context.output), at: position)
            }
        } catch let error as AvroError {
            throw error.prefixed(key)
        }
    }

    /// Whether the field called `key` can hold null (a null type, or a union with a null branch).
    func acceptsNull(_ key: String, in graph: SchemaGraph) -> Bool {
        guard let position = record.fieldIndex[key] else { return true }
        let node = record.fieldNodes[position]
        switch graph.tags[node] {
        case .null: return true
        case .union:
            if case .union(let union) = graph[node].kind { return union.nullBranch != nil }
            return false
        default: return false
        }
    }

    /// Registers a nested container or super encoder for a field; its bytes are placed at the end.
    func nested(_ key: String, in context: AvroEncodingContext) throws -> AvroEncodingContext {
        let position = try position(of: key)
        guard position >= next, pending.isEmpty || pending[position] == nil else {
            throw AvroError.unsupported("field '\(key)' encoded twice")
        }
        let child = context.child(node: record.fieldNodes[position])
        setPending(.nested(child), at: position)
        return child
    }

    private func setPending(_ bytes: PendingBytes, at position: Int) {
        if pending.isEmpty { pending = Array(repeating: nil, count: record.fieldNames.count) }
        pending[position] = bytes
    }

    /// Writes buffered fields whose turn has come (nested containers wait for ``finish(in:)``).
    private func flush(in context: AvroEncodingContext) throws {
        while next < pending.count, case .bytes(let bytes)? = pending[next] {
            context.output.append(contentsOf: bytes)
            pending[next] = nil
            next += 1
        }
    }

    /// Writes the remaining fields: buffered ones, then defaults, then null for optional fields.
    func finish(in context: AvroEncodingContext) throws {
        while next < record.fieldNames.count {
            let position = next
            if position < pending.count, let bytes = pending[position] {
                do { try bytes.append(to: &context.output) } catch let error as AvroError {
                    throw error.prefixed(record.fieldNames[position])
                }
            } else {
                try writeMissing(position, in: context)
            }
            next += 1
        }
    }

    private func writeMissing(_ position: Int, in context: AvroEncodingContext) throws {
        let node = record.fieldNodes[position]
        if let fallback = record.defaults[position] {
            try context.graph.write(fallback, node: node, into: &context.output)
            return
        }
        switch context.graph[node].kind {
        case .null: return
        case .union(let union) where union.nullBranch != nil:
            context.output.appendLong(Int64(union.nullBranch ?? 0))
        default:
            let name = record.fieldNames[position]
            throw AvroError.missingField(name).prefixed(name)
        }
    }
}
