import Kafka
import Testing
import TestSupport

/// What the Cart Service relies on for its 503: a send to a broker that is down fails, transiently and
/// within its delivery timeout; and once the broker is back, sends succeed again with the same producer.
@Suite(.timeLimit(.minutes(1))) struct BrokerOutageTests {
    @Test func aSendToAStoppedBrokerFailsTransientlyWithinItsTimeoutAndRecovers() async throws {
        let fixture = try await KafkaTestFixture.start()
        var config = fixture.producerConfiguration()
        config.deliveryTimeout = .seconds(2)
        let producer = try KafkaProducer(configuration: config, logger: fixture.logger)
        _ = try await producer.send(topic: "outage", key: "k", value: "before")

        await fixture.broker.stop()
        let start = ContinuousClock.now
        let error = try await #require(throws: KafkaError.self) {
            _ = try await producer.send(topic: "outage", key: "k", value: "during")
        }
        let elapsed = ContinuousClock.now - start
        #expect(error.isRetriable, "\(error)")
        #expect(!error.isFatal)
        #expect(error.code == .timedOut || error.code == .connectionFailed, "\(error)")
        #expect(elapsed < .seconds(4), "failed after \(elapsed)")

        try await fixture.broker.restart()
        // Tansu's storage is in memory: the restarted broker is empty, the topic is created again on use.
        let report = try await eventually("a send after the restart", timeout: .seconds(20)) {
            try? await producer.send(topic: "outage", key: "k", value: "after")
        }
        #expect(report.topic == "outage")
        try await producer.shutdown()
        await fixture.stop()
    }
}
