import ServiceSettings
import ServiceSupport

/// What the `schema-registry` executable can be told, as the flat values that environment variables
/// set; ``configuration`` turns them into a ``RegistryServerConfiguration``, whose storage is one
/// choice carrying its own parameters.
public struct RegistryServerSettings: Sendable {
    /// Where the state is kept (`SCHEMA_REGISTRY_STORAGE`).
    public enum Storage: String, Sendable {
        case kafka, memory
    }

    public var host: String
    public var port: Int
    public var bootstrapServers: String
    public var topic: String
    public var storage: Storage = .kafka
    public var maximumBodySize: Int
    public var storeTimeout: Duration
    public var kafkaStatisticsInterval: Duration?
    public var logging = LoggingSettings()
    public var kafkaSecurity = KafkaSecuritySettings()
    public var additionalKafkaConfig: [String: String] = [:]
    public var http = HTTPSecuritySettings()

    /// The defaults of ``RegistryServerConfiguration``, so the two cannot disagree.
    public init() {
        let defaults = RegistryServerConfiguration()
        host = defaults.host
        port = defaults.port
        maximumBodySize = defaults.maximumBodySize
        storeTimeout = defaults.storeTimeout
        let kafka = RegistryKafkaStorage.defaults
        bootstrapServers = kafka.bootstrapServers
        topic = kafka.topic
        kafkaStatisticsInterval = kafka.statisticsInterval
    }

    public var configuration: RegistryServerConfiguration {
        RegistryServerConfiguration(
            host: host, port: port,
            storage: storage == .memory
                ? .memory
                : .kafka(
                    bootstrapServers: bootstrapServers, topic: topic,
                    kafkaProperties: kafkaSecurity.properties(overriddenBy: additionalKafkaConfig),
                    statisticsInterval: kafkaStatisticsInterval),
            maximumBodySize: maximumBodySize, storeTimeout: storeTimeout, http: http)
    }

    /// Every setting of the registry: environment variable, flag, meaning and how it is read. The
    /// executable's `--help` and its validation come from this table; README lists it.
    public static let table = SettingsTable<RegistryServerSettings>(
        [
            .text(
                "SCHEMA_REGISTRY_HOST", flag: "host", \.host,
                help: "interface to listen on; another than loopback needs credentials (API_KEYS, …) or ALLOW_UNAUTHENTICATED=true"),
            .port("SCHEMA_REGISTRY_PORT", flag: "port", \.port, help: "HTTP port"),
            .text("KAFKA_BOOTSTRAP_SERVERS", flag: "bootstrap-servers", \.bootstrapServers, help: "Kafka brokers, host:port[,host:port]"),
            .text("SCHEMA_REGISTRY_TOPIC", flag: "topic", \.topic, help: "compacted topic holding the schemas"),
            .choice(
                "SCHEMA_REGISTRY_STORAGE", flag: "storage", \.storage, ["kafka": .kafka, "memory": .memory],
                help: "kafka, or memory (lost at exit)"),
            .integer(
                "SCHEMA_REGISTRY_MAX_BODY_BYTES", flag: "max-body-bytes", \.maximumBodySize, in: 256...(64 << 20),
                help: "largest request body; larger answers 413"),
            .seconds(
                "SCHEMA_REGISTRY_STORE_TIMEOUT", flag: "store-timeout", \.storeTimeout,
                help: "longest wait of a write for the _schemas topic before it answers 50002"),
            .kafkaStatisticsInterval(\.kafkaStatisticsInterval),
            .logLevel(\.logging.level),
            .logFormat(\.logging.format),
            .logLabel(\.logging.label),
        ] + Setting.kafkaSecurity(\.kafkaSecurity) + Setting.httpSecurity(\.http),
        properties: .kafka(\.additionalKafkaConfig))
}
