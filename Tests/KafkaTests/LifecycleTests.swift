import InMemoryLogging
import Kafka
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import TestSupport

/// Service lifecycle, statistics and log routing.
@Suite(.timeLimit(.minutes(1))) struct LifecycleTests {
    @Test func gracefulShutdownFlushesTheProducerAndClosesTheConsumer() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("lifecycle")
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        let consumer = try KafkaConsumer(
            configuration: fixture.consumerConfiguration(group: "lifecycle", topics: [topic]), logger: fixture.logger
        )
        let group = ServiceGroup(services: [producer, consumer], logger: fixture.logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            // Queued without waiting: graceful shutdown must still deliver them.
            for index in 0..<100 { try producer.enqueue(topic: topic, key: "k", value: "m\(index)") }
            let messages = try await consumer.read(100)
            #expect(messages.count == 100)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(producer.pendingMessageCount == 0)
        await #expect(throws: KafkaError.self) { _ = try await producer.send(topic: topic, key: "k", value: "late") }
        var iterator = consumer.messages.makeAsyncIterator()
        #expect(try await iterator.next() == nil, "the sequence ends once the consumer is closed")
        await fixture.stop()
    }

    @Test func statisticsAndLogsReachTheApplication() async throws {
        let fixture = try await KafkaTestFixture.start()
        let logs = InMemoryLogHandler()
        var logger = Logger(label: "kafka-logs") { _ in logs }
        logger.logLevel = .trace
        var config = fixture.producerConfiguration()
        config.connection.statisticsInterval = .milliseconds(100)
        config.additionalConfig["debug"] = "broker"  // makes librdkafka log something for sure
        let statistics = Mutex<[KafkaStatistics]>([])
        let producer = try KafkaProducer(configuration: config, logger: logger) { snapshot in
            statistics.withLock { $0.append(snapshot) }
        }
        _ = try await producer.send(topic: "stats", key: "k", value: "v")
        try await waitUntil("statistics", timeout: .seconds(10)) { statistics.withLock { !$0.isEmpty } }
        let snapshot = try #require(statistics.withLock { $0.last })
        #expect(snapshot.type == "producer")
        #expect(snapshot.json.contains("\"brokers\""))
        try await waitUntil("a librdkafka log entry", timeout: .seconds(10)) {
            logs.entries.contains { $0.metadata[KafkaLoggingKeys.facility] != nil }
        }
        let entry = try #require(logs.entries.first { $0.metadata[KafkaLoggingKeys.facility] != nil })
        #expect(entry.metadata[KafkaLoggingKeys.clientType] == "producer")
        try await producer.shutdown()
        await fixture.stop()
    }
}
