import Kafka
import Synchronization
import Testing
import TestSupport

/// What the consumer has already taken from librdkafka must not outlive a seek or a revocation.
@Suite(.timeLimit(.minutes(1))) struct BufferedMessageTests {
    @Test func aSeekDiscardsWhatWasBufferedForThePartition() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("seek-buffer")
        try await produce(200, to: topic, partitions: 1, fixture: fixture)
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        let consumer = try readerFromTheStart(of: partition, fixture: fixture)

        let offsets = try await withDeadline(.seconds(30), "reads around seeks") {
            var iterator = consumer.messages.makeAsyncIterator()
            var offsets: [Int64] = []
            for target: Int64 in [150, 10, 199] {
                // The first read fetches a batch holding more than this one message.
                offsets.append(try await iterator.next()?.offset.rawValue ?? -1)
                try await consumer.seek([KafkaTopicPartitionOffset(partition, offset: KafkaOffset(rawValue: target))])
            }
            offsets.append(try await iterator.next()?.offset.rawValue ?? -1)
            return offsets
        }
        #expect(offsets == [0, 150, 10, 199])
        try await consumer.close()
        await fixture.stop()
    }

    @Test func aNewAssignmentDiscardsWhatWasBufferedForTheOldOne() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("assign-buffer", partitions: 2)
        try await produce(400, to: topic, partitions: 2, fixture: fixture)
        let first = KafkaTopicPartition(topic: topic, partition: 0)
        let second = KafkaTopicPartition(topic: topic, partition: 1)
        let consumer = try readerFromTheStart(of: first, fixture: fixture)

        let positions = try await withDeadline(.seconds(30), "reads around a new assignment") {
            var iterator = consumer.messages.makeAsyncIterator()
            // The first read fetches a batch holding more of the first partition than this one message.
            let before = try await iterator.next().map { KafkaTopicPartitionOffset($0.topicPartition, offset: $0.offset) }
            try await consumer.assign([KafkaTopicPartitionOffset(second, offset: 5)])
            let after = try await iterator.next().map { KafkaTopicPartitionOffset($0.topicPartition, offset: $0.offset) }
            return [before, after]
        }
        #expect(positions == [KafkaTopicPartitionOffset(first, offset: 0), KafkaTopicPartitionOffset(second, offset: 5)])
        #expect(try consumer.assignment() == [second])
        try await consumer.close()
        await fixture.stop()
    }

    /// A second member joins while the first iterates, taking queued messages on its own thread, so the
    /// rebalance is handed to the consumer queue: the hooks run, the partitions move, and once the
    /// revocation hook ran the first member gets messages of its new assignment only. (Whether a fetched
    /// batch still holds messages of the revoked partition at that moment is up to timing; the seek test
    /// above covers the discard itself.)
    @Test(arguments: [[KafkaConfiguration.AssignmentStrategy.range], [.cooperativeSticky]])
    func aRebalanceWhileIteratingMovesPartitionsAndDeliversOnlyTheNewAssignment(
        strategy: [KafkaConfiguration.AssignmentStrategy]
    ) async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("revoke-buffer", partitions: 2)
        try await produce(4_000, to: topic, partitions: 2, fixture: fixture)
        // More keep coming: a cooperative rebalance leaves the kept partition where it was, read to its end.
        let producing = Task {
            let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
            var index = 0
            while !Task.isCancelled {
                _ = try? await producer.send(topic: topic, partition: KafkaPartition(rawValue: Int32(index % 2)), value: "more\(index)")
                index += 1
            }
            try await producer.shutdown()
        }
        let log = Mutex(RebalanceLog())
        let hooks = KafkaRebalanceHooks(
            // Eager strategies revoke everything, then assign; cooperative ones move only what changes.
            onPartitionsAssigned: { partitions in
                log.withLock { $0.assigned.formUnion(partitions.map(\.partition)) }
                return [:]
            },
            onPartitionsRevoked: { partitions in
                log.withLock { log in
                    log.assigned.subtract(partitions.map(\.partition))
                    log.revocations += 1
                }
            }
        )
        // No commits: after the rebalance the first member reads its partition again from the start.
        var config = fixture.consumerConfiguration(group: "revoke-buffer", topics: [topic])
        config.isAutoCommitEnabled = false
        config.partitionAssignmentStrategy = strategy
        let first = try KafkaConsumer(configuration: config, rebalanceHooks: hooks, logger: fixture.logger)
        var iterator = first.messages.makeAsyncIterator()
        _ = try await iterator.next()
        #expect(log.withLock { $0.assigned } == [0, 1])

        let second = try KafkaConsumer(configuration: config, logger: fixture.logger)
        let secondReads = Task { for try await _ in second.messages {} }
        let stale = try await withDeadline(.seconds(40), "100 messages after the revocation") {
            var iterator = first.messages.makeAsyncIterator()
            var stale: [KafkaConsumerMessage] = []
            var afterRevocation = 0
            while afterRevocation < 100 {
                // Looked at before asking: once the hook ran, the discard has happened.
                let wasRevoked = log.withLock { $0.revocations > 0 }
                guard let message = try await iterator.next() else { break }
                guard wasRevoked else { continue }
                afterRevocation += 1
                if !log.withLock({ $0.assigned.contains(message.partition) }) { stale.append(message) }
            }
            return stale
        }
        #expect(stale.isEmpty, "messages of partitions no longer assigned: \(stale.prefix(3).map(\.topicPartition))")
        #expect(log.withLock { $0.assigned.count } == 1)
        producing.cancel()
        secondReads.cancel()
        try await second.close()
        try await first.close()
        await fixture.stop()
    }

    /// An assign-only consumer of one partition from its first record, committing nothing.
    private func readerFromTheStart(of partition: KafkaTopicPartition, fixture: KafkaTestFixture) throws -> KafkaConsumer {
        var config = KafkaConsumerConfiguration(
            consumptionStrategy: .partitions([KafkaTopicPartitionOffset(partition, offset: .beginning)]),
            bootstrapServers: fixture.bootstrapServers
        )
        config.isAutoCommitEnabled = false
        return try KafkaConsumer(configuration: config, logger: fixture.logger)
    }

    private func produce(_ count: Int, to topic: String, partitions: Int, fixture: KafkaTestFixture) async throws {
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        for index in 0..<count {
            let partition = KafkaPartition(rawValue: Int32(index % partitions))
            try producer.enqueue(topic: topic, partition: partition, key: [UInt8]?.none, value: Array("m\(index)".utf8))
        }
        try await producer.flush(timeout: .seconds(20))
        try await producer.shutdown()
    }
}

private struct RebalanceLog {
    var assigned: Set<KafkaPartition> = []
    var revocations = 0
}
