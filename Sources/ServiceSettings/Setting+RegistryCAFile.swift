extension Setting {
    /// `SCHEMA_REGISTRY_CA_FILE`: the CA certificates a service trusts for an `https` registry, when its
    /// certificate is signed by a CA that the system does not trust (a private CA, or a self-signed
    /// certificate, which is its own CA).
    public static func registryCAFile(_ keyPath: WritableKeyPath<Target, String> & Sendable) -> Setting {
        .text(
            "SCHEMA_REGISTRY_CA_FILE", flag: "schema-registry-ca-file", keyPath,
            help: "PEM file of the CA certificates that sign an https Schema Registry's certificate; the system's when empty")
    }
}
