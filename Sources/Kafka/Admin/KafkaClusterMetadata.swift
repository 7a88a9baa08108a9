/// The cluster as one broker describes it: brokers, topics and their partitions' leaders and replicas.
public struct KafkaClusterMetadata: Hashable, Sendable {
    public struct Broker: Hashable, Sendable {
        public var id: Int32
        public var host: String
        public var port: Int
    }

    public struct Partition: Hashable, Sendable {
        public var id: KafkaPartition
        /// The broker ID of the leader; -1 while there is none.
        public var leader: Int32
        public var replicas: [Int32]
        public var inSyncReplicas: [Int32]
        /// Set when the broker reported a problem with this partition.
        public var error: RDKafkaCode?
    }

    public struct Topic: Hashable, Sendable {
        public var name: String
        public var partitions: [Partition]
        /// Set when the broker reported a problem with this topic (e.g. `unknownTopicOrPartition`).
        public var error: RDKafkaCode?
    }

    public var brokers: [Broker]
    public var topics: [Topic]
    /// The broker that answered.
    public var originatingBrokerID: Int32

    public func topic(named name: String) -> Topic? {
        topics.first { $0.name == name }
    }
}

/// One entry of a resource's configuration, as ``KafkaAdmin/describeTopicConfig(_:timeout:)`` returns it.
public struct KafkaConfigEntry: Hashable, Sendable {
    public var name: String
    /// `nil` for sensitive entries and entries without a value.
    public var value: String?
    /// Whether the value is the broker's default rather than set for this resource.
    public var isDefault: Bool
    public var isReadOnly: Bool
    public var isSensitive: Bool
}
