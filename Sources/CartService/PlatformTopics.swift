import Kafka
import Logging
import OrderEvents

/// Creates the platform's topics (``OrderTopics``) that are missing.
enum PlatformTopics {
    static func all(_ configuration: CartServiceConfiguration) -> [KafkaNewTopic] {
        OrderTopics.layout(topic: configuration.topic, deadLetterTopic: configuration.deadLetterTopic).map {
            KafkaNewTopic(name: $0.name, partitionCount: $0.partitionCount, retention: $0.retention)
        }
    }

    /// Creates the topics that don't exist yet; existing topics are left as they are.
    static func ensure(configuration: CartServiceConfiguration, admin: KafkaAdmin, logger: Logger) async throws {
        let results = try await admin.createTopics(all(configuration))
        for (name, result) in results.sorted(by: { $0.key < $1.key }) {
            logger.info("topic \(name): \(result)", metadata: ["kafka.topic": "\(name)"])
        }
    }
}
