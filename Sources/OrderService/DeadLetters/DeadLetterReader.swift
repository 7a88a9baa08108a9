import Foundation
import Kafka
import Logging
import ServiceLifecycle

/// Reads the dead-letter topic from its start, for as long as the service runs, into a
/// ``DeadLetterIndex``: `/dlq/stats` and `/dlq/messages` are answered from the topic itself, so
/// they survive restarts and include every instance's letters.
///
/// Reads assigned partitions without a group: every instance reads everything, and reading commits
/// nothing.
final class DeadLetterReader: Service, Sendable {
    private let index: DeadLetterIndex
    private let admin: KafkaAdmin
    private let configuration: OrderServiceConfiguration
    private let logger: Logger

    init(index: DeadLetterIndex, admin: KafkaAdmin, configuration: OrderServiceConfiguration, logger: Logger) {
        self.index = index
        self.admin = admin
        self.configuration = configuration
        self.logger = logger
    }

    func run() async throws {
        guard let partitions = await waitForPartitions() else { return }
        var consumerConfiguration = KafkaConsumerConfiguration(
            consumptionStrategy: .partitions(partitions.map { KafkaTopicPartitionOffset($0, offset: .beginning) }),
            bootstrapServers: configuration.bootstrapServerList)
        consumerConfiguration.connection.clientID = "order-service-dlq-reader"
        consumerConfiguration.isAutoCommitEnabled = false
        consumerConfiguration.additionalConfig = configuration.additionalKafkaConfig
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await consumer.run() }
            group.addTask { try await self.read(consumer, partitions: partitions) }
        }
    }

    private func read(_ consumer: KafkaConsumer, partitions: [KafkaTopicPartition]) async throws {
        var remaining = await endOffsets(consumer, partitions)
        if remaining.isEmpty { markCaughtUp() }
        for try await message in consumer.messages {
            if !index.add(message) {
                logger.debug(
                    "dead letter seen twice, counted once",
                    metadata: [OrderServiceLoggingKeys.offset: "\(message.offset)"])
            }
            if let end = remaining[message.topicPartition], message.offset.next >= end {
                remaining[message.topicPartition] = nil
                if remaining.isEmpty { markCaughtUp() }
            }
        }
    }

    private func markCaughtUp() {
        index.markCaughtUp()
        let (total, _) = index.statistics
        logger.info("dead-letter topic read", metadata: ["dlq.total": "\(total)"])
    }

    /// The log end of each non-empty partition as it is now: reading up to it means caught up.
    private func endOffsets(_ consumer: KafkaConsumer, _ partitions: [KafkaTopicPartition]) async -> [KafkaTopicPartition: KafkaOffset] {
        var ends: [KafkaTopicPartition: KafkaOffset] = [:]
        for partition in partitions {
            do {
                let marks = try await consumer.watermarks(for: partition)
                if marks.high > marks.low { ends[partition] = marks.high }
            } catch {
                logger.info("cannot read the dead-letter topic's end; reporting caught up when reading", error: error)
            }
        }
        return ends
    }

    /// The topic's partitions, once it exists (another instance or the Cart Service may create it).
    private func waitForPartitions() async -> [KafkaTopicPartition]? {
        var delay = Duration.milliseconds(200)
        while !Task.isCancelled {
            do {
                let metadata = try await admin.metadata()
                if let topic = metadata.topic(named: configuration.deadLetterTopic), topic.error == nil,
                    !topic.partitions.isEmpty
                {
                    return topic.partitions.map { KafkaTopicPartition(topic: topic.name, partition: $0.id) }
                }
                logger.info("waiting for the dead-letter topic", metadata: [OrderServiceLoggingKeys.topic: "\(configuration.deadLetterTopic)"])
            } catch {
                logger.info("cannot read the cluster's metadata, retrying", error: error)
            }
            let wait = delay
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
            } catch {
                return nil
            }
            delay = min(delay * 2, .seconds(5))
        }
        return nil
    }
}

extension OrderServiceConfiguration {
    /// ``bootstrapServers`` as the list the Kafka clients take.
    var bootstrapServerList: [String] {
        bootstrapServers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
