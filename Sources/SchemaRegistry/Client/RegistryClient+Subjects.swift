/// Subjects and their versions: register, look up, list, delete.
extension RegistryClient {
    /// Registers `schema` under `subject` (or finds it registered) and returns its global id.
    ///
    /// Cached: the same subject and text return the cached id without a request, so a serializer may call
    /// this for every record. Registering a schema that exists already returns the existing id.
    ///
    /// - Throws: `.incompatibleSchema` (409) or `.invalidSchema` (42201) when the registry rejects it;
    ///   `.unreachable` and other transient errors when it cannot answer.
    @discardableResult
    public func register(
        _ schema: String, subject: Subject, normalize: Bool = false
    ) async throws(RegistryError)
        -> SchemaID
    {
        let key = SubjectSchemaKey(subject: subject, schema: schema)
        if let id = idsBySchema[key] { return id }
        let answer = try await send(
            .POST,
            Self.subjectPath(subject) + "/versions",
            query: normalize ? [("normalize", "true")] : [],
            body: RegisterSchemaBody(schema: schema),
            as: SchemaIDBody.self
        )
        idsBySchema.insert(answer.id, for: key)
        schemasByID.insert(schema, for: answer.id)
        logger.debug(
            "Registered schema",
            metadata: [RegistryLoggingKeys.subject: "\(subject)", RegistryLoggingKeys.schemaID: "\(answer.id)"]
        )
        return answer.id
    }

    /// Finds `schema` among the versions of `subject` without registering it.
    ///
    /// - Throws: `.subjectNotFound` (40401) or `.schemaNotFound` (40403) when it is not there.
    public func lookup(
        _ schema: String, subject: Subject, includeDeleted: Bool = false
    ) async throws(RegistryError)
        -> RegisteredSchema
    {
        let key = SubjectSchemaKey(subject: subject, schema: schema)
        if !includeDeleted, let registered = registeredBySchema[key] { return registered }
        let registered = try await send(
            .POST,
            Self.subjectPath(subject),
            query: includeDeleted ? [("deleted", "true")] : [],
            body: RegisterSchemaBody(schema: schema),
            as: RegisteredSchema.self
        )
        if !includeDeleted {
            registeredBySchema.insert(registered, for: key)
            idsBySchema.insert(registered.id, for: key)
        }
        return registered
    }

    /// Every subject with a live version; with `includeDeleted`, soft-deleted ones too.
    public func subjects(includeDeleted: Bool = false) async throws(RegistryError) -> [Subject] {
        try await send(.GET, "/subjects", query: includeDeleted ? [("deleted", "true")] : [], as: [Subject].self)
    }

    /// The version numbers of `subject`, oldest first.
    public func versions(
        of subject: Subject, includeDeleted: Bool = false
    ) async throws(RegistryError)
        -> [SchemaVersion]
    {
        try await send(
            .GET,
            Self.subjectPath(subject) + "/versions",
            query: includeDeleted ? [("deleted", "true")] : [],
            as: [SchemaVersion].self
        )
    }

    /// One version of `subject`; ``SchemaVersion/latest`` for the newest live one. Not cached, since
    /// `latest` moves.
    public func schema(
        subject: Subject, version: SchemaVersion = .latest
    ) async throws(RegistryError)
        -> RegisteredSchema
    {
        let registered = try await send(
            .GET,
            Self.subjectPath(subject) + "/versions/\(version)",
            as: RegisteredSchema.self
        )
        schemasByID.insert(registered.schema, for: registered.id)
        return registered
    }

    /// Deletes every version of `subject`: softly (hidden, id kept), or for good once soft-deleted.
    /// Returns the versions deleted.
    @discardableResult
    public func deleteSubject(
        _ subject: Subject, permanent: Bool = false
    ) async throws(RegistryError)
        -> [SchemaVersion]
    {
        let versions = try await send(
            .DELETE,
            Self.subjectPath(subject),
            query: permanent ? [("permanent", "true")] : [],
            as: [SchemaVersion].self
        )
        forget(subject: subject)
        return versions
    }

    /// Deletes one version of `subject`, softly or (once soft-deleted) for good.
    @discardableResult
    public func deleteVersion(
        _ version: SchemaVersion,
        of subject: Subject,
        permanent: Bool = false
    ) async throws(RegistryError) -> SchemaVersion {
        let deleted = try await send(
            .DELETE,
            Self.subjectPath(subject) + "/versions/\(version)",
            query: permanent ? [("permanent", "true")] : [],
            as: SchemaVersion.self
        )
        forget(subject: subject)
        return deleted
    }

    /// Drops cached registrations of `subject`, which a delete makes stale.
    private func forget(subject: Subject) {
        idsBySchema.remove { $0.subject == subject }
        registeredBySchema.remove { $0.subject == subject }
    }
}
