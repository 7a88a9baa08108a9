/// A schema as a subject holds it: which version it is there, and its global id.
public struct RegisteredSchema: Hashable, Sendable, Codable {
    public var subject: Subject
    public var id: SchemaID
    public var version: SchemaVersion
    /// The schema's JSON text, as the registry stores it.
    public var schema: String
    /// `AVRO` unless the registry says otherwise; Confluent leaves the field out for Avro.
    public var schemaType: String

    public init(subject: Subject, id: SchemaID, version: SchemaVersion, schema: String, schemaType: String = "AVRO") {
        self.subject = subject
        self.id = id
        self.version = version
        self.schema = schema
        self.schemaType = schemaType
    }

    enum CodingKeys: String, CodingKey {
        case subject, id, version, schema, schemaType
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decode(Subject.self, forKey: .subject)
        id = try container.decode(SchemaID.self, forKey: .id)
        version = try container.decode(SchemaVersion.self, forKey: .version)
        schema = try container.decode(String.self, forKey: .schema)
        schemaType = try container.decodeIfPresent(String.self, forKey: .schemaType) ?? "AVRO"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subject, forKey: .subject)
        try container.encode(version, forKey: .version)
        try container.encode(id, forKey: .id)
        if schemaType != "AVRO" { try container.encode(schemaType, forKey: .schemaType) }
        try container.encode(schema, forKey: .schema)
    }
}

/// The answer of a compatibility check: `messages` says why not, when the registry was asked to be verbose.
public struct CompatibilityResult: Hashable, Sendable {
    public var isCompatible: Bool
    public var messages: [String]

    public init(isCompatible: Bool, messages: [String] = []) {
        self.isCompatible = isCompatible
        self.messages = messages
    }
}
