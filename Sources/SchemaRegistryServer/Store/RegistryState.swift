import SchemaRegistry

/// Everything the registry knows, rebuilt by applying the `_schemas` records in order.
///
/// A pure value with no I/O: the same records in the same order give the same state, which is what makes
/// a restart, or a kill -9, come back with exactly the same subjects, versions and ids. Conflicting
/// records (two writers that raced) are resolved the same way on every replay: the first record in the
/// log wins, a later one that contradicts it is ignored, and the writer that lost sees it, re-asserts the
/// winner's value under its key (compaction keeps only a key's last value) and retries.
struct RegistryState: Sendable {
    /// A version of a subject: which schema, and whether it was soft-deleted.
    struct VersionEntry: Equatable, Sendable {
        var id: SchemaID
        var isDeleted: Bool
    }

    /// Schema text by id. Kept after hard deletes so that re-registering the same text gets its old id.
    private(set) var schemas: [SchemaID: String] = [:]
    /// Id by schema text (the normalized text the registry stores).
    private(set) var ids: [String: SchemaID] = [:]
    /// Versions of each subject that has any, soft-deleted ones included.
    private(set) var subjects: [Subject: [SchemaVersion: VersionEntry]] = [:]
    /// The global level; `nil` means Confluent's default, BACKWARD.
    private(set) var globalLevel: CompatibilityLevel?
    /// Levels set on single subjects.
    private(set) var subjectLevels: [Subject: CompatibilityLevel] = [:]
    /// The highest id ever given out; the next schema gets one more. Never decreases.
    private(set) var highestID: SchemaID = SchemaID(rawValue: 0)

    /// What applying a record did, for logging and for a writer that checks its record won.
    enum Outcome: Equatable, Sendable {
        case applied
        case ignored(String)
    }

    @discardableResult
    mutating func apply(_ record: RegistryRecord) -> Outcome {
        switch record {
        case .schema(let value): return applySchema(value)
        case .schemaTombstone(let subject, let version): removeVersion(subject, version)
        case .config(let subject, let level): setLevel(level, subject: subject)
        case .configTombstone(let subject): setLevel(nil, subject: subject)
        case .deleteSubject(let subject, let version): softDelete(subject, upTo: version)
        case .idWatermark(let id): highestID = max(highestID, id)
        case .ignored(let reason): return .ignored(reason)
        }
        return .applied
    }

    private mutating func applySchema(_ value: SchemaRecordValue) -> Outcome {
        if let known = schemas[value.id], known != value.schema {
            return .ignored("id \(value.id) belongs to another schema")
        }
        if let entry = subjects[value.subject]?[value.version], entry.id != value.id {
            return .ignored("\(value.subject) version \(value.version) holds id \(entry.id)")
        }
        guard value.version.rawValue >= 1, value.id.rawValue >= 1 else { return .ignored("invalid version or id") }
        schemas[value.id] = value.schema
        if ids[value.schema] == nil { ids[value.schema] = value.id }
        subjects[value.subject, default: [:]][value.version] = VersionEntry(id: value.id, isDeleted: value.deleted)
        highestID = max(highestID, value.id)
        return .applied
    }

    private mutating func removeVersion(_ subject: Subject, _ version: SchemaVersion) {
        subjects[subject]?[version] = nil
        if subjects[subject]?.isEmpty == true { subjects[subject] = nil }
    }

    private mutating func setLevel(_ level: CompatibilityLevel?, subject: Subject?) {
        if let subject {
            subjectLevels[subject] = level
        } else {
            globalLevel = level
        }
    }

    private mutating func softDelete(_ subject: Subject, upTo version: SchemaVersion) {
        guard var versions = subjects[subject] else { return }
        for key in versions.keys where key <= version { versions[key]?.isDeleted = true }
        subjects[subject] = versions
    }
}
