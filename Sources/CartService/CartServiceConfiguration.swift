import Foundation
import OrderEvents
import ServiceSettings
import ServiceSupport

/// Everything the Cart Service can be told. The executable fills it from flags and environment
/// variables (README lists them); the library never reads the environment.
public struct CartServiceConfiguration: Sendable {
    /// Interface to listen on. Default: `127.0.0.1` (use `0.0.0.0` in a container).
    public var host: String = "127.0.0.1"
    /// HTTP port. Default: 8000.
    public var port: Int = 8000
    /// Kafka brokers, `host:port[,host:port…]`. Default: `127.0.0.1:9092`.
    public var bootstrapServers: String = "127.0.0.1:9092"
    /// Base URL of a Confluent-compatible Schema Registry. Default: `http://127.0.0.1:8081`.
    public var schemaRegistryURL: String = "http://127.0.0.1:8081"
    /// `user:password` sent to the registry as HTTP basic auth, Confluent's `basic.auth.user.info`;
    /// empty sends none. Default: none.
    public var schemaRegistryUserInfo: String = ""
    /// PEM file of the CA certificates trusted for an `https` registry (`SCHEMA_REGISTRY_CA_FILE`);
    /// empty trusts the system's. Default: none.
    public var schemaRegistryCAFile: String = ""
    /// Longest wait for the broker's acknowledgement before answering 503. Default: 5 s.
    public var publishTimeout: Duration = .seconds(5)
    /// The topic that carries order events. Default: `order-events`.
    public var topic: String = "order-events"
    /// The dead-letter topic, ensured at start-up for the Order Service. Default: `order-events-dlq`.
    public var deadLetterTopic: String = OrderTopics.deadLetterTopic
    /// Currency of generated orders. Default: `USD`.
    public var currency: String = "USD"
    /// How often the broker connection is checked for `/health`. Default: 2 s.
    public var healthCheckInterval: Duration = .seconds(2)
    /// How often librdkafka's statistics refresh the `kafka_*` gauges of `/metrics`; `nil` turns them
    /// off. Default: 10 s.
    public var kafkaStatisticsInterval: Duration? = .seconds(10)
    /// Request limits.
    public var limits = CartLimits()
    /// Who may call the service, how often, and the server's connection limits. Default: open, no rate
    /// limit.
    public var http = HTTPSecuritySettings()
    /// How the process logs (`LOG_LEVEL`). Default: `info`.
    public var logging = LoggingSettings()
    /// Whether the service makes spans (a span per request and per published event, the trace context in each record's headers). Not a setting of
    /// the table: the executable sets it when the `OTEL_*` variables turn trace export on
    /// (``ServiceSupport/TracingSettings``); off, no span is started and no header written. Default: `false`.
    public var isTracingEnabled = false
    /// Raw librdkafka properties for the producer and the admin client (`KAFKA_CONFIG_<PROPERTY>`), applied
    /// over the typed settings (e.g. security settings). Default: none.
    public var additionalKafkaConfig: [String: String] = [:]
    /// How the Kafka clients authenticate and encrypt (`KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_*`, …).
    /// Default: plaintext.
    public var kafkaSecurity = KafkaSecuritySettings()

    /// What every Kafka client of the service is given: the security settings, then the raw properties.
    public var kafkaProperties: [String: String] { kafkaSecurity.properties(overriddenBy: additionalKafkaConfig) }

    public init() {}
}
