/// Compatibility levels, compatibility checks and the registry's mode.
extension RegistryClient {
    /// The level in force: the global one, or with `subject` that subject's own (falling back to the
    /// global one when `defaultToGlobal`).
    ///
    /// - Throws: `.subjectCompatibilityNotConfigured` (40408) for a subject without a level of its own
    ///   when `defaultToGlobal` is false.
    public func compatibilityLevel(
        subject: Subject? = nil, defaultToGlobal: Bool = true
    ) async throws(RegistryError)
        -> CompatibilityLevel
    {
        let path = subject.map { "/config/\(Self.percentEncoded($0.rawValue))" } ?? "/config"
        let query = subject != nil && defaultToGlobal ? [("defaultToGlobal", "true")] : []
        let answer = try await send(.GET, path, query: query, as: CompatibilityLevelBody.self)
        return try Self.level(answer.compatibilityLevel)
    }

    /// Sets the global level, or with `subject` that subject's own.
    @discardableResult
    public func setCompatibilityLevel(
        _ level: CompatibilityLevel, subject: Subject? = nil
    ) async throws(RegistryError)
        -> CompatibilityLevel
    {
        let path = subject.map { "/config/\(Self.percentEncoded($0.rawValue))" } ?? "/config"
        let answer = try await send(
            .PUT,
            path,
            body: CompatibilityBody(compatibility: level.rawValue),
            as: CompatibilityBody.self
        )
        return try Self.level(answer.compatibility)
    }

    /// Removes a subject's own level (it then follows the global one), or resets the global one.
    /// Returns the level that was removed.
    @discardableResult
    public func deleteCompatibilityLevel(subject: Subject? = nil) async throws(RegistryError) -> CompatibilityLevel {
        let path = subject.map { "/config/\(Self.percentEncoded($0.rawValue))" } ?? "/config"
        let answer = try await send(.DELETE, path, as: CompatibilityLevelBody.self)
        return try Self.level(answer.compatibilityLevel)
    }

    /// Whether `schema` could be registered as the next version of `subject`, checked against `version`
    /// (or, for transitive levels, all versions). `verbose` asks for the reasons.
    public func checkCompatibility(
        _ schema: String,
        subject: Subject,
        version: SchemaVersion = .latest,
        verbose: Bool = true
    ) async throws(RegistryError) -> CompatibilityResult {
        let answer = try await send(
            .POST,
            "/compatibility" + Self.subjectPath(subject) + "/versions/\(version)",
            query: verbose ? [("verbose", "true")] : [],
            body: RegisterSchemaBody(schema: schema),
            as: CompatibilityCheckBody.self
        )
        return CompatibilityResult(isCompatible: answer.isCompatible, messages: answer.messages ?? [])
    }

    /// The registry's mode: `READWRITE`, `READONLY` or `IMPORT`.
    public func mode() async throws(RegistryError) -> String {
        try await send(.GET, "/mode", as: ModeBody.self).mode
    }

    private static func level(_ text: String) throws(RegistryError) -> CompatibilityLevel {
        guard let level = CompatibilityLevel(caseInsensitive: text) else {
            throw .unexpectedResponse("unknown compatibility level '\(text)'")
        }
        return level
    }
}
