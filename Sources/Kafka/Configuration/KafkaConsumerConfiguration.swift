/// Settings of a ``KafkaConsumer``.
public struct KafkaConsumerConfiguration: Sendable, Hashable {
    /// Whether the consumer joins a group (partitions shared among members, offsets committed to the
    /// group) or reads partitions it names itself.
    public struct ConsumptionStrategy: Sendable, Hashable {
        enum Backing: Sendable, Hashable {
            case group(id: String, topics: [String])
            case partitions([KafkaTopicPartitionOffset], groupID: String?)
        }

        let backing: Backing

        /// Join the consumer group `id` and share the partitions of `topics` with its other members.
        public static func group(id: String, topics: [String]) -> ConsumptionStrategy {
            ConsumptionStrategy(backing: .group(id: id, topics: topics))
        }

        /// Read exactly these partitions from these offsets, without a group's rebalancing. Give a
        /// `groupID` only to commit offsets (`.stored` then resumes from them).
        public static func partitions(
            _ partitions: [KafkaTopicPartitionOffset],
            groupID: String? = nil
        ) -> ConsumptionStrategy {
            ConsumptionStrategy(backing: .partitions(partitions, groupID: groupID))
        }

        var groupID: String? {
            switch backing {
            case .group(let id, _): id
            case .partitions(_, let groupID): groupID
            }
        }
    }

    /// Where the cluster is and how to reach it.
    public var connection: KafkaConfiguration.ConnectionOptions
    public var consumptionStrategy: ConsumptionStrategy
    /// A member silent for this long is removed from the group and its partitions reassigned. Tansu
    /// also delays a group's first join by about half of it, so keep it short in tests.
    /// Default: 45 s
    public var sessionTimeout: Duration = .seconds(45)
    /// Default: 3 s
    public var heartbeatInterval: Duration = .seconds(3)
    /// A member that does not ask for messages for this long is considered stuck and leaves the group.
    /// Default: 300 s
    public var maximumPollInterval: Duration = .seconds(300)
    /// Commit, every `autoCommitInterval`, the offsets of messages the application has finished with.
    /// A message counts as finished when the iteration asks for the next one, so a crash replays at most
    /// the message being handled (at-least-once). Turn it off to commit explicitly with `commit`.
    /// Default: `true`
    public var isAutoCommitEnabled: Bool = true
    /// Default: 5 s
    public var autoCommitInterval: Duration = .seconds(5)
    /// Starting at the earliest message by default: a new group must not skip events produced before it
    /// first started.
    /// Default: `.earliest`
    public var autoOffsetReset: KafkaConfiguration.AutoOffsetReset = .earliest
    /// Default: `[.range, .roundRobin]`
    public var partitionAssignmentStrategy: [KafkaConfiguration.AssignmentStrategy] = [.range, .roundRobin]
    /// Static membership: a member that restarts within `sessionTimeout` keeps its partitions.
    /// Default: `nil`
    public var groupInstanceID: String? = nil
    /// The most messages taken from librdkafka in one batch by the message sequence.
    /// Default: 1 000
    public var batchSize: Int = 1_000
    /// The longest the broker holds a fetch request while waiting for data.
    /// Default: 500 ms
    public var fetchMaximumWait: Duration = .milliseconds(500)
    /// How long fetching pauses when librdkafka's local queue is full (`fetch.queue.backoff.ms`).
    /// librdkafka's 1 s default starves a fast reader: measured on Tansu, 1M messages of 300 bytes were
    /// read at 0.29M msg/s with it, 0.67M msg/s with 50 ms.
    /// Default: 50 ms
    public var fetchQueueBackoff: Duration = .milliseconds(50)
    /// The longest an `onPartitionsAssigned`/`onPartitionsRevoked` hook may run; past it the consumer
    /// proceeds without the hook's answer (assigned partitions then start from committed offsets).
    /// Default: 30 s
    public var rebalanceHookTimeout: Duration = .seconds(30)
    /// Raw librdkafka properties (see its CONFIGURATION.md), applied last so they override typed settings.
    /// Default: `[:]`
    public var additionalConfig: [String: String] = [:]

    public init(consumptionStrategy: ConsumptionStrategy, bootstrapServers: [String]) {
        self.consumptionStrategy = consumptionStrategy
        self.connection = KafkaConfiguration.ConnectionOptions(bootstrapServers: bootstrapServers)
    }

    /// The librdkafka properties for these settings.
    var dictionary: [String: String] {
        var config = connection.dictionary
        if let groupID = consumptionStrategy.groupID {
            config["group.id"] = groupID
        }
        config["session.timeout.ms"] = String(sessionTimeout.inMilliseconds)
        config["heartbeat.interval.ms"] = String(heartbeatInterval.inMilliseconds)
        config["max.poll.interval.ms"] = String(maximumPollInterval.inMilliseconds)
        config["enable.auto.commit"] = String(isAutoCommitEnabled)
        config["auto.commit.interval.ms"] = String(autoCommitInterval.inMilliseconds)
        // Offsets are stored by the message sequence when the application moves past a message, never by
        // librdkafka when a batch is fetched (that would commit messages the application has not seen).
        config["enable.auto.offset.store"] = "false"
        config["auto.offset.reset"] = autoOffsetReset.value
        config["partition.assignment.strategy"] = partitionAssignmentStrategy.map(\.value).joined(separator: ",")
        if let groupInstanceID {
            config["group.instance.id"] = groupInstanceID
        }
        config["fetch.wait.max.ms"] = String(fetchMaximumWait.inMilliseconds)
        config["fetch.queue.backoff.ms"] = String(fetchQueueBackoff.inMilliseconds)
        config.merge(additionalConfig) { _, raw in raw }
        return config
    }
}
