import Kafka
import Logging

/// The topics of the platform, with the seed's settings (section 3).
enum PlatformTopics {
    static func all(_ configuration: CartServiceConfiguration) -> [KafkaNewTopic] {
        [
            KafkaNewTopic(name: configuration.topic, partitionCount: 3, replicationFactor: 1, retention: .milliseconds(604_800_000)),
            KafkaNewTopic(
                name: configuration.deadLetterTopic, partitionCount: 1, replicationFactor: 1, retention: .milliseconds(2_592_000_000)),
        ]
    }

    /// Creates the topics that don't exist yet; existing topics are left as they are.
    static func ensure(configuration: CartServiceConfiguration, admin: KafkaAdmin, logger: Logger) async throws {
        let results = try await admin.createTopics(all(configuration))
        for (name, result) in results.sorted(by: { $0.key < $1.key }) {
            logger.info("topic \(name): \(result)", metadata: ["kafka.topic": "\(name)"])
        }
    }
}
