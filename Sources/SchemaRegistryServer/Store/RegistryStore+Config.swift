import SchemaRegistry

/// Compatibility levels and compatibility checks.
extension RegistryStore {
    /// Sets the global level (`subject == nil`) or a subject's own.
    func setLevel(_ level: CompatibilityLevel, subject: Subject?) async throws {
        try await exclusively {
            try await catchUp()
            try await write(.config(subject: subject, level: level))
        }
    }

    /// Removes the global level (back to BACKWARD) or a subject's own, and returns the one removed.
    ///
    /// - Throws: for a subject, `.subjectNotFound` (40401) when it has neither versions nor a level.
    func deleteLevel(subject: Subject?) async throws -> CompatibilityLevel {
        try await exclusively {
            try await catchUp()
            guard let subject else {
                let previous = state.effectiveGlobalLevel
                try await write(.configTombstone(subject: nil))
                return previous
            }
            guard let previous = state.subjectLevels[subject] else {
                guard state.hasVersions(subject) else { throw RegistryError.subjectNotFound(subject) }
                throw RegistryError.subjectCompatibilityNotConfigured(subject)
            }
            try await write(.configTombstone(subject: subject))
            return previous
        }
    }

    /// A subject's level: its own, or the global one when `defaultToGlobal`.
    ///
    /// - Throws: `.subjectNotFound` (40401) for a subject with neither versions nor a level,
    ///   `.subjectCompatibilityNotConfigured` (40408) when it has versions but no level of its own.
    func level(of subject: Subject, defaultToGlobal: Bool) throws -> CompatibilityLevel {
        if let level = state.subjectLevels[subject] { return level }
        guard state.hasVersions(subject) else { throw RegistryError.subjectNotFound(subject) }
        guard defaultToGlobal else { throw RegistryError.subjectCompatibilityNotConfigured(subject) }
        return state.effectiveGlobalLevel
    }

    /// Whether `text` could be registered next in `subject`, checked against `version` or, when the
    /// level is transitive or `version` is nil, against every version the level names.
    ///
    /// - Throws: `.invalidSchema` (42201), `.subjectNotFound` (40401), `.versionNotFound` (40402).
    func checkCompatibility(_ text: String, subject: Subject, version: SchemaVersion?) throws -> CompatibilityResult {
        let normalized = try format.normalize(text)
        let level = state.effectiveLevel(for: subject)
        let against: [RegisteredSchema]
        if let version, !level.isTransitive {
            against = [try state.registered(subject, version: version)]
        } else {
            _ = try state.versions(of: subject, includeDeleted: false)
            if let version { _ = try state.resolve(version, of: subject) }
            against = state.versionsToCheck(subject, level: level)
        }
        guard level != .none else { return CompatibilityResult(isCompatible: true) }
        let problems = against.flatMap { format.problems(candidate: normalized, existing: $0, level: level) }
        return CompatibilityResult(isCompatible: problems.isEmpty, messages: problems)
    }
}
