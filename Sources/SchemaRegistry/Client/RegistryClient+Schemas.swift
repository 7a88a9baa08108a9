/// Schemas by their global id.
extension RegistryClient {
    /// The schema text with this id; cached, since an id never changes its schema.
    ///
    /// - Throws: `.schemaNotFound` (40403) for an id the registry does not know.
    public func schema(id: SchemaID) async throws(RegistryError) -> String {
        if let schema = schemasByID[id] { return schema }
        let answer = try await send(.GET, "/schemas/ids/\(id)", as: SchemaTextBody.self)
        schemasByID.insert(answer.schema, for: id)
        return answer.schema
    }

    /// The subjects that hold the schema with this id.
    public func subjects(
        usingSchema id: SchemaID, includeDeleted: Bool = false
    ) async throws(RegistryError)
        -> [Subject]
    {
        try await send(
            .GET,
            "/schemas/ids/\(id)/subjects",
            query: includeDeleted ? [("deleted", "true")] : [],
            as: [Subject].self
        )
    }

    /// Each subject and version that holds the schema with this id.
    public func versions(
        usingSchema id: SchemaID, includeDeleted: Bool = false
    ) async throws(RegistryError)
        -> [(subject: Subject, version: SchemaVersion)]
    {
        let pairs = try await send(
            .GET,
            "/schemas/ids/\(id)/versions",
            query: includeDeleted ? [("deleted", "true")] : [],
            as: [SubjectVersionBody].self
        )
        return pairs.map { ($0.subject, $0.version) }
    }

    /// The schema types the registry supports (`AVRO` for ours).
    public func schemaTypes() async throws(RegistryError) -> [String] {
        try await send(.GET, "/schemas/types", as: [String].self)
    }
}
