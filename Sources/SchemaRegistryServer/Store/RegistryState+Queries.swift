import SchemaRegistry

/// Read-only questions the HTTP layer and the writer ask, with Confluent's errors for the misses.
extension RegistryState {
    /// The level that applies to `subject`: its own, else the global one, else BACKWARD.
    func effectiveLevel(for subject: Subject) -> CompatibilityLevel {
        subjectLevels[subject] ?? globalLevel ?? .default
    }

    var effectiveGlobalLevel: CompatibilityLevel { globalLevel ?? .default }

    /// Subjects with a live version; with `includeDeleted`, also those whose versions are all soft-deleted.
    func subjectNames(includeDeleted: Bool) -> [Subject] {
        subjects.filter { includeDeleted || $0.value.values.contains { !$0.isDeleted } }.keys.sorted()
    }

    /// The distinct schemas that some live version holds: what the registry serves.
    var liveSchemaCount: Int {
        Set(subjects.values.flatMap { $0.values.filter { !$0.isDeleted }.map(\.id) }).count
    }

    /// The versions of `subject`, oldest first.
    ///
    /// - Throws: `.subjectNotFound` when the subject has no version (live, or any with `includeDeleted`).
    func versions(of subject: Subject, includeDeleted: Bool) throws(RegistryError) -> [SchemaVersion] {
        let versions = (subjects[subject] ?? [:]).filter { includeDeleted || !$0.value.isDeleted }.keys.sorted()
        guard !versions.isEmpty else { throw .subjectNotFound(subject) }
        return versions
    }

    /// Whether the subject has any version at all, soft-deleted or not.
    func hasVersions(_ subject: Subject) -> Bool {
        subjects[subject]?.isEmpty == false
    }

    /// One version of `subject`; `latest` is the newest live version.
    func registered(
        _ subject: Subject,
        version: SchemaVersion,
        includeDeleted: Bool = false
    ) throws(RegistryError) -> RegisteredSchema {
        let resolved = try resolve(version, of: subject, includeDeleted: includeDeleted)
        guard let entry = subjects[subject]?[resolved], let text = schemas[entry.id] else {
            throw .versionNotFound(version)
        }
        return RegisteredSchema(subject: subject, id: entry.id, version: resolved, schema: text)
    }

    /// A concrete version number for `version`, checking that it exists (and is live unless asked).
    func resolve(
        _ version: SchemaVersion,
        of subject: Subject,
        includeDeleted: Bool = false
    ) throws(RegistryError) -> SchemaVersion {
        let known = try versions(of: subject, includeDeleted: includeDeleted)
        if version.isLatest, let latest = known.last { return latest }
        guard known.contains(version) else { throw .versionNotFound(version) }
        return version
    }

    /// The live version of `subject` that holds exactly this schema text, newest first.
    func version(of subject: Subject, holding text: String, includeDeleted: Bool) -> RegisteredSchema? {
        guard let id = ids[text], let versions = subjects[subject] else { return nil }
        let matching = versions.filter { $0.value.id == id && (includeDeleted || !$0.value.isDeleted) }
        guard let version = matching.keys.max() else { return nil }
        return RegisteredSchema(subject: subject, id: id, version: version, schema: text)
    }

    /// The schema text with this id, if a version (live or soft-deleted) still holds it.
    func schema(id: SchemaID) throws(RegistryError) -> String {
        guard let text = schemas[id], isReferenced(id, includeDeleted: true) else { throw .schemaNotFound(id) }
        return text
    }

    /// Each subject and version that holds `id`.
    func usages(of id: SchemaID, includeDeleted: Bool) throws(RegistryError) -> [SubjectVersionBody] {
        guard schemas[id] != nil, isReferenced(id, includeDeleted: true) else { throw .schemaNotFound(id) }
        var usages: [SubjectVersionBody] = []
        for (subject, versions) in subjects {
            for (version, entry) in versions where entry.id == id && (includeDeleted || !entry.isDeleted) {
                usages.append(SubjectVersionBody(subject: subject, version: version))
            }
        }
        return usages.sorted { ($0.subject, $0.version) < ($1.subject, $1.version) }
    }

    private func isReferenced(_ id: SchemaID, includeDeleted: Bool) -> Bool {
        subjects.values.contains { $0.values.contains { $0.id == id && (includeDeleted || !$0.isDeleted) } }
    }

    /// The next version number of `subject`: one past the highest, soft-deleted ones included, so that a
    /// version number is never given to two schemas while the old one is still readable.
    func nextVersion(of subject: Subject) -> SchemaVersion {
        SchemaVersion(rawValue: (subjects[subject]?.keys.max()?.rawValue ?? 0) + 1)
    }

    /// The id `text` gets: its existing one, or the next free one.
    func id(for text: String) -> SchemaID {
        ids[text] ?? SchemaID(rawValue: highestID.rawValue + 1)
    }

    /// The live versions a new schema of `subject` is checked against under `level`: none, the latest,
    /// or (transitive) all of them, newest first.
    func versionsToCheck(_ subject: Subject, level: CompatibilityLevel) -> [RegisteredSchema] {
        guard level != .none, let live = try? versions(of: subject, includeDeleted: false) else { return [] }
        let chosen = level.isTransitive ? Array(live.reversed()) : Array(live.suffix(1))
        return chosen.compactMap { try? registered(subject, version: $0) }
    }
}
