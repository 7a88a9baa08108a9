import CRdKafka
import Logging

/// Stores the offsets of messages the application is done with, for the next auto-commit
/// (`enable.auto.offset.store` is off). One `rd_kafka_offset_store` per message needs no partition list;
/// the last topic handle is cached because consecutive messages mostly share a topic.
struct RDKafkaOffsetStore {
    private var topic = ""
    private var handle: SendableOpaquePointer?

    mutating func store(_ message: KafkaConsumerMessage, client: RDKafkaClient, logger: Logger) {
        if handle == nil || topic != message.topic {
            guard let newHandle = try? client.topicHandle(message.topic) else { return }
            topic = message.topic
            handle = SendableOpaquePointer(newHandle)
        }
        let code = rd_kafka_offset_store(handle?.pointer, message.partition.rawValue, message.offset.rawValue + 1)
        // _STATE: the partition was revoked meanwhile, so its offset is no longer ours to store.
        if code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR__STATE {
            logger.debug("storing an offset failed", error: KafkaError.rdKafka(code, context: "offset store"))
        }
    }
}
