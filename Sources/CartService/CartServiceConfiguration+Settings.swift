import Foundation
import ServiceSupport

/// A setting with a value that cannot be used.
public typealias CartServiceSettingsError = ServiceSettingsError

extension CartServiceConfiguration {
    /// The settings by their environment-variable names, each with what it sets. The executable takes
    /// each also as a flag of the same meaning; README lists them. Topic names are shared with the
    /// Order Service, so one environment configures both.
    public static let settingNames: [(name: String, meaning: String)] = [
        ("CART_HOST", "interface to listen on (default 127.0.0.1; 0.0.0.0 in a container)"),
        ("CART_PORT", "HTTP port (default 8000)"),
        ("KAFKA_BOOTSTRAP_SERVERS", "Kafka brokers, host:port[,host:port] (default 127.0.0.1:9092)"),
        ("SCHEMA_REGISTRY_URL", "Schema Registry base URL (default http://127.0.0.1:8081)"),
        ("CART_PUBLISH_TIMEOUT", "longest wait for the broker's acknowledgement before 503, seconds (default 5)"),
        ("CART_HEALTH_INTERVAL", "how often the broker is checked for /health, seconds (default 2)"),
        ("CART_MAX_ITEMS", "most items in one order (default 100)"),
        ("CART_MAX_BODY_BYTES", "largest request body; larger answers 413 (default 65536)"),
        ("CART_CURRENCY", "currency of generated orders (default USD)"),
        ("ORDER_TOPIC", "topic of order events (default order-events)"),
        ("ORDER_DLQ_TOPIC", "dead-letter topic, created at start-up if missing (default order-events-dlq)"),
    ]

    /// The configuration for these settings (keyed by ``settingNames``); absent ones keep their default.
    public init(settings: [String: String]) throws(CartServiceSettingsError) {
        self.init()
        let reader = SettingsReader(settings: settings)
        host = reader.text("CART_HOST") ?? host
        port = try reader.number("CART_PORT", { (1...65_535).contains($0) }) ?? port
        bootstrapServers = reader.text("KAFKA_BOOTSTRAP_SERVERS") ?? bootstrapServers
        schemaRegistryURL = reader.text("SCHEMA_REGISTRY_URL") ?? schemaRegistryURL
        publishTimeout = try reader.seconds("CART_PUBLISH_TIMEOUT") ?? publishTimeout
        healthCheckInterval = try reader.seconds("CART_HEALTH_INTERVAL") ?? healthCheckInterval
        limits.maximumItems = try reader.number("CART_MAX_ITEMS", { (1...10_000).contains($0) }) ?? limits.maximumItems
        limits.maximumBodySize = try reader.number("CART_MAX_BODY_BYTES", { (256...(64 << 20)).contains($0) }) ?? limits.maximumBodySize
        currency = reader.text("CART_CURRENCY") ?? currency
        topic = reader.text("ORDER_TOPIC") ?? topic
        deadLetterTopic = reader.text("ORDER_DLQ_TOPIC") ?? deadLetterTopic
    }
}
