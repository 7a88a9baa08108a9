/// The messages of a ``KafkaConsumer`` a fetched batch at a time: an `AsyncSequence` of non-empty arrays.
///
/// Shares the consumer's buffer with ``KafkaConsumerMessages``: a batch holds what is buffered and not
/// made stale by a seek. With auto-commit on, the offsets of a batch are stored for the next commit when
/// the iteration asks for the batch after it.
public struct KafkaConsumerBatches: AsyncSequence, Sendable {
    public typealias Element = [KafkaConsumerMessage]
    let consumer: KafkaConsumer

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(consumer: consumer)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let consumer: KafkaConsumer

        public mutating func next() async throws -> [KafkaConsumerMessage]? {
            consumer.finishHandedOutMessage()
            while true {
                if let next = consumer.takeBufferedBatch() { return next }
                guard try await consumer.refillBuffer() else { return nil }
            }
        }
    }
}
