import Kafka
import Logging
import Testing

/// Producer behaviour against librdkafka's in-process mock cluster: no broker process needed.
@Suite struct MockClusterTests {
    let configuration: KafkaProducerConfiguration

    init() {
        var config = KafkaProducerConfiguration(bootstrapServers: [])
        config.additionalConfig["test.mock.num.brokers"] = "1"
        config.deliveryTimeout = .seconds(5)
        self.configuration = config
    }

    @Test func thousandsOfConcurrentSendsAreAllAcknowledged() async throws {
        let producer = try KafkaProducer(configuration: configuration, logger: Logger.quiet)
        let reports = try await withThrowingTaskGroup(of: KafkaDeliveryReport.self) { group in
            for index in 0..<2_000 {
                group.addTask { try await producer.send(topic: "mock", key: "k\(index % 10)", value: "v\(index)") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(reports.count == 2_000)
        #expect(Set(reports.map(\.messageID)).count == 2_000)
        #expect(reports.allSatisfy { $0.offset.isConcrete })
        try await producer.shutdown()
    }

    @Test func enqueueAndFlushDeliverEverything() async throws {
        let producer = try KafkaProducer(configuration: configuration, logger: Logger.quiet)
        for index in 0..<5_000 { try producer.enqueue(topic: "mock", key: [UInt8]?.none, value: "v\(index)") }
        try await producer.flush(timeout: .seconds(10))
        #expect(producer.pendingMessageCount == 0)
        #expect(producer.enqueuedDeliveryFailures == 0)
        try await producer.shutdown()
    }

    @Test func sendsAfterShutdownFailWithShutdown() async throws {
        let producer = try KafkaProducer(configuration: configuration, logger: Logger.quiet)
        try await producer.shutdown()
        let error = await #expect(throws: KafkaError.self) { _ = try await producer.send(topic: "mock", value: "late") }
        #expect(error?.code == .shutdown)
        #expect(throws: KafkaError.self) { try producer.enqueue(topic: "mock", key: "k", value: "late") }
    }
}
