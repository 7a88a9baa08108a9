#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where the broker stored an acknowledged message.
public struct KafkaDeliveryReport: Hashable, Sendable {
    public var messageID: KafkaProducerMessageID
    public var topic: String
    public var partition: KafkaPartition
    public var offset: KafkaOffset
    /// The message's timestamp (create time set by the producer, or log-append time set by the broker).
    public var timestamp: Date?

    public init(
        messageID: KafkaProducerMessageID,
        topic: String,
        partition: KafkaPartition,
        offset: KafkaOffset,
        timestamp: Date?
    ) {
        self.messageID = messageID
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.timestamp = timestamp
    }
}
