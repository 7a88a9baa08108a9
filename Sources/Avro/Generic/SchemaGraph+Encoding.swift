/// Generic encoding: writes an ``AvroValue`` in the binary encoding of a node.
///
/// Accepts lossless widenings (an `.int` for a `long`, an integer for a `double`) and bare values for
/// unions (the first branch the value fits); everything else must match the schema.
extension SchemaGraph {
    func write(_ value: AvroValue, node index: Int, into output: inout [UInt8]) throws(AvroError) {
        let node = nodes[index]
        switch node.kind {
        case .null:
            guard case .null = value else { throw mismatch(value, node) }
        case .boolean:
            guard case .boolean(let flag) = value else { throw mismatch(value, node) }
            output.appendBoolean(flag)
        case .int:
            switch value {
            case .int(let number): output.appendInt(number)
            case .long(let number) where Int32(exactly: number) != nil: output.appendLong(number)
            default: throw mismatch(value, node)
            }
        case .long:
            switch value {
            case .long(let number): output.appendLong(number)
            case .int(let number): output.appendLong(Int64(number))
            default: throw mismatch(value, node)
            }
        case .float:
            switch value {
            case .float(let number): output.appendFloat(number)
            case .int(let number): output.appendFloat(Float(number))
            case .long(let number): output.appendFloat(Float(number))
            default: throw mismatch(value, node)
            }
        case .double:
            switch value {
            case .double(let number): output.appendDouble(number)
            case .float(let number): output.appendDouble(Double(number))
            case .int(let number): output.appendDouble(Double(number))
            case .long(let number): output.appendDouble(Double(number))
            default: throw mismatch(value, node)
            }
        case .bytes:
            guard case .bytes(let bytes) = value else { throw mismatch(value, node) }
            output.appendBytes(bytes)
        case .string:
            guard case .string(let string) = value else { throw mismatch(value, node) }
            output.appendString(string)
        case .fixed(let fixed):
            guard case .fixed(let bytes) = value else { throw mismatch(value, node) }
            guard bytes.count == fixed.size else {
                throw .typeMismatch("fixed \(fixed.name) needs \(fixed.size) bytes, not \(bytes.count)")
            }
            output.append(contentsOf: bytes)
        case .enumeration(let enumeration):
            guard case .enumeration(let symbol) = value else { throw mismatch(value, node) }
            guard let position = enumeration.symbolIndex[symbol] else {
                throw .typeMismatch("'\(symbol)' is not a symbol of enum \(enumeration.name)")
            }
            output.appendLong(Int64(position))
        case .array(let items):
            guard case .array(let elements) = value else { throw mismatch(value, node) }
            try writeArray(elements, items: items, into: &output)
        case .map(let values):
            guard case .map(let entries) = value else { throw mismatch(value, node) }
            try writeMap(entries, values: values, into: &output)
        case .union(let union):
            try writeUnion(value, union, into: &output)
        case .record(let record):
            guard case .record(let fields) = value else { throw mismatch(value, node) }
            try writeRecord(fields, record, into: &output)
        }
    }

    private func mismatch(_ value: AvroValue, _ node: SchemaNode) -> AvroError {
        .typeMismatch("expected \(node.typeName), found \(value.kindDescription)")
    }

    private func writeArray(_ elements: [AvroValue], items: Int, into output: inout [UInt8]) throws(AvroError) {
        if !elements.isEmpty {
            output.appendLong(Int64(elements.count))
            for (position, element) in elements.enumerated() {
                do {
                    try write(element, node: items, into: &output)
                } catch {
                    throw error.prefixed("[\(position)]")
                }
            }
        }
        output.append(0)
    }

    /// Entries go out sorted by key: a `Dictionary`'s order changes from run to run, and equal maps
    /// should encode to equal bytes.
    private func writeMap(_ entries: [String: AvroValue], values: Int, into output: inout [UInt8]) throws(AvroError) {
        if !entries.isEmpty {
            output.appendLong(Int64(entries.count))
            for key in entries.keys.sorted() {
                output.appendString(key)
                do {
                    try write(entries[key] ?? .null, node: values, into: &output)
                } catch {
                    throw error.prefixed("{\(key)}")
                }
            }
        }
        output.append(0)
    }

    private func writeUnion(_ value: AvroValue, _ union: UnionNode, into output: inout [UInt8]) throws(AvroError) {
        let branch: Int
        let inner: AvroValue
        if case .union(let explicit, let wrapped) = value {
            guard explicit >= 0, explicit < union.branches.count else {
                throw .typeMismatch("union branch \(explicit) out of range 0..<\(union.branches.count)")
            }
            (branch, inner) = (explicit, wrapped)
        } else {
            guard let inferred = inferBranch(for: value, in: union) else {
                throw .typeMismatch(
                    "\(value.kindDescription) matches no branch of union [\(union.branchNames.joined(separator: ", "))]"
                )
            }
            (branch, inner) = (inferred, value)
        }
        output.appendLong(Int64(branch))
        do {
            try write(inner, node: union.branches[branch], into: &output)
        } catch {
            throw error.prefixed("(\(union.branchSimpleNames[branch]))")
        }
    }

    private func writeRecord(_ fields: AvroRecord, _ record: RecordNode, into output: inout [UInt8]) throws(AvroError) {
        let sameLayout = fields.names == record.fieldNames
        for (position, name) in record.fieldNames.enumerated() {
            let value: AvroValue
            if sameLayout {
                value = fields.values[position]
            } else if let found = fields[name] {
                value = found
            } else if let fallback = record.defaults[position] {
                value = fallback
            } else {
                throw AvroError.missingField(name).prefixed(name)
            }
            do {
                try write(value, node: record.fieldNodes[position], into: &output)
            } catch {
                throw error.prefixed(name)
            }
        }
    }

    /// The first branch a bare value fits, looking one level deep.
    func inferBranch(for value: AvroValue, in union: UnionNode) -> Int? {
        union.branches.firstIndex { fits(value, nodes[$0]) }
    }

    private func fits(_ value: AvroValue, _ node: SchemaNode) -> Bool {
        switch (value, node.kind) {
        case (.null, .null), (.boolean, .boolean), (.int, .int), (.long, .long), (.float, .float), (.double, .double),
            (.bytes, .bytes), (.string, .string), (.array, .array), (.map, .map):
            return true
        case (.int, .long), (.int, .float), (.int, .double), (.long, .float), (.long, .double), (.float, .double):
            return true
        case (.long(let number), .int): return Int32(exactly: number) != nil
        case (.fixed(let bytes), .fixed(let fixed)): return bytes.count == fixed.size
        case (.enumeration(let symbol), .enumeration(let enumeration)): return enumeration.symbolIndex[symbol] != nil
        case (.record(let fields), .record(let record)):
            let known = fields.names.allSatisfy { record.fieldIndex[$0] != nil }
            let complete = record.fieldNames.indices.allSatisfy {
                fields[record.fieldNames[$0]] != nil || record.defaults[$0] != nil
            }
            return known && complete
        default: return false
        }
    }
}
