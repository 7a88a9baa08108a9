import Foundation
import Kafka
import Logging
import ServiceLifecycle
import Synchronization

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
    /// Where the consumer's statistics gauges go.
    private let metrics: OrderServiceMetrics
    private let logger: Logger
    /// The running read's stop signal, and whether ``startOver()`` asked for a new read.
    private let reading = Mutex<(stop: OneShotSignal?, isRestartRequested: Bool)>((nil, false))

    init(
        index: DeadLetterIndex, admin: KafkaAdmin, configuration: OrderServiceConfiguration, metrics: OrderServiceMetrics,
        logger: Logger
    ) {
        self.index = index
        self.admin = admin
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    func run() async throws {
        while let partitions = await waitForPartitions() {
            let stop = OneShotSignal()
            reading.withLock { $0.stop = stop }
            try await read(partitions, until: stop)
            let again = reading.withLock { state in
                defer { state = (nil, false) }
                return state.isRestartRequested
            }
            guard again, !Task.isCancelled, !Task.isShuttingDownGracefully else { return }
            index.removeAll()
            logger.info("reading the dead-letter topic again from its start: the broker's log was reset")
        }
    }

    /// The broker's log was reset (the order store was reset with it): the letters held are forgotten and
    /// the topic is read again from its new start, by a new consumer once the topic exists again. Seeking
    /// the running one is not enough: it may wait at its old position, which a broker may answer with
    /// nothing rather than "out of range", or on a topic that is being re-created.
    func startOver() {
        let stop = reading.withLock { state in
            state.isRestartRequested = true
            return state.stop
        }
        stop?.signal()
    }

    /// Reads with one consumer until the service stops or ``startOver()`` signals `stop`.
    private func read(_ partitions: [KafkaTopicPartition], until stop: OneShotSignal) async throws {
        var consumerConfiguration = KafkaConsumerConfiguration(
            consumptionStrategy: .partitions(partitions.map { KafkaTopicPartitionOffset($0, offset: .beginning) }),
            bootstrapServers: configuration.bootstrapServerList)
        consumerConfiguration.connection.clientID = "order-service-dlq-reader"
        consumerConfiguration.connection.statisticsInterval = configuration.kafkaStatisticsInterval
        consumerConfiguration.isAutoCommitEnabled = false
        consumerConfiguration.additionalConfig = configuration.kafkaProperties
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger, metricsFactory: metrics.kafkaMetricsFactory)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await consumer.run() }
            group.addTask {
                try await self.read(consumer, partitions: partitions)
                stop.signal()
            }
            group.addTask {
                await stop.wait()
                if self.reading.withLock({ $0.isRestartRequested }) { try await consumer.close() }
            }
        }
    }

    private func read(_ consumer: KafkaConsumer, partitions: [KafkaTopicPartition]) async throws {
        var remaining = Set(await nonEmpty(consumer, partitions))
        if remaining.isEmpty { markCaughtUp() }
        for try await message in consumer.messages {
            if !index.add(message) {
                logger.debug("dead letter seen twice, counted once", metadata: [OrderServiceLoggingKeys.offset: "\(message.offset)"])
            }
            // Caught up with a partition once a record reaches the log end its fetch reported.
            if remaining.contains(message.topicPartition),
                let end = consumer.cachedWatermarks(for: message.topicPartition)?.high, message.offset.next >= end
            {
                remaining.remove(message.topicPartition)
                if remaining.isEmpty { markCaughtUp() }
            }
        }
    }

    private func markCaughtUp() {
        index.markCaughtUp()
        let (total, _) = index.statistics
        logger.info("dead-letter topic read", metadata: ["dlq.total": "\(total)"])
    }

    /// The partitions that hold records now (an empty one is caught up from the start).
    private func nonEmpty(_ consumer: KafkaConsumer, _ partitions: [KafkaTopicPartition]) async -> [KafkaTopicPartition] {
        var result: [KafkaTopicPartition] = []
        for partition in partitions {
            do {
                let marks = try await consumer.watermarks(for: partition)
                if marks.high > marks.low { result.append(partition) }
            } catch {
                logger.info("cannot read the dead-letter topic's bounds; assuming records", error: error)
                result.append(partition)
            }
        }
        return result
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
                logger.info(
                    "waiting for the dead-letter topic", metadata: [OrderServiceLoggingKeys.topic: "\(configuration.deadLetterTopic)"])
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
