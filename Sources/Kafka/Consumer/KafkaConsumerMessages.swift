/// The messages of a ``KafkaConsumer``: an `AsyncSequence` that fetches in batches and hands them out one
/// by one.
///
/// The batch buffer belongs to the consumer, not to the iterator: leaving a `for try await` loop early and
/// iterating again later continues with the next message, nothing buffered is lost. Iterate from one task
/// at a time.
///
/// With auto-commit on, a message's offset is stored for the next commit when the iteration asks for the
/// message after it, i.e. once the loop body finished with it; a crash replays at most that message.
public struct KafkaConsumerMessages: AsyncSequence, Sendable {
    public typealias Element = KafkaConsumerMessage
    let consumer: KafkaConsumer

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(consumer: consumer)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let consumer: KafkaConsumer

        public mutating func next() async throws -> KafkaConsumerMessage? {
            consumer.finishHandedOutMessage()
            while true {
                if let next = consumer.takeBufferedMessage() { return next }
                guard try await consumer.refillBuffer() else { return nil }
            }
        }
    }
}
