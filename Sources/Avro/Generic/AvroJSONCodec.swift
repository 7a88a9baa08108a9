/// The JSON encoding of the specification, between ``AvroJSON`` and ``AvroValue``: unions as
/// `{"type": value}` (or `null`), bytes and fixed as strings of code points 0–255, enums as symbols.
///
/// Field defaults use the same form except that a union's default is the bare value of one of its
/// branches (the first that fits), as the specification's default-value table says.
enum AvroJSONCodec {
    static func value(fromDefault json: AvroJSON, node: Int, in graph: SchemaGraph) throws(AvroError) -> AvroValue {
        try value(from: json, node: node, in: graph, isDefault: true)
    }

    static func value(
        from json: AvroJSON,
        node index: Int,
        in graph: SchemaGraph,
        isDefault: Bool = false
    ) throws(AvroError)
        -> AvroValue
    {
        let node = graph[index]
        switch node.kind {
        case .null:
            guard case .null = json else { throw mismatch(json, node) }
            return .null
        case .boolean:
            guard case .bool(let flag) = json else { throw mismatch(json, node) }
            return .boolean(flag)
        case .int:
            guard let number = json.exactInteger, let small = Int32(exactly: number) else { throw mismatch(json, node) }
            return .int(small)
        case .long:
            guard let number = json.exactInteger else { throw mismatch(json, node) }
            return .long(number)
        case .float:
            return .float(Float(try floatingPoint(json, node)))
        case .double:
            return .double(try floatingPoint(json, node))
        case .bytes:
            return .bytes(try bytes(json, node))
        case .string:
            guard case .string(let string) = json else { throw mismatch(json, node) }
            return .string(string)
        case .fixed(let fixed):
            let data = try bytes(json, node)
            guard data.count == fixed.size else {
                throw .typeMismatch("fixed \(fixed.name) needs \(fixed.size) bytes, not \(data.count)")
            }
            return .fixed(data)
        case .enumeration(let enumeration):
            guard case .string(let symbol) = json, enumeration.symbolIndex[symbol] != nil else {
                throw .typeMismatch("expected a symbol of enum \(enumeration.name), found \(json.jsonText)")
            }
            return .enumeration(symbol)
        case .array(let items):
            guard case .array(let elements) = json else { throw mismatch(json, node) }
            var values: [AvroValue] = []
            values.reserveCapacity(elements.count)
            for (position, element) in elements.enumerated() {
                do { values.append(try value(from: element, node: items, in: graph, isDefault: isDefault)) } catch {
                    throw error.prefixed("[\(position)]")
                }
            }
            return .array(values)
        case .map(let valuesNode):
            guard case .object(let object) = json else { throw mismatch(json, node) }
            var entries: [String: AvroValue] = [:]
            for member in object {
                do {
                    entries[member.key] = try value(
                        from: member.value,
                        node: valuesNode,
                        in: graph,
                        isDefault: isDefault
                    )
                } catch {
                    throw error.prefixed("{\(member.key)}")
                }
            }
            return .map(entries)
        case .union(let union):
            return isDefault ? try unionDefault(json, union, graph) : try unionValue(json, union, graph)
        case .record(let record):
            return try recordValue(json, record, node, graph, isDefault: isDefault)
        }
    }

    private static func mismatch(_ json: AvroJSON, _ node: SchemaNode) -> AvroError {
        .typeMismatch("expected \(node.typeName), found \(json.kindDescription)")
    }

    /// Numbers, and the non-finite values as literals (`NaN`) or strings (`"NaN"`, Java's form).
    private static func floatingPoint(_ json: AvroJSON, _ node: SchemaNode) throws(AvroError) -> Double {
        switch json {
        case .integer(let number): return Double(number)
        case .double(let number): return number
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        default: throw mismatch(json, node)
        }
    }

    private static func bytes(_ json: AvroJSON, _ node: SchemaNode) throws(AvroError) -> [UInt8] {
        guard case .string(let string) = json else { throw mismatch(json, node) }
        var result: [UInt8] = []
        result.reserveCapacity(string.unicodeScalars.count)
        for scalar in string.unicodeScalars {
            guard scalar.value <= 0xFF else {
                throw .typeMismatch(
                    "bytes in JSON must be code points 0-255, found U+\(String(scalar.value, radix: 16, uppercase: true))"
                )
            }
            result.append(UInt8(scalar.value))
        }
        return result
    }

    private static func unionValue(
        _ json: AvroJSON,
        _ union: UnionNode,
        _ graph: SchemaGraph
    ) throws(AvroError) -> AvroValue {
        if case .null = json {
            guard let branch = union.nullBranch else { throw .typeMismatch("null is not a branch of this union") }
            return .union(branch: branch, .null)
        }
        guard case .object(let object) = json, object.count == 1, let member = object.members.first else {
            throw .typeMismatch("a union value must be null or an object with one member naming the branch")
        }
        guard let branch = union.branchByName[member.key] else {
            throw .typeMismatch(
                "'\(member.key)' is not a branch of union [\(union.branchNames.joined(separator: ", "))]"
            )
        }
        do {
            return .union(branch: branch, try value(from: member.value, node: union.branches[branch], in: graph))
        } catch {
            throw error.prefixed("(\(union.branchSimpleNames[branch]))")
        }
    }

    private static func unionDefault(
        _ json: AvroJSON,
        _ union: UnionNode,
        _ graph: SchemaGraph
    ) throws(AvroError) -> AvroValue {
        for (branch, node) in union.branches.enumerated() {
            if let converted = try? value(from: json, node: node, in: graph, isDefault: true) {
                return .union(branch: branch, converted)
            }
        }
        throw .typeMismatch(
            "\(json.jsonText) matches no branch of union [\(union.branchNames.joined(separator: ", "))]"
        )
    }

    private static func recordValue(
        _ json: AvroJSON,
        _ record: RecordNode,
        _ node: SchemaNode,
        _ graph: SchemaGraph,
        isDefault: Bool
    )
        throws(AvroError) -> AvroValue
    {
        guard case .object(let object) = json else { throw mismatch(json, node) }
        for member in object where record.fieldIndex[member.key] == nil {
            throw .typeMismatch("record \(record.name) has no field '\(member.key)'")
        }
        var values: [AvroValue] = []
        values.reserveCapacity(record.fieldNames.count)
        for (position, name) in record.fieldNames.enumerated() {
            if let fieldJSON = object[name] {
                do {
                    values.append(
                        try value(from: fieldJSON, node: record.fieldNodes[position], in: graph, isDefault: isDefault)
                    )
                } catch {
                    throw error.prefixed(name)
                }
            } else if let fallback = record.defaults[position] {
                values.append(fallback)
            } else {
                throw AvroError.missingField(name).prefixed(name)
            }
        }
        return .record(AvroRecord(uncheckedNames: record.fieldNames, values: values))
    }

    // MARK: AvroValue → JSON

    static func json(from value: AvroValue, node index: Int, in graph: SchemaGraph) throws(AvroError) -> AvroJSON {
        let node = graph[index]
        switch (node.kind, value) {
        case (.null, .null): return .null
        case (.boolean, .boolean(let flag)): return .bool(flag)
        case (.int, .int(let number)): return .integer(Int64(number))
        case (.long, .long(let number)): return .integer(number)
        case (.long, .int(let number)): return .integer(Int64(number))
        case (.float, .float(let number)): return .double(Double(number))
        case (.double, .double(let number)): return .double(number)
        case (.double, .float(let number)): return .double(Double(number))
        case (.bytes, .bytes(let data)), (.fixed, .fixed(let data)):
            return .string(String(String.UnicodeScalarView(data.map { Unicode.Scalar($0) })))
        case (.string, .string(let string)): return .string(string)
        case (.enumeration, .enumeration(let symbol)): return .string(symbol)
        case (.array(let items), .array(let elements)):
            var result: [AvroJSON] = []
            result.reserveCapacity(elements.count)
            for (position, element) in elements.enumerated() {
                do { result.append(try json(from: element, node: items, in: graph)) } catch {
                    throw error.prefixed("[\(position)]")
                }
            }
            return .array(result)
        case (.map(let valuesNode), .map(let entries)):
            var object = AvroJSONObject()
            for key in entries.keys.sorted() {
                do { object.append(key, try json(from: entries[key] ?? .null, node: valuesNode, in: graph)) } catch {
                    throw error.prefixed("{\(key)}")
                }
            }
            return .object(object)
        case (.union(let union), _):
            return try unionJSON(value, union, graph)
        case (.record(let record), .record(let fields)):
            var object = AvroJSONObject()
            for (position, name) in record.fieldNames.enumerated() {
                guard let fieldValue = fields[name] ?? record.defaults[position] else {
                    throw AvroError.missingField(name).prefixed(name)
                }
                do {
                    object.append(name, try json(from: fieldValue, node: record.fieldNodes[position], in: graph))
                } catch { throw error.prefixed(name) }
            }
            return .object(object)
        default:
            throw .typeMismatch("expected \(node.typeName), found \(value.kindDescription)")
        }
    }

    private static func unionJSON(
        _ value: AvroValue,
        _ union: UnionNode,
        _ graph: SchemaGraph
    ) throws(AvroError) -> AvroJSON {
        let branch: Int
        let inner: AvroValue
        if case .union(let explicit, let wrapped) = value {
            guard explicit >= 0, explicit < union.branches.count else {
                throw .typeMismatch("union branch \(explicit) out of range")
            }
            (branch, inner) = (explicit, wrapped)
        } else if let inferred = graph.inferBranch(for: value, in: union) {
            (branch, inner) = (inferred, value)
        } else {
            throw .typeMismatch(
                "\(value.kindDescription) matches no branch of union [\(union.branchNames.joined(separator: ", "))]"
            )
        }
        if case .null = graph[union.branches[branch]].kind { return .null }
        do {
            return .object([union.branchNames[branch]: try json(from: inner, node: union.branches[branch], in: graph)])
        } catch {
            throw error.prefixed("(\(union.branchSimpleNames[branch]))")
        }
    }
}
