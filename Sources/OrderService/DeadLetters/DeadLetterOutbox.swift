import Foundation
import Kafka
import Logging
import ServiceLifecycle

/// Publishes recorded dead letters to the dead-letter topic: an outbox.
///
/// The consumer records a dead letter in the same transaction as the offset that passes it, so the
/// decision is durable before anything is sent; this service then sends what is unpublished and
/// notes each acknowledgement. A crash between the broker's acknowledgement and that note sends
/// the letter again, which the dead-letter reader counts once (it keys letters by their original).
///
/// When the topic cannot be reached, publishing is retried forever with capped backoff (the
/// letters are safe in the store meanwhile), logged, and shown by `/health`.
final class DeadLetterOutbox: Service, Sendable {
    private let store: any OrderStore
    private let producer: KafkaProducer
    private let topic: String
    private let policy: RetryPolicy
    private let status: ConsumerStatusBoard
    private let logger: Logger
    private let wakeUp = WakeUpSignal()
    /// How often to look for unpublished letters without being woken (e.g. after a failed note).
    private let pollInterval: Duration = .seconds(5)

    init(
        store: any OrderStore, producer: KafkaProducer, topic: String, policy: RetryPolicy, status: ConsumerStatusBoard,
        logger: Logger
    ) {
        self.store = store
        self.producer = producer
        self.topic = topic
        self.policy = policy
        self.status = status
        self.logger = logger
    }

    /// New letters were recorded: publish them soon.
    func notify() { wakeUp.notify() }

    func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.producer.run() }
            // Unpublished letters stay in the store: the next start publishes them.
            group.addTask { await cancelWhenGracefulShutdown { await self.publishUntilShutdown() } }
        }
    }

    private func publishUntilShutdown() async {
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            if await publishPending() {
                failures = 0
                await wakeUp.wait(timeout: pollInterval)
            } else {
                // Backing off: new letters wait for the next attempt like the ones already pending.
                failures += 1
                try? await Task.sleep(for: policy.infrastructureDelay(afterFailures: failures))
            }
        }
    }

    /// Publishes every unpublished letter; false when some could not be published.
    private func publishPending() async -> Bool {
        while true {
            let letters: [DeadLetter]
            do {
                letters = try await store.unpublishedDeadLetters(limit: 500)
            } catch {
                return report(problem: "the store cannot be read: \(error.reason)", unpublished: nil, error: error)
            }
            guard !letters.isEmpty else {
                status.deadLetterPublishing(unpublished: 0, problem: nil)
                return true
            }
            status.deadLetterPublishing(unpublished: letters.count, problem: nil)
            let (published, failure) = await send(letters)
            do {
                try await store.markPublished(published)
            } catch {
                return report(problem: "acknowledged letters cannot be noted: \(error.reason)", unpublished: letters.count, error: error)
            }
            if let failure {
                return report(problem: "\(failure)", unpublished: letters.count - published.count, error: failure)
            }
        }
    }

    /// Sends the letters concurrently (they share the producer's batches); returns the acknowledged ones.
    private func send(_ letters: [DeadLetter]) async -> ([KafkaTopicPartitionOffset], (any Error)?) {
        await withTaskGroup(of: (KafkaTopicPartitionOffset, (any Error)?).self) { group in
            for letter in letters {
                group.addTask { [producer, topic] in
                    do {
                        _ = try await producer.send(
                            topic: topic, key: letter.key, value: Optional(letter.value), headers: letter.headers)
                        return (letter.original, nil)
                    } catch {
                        return (letter.original, error)
                    }
                }
            }
            var published: [KafkaTopicPartitionOffset] = []
            var failure: (any Error)?
            for await (original, error) in group {
                if let error { failure = error } else { published.append(original) }
            }
            if failure == nil {
                for letter in letters {
                    logger.info(
                        "dead letter published",
                        metadata: [
                            OrderServiceLoggingKeys.topic: "\(letter.original.topic)",
                            OrderServiceLoggingKeys.partition: "\(letter.original.partition)",
                            OrderServiceLoggingKeys.offset: "\(letter.original.offset)",
                            OrderServiceLoggingKeys.dlqCategory: "\(letter.category)",
                        ])
                }
            }
            return (published, failure)
        }
    }

    private func report(problem: String, unpublished: Int?, error: any Error) -> Bool {
        logger.warning(
            "dead letters cannot be published (RETRY_FOREVER), retrying",
            error: error, metadata: [OrderServiceLoggingKeys.topic: "\(topic)"])
        status.deadLetterPublishing(unpublished: unpublished ?? 0, problem: problem)
        return false
    }
}
