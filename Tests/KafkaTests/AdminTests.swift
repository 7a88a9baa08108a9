import Kafka
import Testing
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct AdminTests {
    @Test func createsTopicsIdempotentlyWithConfigsAndDescribesThem() async throws {
        let fixture = try await KafkaTestFixture.start()
        let admin = try fixture.admin()
        let topic = KafkaNewTopic(
            name: "admin-events", partitionCount: 3, retention: .seconds(7 * 24 * 3600), cleanupPolicy: .delete
        )
        let compacted = KafkaNewTopic(name: "_schemas", cleanupPolicy: .compact)
        let created = try await admin.createTopics([topic, compacted])
        #expect(created == ["admin-events": .created, "_schemas": .created])
        #expect(try await admin.createTopic(topic) == .alreadyExisted)

        let configs = try await admin.describeTopicConfig("admin-events")
        #expect(configs["retention.ms"]?.value == "604800000")
        #expect(configs["cleanup.policy"]?.value == "delete")
        #expect(try await admin.describeTopicConfig("_schemas")["cleanup.policy"]?.value == "compact")

        let metadata = try await admin.metadata()
        #expect(metadata.brokers.count == 1)
        #expect(metadata.topic(named: "admin-events")?.partitions.count == 3)
        #expect(try await admin.listTopics().contains("admin-events"))

        try await admin.deleteTopics(["admin-events"])
        try await waitUntil("the topic to disappear", timeout: .seconds(10)) {
            try await !admin.listTopics().contains("admin-events")
        }
        await fixture.stop()
    }

    @Test func callsToAStoppedBrokerFailWithinTheirTimeout() async throws {
        let fixture = try await KafkaTestFixture.start()
        let admin = try fixture.admin()
        await fixture.stop()
        let start = ContinuousClock.now
        await #expect(throws: KafkaError.self) { _ = try await admin.metadata(timeout: .seconds(1)) }
        #expect(ContinuousClock.now - start < .seconds(3))
    }
}
