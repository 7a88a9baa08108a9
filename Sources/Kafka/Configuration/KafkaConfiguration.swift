/// Option types shared by the producer, consumer and admin configurations.
///
/// Each is a struct with static constants rather than an enum, so that new values can be added without
/// breaking anyone's `switch`; each knows its librdkafka spelling.
public enum KafkaConfiguration {
    /// How many replicas must have a message before the broker acknowledges it.
    public struct Acks: Hashable, Sendable {
        let value: String
        /// Every in-sync replica: no acknowledged message is lost while one replica survives.
        public static let all = Acks(value: "all")
        /// The partition leader only: faster, loses messages if the leader dies before replicating.
        public static let leader = Acks(value: "1")
        /// No acknowledgement at all. Incompatible with idempotence.
        public static let none = Acks(value: "0")
    }

    /// The codec for message batches; the broker stores batches compressed as sent.
    public struct Compression: Hashable, Sendable {
        let value: String
        public static let none = Compression(value: "none")
        public static let gzip = Compression(value: "gzip")
        public static let snappy = Compression(value: "snappy")
        public static let lz4 = Compression(value: "lz4")
        public static let zstd = Compression(value: "zstd")
    }

    /// Where a consumer starts in a partition that has no committed offset (or an out-of-range one).
    public struct AutoOffsetReset: Hashable, Sendable {
        let value: String
        /// The oldest retained message: nothing produced before the group's first start is skipped.
        public static let earliest = AutoOffsetReset(value: "earliest")
        /// Only messages produced after the consumer joined.
        public static let latest = AutoOffsetReset(value: "latest")
        /// Fail with an error message instead of guessing.
        public static let error = AutoOffsetReset(value: "error")
    }

    /// How partitions are spread over a group's members.
    public struct AssignmentStrategy: Hashable, Sendable {
        let value: String
        public static let range = AssignmentStrategy(value: "range")
        public static let roundRobin = AssignmentStrategy(value: "roundrobin")
        /// Incremental rebalancing: members keep their partitions while others move. Can't be mixed with
        /// the eager strategies in one group.
        public static let cooperativeSticky = AssignmentStrategy(value: "cooperative-sticky")
    }

    /// Which IP family to use for broker addresses that resolve to both.
    public struct IPAddressFamily: Hashable, Sendable {
        let value: String
        public static let any = IPAddressFamily(value: "any")
        public static let v4 = IPAddressFamily(value: "v4")
        public static let v6 = IPAddressFamily(value: "v6")
    }

    /// Settings every client has: where the cluster is and how to reach it.
    public struct ConnectionOptions: Sendable, Hashable {
        /// `host:port` of one or more brokers; the client learns the rest of the cluster from them.
        public var bootstrapServers: [String]
        /// Identifies this client in broker logs and quotas.
        /// Default: `"swift-kafka"`
        public var clientID: String = "swift-kafka"
        /// Default: `.any`
        public var ipAddressFamily: IPAddressFamily = .any
        /// The longest wait between reconnection attempts to a broker that is down; attempts start at
        /// 100 ms and back off exponentially up to this. Shorter means faster recovery after an outage.
        /// Default: 10 s
        public var reconnectBackoffMaximum: Duration = .seconds(10)
        /// A broker request without an answer in this time fails (and is retried where librdkafka can).
        /// Default: 60 s
        public var socketTimeout: Duration = .seconds(60)
        /// How often librdkafka emits statistics (see ``KafkaStatistics``); `nil` turns them off.
        /// Default: `nil`
        public var statisticsInterval: Duration? = nil

        public init(bootstrapServers: [String]) {
            self.bootstrapServers = bootstrapServers
        }

        var dictionary: [String: String] {
            var config: [String: String] = [
                "bootstrap.servers": bootstrapServers.joined(separator: ","),
                "client.id": clientID,
                "broker.address.family": ipAddressFamily.value,
                "reconnect.backoff.max.ms": String(reconnectBackoffMaximum.inMilliseconds),
                "socket.timeout.ms": String(socketTimeout.inMilliseconds),
            ]
            if let statisticsInterval {
                config["statistics.interval.ms"] = String(statisticsInterval.inMilliseconds)
            }
            return config
        }
    }
}
