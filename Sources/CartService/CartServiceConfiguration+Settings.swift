import ServiceSettings
import ServiceSupport

extension CartServiceConfiguration {
    /// Every setting of the Cart Service: its environment variable, its flag, what it means and how it
    /// is read. The executable's `--help` and its validation come from this table; README lists it.
    /// Topic names and `KAFKA_BOOTSTRAP_SERVERS` are shared with the Order Service, so one environment
    /// configures both.
    public static let settings = SettingsTable<CartServiceConfiguration>(
        [
            .text("CART_HOST", flag: "host", \.host, help: "interface to listen on (0.0.0.0 in a container)"),
            .port("CART_PORT", flag: "port", \.port, help: "HTTP port"),
            .text("KAFKA_BOOTSTRAP_SERVERS", flag: "bootstrap-servers", \.bootstrapServers, help: "Kafka brokers, host:port[,host:port]"),
            .text("SCHEMA_REGISTRY_URL", flag: "schema-registry-url", \.schemaRegistryURL, help: "Schema Registry base URL"),
            .registryUserInfo(\.schemaRegistryUserInfo),
            .registryCAFile(\.schemaRegistryCAFile),
            .seconds(
                "CART_PUBLISH_TIMEOUT", flag: "publish-timeout", \.publishTimeout,
                help: "longest wait for the broker's acknowledgement before 503"),
            .seconds(
                "CART_HEALTH_INTERVAL", flag: "health-interval", \.healthCheckInterval,
                help: "how often the broker is checked for /health"),
            .integer("CART_MAX_ITEMS", flag: "max-items", \.limits.maximumItems, in: 1...10_000, help: "most items in one order"),
            .integer(
                "CART_MAX_BODY_BYTES", flag: "max-body-bytes", \.limits.maximumBodySize, in: 256...(64 << 20),
                help: "largest request body; larger answers 413"),
            .text("CART_CURRENCY", flag: "currency", \.currency, help: "currency of generated orders"),
            .kafkaStatisticsInterval(\.kafkaStatisticsInterval),
            .text("ORDER_TOPIC", flag: "topic", \.topic, help: "topic of order events"),
            .text("ORDER_DLQ_TOPIC", flag: "dlq-topic", \.deadLetterTopic, help: "dead-letter topic, created at start-up if missing"),
            .logLevel(\.logging.level),
            .logFormat(\.logging.format),
            .logLabel(\.logging.label),
        ] + Setting.kafkaSecurity(\.kafkaSecurity) + Setting.httpSecurity(\.http),
        properties: .kafka(\.additionalKafkaConfig))
}
