extension KafkaConsumer {
    /// The fetched batch being handed out, and the message the application is working on.
    struct Buffer {
        var messages: [KafkaConsumerMessage] = []
        var index = 0
        var epoch: UInt64 = 0
        var handedOut: KafkaConsumerMessage?
        /// The last offset of each partition in the batch handed out by ``KafkaConsumerBatches``.
        var handedOutBatch: [KafkaTopicPartition: KafkaConsumerMessage] = [:]
        var offsetStore = RDKafkaOffsetStore()
    }

    /// Fetches the next batch into the buffer; `false` once the consumer closed.
    func refillBuffer() async throws -> Bool {
        guard let batch = try await nextBatch() else { return false }
        buffered.withLock { buffer in
            buffer.messages = batch.messages
            buffer.index = 0
            buffer.epoch = batch.epoch
        }
        return true
    }

    /// The next buffered message, skipping those made stale by a seek since their batch was fetched.
    func takeBufferedMessage() -> KafkaConsumerMessage? {
        // Only auto-commit needs to know the message handed out (copying it costs reference counting).
        let tracksHandedOut = configuration.isAutoCommitEnabled
        return withFreshBuffer { buffer in
            let message = buffer.messages[buffer.index]
            buffer.index += 1
            if tracksHandedOut { buffer.handedOut = message }
            return message
        }
    }

    /// Everything buffered that a seek has not made stale, at once; `nil` when nothing is buffered.
    func takeBufferedBatch() -> [KafkaConsumerMessage]? {
        let tracksHandedOut = configuration.isAutoCommitEnabled
        return withFreshBuffer { buffer in
            let batch = buffer.index == 0 ? buffer.messages : Array(buffer.messages[buffer.index...])
            buffer.messages = []
            buffer.index = 0
            if tracksHandedOut {
                for message in batch { buffer.handedOutBatch[message.topicPartition] = message }
            }
            return batch
        }
    }

    /// Runs `body` on the buffer once stale messages are dropped, if any message is left.
    private func withFreshBuffer<T>(_ body: (inout Buffer) -> T) -> T? {
        let currentEpoch = seekEpoch.load(ordering: .acquiring)
        return buffered.withLock { buffer in
            guard buffer.index < buffer.messages.count else { return nil }
            if buffer.epoch != currentEpoch { dropSought(from: &buffer, currentEpoch: currentEpoch) }
            guard buffer.index < buffer.messages.count else { return nil }
            return body(&buffer)
        }
    }

    /// The application asked for the next message or batch, so it is done with the previous one: store
    /// the offsets for the next auto-commit.
    func finishHandedOutMessage() {
        guard configuration.isAutoCommitEnabled else { return }
        buffered.withLock { buffer in
            if let message = buffer.handedOut {
                buffer.handedOut = nil
                buffer.offsetStore.store(message, client: client, logger: logger)
            }
            for message in buffer.handedOutBatch.values {
                buffer.offsetStore.store(message, client: client, logger: logger)
            }
            buffer.handedOutBatch = [:]
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
