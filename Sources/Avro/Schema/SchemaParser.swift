/// Turns JSON into an ``AvroSchema``; keeps the table of named types seen so far.
struct SchemaParser {
    private enum Definition {
        case inProgress
        case complete(AvroSchema)
    }

    private var definitions: [String: Definition] = [:]

    mutating func parse(_ json: AvroJSON, namespace: String?, path: String) throws(AvroError) -> AvroSchema {
        switch json {
        case .string(let name): return try resolveName(name, namespace: namespace, path: path)
        case .array(let branches): return try parseUnion(branches, namespace: namespace, path: path)
        case .object(let object): return try parseObject(object, namespace: namespace, path: path)
        default:
            throw .invalidSchema(
                "a schema must be a string, an object or an array, not \(json.kindDescription)",
                path: path
            )
        }
    }

    private func resolveName(_ written: String, namespace: String?, path: String) throws(AvroError) -> AvroSchema {
        if let primitive = AvroType.primitive(named: written) { return AvroSchema(primitive) }
        var candidates: [String] = []
        if !written.contains("."), let namespace, !namespace.isEmpty { candidates.append(namespace + "." + written) }
        candidates.append(written)
        for candidate in candidates {
            switch definitions[candidate] {
            case .complete(let schema)?: return schema
            case .inProgress?: return AvroSchema(.reference(AvroName(fullName: candidate)))
            case nil: continue
            }
        }
        throw .invalidSchema("unknown type '\(written)'", path: path)
    }

    private mutating func parseUnion(
        _ branches: [AvroJSON],
        namespace: String?,
        path: String
    ) throws(AvroError)
        -> AvroSchema
    {
        var schemas: [AvroSchema] = []
        var seen: Set<String> = []
        for (index, branch) in branches.enumerated() {
            let schema = try parse(branch, namespace: namespace, path: path + "(\(index))")
            if case .union = schema.type {
                throw .invalidSchema("a union may not immediately contain another union", path: path)
            }
            guard seen.insert(schema.typeName).inserted else {
                throw .invalidSchema("union contains '\(schema.typeName)' twice", path: path)
            }
            schemas.append(schema)
        }
        return AvroSchema(.union(schemas))
    }

    private mutating func parseObject(
        _ object: AvroJSONObject,
        namespace: String?,
        path: String
    ) throws(AvroError)
        -> AvroSchema
    {
        guard let typeJSON = object["type"] else { throw .invalidSchema("schema object has no 'type'", path: path) }
        guard case .string(let type) = typeJSON else {
            // `{"type": {...}}` or `{"type": [...]}`: a schema wrapped in an object; the wrapper adds nothing.
            return try parse(typeJSON, namespace: namespace, path: path)
        }
        switch type {
        case "record", "error":
            return try parseRecord(object, isError: type == "error", namespace: namespace, path: path)
        case "enum": return try parseEnum(object, namespace: namespace, path: path)
        case "fixed": return try parseFixed(object, namespace: namespace, path: path)
        case "array":
            guard let items = object["items"] else { throw .invalidSchema("array has no 'items'", path: path) }
            let itemSchema = try parse(items, namespace: namespace, path: path + "[]")
            return AvroSchema(
                .array(items: itemSchema),
                attributes: Self.customAttributes(object, reserved: ["type", "items"])
            )
        case "map":
            guard let values = object["values"] else { throw .invalidSchema("map has no 'values'", path: path) }
            let valueSchema = try parse(values, namespace: namespace, path: path + "{}")
            return AvroSchema(
                .map(values: valueSchema),
                attributes: Self.customAttributes(object, reserved: ["type", "values"])
            )
        default:
            if let primitive = AvroType.primitive(named: type) {
                return Self.primitive(primitive, object)
            }
            return try resolveName(type, namespace: namespace, path: path)
        }
    }

    private static func primitive(_ type: AvroType, _ object: AvroJSONObject) -> AvroSchema {
        let logical = LogicalTypeParser.parse(object, for: type)
        let reserved: Set<String> = logical == nil ? ["type"] : ["type", "logicalType", "precision", "scale"]
        return AvroSchema(type, logicalType: logical, attributes: customAttributes(object, reserved: reserved))
    }

    static func customAttributes(_ object: AvroJSONObject, reserved: Set<String>) -> AvroJSONObject {
        AvroJSONObject(object.members.filter { !reserved.contains($0.key) })
    }

    // MARK: Named types

    /// Reads `name` and `namespace`, checks them, and registers the name so that the body can refer to it.
    private mutating func declareName(
        _ object: AvroJSONObject,
        namespace: String?,
        path: String
    ) throws(AvroError)
        -> AvroName
    {
        guard case .string(let written)? = object["name"] else {
            throw .invalidSchema("named type has no 'name' string", path: path)
        }
        var explicitNamespace: String?
        switch object["namespace"] {
        case nil, .null?: explicitNamespace = nil
        case .string(let value)?: explicitNamespace = value
        default: throw .invalidSchema("'namespace' must be a string", path: path)
        }
        let name = AvroName(written: written, explicitNamespace: explicitNamespace, enclosing: namespace)
        guard AvroName.isValidSimpleName(name.name), AvroName.isValidNamespace(name.namespace ?? "") else {
            throw .invalidSchema("invalid name '\(written)'", path: path)
        }
        guard AvroType.primitive(named: name.fullName) == nil else {
            throw .invalidSchema("'\(name.fullName)' is a primitive type and cannot be redefined", path: path)
        }
        guard definitions[name.fullName] == nil else {
            throw .invalidSchema("type '\(name.fullName)' is defined twice", path: path)
        }
        definitions[name.fullName] = .inProgress
        return name
    }

    private mutating func complete(_ schema: AvroSchema, named name: AvroName) {
        definitions[name.fullName] = .complete(schema)
    }

    private func parseAliases(
        _ object: AvroJSONObject,
        namespace: String?,
        path: String
    ) throws(AvroError) -> [AvroName] {
        try stringList(object["aliases"], attribute: "aliases", path: path).map { (alias) throws(AvroError) in
            let name = AvroName(written: alias, explicitNamespace: nil, enclosing: namespace)
            guard AvroName.isValidSimpleName(name.name), AvroName.isValidNamespace(name.namespace ?? "") else {
                throw .invalidSchema("invalid alias '\(alias)'", path: path)
            }
            return name
        }
    }

    private func stringList(_ json: AvroJSON?, attribute: String, path: String) throws(AvroError) -> [String] {
        guard let json else { return [] }
        guard case .array(let elements) = json else {
            throw .invalidSchema("'\(attribute)' must be an array", path: path)
        }
        var strings: [String] = []
        for element in elements {
            guard case .string(let string) = element else {
                throw .invalidSchema("'\(attribute)' must contain only strings", path: path)
            }
            strings.append(string)
        }
        return strings
    }

    private func parseDoc(_ object: AvroJSONObject, path: String) throws(AvroError) -> String? {
        switch object["doc"] {
        case nil, .null?: return nil
        case .string(let doc)?: return doc
        default: throw .invalidSchema("'doc' must be a string", path: path)
        }
    }

    private mutating func parseRecord(
        _ object: AvroJSONObject,
        isError: Bool,
        namespace: String?,
        path: String
    )
        throws(AvroError) -> AvroSchema
    {
        let name = try declareName(object, namespace: namespace, path: path)
        let recordPath = path.isEmpty ? name.name : path
        guard case .array(let fieldsJSON)? = object["fields"] else {
            throw .invalidSchema("record has no 'fields' array", path: recordPath)
        }
        var fields: [AvroField] = []
        var fieldNames: Set<String> = []
        for fieldJSON in fieldsJSON {
            let field = try parseField(fieldJSON, namespace: name.namespace, path: recordPath)
            guard fieldNames.insert(field.name).inserted else {
                throw .invalidSchema("field '\(field.name)' is defined twice", path: recordPath)
            }
            fields.append(field)
        }
        let record = AvroRecordSchema(
            name: name,
            fields: fields,
            aliases: try parseAliases(object, namespace: name.namespace, path: recordPath),
            doc: try parseDoc(object, path: recordPath),
            isError: isError
        )
        let reserved: Set<String> = ["type", "name", "namespace", "fields", "aliases", "doc"]
        let schema = AvroSchema(.record(record), attributes: Self.customAttributes(object, reserved: reserved))
        complete(schema, named: name)
        return schema
    }

    private mutating func parseField(_ json: AvroJSON, namespace: String?, path: String) throws(AvroError) -> AvroField {
        guard case .object(let object) = json else { throw .invalidSchema("a field must be an object", path: path) }
        guard case .string(let name)? = object["name"] else {
            throw .invalidSchema("field has no 'name' string", path: path)
        }
        let fieldPath = path + "." + name
        guard AvroName.isValidSimpleName(name) else {
            throw .invalidSchema("invalid field name '\(name)'", path: fieldPath)
        }
        guard let typeJSON = object["type"] else { throw .invalidSchema("field has no 'type'", path: fieldPath) }
        let schema = try parse(typeJSON, namespace: namespace, path: fieldPath)
        var order = AvroFieldOrder.ascending
        if let orderJSON = object["order"] {
            guard case .string(let text) = orderJSON, let parsed = AvroFieldOrder(rawValue: text) else {
                throw .invalidSchema("'order' must be \"ascending\", \"descending\" or \"ignore\"", path: fieldPath)
            }
            order = parsed
        }
        let aliases = try stringList(object["aliases"], attribute: "aliases", path: fieldPath)
        for alias in aliases where !AvroName.isValidSimpleName(alias) {
            throw .invalidSchema("invalid field alias '\(alias)'", path: fieldPath)
        }
        return AvroField(
            name: name,
            schema: schema,
            defaultValue: object["default"],
            order: order,
            aliases: aliases,
            doc: try parseDoc(object, path: fieldPath),
            attributes: Self.customAttributes(object, reserved: ["name", "type", "default", "order", "aliases", "doc"])
        )
    }

    private mutating func parseEnum(
        _ object: AvroJSONObject,
        namespace: String?,
        path: String
    ) throws(AvroError)
        -> AvroSchema
    {
        let name = try declareName(object, namespace: namespace, path: path)
        let enumPath = path.isEmpty ? name.name : path
        guard object["symbols"] != nil else { throw .invalidSchema("enum has no 'symbols'", path: enumPath) }
        let symbols = try stringList(object["symbols"], attribute: "symbols", path: enumPath)
        var seen: Set<String> = []
        for symbol in symbols {
            guard AvroName.isValidSimpleName(symbol) else {
                throw .invalidSchema("invalid enum symbol '\(symbol)'", path: enumPath)
            }
            guard seen.insert(symbol).inserted else {
                throw .invalidSchema("enum symbol '\(symbol)' appears twice", path: enumPath)
            }
        }
        var defaultSymbol: String?
        if let defaultJSON = object["default"] {
            guard case .string(let symbol) = defaultJSON, seen.contains(symbol) else {
                throw .invalidSchema("enum default must be one of its symbols", path: enumPath)
            }
            defaultSymbol = symbol
        }
        let enumeration = AvroEnumSchema(
            name: name,
            symbols: symbols,
            defaultSymbol: defaultSymbol,
            aliases: try parseAliases(object, namespace: name.namespace, path: enumPath),
            doc: try parseDoc(object, path: enumPath)
        )
        let reserved: Set<String> = ["type", "name", "namespace", "symbols", "default", "aliases", "doc"]
        let schema = AvroSchema(
            .enumeration(enumeration),
            attributes: Self.customAttributes(object, reserved: reserved)
        )
        complete(schema, named: name)
        return schema
    }

    private mutating func parseFixed(
        _ object: AvroJSONObject,
        namespace: String?,
        path: String
    ) throws(AvroError)
        -> AvroSchema
    {
        let name = try declareName(object, namespace: namespace, path: path)
        let fixedPath = path.isEmpty ? name.name : path
        guard let size = object["size"]?.exactInteger, size >= 0, size <= Int32.max else {
            throw .invalidSchema("fixed needs a non-negative integer 'size'", path: fixedPath)
        }
        let fixed = AvroFixedSchema(
            name: name,
            size: Int(size),
            aliases: try parseAliases(object, namespace: name.namespace, path: fixedPath),
            doc: try parseDoc(object, path: fixedPath)
        )
        let logical = LogicalTypeParser.parse(object, for: .fixed(fixed))
        var reserved: Set<String> = ["type", "name", "namespace", "size", "aliases", "doc"]
        if logical != nil { reserved.formUnion(["logicalType", "precision", "scale"]) }
        let schema = AvroSchema(
            .fixed(fixed),
            logicalType: logical,
            attributes: Self.customAttributes(object, reserved: reserved)
        )
        complete(schema, named: name)
        return schema
    }
}
