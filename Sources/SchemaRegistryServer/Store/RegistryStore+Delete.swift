import SchemaRegistry

/// Soft and hard deletes, with Confluent's two-step rule: a hard delete needs a soft delete first.
extension RegistryStore {
    /// Deletes every version of `subject` and returns their numbers.
    ///
    /// - Throws: `.subjectNotFound` (40401), `.subjectSoftDeleted` (40404) for a second soft delete,
    ///   `.subjectNotSoftDeleted` (40405) for a hard delete of a live subject.
    func deleteSubject(_ subject: Subject, permanent: Bool) async throws -> [SchemaVersion] {
        try await exclusively {
            try await catchUp()
            guard let versions = state.subjects[subject], !versions.isEmpty else {
                throw RegistryError.subjectNotFound(subject)
            }
            let live = versions.filter { !$0.value.isDeleted }.keys.sorted()
            if permanent {
                guard live.isEmpty else { throw RegistryError.subjectNotSoftDeleted(subject) }
                try await hardDelete(subject, versions: versions.keys.sorted())
                if state.subjectLevels[subject] != nil { try await write(.configTombstone(subject: subject)) }
                return versions.keys.sorted()
            }
            guard !live.isEmpty else { throw RegistryError.subjectSoftDeleted(subject) }
            for version in live { try await softDelete(subject, version) }
            return live
        }
    }

    /// Deletes one version (`latest` is the newest live one) and returns its number.
    ///
    /// - Throws: `.subjectNotFound` (40401), `.versionNotFound` (40402), `.versionSoftDeleted` (40406),
    ///   `.versionNotSoftDeleted` (40407).
    func deleteVersion(_ version: SchemaVersion, of subject: Subject, permanent: Bool) async throws -> SchemaVersion {
        try await exclusively {
            try await catchUp()
            guard state.hasVersions(subject) else { throw RegistryError.subjectNotFound(subject) }
            // `latest` is the newest live version for a soft delete; a number may name a soft-deleted one.
            let resolved = try state.resolve(version, of: subject, includeDeleted: permanent || !version.isLatest)
            guard let entry = state.subjects[subject]?[resolved] else { throw RegistryError.versionNotFound(version) }
            if permanent {
                guard entry.isDeleted else { throw RegistryError.versionNotSoftDeleted(subject, resolved) }
                try await hardDelete(subject, versions: [resolved])
            } else {
                guard !entry.isDeleted else { throw RegistryError.versionSoftDeleted(subject, resolved) }
                try await softDelete(subject, resolved)
            }
            return resolved
        }
    }

    private func softDelete(_ subject: Subject, _ version: SchemaVersion) async throws {
        guard let entry = state.subjects[subject]?[version], let text = state.schemas[entry.id] else { return }
        let value = SchemaRecordValue(subject: subject, version: version, id: entry.id, schema: text, deleted: true)
        try await write(.schema(value))
    }

    /// Tombstones the versions, after recording the highest id: compaction may drop the records that
    /// carried it, and ids must never be given out twice.
    private func hardDelete(_ subject: Subject, versions: [SchemaVersion]) async throws {
        try await write(.idWatermark(state.highestID))
        for version in versions {
            try await write(.schemaTombstone(subject: subject, version: version))
        }
    }
}
