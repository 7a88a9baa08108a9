/// How a service's Kafka clients authenticate and encrypt: the settings every managed Kafka asks for,
/// named as operators know them, turned into librdkafka's properties.
///
/// Typed settings for the common cases, so that a typo in a protocol name stops the process at
/// start-up with a line naming the variable; anything else goes through `KAFKA_CONFIG_<PROPERTY>`.
public struct KafkaSecuritySettings: Sendable, Hashable {
    /// `security.protocol`.
    public enum SecurityProtocol: String, Sendable, CaseIterable {
        case plaintext, ssl
        case saslPlaintext = "sasl_plaintext"
        case saslSSL = "sasl_ssl"
    }

    /// `sasl.mechanism`.
    public enum SASLMechanism: String, Sendable, CaseIterable {
        case plain = "PLAIN"
        case scramSHA256 = "SCRAM-SHA-256"
        case scramSHA512 = "SCRAM-SHA-512"
        case oauthBearer = "OAUTHBEARER"
    }

    public var securityProtocol: SecurityProtocol = .plaintext
    public var saslMechanism: SASLMechanism?
    public var saslUsername = ""
    public var saslPassword = ""
    /// A file of CA certificates (PEM) to verify the brokers with; empty for the system's.
    public var sslCALocation = ""

    public init() {}

    /// The librdkafka properties for these settings: only those set, so that librdkafka's own
    /// defaults stay in force for the rest.
    public var properties: [String: String] {
        var properties = ["security.protocol": securityProtocol.rawValue]
        if let saslMechanism { properties["sasl.mechanism"] = saslMechanism.rawValue }
        if !saslUsername.isEmpty { properties["sasl.username"] = saslUsername }
        if !saslPassword.isEmpty { properties["sasl.password"] = saslPassword }
        if !sslCALocation.isEmpty { properties["ssl.ca.location"] = sslCALocation }
        return properties
    }

    /// What every Kafka client of a service is given on top of its typed configuration: these
    /// settings' properties, then the raw ones (`KAFKA_CONFIG_<PROPERTY>`), which win.
    public func properties(overriddenBy raw: [String: String]) -> [String: String] {
        properties.merging(raw) { _, raw in raw }
    }
}

extension Setting {
    /// `KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_MECHANISM`, `KAFKA_SASL_USERNAME`, `KAFKA_SASL_PASSWORD`,
    /// `KAFKA_SSL_CA_LOCATION`: the same variables in every executable, so one environment configures
    /// all of them. The password is never shown (`--help` says only whether it is set).
    public static func kafkaSecurity(_ keyPath: WritableKeyPath<Target, KafkaSecuritySettings> & Sendable) -> [Setting] {
        func member<Value>(_ path: WritableKeyPath<KafkaSecuritySettings, Value> & Sendable) -> WritableKeyPath<Target, Value> & Sendable {
            appending(keyPath, path)
        }
        return [
            .choice(
                "KAFKA_SECURITY_PROTOCOL", flag: "kafka-security-protocol", member(\.securityProtocol),
                KeyValuePairs(
                    dictionaryLiteral: ("plaintext", .plaintext), ("ssl", .ssl), ("sasl_plaintext", .saslPlaintext), ("sasl_ssl", .saslSSL)),
                help: "how the Kafka clients connect: plaintext, ssl, sasl_plaintext or sasl_ssl"),
            Setting(
                "KAFKA_SASL_MECHANISM", flag: "kafka-sasl-mechanism", member(\.saslMechanism),
                help: "SASL mechanism with sasl_*: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER",
                valueName: KafkaSecuritySettings.SASLMechanism.allCases.map(\.rawValue).joined(separator: "|"),
                // An unknown name must be refused (outer nil), not read as "no mechanism" (`.some(nil)`).
                parse: { text in KafkaSecuritySettings.SASLMechanism(rawValue: text.uppercased()).map { .some($0) } },
                format: { $0?.rawValue ?? "none" }),
            .text("KAFKA_SASL_USERNAME", flag: "kafka-sasl-username", member(\.saslUsername), help: "SASL user name"),
            Setting(
                "KAFKA_SASL_PASSWORD", flag: "kafka-sasl-password", member(\.saslPassword),
                help: "SASL password (never logged)", valueName: "text", parse: { $0 },
                format: { $0.isEmpty ? "none" : "(set)" }),
            .text(
                "KAFKA_SSL_CA_LOCATION", flag: "kafka-ssl-ca-location", member(\.sslCALocation),
                help: "CA certificates (PEM file) that sign the brokers' certificates; empty for the system's"),
        ]
    }
}
