import Foundation
import ServiceSettings
import ServiceSupport

extension OrderServiceConfiguration {
    /// Every setting of the Order Service: its environment variable, its flag, what it means and how it
    /// is read. The executable's `--help` and its validation come from this table; README lists it.
    public static let settings = SettingsTable<OrderServiceConfiguration>(
        [
            .text("ORDER_HOST", flag: "host", \.host, help: "interface to listen on (0.0.0.0 in a container)"),
            .port("ORDER_PORT", flag: "port", \.port, help: "HTTP port"),
            .text("KAFKA_BOOTSTRAP_SERVERS", flag: "bootstrap-servers", \.bootstrapServers, help: "Kafka brokers, host:port[,host:port]"),
            .text("SCHEMA_REGISTRY_URL", flag: "schema-registry-url", \.schemaRegistryURL, help: "Schema Registry base URL"),
            .registryUserInfo(\.schemaRegistryUserInfo),
            .registryCAFile(\.schemaRegistryCAFile),
            .text("ORDER_DB_PATH", flag: "db-path", \.databasePath, help: "SQLite file of the store, unless ORDER_STORE_URL is set"),
            storeURL,
            .seconds(
                "KAFKA_SESSION_TIMEOUT", flag: "session-timeout", \.sessionTimeout,
                help: "consumer group session timeout; Tansu delays a group's first join by about half of it"),
            .seconds(
                "ORDER_FETCH_MAX_WAIT", flag: "fetch-max-wait", \.fetchMaximumWait,
                help: "longest wait of a fetch with no new record; bounds how soon an event is applied"),
            Setting(
                "ORDER_RETRY_DELAYS", flag: "retry-delays", \.retryPolicy.retryDelays,
                help: "waits before the retries of a processing failure; none dead-letters at once",
                valueName: "seconds,seconds,…|none", parse: retryDelays(from:), format: retryDelaysText(_:)),
            .seconds(
                "ORDER_RETRY_FOREVER_MAX_DELAY", flag: "retry-forever-max-delay", \.retryPolicy.infrastructureMaximumDelay,
                help: "longest wait between infrastructure retries"),
            .choice(
                "ORDER_OFFSET_RESET_POLICY", flag: "offset-reset-policy", \.offsetResetPolicy,
                ["stop": .stop, "reset-store": .resetStore],
                help: "what to do when the stored offsets lie beyond the broker's log end"),
            .text("ORDER_CONSUMER_GROUP", flag: "consumer-group", \.consumerGroup, help: "consumer group"),
            .text("ORDER_TOPIC", flag: "topic", \.topic, help: "topic of order events"),
            .text("ORDER_DLQ_TOPIC", flag: "dlq-topic", \.deadLetterTopic, help: "dead-letter topic"),
            .integer(
                "ORDER_BATCH_SIZE", flag: "batch-size", \.maximumBatchSize, in: 1...100_000, help: "most records per store transaction"),
            .seconds(
                "SCHEMA_REGISTRY_TIMEOUT", flag: "registry-timeout", \.registryRequestTimeout,
                help: "longest wait per Schema Registry request"),
            .seconds(
                "ORDER_UNKNOWN_SCHEMA_GRACE", flag: "unknown-schema-grace", \.unknownSchemaGrace,
                help: "how long records with a schema id the registry does not know are retried before they are dead-lettered"),
            .kafkaStatisticsInterval(\.kafkaStatisticsInterval),
            .logLevel(\.logging.level),
            .logFormat(\.logging.format),
            .logLabel(\.logging.label),
        ] + Setting.kafkaSecurity(\.kafkaSecurity) + Setting.httpSecurity(\.http),
        properties: .kafka(\.additionalKafkaConfig))

    /// `ORDER_STORE_URL`. Secret, since the URL may hold a password: an error names only the variable, and
    /// the value is shown with the password masked.
    private static let storeURL = Setting<OrderServiceConfiguration>(
        "ORDER_STORE_URL", flag: "store-url", \.storeURL,
        help:
            "the store: sqlite:PATH, or postgres://user:password@host:port/database[?sslmode=disable|prefer|require]; wins over ORDER_DB_PATH",
        valueName: "url", isSecret: true,
        read: { text throws(SettingProblem) in
            guard let location = OrderStoreLocation(url: text) else {
                throw SettingProblem("expected sqlite:PATH or postgres://user:password@host:port/database")
            }
            return location
        },
        format: { $0.map(\.description) ?? "sqlite: with ORDER_DB_PATH" })

    /// `2,5,10` → 2 s, 5 s, 10 s; `none` → no retry.
    @Sendable private static func retryDelays(from text: String) -> [Duration]? {
        if text == "none" { return [] }
        var delays: [Duration] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value >= 0, value < 86_400 else {
                return nil
            }
            delays.append(.milliseconds(Int64(value * 1000)))
        }
        return delays
    }

    @Sendable private static func retryDelaysText(_ delays: [Duration]) -> String {
        delays.isEmpty ? "none" : delays.map(SettingFormat.seconds).joined(separator: ",")
    }
}
