/// One partition of one topic: the unit of assignment, pausing, seeking and committing.
public struct KafkaTopicPartition: Hashable, Sendable, CustomStringConvertible {
    public var topic: String
    public var partition: KafkaPartition

    public init(topic: String, partition: KafkaPartition) {
        self.topic = topic
        self.partition = partition
    }

    public var description: String { "\(topic)[\(partition)]" }
}

/// A partition with a position in it: where to start, what was committed, or where to seek.
public struct KafkaTopicPartitionOffset: Hashable, Sendable, CustomStringConvertible {
    public var topicPartition: KafkaTopicPartition
    public var offset: KafkaOffset

    public init(_ topicPartition: KafkaTopicPartition, offset: KafkaOffset) {
        self.topicPartition = topicPartition
        self.offset = offset
    }

    public init(topic: String, partition: KafkaPartition, offset: KafkaOffset) {
        self.init(KafkaTopicPartition(topic: topic, partition: partition), offset: offset)
    }

    public var topic: String { topicPartition.topic }
    public var partition: KafkaPartition { topicPartition.partition }
    public var description: String { "\(topicPartition)@\(offset)" }
}
