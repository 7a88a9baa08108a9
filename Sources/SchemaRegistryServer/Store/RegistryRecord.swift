import Foundation
import SchemaRegistry

/// One record of the `_schemas` topic, in Confluent's format, so that the topic reads the same as one
/// written by Confluent Schema Registry (and Confluent's tools can read ours).
///
/// Keys are JSON objects with a `keytype`; compaction keeps the last value per key, so each key names
/// the thing it describes (a subject's version, a config), and a `null` value (tombstone) removes it.
///
/// | keytype | key fields | value |
/// | --- | --- | --- |
/// | `SCHEMA` | subject, version | `{"subject","version","id","schema","deleted"}`, or null for a hard delete |
/// | `CONFIG` | subject (null = global) | `{"compatibilityLevel"}`, or null to remove |
/// | `DELETE_SUBJECT` | subject | `{"subject","version"}`: versions up to it are soft-deleted (older writers) |
/// | `NOOP` | none | `{"maxId"}` here: keeps the highest id known after hard deletes are compacted |
enum RegistryRecord: Equatable, Sendable {
    case schema(SchemaRecordValue)
    case schemaTombstone(subject: Subject, version: SchemaVersion)
    case config(subject: Subject?, level: CompatibilityLevel)
    case configTombstone(subject: Subject?)
    case deleteSubject(subject: Subject, upTo: SchemaVersion)
    case idWatermark(SchemaID)
    /// A record this registry does not act on (another registry's MODE, a NOOP marker, a bad record).
    case ignored(reason: String)
}

/// The value of a `SCHEMA` record.
struct SchemaRecordValue: Codable, Equatable, Sendable {
    var subject: Subject
    var version: SchemaVersion
    var id: SchemaID
    var schema: String
    var schemaType: String?
    var deleted: Bool

    init(subject: Subject, version: SchemaVersion, id: SchemaID, schema: String, deleted: Bool = false) {
        self.subject = subject
        self.version = version
        self.id = id
        self.schema = schema
        self.schemaType = nil
        self.deleted = deleted
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        subject = try container.decode(Subject.self, forKey: .subject)
        version = try container.decode(SchemaVersion.self, forKey: .version)
        id = try container.decode(SchemaID.self, forKey: .id)
        schema = try container.decode(String.self, forKey: .schema)
        schemaType = try container.decodeIfPresent(String.self, forKey: .schemaType)
        deleted = try container.decodeIfPresent(Bool.self, forKey: .deleted) ?? false
    }
}

/// The JSON key of a record; fields are optional because each keytype uses some of them.
struct RegistryRecordKey: Codable, Equatable, Sendable {
    var keytype: String
    var subject: Subject?
    var version: SchemaVersion?
    var magic: Int

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(keytype, forKey: .keytype)
        // Confluent writes `"subject": null` for the global config; keep that shape.
        if keytype == "CONFIG" || subject != nil { try container.encode(subject, forKey: .subject) }
        try container.encodeIfPresent(version, forKey: .version)
        try container.encode(magic, forKey: .magic)
    }
}

struct ConfigRecordValue: Codable, Equatable, Sendable {
    var compatibilityLevel: String
}

struct DeleteSubjectRecordValue: Codable, Equatable, Sendable {
    var subject: Subject
    var version: SchemaVersion
}

struct WatermarkRecordValue: Codable, Equatable, Sendable {
    var maxId: SchemaID
}
