/// Flattens an ``AvroSchema`` tree into ``SchemaNode``s. Named types get one node, reused by every
/// reference; records are finished last because their defaults need the whole graph.
struct SchemaGraphBuilder {
    private enum Pending {
        case done(SchemaNode.Kind)
        case record(AvroRecordSchema)
        case placeholder
    }

    private var pending: [Pending] = []
    private var logicalTypes: [AvroLogicalType?] = []
    private var typeNames: [String] = []
    private var named: [String: Int] = [:]
    private var recordFieldNodes: [Int: [Int]] = [:]
    private var fieldPaths: [Int: String] = [:]

    mutating func add(_ schema: AvroSchema, path: String) throws(AvroError) -> Int {
        if case .reference(let name) = schema.type {
            guard let index = named[name.fullName] else {
                throw .invalidSchema("unknown type '\(name.fullName)'", path: path)
            }
            return index
        }
        if let name = schema.name, let index = named[name.fullName] { return index }
        let index = pending.count
        pending.append(.placeholder)
        logicalTypes.append(schema.logicalType)
        typeNames.append(schema.typeName)
        if let name = schema.name { named[name.fullName] = index }
        pending[index] = try pendingKind(schema, index: index, path: path)
        return index
    }

    private mutating func pendingKind(_ schema: AvroSchema, index: Int, path: String) throws(AvroError) -> Pending {
        switch schema.type {
        case .null: return .done(.null)
        case .boolean: return .done(.boolean)
        case .int: return .done(.int)
        case .long: return .done(.long)
        case .float: return .done(.float)
        case .double: return .done(.double)
        case .bytes: return .done(.bytes)
        case .string: return .done(.string)
        case .fixed(let fixed):
            return .done(.fixed(FixedNode(name: fixed.name, aliases: fixed.aliases, size: fixed.size)))
        case .enumeration(let enumeration): return .done(.enumeration(EnumNode(enumeration)))
        case .array(let items): return .done(.array(items: try add(items, path: path + "[]")))
        case .map(let values): return .done(.map(values: try add(values, path: path + "{}")))
        case .union(let branches):
            var indexes: [Int] = []
            for branch in branches {
                indexes.append(try add(branch, path: path + "(\(branch.typeName))"))
            }
            let nullBranch = branches.firstIndex { $0.type == .null }
            let names = branches.map(\.typeName)
            return .done(
                .union(
                    UnionNode(
                        branches: indexes,
                        names: names,
                        nullBranch: nullBranch,
                        simpleNames: branches.map { $0.name?.name }
                    )
                )
            )
        case .record(let record):
            let recordPath = path.isEmpty ? record.name.name : path
            var fieldNodes: [Int] = []
            for field in record.fields {
                fieldNodes.append(try add(field.schema, path: recordPath + "." + field.name))
            }
            recordFieldNodes[index] = fieldNodes
            fieldPaths[index] = recordPath
            return .record(record)
        case .reference(let name):
            throw .invalidSchema("unknown type '\(name.fullName)'", path: path)
        }
    }

    struct Defaults {
        var values: [AvroValue?]
        var bytes: [[UInt8]?]
    }

    /// Converts every field default it can with `graph`, to a value and to its binary form, keyed by
    /// record node. A record default that leaves out fields with defaults of their own needs those
    /// converted first, so the caller repeats with a graph holding what converted so far.
    func convertDefaults(
        using graph: SchemaGraph
    ) -> (defaults: [Int: Defaults], converted: Int, firstError: AvroError?) {
        var result: [Int: Defaults] = [:]
        var converted = 0
        var firstError: AvroError?
        for (index, entry) in pending.enumerated() {
            guard case .record(let record) = entry, let fieldNodes = recordFieldNodes[index] else { continue }
            var defaults = Defaults(values: [], bytes: [])
            for (position, field) in record.fields.enumerated() {
                var value: AvroValue?
                var bytes: [UInt8]?
                if let json = field.defaultValue {
                    do {
                        let converted = try AvroJSONCodec.value(
                            fromDefault: json,
                            node: fieldNodes[position],
                            in: graph
                        )
                        var encoded: [UInt8] = []
                        try graph.write(converted, node: fieldNodes[position], into: &encoded)
                        (value, bytes) = (converted, encoded)
                    } catch {
                        let path = (fieldPaths[index] ?? record.name.name) + "." + field.name
                        firstError = firstError ?? .invalidSchema("invalid default: \(error.reason)", path: path)
                    }
                }
                if value != nil { converted += 1 }
                defaults.values.append(value)
                defaults.bytes.append(bytes)
            }
            result[index] = defaults
        }
        return (result, converted, firstError)
    }

    func freeze(defaults: [Int: Defaults]) -> [SchemaNode] {
        let kinds: [SchemaNode.Kind] = pending.enumerated().map { index, entry in
            switch entry {
            case .done(let kind): return kind
            case .placeholder: return .null
            case .record(let record):
                let fieldNodes = recordFieldNodes[index] ?? []
                return .record(
                    RecordNode(
                        name: record.name,
                        aliases: record.aliases,
                        fieldNames: record.fields.map(\.name),
                        fieldNodes: fieldNodes,
                        fieldAliases: record.fields.map(\.aliases),
                        defaults: defaults[index]?.values ?? Array(repeating: nil, count: fieldNodes.count),
                        defaultBytes: defaults[index]?.bytes ?? Array(repeating: nil, count: fieldNodes.count)
                    )
                )
            }
        }
        let empty = Self.emptiness(kinds)
        return kinds.indices.map { index in
            SchemaNode(
                kind: kinds[index],
                logicalType: logicalTypes[index],
                canBeEmpty: empty[index],
                typeName: typeNames[index]
            )
        }
    }

    /// Least fixpoint of "can be encoded in zero bytes".
    private static func emptiness(_ kinds: [SchemaNode.Kind]) -> [Bool] {
        var empty = kinds.map { kind -> Bool in
            switch kind {
            case .null: true
            case .fixed(let fixed): fixed.size == 0
            default: false
            }
        }
        var changed = true
        while changed {
            changed = false
            for (index, kind) in kinds.enumerated() where !empty[index] {
                if case .record(let record) = kind, record.fieldNodes.allSatisfy({ empty[$0] }) {
                    empty[index] = true
                    changed = true
                }
            }
        }
        return empty
    }
}
