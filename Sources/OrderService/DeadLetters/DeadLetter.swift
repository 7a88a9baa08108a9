import Foundation
import Kafka

/// A record that could not be applied, with why, as it goes to (and comes back from) the
/// dead-letter topic.
///
/// Key and value are the original record's bytes, unchanged, so that a dead letter can be replayed
/// to `order-events` as it was; the metadata of seed 6.3 travels in record headers
/// (``DeadLetter+Headers``).
public struct DeadLetter: Sendable, Hashable {
    /// Where the original record was: the identity of a dead letter. Each original is
    /// dead-lettered at most once (the store's primary key, the reader's deduplication).
    public var original: KafkaTopicPartitionOffset
    public var key: [UInt8]?
    public var value: [UInt8]
    /// The order the record belongs to, as far as known (the key when the value did not decode).
    public var orderId: String?
    public var category: DeadLetterCategory
    public var message: String
    /// How many times applying the record was retried before giving up (0 for `NO_RETRY_DLQ`).
    public var retryCount: Int
    /// When the record was dead-lettered.
    public var timestamp: Date
    /// The original record's `traceparent` and `tracestate` headers, unchanged: the dead letter carries them
    /// too, so that a trace view leads from the failure back to the request. Empty when it had none.
    public var traceHeaders: [KafkaHeader]

    public init(
        original: KafkaTopicPartitionOffset,
        key: [UInt8]?,
        value: [UInt8],
        orderId: String?,
        category: DeadLetterCategory,
        message: String,
        retryCount: Int,
        timestamp: Date,
        traceHeaders: [KafkaHeader] = []
    ) {
        self.original = original
        self.key = key
        self.value = value
        self.orderId = orderId
        self.category = category
        self.message = message
        self.retryCount = retryCount
        self.timestamp = timestamp
        self.traceHeaders = traceHeaders
    }
}
