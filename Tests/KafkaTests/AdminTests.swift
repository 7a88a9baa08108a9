import Kafka
import Testing
import TestSupport

/// The limit is above ``hangDeadline``, so that a call that hangs is reported as such, by name.
@Suite(.timeLimit(.minutes(3))) struct AdminTests {
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

    /// A call to a broker that is gone fails by its own timeout rather than hanging. How long it takes is
    /// the machine's business: a loaded runner takes several seconds for this 1 s timeout.
    @Test func callsToAStoppedBrokerFailInsteadOfHanging() async throws {
        let fixture = try await KafkaTestFixture.start()
        let admin = try fixture.admin()
        await fixture.stop()
        await #expect(throws: KafkaError.self) {
            _ = try await withHangDeadline("metadata(timeout: 1 s) from a stopped broker") {
                try await admin.metadata(timeout: .seconds(1))
            }
        }
    }
}
