/// Writing Swift primitives at a node. A union node first picks the first branch the value fits and
/// writes its index.
extension AvroEncodingContext {
    /// The node to write at: `node` itself, or the first branch of a union that `accepts` the value.
    private func concrete(
        _ node: Int,
        _ description: @autoclosure () -> String,
        accepts: (SchemaNode) -> Bool
    ) throws -> Int {
        guard graph.tags[node] == .union, case .union(let union) = graph[node].kind else { return node }
        guard let branch = union.branches.firstIndex(where: { accepts(graph[$0]) }) else {
            throw AvroError.typeMismatch(
                "\(description()) matches no branch of union [\(union.branchNames.joined(separator: ", "))]"
            )
        }
        output.appendLong(Int64(branch))
        return union.branches[branch]
    }

    private func mismatch(_ found: String, _ node: Int) -> AvroError {
        .typeMismatch("expected \(graph[node].typeName), found \(found)")
    }

    func encodeNull(node: Int) throws {
        let target = try concrete(node, "null") { if case .null = $0.kind { true } else { false } }
        guard case .null = graph[target].kind else { throw mismatch("null", target) }
    }

    func encodeBool(_ value: Bool, node: Int) throws {
        let target = try concrete(node, "boolean") { if case .boolean = $0.kind { true } else { false } }
        guard case .boolean = graph[target].kind else { throw mismatch("boolean", target) }
        output.appendBoolean(value)
    }

    func encodeInteger(_ value: Int64, node: Int) throws {
        if graph.tags[node] == .long {
            output.appendLong(value)
            return
        }
        let target = try concrete(node, "integer \(value)") {
            switch $0.kind {
            case .int: Int32(exactly: value) != nil
            case .long, .float, .double: true
            default: false
            }
        }
        switch graph[target].kind {
        case .int:
            guard Int32(exactly: value) != nil else { throw AvroError.typeMismatch("\(value) does not fit an int") }
            output.appendLong(value)
        case .long: output.appendLong(value)
        case .float: output.appendFloat(Float(value))
        case .double: output.appendDouble(Double(value))
        default: throw mismatch("integer", target)
        }
    }

    func encodeUnsigned(_ value: UInt64, node: Int) throws {
        guard let signed = Int64(exactly: value) else { throw AvroError.typeMismatch("\(value) does not fit a long") }
        try encodeInteger(signed, node: node)
    }

    func encodeFloatingPoint(_ value: Double, node: Int) throws {
        let target = try concrete(node, "floating-point number") {
            switch $0.kind {
            case .double, .float: true
            default: false
            }
        }
        switch graph[target].kind {
        case .double: output.appendDouble(value)
        case .float: output.appendFloat(Float(value))
        default: throw mismatch("floating-point number", target)
        }
    }

    func encodeString(_ value: String, node: Int) throws {
        if graph.tags[node] == .string {
            output.appendString(value)
            return
        }
        let target = try concrete(node, "string") {
            switch $0.kind {
            case .string: true
            case .enumeration(let enumeration): enumeration.symbolIndex[value] != nil
            default: false
            }
        }
        switch graph[target].kind {
        case .string: output.appendString(value)
        case .enumeration(let enumeration):
            guard let position = enumeration.symbolIndex[value] else {
                throw AvroError.typeMismatch("'\(value)' is not a symbol of enum \(enumeration.name)")
            }
            output.appendLong(Int64(position))
        default: throw mismatch("string", target)
        }
    }
}
