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
        let normalized = try format.normalize(text)
        if let existing = state.version(of: subject, holding: normalized, includeDeleted: false) {
            return existing.id
        }
        return try await exclusively {
            for attempt in 1...Self.writeAttempts {
                try await catchUp()
                if let existing = state.version(of: subject, holding: normalized, includeDeleted: false) {
                    return existing.id
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
                    return value.id
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
        _ = try state.versions(of: subject, includeDeleted: includeDeleted)
        let normalized = try format.normalize(text)
        guard let found = state.version(of: subject, holding: normalized, includeDeleted: includeDeleted) else {
            throw RegistryError.schemaNotFound()
        }
        return found
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
