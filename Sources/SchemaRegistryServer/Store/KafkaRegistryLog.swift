import Foundation
import Kafka
import Logging
import Metrics
import SchemaRegistry
import ServiceLifecycle
import Synchronization

/// The `_schemas` topic as a ``RegistryLog``: one partition (a total order of all writes), compacted
/// (the last value per key is all a restart needs), written with acks=all by an idempotent producer and
/// read from the beginning by a consumer without a group.
///
/// The clients are created in ``prepare()``, which waits for the broker: a registry started before its
/// broker keeps trying and says so in the log, instead of failing.
final class KafkaRegistryLog: RegistryLog {
    let settings: RegistryKafkaStorage
    /// Where the clients' statistics gauges go.
    let metricsFactory: any MetricsFactory
    let logger: Logger
    private let clients = Mutex<Clients?>(nil)

    private struct Clients: Sendable {
        var producer: KafkaProducer
        var consumer: KafkaConsumer
    }

    private var partition: KafkaTopicPartition { KafkaTopicPartition(topic: settings.topic, partition: 0) }

    init(settings: RegistryKafkaStorage, metricsFactory: any MetricsFactory, logger: Logger) throws {
        self.settings = settings
        self.metricsFactory = metricsFactory
        var logger = logger
        logger[metadataKey: RegistryLoggingKeys.topic] = "\(settings.topic)"
        self.logger = logger
    }

    func prepare() async throws {
        try await createTopicWhenBrokerIsUp()
        let consumer = try KafkaConsumer(configuration: consumerConfiguration(), logger: logger, metricsFactory: metricsFactory)
        let producer = try KafkaProducer(configuration: producerConfiguration(), logger: logger, metricsFactory: metricsFactory)
        clients.withLock { $0 = Clients(producer: producer, consumer: consumer) }
    }

    /// Creates the topic (or finds it), retrying every `retryInterval` until the broker answers. Only a
    /// configuration that can never work (bad settings, a librdkafka too old) ends the attempts.
    private func createTopicWhenBrokerIsUp() async throws {
        let admin = try KafkaAdmin(configuration: adminConfiguration(), logger: logger)
        let topic = KafkaNewTopic(name: settings.topic, partitionCount: 1, cleanupPolicy: .compact)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let outcome = try await admin.createTopic(topic, timeout: .seconds(5))
                logger.info("Schemas topic ready", metadata: ["outcome": "\(outcome)"])
                return
            } catch let error as KafkaError where error.code != .configuration && error.code != .unsupportedLibrary {
                logger.warning(
                    "Waiting for Kafka at \(settings.bootstrapServers)",
                    error: error,
                    metadata: [RegistryLoggingKeys.attempt: "\(attempt)"]
                )
                try await Task.sleep(for: settings.retryInterval)
            }
        }
    }

    func append(key: [UInt8], value: [UInt8]?) async throws -> Int64 {
        let producer = try current().producer
        let report = try await producer.send(topic: settings.topic, partition: 0, key: key, value: value)
        return report.offset.rawValue
    }

    func endOffset() async throws -> Int64 {
        try await current().consumer.watermarks(for: partition, timeout: .seconds(5)).high.rawValue
    }

    func read(from offset: Int64, into apply: @Sendable (RegistryLogEntry) async -> Void) async throws {
        let consumer = try current().consumer
        for try await message in consumer.messages {
            guard message.offset.rawValue >= offset else { continue }
            // A tombstone arrives with an empty value; the registry never writes an empty value otherwise.
            let value = message.value.isEmpty ? nil : message.value
            await apply(RegistryLogEntry(offset: message.offset.rawValue, key: message.key ?? [], value: value))
        }
    }

    func close() async {
        guard let clients = clients.withLock({ $0 }) else { return }
        do {
            try await clients.consumer.close(timeout: .seconds(5))
        } catch {
            logger.info("Closing the schemas consumer timed out", error: error)
        }
        do {
            try await clients.producer.shutdown()
        } catch {
            logger.info("Not every schemas record was flushed at shutdown", error: error)
        }
    }

    private func current() throws -> Clients {
        guard let clients = clients.withLock({ $0 }) else {
            throw RegistryError.storeError("the schemas topic is not ready yet")
        }
        return clients
    }
}

// MARK: - Client settings

extension KafkaRegistryLog {
    private var servers: [String] {
        settings.bootstrapServers.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
    }

    private func connection(_ role: String) -> KafkaConfiguration.ConnectionOptions {
        var connection = KafkaConfiguration.ConnectionOptions(bootstrapServers: servers)
        connection.clientID = "schema-registry-\(role)"
        connection.statisticsInterval = settings.statisticsInterval
        return connection
    }

    func adminConfiguration() -> KafkaAdminConfiguration {
        var configuration = KafkaAdminConfiguration(bootstrapServers: servers)
        configuration.connection = connection("admin")
        configuration.operationTimeout = .seconds(5)
        configuration.additionalConfig = settings.kafkaProperties
        return configuration
    }

    /// acks=all and idempotence: a write the registry confirmed is on every in-sync replica, once.
    func producerConfiguration() -> KafkaProducerConfiguration {
        var configuration = KafkaProducerConfiguration(bootstrapServers: servers)
        configuration.connection = connection("producer")
        configuration.acks = .all
        configuration.isIdempotenceEnabled = true
        configuration.lingerTime = .milliseconds(0)
        configuration.additionalConfig = settings.kafkaProperties
        return configuration
    }

    /// No group: every instance reads the whole partition itself. A short fetch wait bounds how long a
    /// write waits to read its own record back.
    func consumerConfiguration() -> KafkaConsumerConfiguration {
        let start = KafkaTopicPartitionOffset(partition, offset: .beginning)
        var configuration = KafkaConsumerConfiguration(
            consumptionStrategy: .partitions([start]),
            bootstrapServers: servers
        )
        configuration.connection = connection("reader")
        configuration.isAutoCommitEnabled = false
        configuration.autoOffsetReset = .earliest
        configuration.fetchMaximumWait = .milliseconds(20)
        configuration.additionalConfig = settings.kafkaProperties
        return configuration
    }
}
