/// A topic to create with ``KafkaAdmin/createTopics(_:timeout:)``.
public struct KafkaNewTopic: Hashable, Sendable {
    /// What the broker does with old data in a topic.
    public struct CleanupPolicy: Hashable, Sendable {
        let value: String
        /// Drop segments older than the retention time (or beyond the retention size).
        public static let delete = CleanupPolicy(value: "delete")
        /// Keep the latest value per key; a tombstone removes the key. For state topics such as `_schemas`.
        public static let compact = CleanupPolicy(value: "compact")
        /// Compact, and also drop what is older than the retention time.
        public static let compactAndDelete = CleanupPolicy(value: "compact,delete")
    }

    public var name: String
    /// Default: 1
    public var partitionCount: Int = 1
    /// Default: 1 (a single-broker development cluster); use 3 in production.
    public var replicationFactor: Int = 1
    /// `retention.ms`; `nil` keeps the broker's default.
    /// Default: `nil`
    public var retention: Duration? = nil
    /// `cleanup.policy`; `nil` keeps the broker's default (`delete`).
    /// Default: `nil`
    public var cleanupPolicy: CleanupPolicy? = nil
    /// Other topic configs by their Kafka names (e.g. `min.insync.replicas`), applied after the typed ones.
    /// Default: `[:]`
    public var additionalConfig: [String: String] = [:]

    public init(
        name: String,
        partitionCount: Int = 1,
        replicationFactor: Int = 1,
        retention: Duration? = nil,
        cleanupPolicy: CleanupPolicy? = nil,
        additionalConfig: [String: String] = [:]
    ) {
        self.name = name
        self.partitionCount = partitionCount
        self.replicationFactor = replicationFactor
        self.retention = retention
        self.cleanupPolicy = cleanupPolicy
        self.additionalConfig = additionalConfig
    }

    /// The topic configs sent to the broker.
    var configs: [String: String] {
        var configs: [String: String] = [:]
        if let retention { configs["retention.ms"] = String(retention.inMilliseconds64) }
        if let cleanupPolicy { configs["cleanup.policy"] = cleanupPolicy.value }
        return configs.merging(additionalConfig) { _, raw in raw }
    }
}

/// What ``KafkaAdmin/createTopics(_:timeout:)`` did with a topic.
public enum KafkaTopicCreation: Hashable, Sendable {
    case created
    /// The topic existed already; its partitions and configs were left as they are.
    case alreadyExisted
}
