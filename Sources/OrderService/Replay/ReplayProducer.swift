import Kafka

/// Sends a replayed copy and returns where the broker stored it, after its acknowledgement.
///
/// A protocol so that tests can stop a replay between its recorded intent and the produce, as a crash
/// would.
public protocol ReplayProducer: Sendable {
    func produce(
        topic: String, partition: KafkaPartition, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]
    ) async throws -> KafkaTopicPartitionOffset
}

/// Replays through the service's acks=all producer (the dead-letter outbox's: one producer, one
/// connection set, flushed on shutdown).
struct KafkaReplayProducer: ReplayProducer {
    let producer: KafkaProducer

    func produce(
        topic: String, partition: KafkaPartition, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]
    ) async throws -> KafkaTopicPartitionOffset {
        let report = try await producer.send(topic: topic, partition: partition, key: key, value: Optional(value), headers: headers)
        return KafkaTopicPartitionOffset(topic: report.topic, partition: report.partition, offset: report.offset)
    }
}
