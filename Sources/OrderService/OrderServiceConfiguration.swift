import OrderEvents
import ServiceSettings
import ServiceSupport

/// Everything the Order Service can be told. The executable fills it from flags and environment
/// variables of the same meaning; the library never reads the environment.
public struct OrderServiceConfiguration: Sendable {
    /// Interface to listen on (`ORDER_HOST`). Default: `127.0.0.1` (use `0.0.0.0` in a container).
    public var host: String = "127.0.0.1"
    /// HTTP port (`ORDER_PORT`). Default: 8001.
    public var port: Int = 8001
    /// Kafka brokers, `host:port[,host:port…]` (`KAFKA_BOOTSTRAP_SERVERS`). Default: `127.0.0.1:9092`.
    public var bootstrapServers: String = "127.0.0.1:9092"
    /// Base URL of a Confluent-compatible Schema Registry (`SCHEMA_REGISTRY_URL`).
    /// Default: `http://127.0.0.1:8081`.
    public var schemaRegistryURL: String = "http://127.0.0.1:8081"
    /// `user:password` sent to the registry as HTTP basic auth (`SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO`),
    /// Confluent's `basic.auth.user.info`; empty sends none. Default: none.
    public var schemaRegistryUserInfo: String = ""
    /// PEM file of the CA certificates trusted for an `https` registry (`SCHEMA_REGISTRY_CA_FILE`);
    /// empty trusts the system's. Default: none.
    public var schemaRegistryCAFile: String = ""
    /// The SQLite file holding orders, consumed offsets and unpublished dead letters
    /// (`ORDER_DB_PATH`); its folder is created when missing. Default: `order-service.sqlite`.
    public var databasePath: String = "order-service.sqlite"
    /// Where the store is (`ORDER_STORE_URL`): `sqlite:PATH` or
    /// `postgres://user:password@host:port/database`. Wins over ``databasePath`` when set. Default: none,
    /// i.e. `sqlite:` with ``databasePath``.
    public var storeURL: OrderStoreLocation?

    /// The store in use: ``storeURL`` when set, else the SQLite file at ``databasePath``.
    public var storeLocation: OrderStoreLocation { storeURL ?? .sqlite(path: databasePath) }
    /// The consumer group (`ORDER_CONSUMER_GROUP`). Offsets committed to it are for lag tools only:
    /// the store's offsets are the truth. Default: `order-service`.
    public var consumerGroup: String = "order-service"
    /// The topic of order events (`ORDER_TOPIC`). Default: `order-events`.
    public var topic: String = OrderEventSchema.topic
    /// The dead-letter topic (`ORDER_DLQ_TOPIC`). Default: `order-events-dlq`.
    public var deadLetterTopic: String = OrderTopics.deadLetterTopic
    /// A group member silent this long loses its partitions (`KAFKA_SESSION_TIMEOUT`, seconds).
    /// Tansu also delays a group's first join by about half of it. Default: 10 s.
    public var sessionTimeout: Duration = .seconds(10)
    /// The longest the broker may hold a fetch while no new record is there
    /// (`ORDER_FETCH_MAX_WAIT`). Short, because a broker like Tansu answers only when it expires:
    /// it bounds how soon a new event is applied. Default: 20 ms (librdkafka's own is 500 ms).
    public var fetchMaximumWait: Duration = .milliseconds(20)
    /// Waits before the retries of a processing failure, and the backoff of infrastructure failures
    /// (`ORDER_RETRY_DELAYS`, `ORDER_RETRY_FOREVER_MAX_DELAY`). Default: 2 s, 5 s, 10 s; 1 s doubling to 30 s.
    public var retryPolicy = RetryPolicy()
    /// What to do when the stored offsets lie beyond the broker's log end, i.e. the broker lost its
    /// data (`ORDER_OFFSET_RESET_POLICY`: `stop` or `reset-store`). Default: `stop`.
    public var offsetResetPolicy: OffsetResetPolicy = .stop
    /// The most records applied in one store transaction. Larger is faster when catching up.
    /// Default: 2 000.
    public var maximumBatchSize: Int = 2_000
    /// The longest wait for the dead-letter topic to acknowledge a dead letter before retrying.
    /// Default: 10 s.
    public var deadLetterPublishTimeout: Duration = .seconds(10)
    /// The largest `limit` that `/dlq/messages` and `/getAllOrderIdsFromTopic` serve; larger asks are
    /// capped. Default: 1 000.
    public var maximumPageSize: Int = 1_000
    /// The longest wait for the Schema Registry per request (`SCHEMA_REGISTRY_TIMEOUT`). Default: 5 s.
    public var registryRequestTimeout: Duration = .seconds(5)
    /// How long records with a schema id the registry does not know are retried (holding their partition)
    /// before they are dead-lettered, in case another registry instance has not caught up yet
    /// (`ORDER_UNKNOWN_SCHEMA_GRACE`). Default: 10 s.
    public var unknownSchemaGrace: Duration = .seconds(10)
    /// The shipping rule. Default: 2 % of the total, half-up to cents.
    public var shipping = ShippingPolicy()
    /// Create the topics at start when missing (3 partitions and 7 days for events, 1 partition
    /// and 30 days for dead letters, as in the seed). Default: `true`.
    public var isTopicCreationEnabled: Bool = true
    /// How often librdkafka's statistics refresh the `kafka_*` gauges of `/metrics`
    /// (`KAFKA_STATISTICS_INTERVAL`); `nil` turns them off. Default: 10 s.
    public var kafkaStatisticsInterval: Duration? = .seconds(10)
    /// How the process logs (`LOG_LEVEL`). Default: `info`.
    public var logging = LoggingSettings()
    /// Whether the service makes spans (spans for decoding, applying and committing each consumed event, continuing the trace of its record's headers). Not a setting of
    /// the table: the executable sets it when the `OTEL_*` variables turn trace export on
    /// (``ServiceSupport/TracingSettings``); off, no span is started and no header written. Default: `false`.
    public var isTracingEnabled = false
    /// Who may call the service, how often, and the server's connection limits. Default: open, no rate
    /// limit.
    public var http = HTTPSecuritySettings()
    /// Raw librdkafka properties for the consumers, the producer and the admin client (`KAFKA_CONFIG_<PROPERTY>`),
    /// applied over the typed settings. Default: none.
    public var additionalKafkaConfig: [String: String] = [:]
    /// How the Kafka clients authenticate and encrypt (`KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_*`, …).
    /// Default: plaintext.
    public var kafkaSecurity = KafkaSecuritySettings()

    /// What every Kafka client of the service is given: the security settings, then the raw properties.
    public var kafkaProperties: [String: String] { kafkaSecurity.properties(overriddenBy: additionalKafkaConfig) }

    public init() {}
}

/// What the service does when its stored offsets lie beyond the broker's log end: the broker was
/// reset (e.g. the in-memory development broker restarted) and the store describes a log that no
/// longer exists.
public struct OffsetResetPolicy: Hashable, Sendable, CustomStringConvertible {
    fileprivate enum Backing: String, Sendable { case stop, resetStore = "reset-store" }
    fileprivate let backing: Backing

    /// Stop consuming and report it (log and `/health` 503); an operator decides. Nothing is lost.
    public static let stop = OffsetResetPolicy(backing: .stop)
    /// Delete the stored orders, offsets and dead letters, and consume the topic from its start.
    public static let resetStore = OffsetResetPolicy(backing: .resetStore)

    /// `stop` or `reset-store`; `nil` for anything else.
    public init?(rawValue: String) {
        guard let backing = Backing(rawValue: rawValue) else { return nil }
        self.backing = backing
    }

    private init(backing: Backing) {
        self.backing = backing
    }

    public var rawValue: String { backing.rawValue }
    public var description: String { backing.rawValue }
}
