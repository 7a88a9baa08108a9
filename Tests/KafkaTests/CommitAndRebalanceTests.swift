import Kafka
import Synchronization
import Testing
import TestSupport

/// Offsets: explicit commits, resuming in a new consumer, seeking from the assignment hook.
@Suite(.timeLimit(.minutes(1))) struct CommitAndRebalanceTests {
    @Test func aNewConsumerResumesAfterTheCommittedOffset() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("commit")
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        for index in 0..<10 { _ = try await producer.send(topic: topic, key: "k", value: "m\(index)") }

        var config = fixture.consumerConfiguration(group: "resume", topics: [topic])
        config.isAutoCommitEnabled = false
        let first = try KafkaConsumer(configuration: config, logger: fixture.logger)
        let firstFour = try await first.read(4)
        try await first.commit(firstFour[3])
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        #expect(try await first.committed([partition]) == [KafkaTopicPartitionOffset(partition, offset: 4)])
        try await first.close()

        let second = try KafkaConsumer(configuration: config, logger: fixture.logger)
        let rest = try await second.read(6)
        #expect(rest.map(\.offset) == Array(4..<10).map { KafkaOffset(rawValue: Int64($0)) })
        try second.commitAsync(rest[5])
        try await waitUntil("the asynchronous commit", timeout: .seconds(10)) {
            try await second.committed([partition]).first?.offset == 10
        }
        try await second.close()
        try await producer.shutdown()
        await fixture.stop()
    }

    @Test func theAssignmentHookSeeksToStoredOffsets() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("seek-hook", partitions: 2)
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        for index in 0..<10 {
            _ = try await producer.send(topic: topic, partition: KafkaPartition(rawValue: Int32(index % 2)), value: "m\(index)")
        }
        // The Order Service's case: offsets come from its own store, not from the group.
        let stored: [KafkaTopicPartition: KafkaOffset] = [
            KafkaTopicPartition(topic: topic, partition: 0): 3,
            KafkaTopicPartition(topic: topic, partition: 1): 4,
        ]
        let assigned = Mutex<[KafkaTopicPartition]>([])
        let revoked = Mutex<[KafkaTopicPartition]>([])
        let hooks = KafkaRebalanceHooks(
            onPartitionsAssigned: { partitions in
                assigned.withLock { $0 += partitions }
                return stored.filter { partitions.contains($0.key) }
            },
            onPartitionsRevoked: { partitions in revoked.withLock { $0 += partitions } }
        )
        let consumer = try KafkaConsumer(
            configuration: fixture.consumerConfiguration(group: "seek-hook", topics: [topic]),
            rebalanceHooks: hooks,
            logger: fixture.logger
        )
        let messages = try await consumer.read(3)
        #expect(Set(assigned.withLock { $0 }) == Set(stored.keys))
        let positions = Set(messages.map { KafkaTopicPartitionOffset($0.topicPartition, offset: $0.offset) })
        #expect(
            positions == [
                KafkaTopicPartitionOffset(topic: topic, partition: 0, offset: 3),
                KafkaTopicPartitionOffset(topic: topic, partition: 0, offset: 4),
                KafkaTopicPartitionOffset(topic: topic, partition: 1, offset: 4),
            ])
        try await consumer.close()
        #expect(Set(revoked.withLock { $0 }) == Set(stored.keys), "revocation hook runs on close")
        try await producer.shutdown()
        await fixture.stop()
    }

    @Test func pauseStopsAndResumeRestartsAPartition() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("pause")
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        _ = try await producer.send(topic: topic, value: "before")
        let consumer = try KafkaConsumer(
            configuration: fixture.consumerConfiguration(group: "pause", topics: [topic]), logger: fixture.logger
        )
        #expect(try await consumer.read(1).first?.value == Array("before".utf8))
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        try consumer.pause([partition])
        _ = try await producer.send(topic: topic, value: "while paused")
        await #expect(throws: TestTimeout.self) { _ = try await consumer.read(1, timeout: .seconds(1)) }
        try consumer.resume([partition])
        #expect(try await consumer.read(1).first?.value == Array("while paused".utf8))
        try await consumer.close()
        try await producer.shutdown()
        await fixture.stop()
    }
}
