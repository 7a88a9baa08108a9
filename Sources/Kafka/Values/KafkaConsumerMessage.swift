#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A message read by a ``KafkaConsumer``; its bytes are copied out of librdkafka, so it lives on its own.
public struct KafkaConsumerMessage: Hashable, Sendable {
    public var topic: String
    public var partition: KafkaPartition
    public var offset: KafkaOffset
    public var key: [UInt8]?
    public var value: [UInt8]
    public var headers: [KafkaHeader]
    /// Create time or log-append time, whichever the topic uses; `nil` when the broker sent none.
    public var timestamp: Date?
    /// The message had no value at all (a tombstone, deleting its key from a compacted topic), as
    /// opposed to an empty value; ``value`` is then empty.
    public var isTombstone: Bool = false

    public init(
        topic: String,
        partition: KafkaPartition,
        offset: KafkaOffset,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        timestamp: Date? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    public var topicPartition: KafkaTopicPartition { KafkaTopicPartition(topic: topic, partition: partition) }

    /// The key decoded as UTF-8, `nil` when absent or not valid UTF-8.
    public var keyString: String? { key.flatMap { String(validating: $0, as: UTF8.self) } }
}
