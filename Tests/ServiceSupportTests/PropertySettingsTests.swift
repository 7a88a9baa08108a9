import ServiceSettings
import Testing

/// `KAFKA_CONFIG_<PROPERTY>` and `--kafka-config property=value` reach the configuration's properties,
/// over nothing else, and a malformed flag is refused with one line.
@Suite struct PropertySettingsTests {
    struct Example: Sendable {
        var port = 8000
        var kafka: [String: String] = [:]
    }

    static let table = SettingsTable<Example>(
        [.port("EX_PORT", flag: "port", \.port, help: "HTTP port")], properties: .kafka(\.kafka))

    @Test func variablesNameTheirPropertyLowercasedWithDots() throws {
        let example = try Self.table.read(
            environment: [
                "KAFKA_CONFIG_SOCKET_KEEPALIVE_ENABLE": "true", "KAFKA_CONFIG_LINGER_MS": "0", "KAFKA_CONFIG_": "x", "OTHER": "y",
            ],
            over: Example())
        #expect(example.kafka == ["socket.keepalive.enable": "true", "linger.ms": "0"])
    }

    @Test func flagsAddPropertiesAndWinOverTheEnvironment() throws {
        let example = try Self.table.read(
            environment: ["KAFKA_CONFIG_LINGER_MS": "5"],
            arguments: ["--kafka-config", "linger.ms=1", "--kafka-config=sasl.password=a=b", "--port", "9000"], over: Example())
        #expect(example.kafka == ["linger.ms": "1", "sasl.password": "a=b"])
        #expect(example.port == 9000)
    }

    @Test(arguments: ["linger.ms", "=1"])
    func aFlagWithoutPropertyAndValueIsRefused(value: String) {
        #expect(throws: SettingError.self) {
            try Self.table.read(environment: [:], arguments: ["--kafka-config", value], over: Example())
        }
    }

    @Test func helpDescribesTheFamily() {
        let help = Self.table.help(defaults: Example())
        #expect(help.contains("--kafka-config <property=value>  [KAFKA_CONFIG_<PROPERTY>]"))
    }
}
