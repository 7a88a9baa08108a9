/// The metadata keys of this module's log entries, in one place so that log queries stay stable.
public enum RegistryLoggingKeys {
    public static let subject = "schema.subject"
    public static let schemaID = "schema.id"
    public static let version = "schema.version"
    public static let url = "registry.url"
    public static let httpStatus = "http.status"
    public static let errorCode = "registry.error.code"
    public static let topic = "kafka.topic"
    public static let offset = "kafka.offset"
    public static let attempt = "registry.attempt"
}
