import ServiceSupport

/// Settings of the registry server. The executable fills it from flags and environment variables;
/// the library never reads the environment.
public struct RegistryServerConfiguration: Sendable {
    /// The address to listen on. Loopback by default: the API can delete schemas, so another address
    /// needs credentials configured in ``http`` (or `ALLOW_UNAUTHENTICATED=true`) to start.
    ///
    /// Default: `127.0.0.1`
    public var host: String

    /// The port to listen on; 0 picks a free one (tests read it from `onServerRunning`).
    ///
    /// Default: 8081
    public var port: Int

    /// Where the state is kept.
    ///
    /// Default: `.kafka(bootstrapServers: "127.0.0.1:9092", topic: "_schemas")`
    public var storage: RegistryStorage

    /// The largest request body accepted; larger ones answer 413. Schemas are small; the limit keeps a
    /// client from making the server buffer arbitrary amounts.
    ///
    /// Default: 1 MiB
    public var maximumBodySize: Int

    /// How long a write waits for the store (append acknowledged and read back) before answering 50002.
    ///
    /// Default: 10 seconds
    public var storeTimeout: Duration

    /// Who may call the registry (API keys, also as the password of HTTP basic auth; JWT bearer tokens),
    /// how often, and the server's connection limits.
    ///
    /// Default: open, no rate limit
    public var http: HTTPSecuritySettings

    public init(
        host: String = "127.0.0.1",
        port: Int = 8081,
        storage: RegistryStorage = .kafka(),
        maximumBodySize: Int = 1 << 20,
        storeTimeout: Duration = .seconds(10),
        http: HTTPSecuritySettings = HTTPSecuritySettings()
    ) {
        self.host = host
        self.port = port
        self.storage = storage
        self.maximumBodySize = maximumBodySize
        self.storeTimeout = storeTimeout
        self.http = http
    }
}

/// Where the registry keeps its state.
public struct RegistryStorage: Sendable {
    enum Backing: Sendable {
        case kafka(RegistryKafkaStorage)
        case memory
    }

    let backing: Backing

    /// The compacted topic `topic` on the cluster at `bootstrapServers`, as Confluent Schema Registry
    /// does. State survives restarts and crashes; several instances may share the topic.
    /// - Parameters:
    ///   - kafkaProperties: librdkafka properties for its clients (security, …), applied last.
    ///   - statisticsInterval: how often librdkafka's statistics refresh the `kafka_*` gauges of
    ///     `/metrics`; `nil` turns them off.
    public static func kafka(
        bootstrapServers: String = "127.0.0.1:9092",
        topic: String = "_schemas",
        retryInterval: Duration = .seconds(1),
        kafkaProperties: [String: String] = [:],
        statisticsInterval: Duration? = .seconds(10)
    ) -> RegistryStorage {
        RegistryStorage(
            backing: .kafka(
                RegistryKafkaStorage(
                    bootstrapServers: bootstrapServers, topic: topic, retryInterval: retryInterval, kafkaProperties: kafkaProperties,
                    statisticsInterval: statisticsInterval)
            )
        )
    }

    /// In memory only: lost when the process ends. For tests and throwaway runs.
    public static let memory = RegistryStorage(backing: .memory)
}

/// The settings of Kafka storage.
struct RegistryKafkaStorage: Sendable {
    var bootstrapServers: String
    var topic: String
    /// How long to wait between attempts while the broker is not up yet.
    var retryInterval: Duration
    /// librdkafka properties for the admin client, the producer and the reader.
    var kafkaProperties: [String: String] = [:]
    /// How often the clients report librdkafka's statistics; `nil`: never.
    var statisticsInterval: Duration?

    /// What ``RegistryStorage/kafka(bootstrapServers:topic:retryInterval:)`` uses when not told.
    static var defaults: RegistryKafkaStorage {
        guard case .kafka(let storage) = RegistryStorage.kafka().backing else { preconditionFailure("kafka() is Kafka storage") }
        return storage
    }
}
