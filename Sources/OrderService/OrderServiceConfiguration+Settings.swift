import Foundation
import ServiceSupport

/// A setting with a value that cannot be used.
public typealias OrderServiceSettingsError = ServiceSettingsError

extension OrderServiceConfiguration {
    /// The settings by their environment-variable names, each with what it sets. The executable
    /// takes each also as a flag of the same meaning; README lists them.
    public static let settingNames: [(name: String, meaning: String)] = [
        ("ORDER_HOST", "interface to listen on (default 127.0.0.1)"),
        ("ORDER_PORT", "HTTP port (default 8001)"),
        ("KAFKA_BOOTSTRAP_SERVERS", "Kafka brokers, host:port[,host:port] (default 127.0.0.1:9092)"),
        ("SCHEMA_REGISTRY_URL", "Schema Registry base URL (default http://127.0.0.1:8081)"),
        ("ORDER_DB_PATH", "SQLite file of the store (default order-service.sqlite)"),
        ("KAFKA_SESSION_TIMEOUT", "consumer group session timeout in seconds (default 10)"),
        ("ORDER_FETCH_MAX_WAIT", "longest wait of a fetch with no new record, seconds; bounds how soon an event is applied (default 0.02)"),
        ("ORDER_RETRY_DELAYS", "waits before the retries of a processing failure, seconds, comma-separated (default 2,5,10)"),
        ("ORDER_RETRY_FOREVER_MAX_DELAY", "longest wait between infrastructure retries, seconds (default 30)"),
        ("ORDER_OFFSET_RESET_POLICY", "stored offsets beyond the log end: stop or reset-store (default stop)"),
        ("ORDER_CONSUMER_GROUP", "consumer group (default order-service)"),
        ("ORDER_TOPIC", "topic of order events (default order-events)"),
        ("ORDER_DLQ_TOPIC", "dead-letter topic (default order-events-dlq)"),
        ("ORDER_BATCH_SIZE", "most records per store transaction (default 2000)"),
        ("SCHEMA_REGISTRY_TIMEOUT", "longest wait per registry request, seconds (default 5)"),
    ]

    /// The configuration for these settings (keyed by ``settingNames``); absent ones keep their default.
    public init(settings: [String: String]) throws(OrderServiceSettingsError) {
        self.init()
        let reader = SettingsReader(settings: settings)
        host = reader.text("ORDER_HOST") ?? host
        port = try reader.number("ORDER_PORT", { (1...65_535).contains($0) }) ?? port
        bootstrapServers = reader.text("KAFKA_BOOTSTRAP_SERVERS") ?? bootstrapServers
        schemaRegistryURL = reader.text("SCHEMA_REGISTRY_URL") ?? schemaRegistryURL
        databasePath = reader.text("ORDER_DB_PATH") ?? databasePath
        sessionTimeout = try reader.seconds("KAFKA_SESSION_TIMEOUT") ?? sessionTimeout
        fetchMaximumWait = try reader.seconds("ORDER_FETCH_MAX_WAIT") ?? fetchMaximumWait
        if let delays = reader.text("ORDER_RETRY_DELAYS") {
            retryPolicy.retryDelays = try Self.delays(delays)
        }
        retryPolicy.infrastructureMaximumDelay = try reader.seconds("ORDER_RETRY_FOREVER_MAX_DELAY") ?? retryPolicy.infrastructureMaximumDelay
        if let policy = reader.text("ORDER_OFFSET_RESET_POLICY") {
            guard let parsed = OffsetResetPolicy(rawValue: policy) else {
                throw OrderServiceSettingsError(description: "ORDER_OFFSET_RESET_POLICY='\(policy)': use stop or reset-store")
            }
            offsetResetPolicy = parsed
        }
        consumerGroup = reader.text("ORDER_CONSUMER_GROUP") ?? consumerGroup
        topic = reader.text("ORDER_TOPIC") ?? topic
        deadLetterTopic = reader.text("ORDER_DLQ_TOPIC") ?? deadLetterTopic
        maximumBatchSize = try reader.number("ORDER_BATCH_SIZE", { (1...100_000).contains($0) }) ?? maximumBatchSize
        registryRequestTimeout = try reader.seconds("SCHEMA_REGISTRY_TIMEOUT") ?? registryRequestTimeout
    }

    /// `2,5,10` → 2 s, 5 s, 10 s; an empty list (`none`) dead-letters processing failures at once.
    private static func delays(_ text: String) throws(OrderServiceSettingsError) -> [Duration] {
        if text == "none" { return [] }
        var delays: [Duration] = []
        for part in text.split(separator: ",") {
            guard let value = Double(part.trimmingCharacters(in: .whitespaces)), value >= 0, value < 86_400 else {
                throw OrderServiceSettingsError(description: "ORDER_RETRY_DELAYS='\(text)': use seconds such as 2,5,10")
            }
            delays.append(.milliseconds(Int64(value * 1000)))
        }
        return delays
    }
}
