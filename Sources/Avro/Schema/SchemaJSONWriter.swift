struct SchemaJSONWriter {
    private var defined: Set<String> = []

    mutating func write(_ schema: AvroSchema, namespace: String?) -> AvroJSON {
        switch schema.type {
        case .null, .boolean, .int, .long, .float, .double, .bytes, .string:
            return primitive(schema)
        case .array(let items):
            var object: AvroJSONObject = ["type": .string("array")]
            object.append("items", write(items, namespace: namespace))
            return .object(Self.adding(schema.attributes, to: object))
        case .map(let values):
            var object: AvroJSONObject = ["type": .string("map")]
            object.append("values", write(values, namespace: namespace))
            return .object(Self.adding(schema.attributes, to: object))
        case .union(let branches):
            return .array(branches.map { write($0, namespace: namespace) })
        case .reference(let name):
            return .string(Self.relative(name, namespace: namespace))
        case .record(let record):
            guard defined.insert(record.name.fullName).inserted else {
                return .string(Self.relative(record.name, namespace: namespace))
            }
            return .object(writeRecord(record, schema: schema, namespace: namespace))
        case .enumeration(let enumeration):
            guard defined.insert(enumeration.name.fullName).inserted else {
                return .string(Self.relative(enumeration.name, namespace: namespace))
            }
            var object = Self.header(
                "enum",
                enumeration.name,
                enumeration.doc,
                enumeration.aliases,
                namespace: namespace
            )
            object.append("symbols", .array(enumeration.symbols.map { .string($0) }))
            if let symbol = enumeration.defaultSymbol { object.append("default", .string(symbol)) }
            return .object(Self.adding(schema.attributes, to: object))
        case .fixed(let fixed):
            guard defined.insert(fixed.name.fullName).inserted else {
                return .string(Self.relative(fixed.name, namespace: namespace))
            }
            var object = Self.header("fixed", fixed.name, fixed.doc, fixed.aliases, namespace: namespace)
            object.append("size", .integer(Int64(fixed.size)))
            Self.appendLogicalType(schema.logicalType, to: &object)
            return .object(Self.adding(schema.attributes, to: object))
        }
    }

    private func primitive(_ schema: AvroSchema) -> AvroJSON {
        let name = AvroJSON.string(schema.type.primitiveName)
        guard schema.logicalType != nil || !schema.attributes.isEmpty else { return name }
        var object: AvroJSONObject = ["type": name]
        Self.appendLogicalType(schema.logicalType, to: &object)
        return .object(Self.adding(schema.attributes, to: object))
    }

    private mutating func writeRecord(
        _ record: AvroRecordSchema,
        schema: AvroSchema,
        namespace: String?
    ) -> AvroJSONObject {
        var object = Self.header(
            record.isError ? "error" : "record",
            record.name,
            record.doc,
            record.aliases,
            namespace: namespace
        )
        var fields: [AvroJSON] = []
        for field in record.fields {
            var fieldObject: AvroJSONObject = ["name": .string(field.name)]
            fieldObject.append("type", write(field.schema, namespace: record.name.namespace))
            if let doc = field.doc { fieldObject.append("doc", .string(doc)) }
            if let value = field.defaultValue { fieldObject.append("default", value) }
            if field.order != .ascending { fieldObject.append("order", .string(field.order.rawValue)) }
            if !field.aliases.isEmpty { fieldObject.append("aliases", .array(field.aliases.map { .string($0) })) }
            fields.append(.object(Self.adding(field.attributes, to: fieldObject)))
        }
        object.append("fields", .array(fields))
        return Self.adding(schema.attributes, to: object)
    }

    private static func header(
        _ type: String,
        _ name: AvroName,
        _ doc: String?,
        _ aliases: [AvroName],
        namespace: String?
    )
        -> AvroJSONObject
    {
        var object: AvroJSONObject = ["type": .string(type), "name": .string(name.name)]
        if name.namespace != namespace { object.append("namespace", .string(name.namespace ?? "")) }
        if let doc { object.append("doc", .string(doc)) }
        if !aliases.isEmpty {
            object.append("aliases", .array(aliases.map { .string(relative($0, namespace: name.namespace)) }))
        }
        return object
    }

    private static func appendLogicalType(_ logicalType: AvroLogicalType?, to object: inout AvroJSONObject) {
        guard let logicalType else { return }
        object.append("logicalType", .string(logicalType.name))
        if case .decimal(let precision, let scale) = logicalType {
            object.append("precision", .integer(Int64(precision)))
            object.append("scale", .integer(Int64(scale)))
        }
    }

    private static func adding(_ attributes: AvroJSONObject, to object: AvroJSONObject) -> AvroJSONObject {
        var result = object
        for member in attributes { result.append(member.key, member.value) }
        return result
    }

    /// A name as written inside `namespace`: short when the namespaces agree, full otherwise.
    static func relative(_ name: AvroName, namespace: String?) -> String {
        name.namespace == namespace ? name.name : name.fullName
    }
}
