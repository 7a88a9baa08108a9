import Foundation
import JSONOutput
import Kafka
import OrderEvents
import ServiceSupport

/// The header names of a dead letter: the field names of the seed's DLQ message (6.3), so that
/// tools written for the seed find them.
public enum DeadLetterHeader {
    public static let errorCategory = "error_category"
    public static let errorMessage = "error_message"
    public static let retryCount = "retry_count"
    public static let timestamp = "timestamp"
    public static let originalTopic = "original_topic"
    public static let originalPartition = "original_partition"
    public static let originalOffset = "original_offset"
    public static let orderId = "orderId"
}

extension DeadLetter {
    /// The metadata as record headers (UTF-8 text values).
    public var headers: [KafkaHeader] {
        var headers = [
            KafkaHeader(key: DeadLetterHeader.errorCategory, value: category.rawValue),
            KafkaHeader(key: DeadLetterHeader.errorMessage, value: message),
            KafkaHeader(key: DeadLetterHeader.retryCount, value: String(retryCount)),
            KafkaHeader(key: DeadLetterHeader.timestamp, value: ISO8601.format(timestamp)),
            KafkaHeader(key: DeadLetterHeader.originalTopic, value: original.topic),
            KafkaHeader(key: DeadLetterHeader.originalPartition, value: String(original.partition.rawValue)),
            KafkaHeader(key: DeadLetterHeader.originalOffset, value: String(original.offset.rawValue)),
        ]
        if let orderId { headers.append(KafkaHeader(key: DeadLetterHeader.orderId, value: orderId)) }
        headers += traceHeaders
        return headers
    }

    /// Reads a record of the dead-letter topic back.
    ///
    /// Headers come from the network and anyone may write to the topic: a record that lacks our
    /// metadata is still shown and counted, under its own coordinates and the category `UNKNOWN`
    /// rather than dropped, so that `/dlq/stats` counts every record of the topic.
    /// - Returns: the dead letter and its category text (kept as text: another writer may use
    ///   categories of its own).
    public static func read(from message: KafkaConsumerMessage) -> (letter: DeadLetter, category: String) {
        let headers = message.headers
        func text(_ name: String) -> String? { headers.last(named: name)?.stringValue }
        let categoryText = text(DeadLetterHeader.errorCategory) ?? "UNKNOWN"
        let original = originalPosition(in: headers) ?? message.topicPartitionOffset
        let letter = DeadLetter(
            original: original,
            key: message.key,
            value: message.value,
            orderId: text(DeadLetterHeader.orderId) ?? message.keyString,
            category: DeadLetterCategory(rawValue: categoryText) ?? .noRetry,
            message: text(DeadLetterHeader.errorMessage) ?? "",
            retryCount: text(DeadLetterHeader.retryCount).flatMap { Int($0) } ?? 0,
            timestamp: text(DeadLetterHeader.timestamp).flatMap(ISO8601.parse) ?? message.timestamp ?? Date(timeIntervalSince1970: 0),
            traceHeaders: headers.traceContextHeaders
        )
        return (letter, categoryText)
    }

    private static func originalPosition(in headers: [KafkaHeader]) -> KafkaTopicPartitionOffset? {
        guard let topic = headers.last(named: DeadLetterHeader.originalTopic)?.stringValue,
            let partitionText = headers.last(named: DeadLetterHeader.originalPartition)?.stringValue,
            let partitionNumber = Int(partitionText), let partition = KafkaPartition(validating: partitionNumber),
            let offsetText = headers.last(named: DeadLetterHeader.originalOffset)?.stringValue,
            let offset = Int64(offsetText), offset >= 0
        else { return nil }
        return KafkaTopicPartitionOffset(topic: topic, partition: partition, offset: KafkaOffset(rawValue: offset))
    }
}

extension KafkaConsumerMessage {
    /// This record's own coordinates.
    var topicPartitionOffset: KafkaTopicPartitionOffset {
        KafkaTopicPartitionOffset(topic: topic, partition: partition, offset: offset)
    }
}
