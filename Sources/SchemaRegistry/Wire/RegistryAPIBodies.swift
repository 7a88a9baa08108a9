/// Request and response bodies of Confluent's REST API v1, shared by the client and the server so that
/// both sides agree on field names by construction.

/// `POST /subjects/{s}/versions`, `POST /subjects/{s}`, `POST /compatibility/...`.
package struct RegisterSchemaBody: Codable, Sendable {
    package var schema: String
    package var schemaType: String?
    package var references: [SchemaReferenceBody]?

    package init(schema: String, schemaType: String? = nil, references: [SchemaReferenceBody]? = nil) {
        self.schema = schema
        self.schemaType = schemaType
        self.references = references
    }
}

/// A schema reference; accepted and must be empty, since this registry does not resolve references.
package struct SchemaReferenceBody: Codable, Sendable {
    package var name: String
    package var subject: String
    package var version: Int
}

/// `{"id": 1}`, the answer to a registration.
package struct SchemaIDBody: Codable, Sendable {
    package var id: SchemaID

    package init(id: SchemaID) {
        self.id = id
    }
}

/// `GET /schemas/ids/{id}`: `{"schema": "..."}`, with `schemaType` only when not Avro.
package struct SchemaTextBody: Codable, Sendable {
    package var schema: String
    package var schemaType: String?

    package init(schema: String, schemaType: String? = nil) {
        self.schema = schema
        self.schemaType = schemaType
    }
}

/// `GET /schemas/ids/{id}/versions` entries.
package struct SubjectVersionBody: Codable, Sendable, Hashable {
    package var subject: Subject
    package var version: SchemaVersion

    package init(subject: Subject, version: SchemaVersion) {
        self.subject = subject
        self.version = version
    }
}

/// `GET /config`: `{"compatibilityLevel": "BACKWARD"}`.
package struct CompatibilityLevelBody: Codable, Sendable {
    package var compatibilityLevel: String

    package init(compatibilityLevel: String) {
        self.compatibilityLevel = compatibilityLevel
    }
}

/// `PUT /config` request and answer: `{"compatibility": "FULL"}`.
package struct CompatibilityBody: Codable, Sendable {
    package var compatibility: String

    package init(compatibility: String) {
        self.compatibility = compatibility
    }
}

/// `POST /compatibility/...`: `{"is_compatible": false, "messages": [...]}`.
package struct CompatibilityCheckBody: Codable, Sendable {
    package var isCompatible: Bool
    package var messages: [String]?

    enum CodingKeys: String, CodingKey {
        case isCompatible = "is_compatible"
        case messages
    }

    package init(isCompatible: Bool, messages: [String]?) {
        self.isCompatible = isCompatible
        self.messages = messages
    }
}

/// `GET /mode`: `{"mode": "READWRITE"}`.
package struct ModeBody: Codable, Sendable {
    package var mode: String

    package init(mode: String) {
        self.mode = mode
    }
}

/// Every error answer: `{"error_code": 40401, "message": "Subject 'x' not found."}`.
package struct ErrorBody: Codable, Sendable {
    package var errorCode: Int
    package var message: String

    enum CodingKeys: String, CodingKey {
        case errorCode = "error_code"
        case message
    }

    package init(errorCode: Int, message: String) {
        self.errorCode = errorCode
        self.message = message
    }
}
