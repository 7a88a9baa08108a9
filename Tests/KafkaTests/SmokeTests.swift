import Kafka
import Logging
import Testing
import TestSupport

@Suite struct SmokeTests {
    @Test func producerSendsToTansu() async throws {
        let broker = try await TansuBroker.start()
        var config = KafkaProducerConfiguration(bootstrapServers: [broker.bootstrapServers])
        config.deliveryTimeout = .seconds(10)
        var logger = Logger(label: "smoke")
        logger.logLevel = .debug
        let producer = try KafkaProducer(configuration: config, logger: logger)
        let report = try await producer.send(topic: "smoke", key: "k1", value: "hello", headers: [KafkaHeader(key: "h", value: "v")])
        print("REPORT", report)
        let report2 = try await producer.send(topic: "smoke", key: "k1", value: "hello2")
        print("REPORT2", report2)
        try await producer.shutdown()
        await broker.stop()
    }
}
