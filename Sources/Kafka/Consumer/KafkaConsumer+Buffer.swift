import CRdKafka
import Logging

extension KafkaConsumer {
    /// The fetched batch being handed out, and the message the application is working on.
    struct Buffer {
        var messages: [KafkaConsumerMessage] = []
        var index = 0
        var epoch: UInt64 = 0
        var handedOut: KafkaConsumerMessage?
        var offsetStore = OffsetStore()
    }

    func buffer(_ batch: [KafkaConsumerMessage], fetchedAtEpoch epoch: UInt64) {
        buffered.withLock { buffer in
            buffer.messages = batch
            buffer.index = 0
            buffer.epoch = epoch
        }
    }

    /// The next buffered message, skipping those made stale by a seek since their batch was fetched.
    func takeBufferedMessage() -> KafkaConsumerMessage? {
        let currentEpoch = seekEpoch.load(ordering: .acquiring)
        // Only auto-commit needs to know the message handed out (copying it costs reference counting).
        let tracksHandedOut = configuration.isAutoCommitEnabled
        return buffered.withLock { buffer in
            guard buffer.index < buffer.messages.count else { return nil }
            if buffer.epoch != currentEpoch { dropSought(from: &buffer, currentEpoch: currentEpoch) }
            guard buffer.index < buffer.messages.count else { return nil }
            let message = buffer.messages[buffer.index]
            buffer.index += 1
            if tracksHandedOut { buffer.handedOut = message }
            return message
        }
    }

    /// The application asked for the next message, so it is done with the previous one: store its offset
    /// for the next auto-commit.
    func finishHandedOutMessage() {
        guard configuration.isAutoCommitEnabled else { return }
        buffered.withLock { buffer in
            guard let message = buffer.handedOut else { return }
            buffer.handedOut = nil
            buffer.offsetStore.store(message, client: client, logger: logger)
        }
    }

    private func dropSought(from buffer: inout Buffer, currentEpoch: UInt64) {
        let since = buffer.epoch
        let sought = state.withLock { state in Set(state.lastSeek.filter { $0.value > since }.keys) }
        buffer.messages = buffer.messages[buffer.index...].filter { !sought.contains($0.topicPartition) }
        buffer.index = 0
        buffer.epoch = currentEpoch
    }
}

/// Stores offsets per message with `rd_kafka_offset_store` (no list allocation), caching the last topic
/// handle because consecutive messages mostly share a topic.
struct OffsetStore {
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
