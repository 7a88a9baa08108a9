import Kafka
import Testing
import TestSupport

/// What the Cart Service relies on for its 503: a send to a broker that is down fails, transiently, by its
/// delivery timeout rather than hanging; and once the broker is back, sends succeed again with the same
/// producer. The limit is above ``hangDeadline``, so that a send that hangs is reported as such, by name.
@Suite(.timeLimit(.minutes(3))) struct BrokerOutageTests {
    @Test func aSendToAStoppedBrokerFailsTransientlyAndRecovers() async throws {
        let fixture = try await KafkaTestFixture.start()
        var config = fixture.producerConfiguration()
        config.deliveryTimeout = .seconds(2)
        let producer = try KafkaProducer(configuration: config, logger: fixture.logger)
        _ = try await producer.send(topic: "outage", key: "k", value: "before")

        await fixture.broker.stop()
        let error = try await #require(throws: KafkaError.self) {
            _ = try await withHangDeadline("a send (delivery timeout 2 s) to a stopped broker") {
                try await producer.send(topic: "outage", key: "k", value: "during")
            }
        }
        #expect(error.isRetriable, "\(error)")
        #expect(!error.isFatal)
        #expect(error.code == .timedOut || error.code == .connectionFailed, "\(error)")
        // Nothing could reach the stopped broker: the message certainly is not stored.
        #expect(error.deliveryStatus == .notPersisted, "\(error)")

        try await fixture.broker.restart()
        // Tansu's storage is in memory: the restarted broker is empty, the topic is created again on use.
        let report = try await eventually("a send after the restart", timeout: .seconds(20)) {
            try? await producer.send(topic: "outage", key: "k", value: "after")
        }
        #expect(report.topic == "outage")
        try await producer.shutdown()
        await fixture.stop()
    }

    /// A hung broker (SIGSTOP: the connection stays open, the kernel accepts the request) gets the message
    /// but does not answer: the failure says the message may be stored, and once the broker continues it
    /// may indeed appear, which is why the Cart Service's 503 says `eventStored: unknown` then.
    @Test func aSendToAHungBrokerFailsAsPossiblyPersisted() async throws {
        let fixture = try await KafkaTestFixture.start()
        var config = fixture.producerConfiguration()
        config.deliveryTimeout = .seconds(2)
        let producer = try KafkaProducer(configuration: config, logger: fixture.logger)
        _ = try await producer.send(topic: "hung", key: "k", value: "before")

        fixture.broker.pause()
        let error = try await #require(throws: KafkaError.self) {
            _ = try await withHangDeadline("a send (delivery timeout 2 s) to a hung broker") {
                try await producer.send(topic: "hung", key: "k", value: "during")
            }
        }
        fixture.broker.resume()
        #expect(error.isRetriable, "\(error)")
        #expect(error.deliveryStatus == .possiblyPersisted, "\(error)")
        try await producer.shutdown()
        await fixture.stop()
    }

    /// A broker that restarts without its data (Tansu in memory; also a cluster rebuilt from scratch)
    /// has forgotten the idempotent producer's ID. librdkafka alone then retries forever with locally
    /// bumped epochs and never delivers again (confluent-kafka-python does the same); our producer replaces
    /// the handle after the first timed-out delivery, and the admin client sees the broker again.
    @Test func anIdempotentProducerDeliversAgainAfterTheBrokerRestartedEmpty() async throws {
        let fixture = try await KafkaTestFixture.start()
        let admin = try fixture.admin()
        let topic = KafkaNewTopic(name: "restarted", partitionCount: 3)
        try await admin.createTopic(topic)
        var config = fixture.producerConfiguration()
        config.deliveryTimeout = .seconds(2)
        let producer = try KafkaProducer(configuration: config, logger: fixture.logger)
        for key in ["a", "b", "c", "d"] {
            _ = try await producer.send(topic: topic.name, key: key, value: "before")
        }

        await fixture.broker.stop()
        await #expect(throws: KafkaError.self) {
            _ = try await producer.send(topic: topic.name, key: "a", value: "during")
        }
        try await fixture.broker.restart()
        _ = try await eventually("the admin client to see the broker again", timeout: .seconds(20)) {
            try? await admin.metadata(timeout: .seconds(2))
        }
        _ = try await admin.createTopics([topic])

        let reports = try await eventually("sends to every partition after the restart", timeout: .seconds(30)) {
            () async -> [KafkaDeliveryReport]? in
            var reports: [KafkaDeliveryReport] = []
            for key in ["a", "b", "c", "d"] {
                guard let report = try? await producer.send(topic: topic.name, key: key, value: "after") else { return nil }
                reports.append(report)
            }
            return reports
        }
        #expect(reports.count == 4)
        #expect(Set(reports.map(\.topic)) == [topic.name])
        try await producer.shutdown()
        await fixture.stop()
    }
}
