import Logging
import SchemaRegistry

/// Registering and looking up schemas.
extension RegistryStore {
    /// How often a write is recomputed when another instance's record took its id or version first.
    static let writeAttempts = 3

    /// Registers `text` under `subject`, or returns the id it has there already.
    ///
    /// - Throws: `RegistryError` `.invalidSchema` (42201), `.incompatibleSchema` (409), or a store error.
    func register(_ text: String, subject: Subject) async throws -> SchemaID {
        do {
            let (id, isNew) = try await registerOrFind(text, subject: subject)
            metrics.count(isNew ? .created : .existing)
            return id
        } catch {
            metrics.count(RegistryMetrics.RegistrationResult(failure: error))
            throw error
        }
    }

    /// The id of `text` under `subject`, and whether this call registered it.
    private func registerOrFind(_ text: String, subject: Subject) async throws -> (SchemaID, isNew: Bool) {
        let normalized = try format.normalize(text)
        if let existing = state.version(of: subject, holding: normalized, includeDeleted: false) {
            return (existing.id, false)
        }
        return try await exclusively {
            for attempt in 1...Self.writeAttempts {
                try await catchUp()
                if let existing = state.version(of: subject, holding: normalized, includeDeleted: false) {
                    return (existing.id, false)
                }
                try checkCompatibility(normalized, subject: subject)
                let value = SchemaRecordValue(
                    subject: subject,
                    version: state.nextVersion(of: subject),
                    id: state.id(for: normalized),
                    schema: normalized
                )
                try await write(.schema(value))
                if state.subjects[subject]?[value.version]?.id == value.id {
                    logRegistered(value)
                    return (value.id, true)
                }
                logger.info(
                    "Another writer took the id or version first; retrying",
                    metadata: [RegistryLoggingKeys.subject: "\(subject)", RegistryLoggingKeys.attempt: "\(attempt)"]
                )
                try await supersede(value)
            }
            throw RegistryError.notWriter("Another registry instance keeps writing the same subject; retry")
        }
    }

    /// Finds the version of `subject` that holds `text`.
    ///
    /// - Throws: `.subjectNotFound` (40401), `.schemaNotFound` (40403), `.invalidSchema` (42201).
    func lookup(_ text: String, subject: Subject, includeDeleted: Bool) throws -> RegisteredSchema {
        try counted {
            _ = try state.versions(of: subject, includeDeleted: includeDeleted)
            let normalized = try format.normalize(text)
            guard let found = state.version(of: subject, holding: normalized, includeDeleted: includeDeleted) else {
                throw RegistryError.schemaNotFound()
            }
            return found
        }
    }

    /// The text of the schema `id`, as a consumer asks for an id it has not seen.
    ///
    /// - Throws: `.schemaNotFound` (40403).
    func schemaText(id: SchemaID) throws -> String {
        try counted { try state.schema(id: id) }
    }

    private func counted<T>(_ lookup: () throws -> T) throws -> T {
        do {
            let found = try lookup()
            metrics.count(.found)
            return found
        } catch {
            metrics.count(RegistryMetrics.LookupResult(failure: error))
            throw error
        }
    }

    /// Makes a record that lost a race harmless after compaction, which keeps only the last value of a
    /// key: the key gets the winner's value again, or a tombstone when nobody else holds it.
    private func supersede(_ lost: SchemaRecordValue) async throws {
        if let winner = state.subjects[lost.subject]?[lost.version], let text = state.schemas[winner.id] {
            let value = SchemaRecordValue(
                subject: lost.subject,
                version: lost.version,
                id: winner.id,
                schema: text,
                deleted: winner.isDeleted
            )
            try await write(.schema(value))
        } else {
            try await write(.schemaTombstone(subject: lost.subject, version: lost.version))
        }
    }

    /// Throws `.incompatibleSchema` when `normalized` breaks the subject's level.
    private func checkCompatibility(_ normalized: String, subject: Subject) throws {
        let level = state.effectiveLevel(for: subject)
        let problems = state.versionsToCheck(subject, level: level).flatMap {
            format.problems(candidate: normalized, existing: $0, level: level)
        }
        guard problems.isEmpty else { throw RegistryError.incompatibleSchema(subject, messages: problems) }
    }

    private func logRegistered(_ value: SchemaRecordValue) {
        logger.info(
            "Registered schema",
            metadata: [
                RegistryLoggingKeys.subject: "\(value.subject)",
                RegistryLoggingKeys.version: "\(value.version)",
                RegistryLoggingKeys.schemaID: "\(value.id)",
            ]
        )
    }
}
