extension Setting {
    /// `SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO`: the `user:password` a service sends to the registry as
    /// HTTP basic auth, as Confluent's clients take it (`basic.auth.user.info`). Secret: never shown.
    public static func registryUserInfo(_ keyPath: WritableKeyPath<Target, String> & Sendable) -> Setting {
        Setting(
            "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO", flag: "schema-registry-user-info", keyPath,
            help: "user:password sent to the Schema Registry as HTTP basic auth (with our registry, the password is an API key)",
            valueName: "user:password", isSecret: true,
            read: { text throws(SettingProblem) in
                guard text.contains(":") else { throw SettingProblem("expected user:password") }
                return text
            },
            format: { $0.isEmpty ? "none" : "(set)" })
    }
}
