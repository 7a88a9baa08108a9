import Kafka
import Logging
import OrderEvents

/// Creates the platform's topics (``OrderTopics/layout(topic:deadLetterTopic:)``) that are missing.
///
/// Both services do it at start-up, whichever comes first, so the topics get the seed's partitions
/// and retention rather than the broker's defaults for auto-created topics; existing topics are left
/// as they are.
public struct PlatformTopics: Sendable {
    private let admin: KafkaAdmin
    private let topics: [KafkaNewTopic]
    private let logger: Logger

    public init(admin: KafkaAdmin, topic: String, deadLetterTopic: String, logger: Logger) {
        self.admin = admin
        self.topics = OrderTopics.layout(topic: topic, deadLetterTopic: deadLetterTopic).map {
            KafkaNewTopic(name: $0.name, partitionCount: $0.partitionCount, retention: $0.retention)
        }
        self.logger = logger
    }

    /// One attempt: creates the missing topics and logs each one it created.
    ///
    /// - Throws: the ``KafkaError`` of a broker that cannot be reached or refuses.
    public func ensure() async throws {
        for (name, result) in try await admin.createTopics(topics).sorted(by: { $0.key < $1.key }) where result == .created {
            logger.info("topic created", metadata: ["kafka.topic": "\(name)"])
        }
    }

    /// Attempts until one succeeds, waiting `delay(failures)` after each failure; returns early when the
    /// task is cancelled.
    public func ensureRetrying(delay: (_ failures: Int) -> Duration) async {
        var failures = 0
        while !Task.isCancelled {
            do {
                return try await ensure()
            } catch {
                failures += 1
                logger.warning("cannot create the topics yet, retrying", error: error)
                try? await Task.sleep(for: delay(failures))
            }
        }
    }
}
