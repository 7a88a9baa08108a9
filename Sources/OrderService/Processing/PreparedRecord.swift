import Foundation
import Kafka
import OrderEvents
import ServiceSupport
import Tracing

/// A consumed record with what is known about it before the transaction.
struct PreparedRecord: Sendable {
    enum Content: Sendable {
        /// A decoded event, to be applied by the lifecycle rules.
        case event(OrderEvent)
        /// A record that goes to the dead-letter topic.
        case deadLetter(DeadLetterCategory, RecordFailure, retryCount: Int)
    }

    var message: KafkaConsumerMessage
    var content: Content
    /// The decoded event's type, kept when a failed event becomes a dead letter; `nil` for a record that
    /// could not be decoded.
    let eventType: OrderEventType?
    /// The trace context of the record's headers, parent of its spans; `nil` when tracing is off.
    let traceContext: ServiceContext?

    init(message: KafkaConsumerMessage, content: Content, traceContext: ServiceContext? = nil) {
        self.message = message
        self.content = content
        self.traceContext = traceContext
        if case .event(let event) = content { eventType = event.eventType } else { eventType = nil }
    }

    var partition: KafkaTopicPartition { message.topicPartition }

    /// The dead letter of this record: its bytes unchanged, why, where it came from, and its trace
    /// context headers (kept whether or not this service traces), so that it leads back to its request.
    func makeDeadLetter(_ category: DeadLetterCategory, _ failure: RecordFailure, retryCount: Int, at time: Date) -> DeadLetter {
        var orderId = message.keyString
        if case .event(let event) = content { orderId = event.orderId.rawValue }
        return DeadLetter(
            original: message.topicPartitionOffset, key: message.key, value: message.value, orderId: orderId,
            category: category, message: failure.message, retryCount: retryCount, timestamp: time,
            traceHeaders: message.headers.traceContextHeaders)
    }
}

/// A record whose failure holds its partition until a retry succeeds.
public struct Stall: Sendable {
    public let message: KafkaConsumerMessage
    /// `nil` when the record could not be decoded (yet).
    public let eventType: OrderEventType?
    public let failure: RecordFailure
    /// Retries made before the attempt that failed.
    public let retriesSoFar: Int
    /// How long to wait before the next attempt.
    public let delay: Duration
    public let category: DeadLetterCategory
}

/// What one pass of the pipeline did.
public struct PipelineResult: Sendable {
    /// For each partition with stored progress, the offset of its next record.
    public var committed: [KafkaTopicPartition: KafkaOffset] = [:]
    /// Partitions held at a record that must be retried.
    public var stalls: [KafkaTopicPartition: Stall] = [:]
    /// Events that created or changed an order, or found it already as asked.
    public var applied = 0
    /// Records newly dead-lettered (recorded in the store, to be published).
    public var deadLettered = 0
    /// Records the store had passed already (applied before a crash or a rebalance): not applied again.
    public var skipped = 0
}
