import ServiceSettings
import Testing

/// The security variables become librdkafka's properties, bad values stop the process naming the
/// variable, and `--help` never shows the password.
@Suite struct KafkaSecuritySettingsTests {
    struct Example: Sendable {
        var security = KafkaSecuritySettings()
        var kafka: [String: String] = [:]
    }

    static let table = SettingsTable<Example>(Setting.kafkaSecurity(\.security), properties: .kafka(\.kafka))

    @Test func variablesBecomeLibrdkafkaProperties() throws {
        let example = try Self.table.read(
            environment: [
                "KAFKA_SECURITY_PROTOCOL": "SASL_SSL", "KAFKA_SASL_MECHANISM": "scram-sha-256", "KAFKA_SASL_USERNAME": "alice",
                "KAFKA_SASL_PASSWORD": "secret", "KAFKA_SSL_CA_LOCATION": "/etc/ca.pem",
            ], over: Example())
        #expect(
            example.security.properties == [
                "security.protocol": "sasl_ssl", "sasl.mechanism": "SCRAM-SHA-256", "sasl.username": "alice",
                "sasl.password": "secret", "ssl.ca.location": "/etc/ca.pem",
            ])
    }

    @Test func theDefaultIsPlaintextAndNothingElse() {
        #expect(KafkaSecuritySettings().properties == ["security.protocol": "plaintext"])
    }

    @Test(arguments: [
        ("KAFKA_SECURITY_PROTOCOL", "tls", "plaintext|ssl|sasl_plaintext|sasl_ssl"),
        ("KAFKA_SASL_MECHANISM", "GSSAPI", "PLAIN|SCRAM-SHA-256|SCRAM-SHA-512|OAUTHBEARER"),
    ])
    func badValuesNameTheVariable(variable: String, value: String, expected: String) {
        #expect(throws: SettingError.self) { try Self.table.read(environment: [variable: value], over: Example()) }
        do {
            _ = try Self.table.read(environment: [variable: value], over: Example())
        } catch {
            #expect(error.description == "\(variable)='\(value)' is not valid: expected \(expected)")
        }
    }

    @Test func helpNeverShowsThePassword() throws {
        let configured = try Self.table.read(environment: ["KAFKA_SASL_PASSWORD": "hunter2"], over: Example())
        let help = Self.table.help(defaults: configured)
        #expect(!help.contains("hunter2"))
        #expect(help.contains("[KAFKA_SASL_PASSWORD]"))
        #expect(!Self.table.values(of: configured).contains { $0.value.contains("hunter2") })
    }
}
