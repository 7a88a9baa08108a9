import Foundation
import Kafka
import Testing
import TestSupport

/// Produce → consume on a real Tansu broker.
@Suite(.timeLimit(.minutes(1))) struct RoundTripTests {
    @Test func keysValuesAndHeadersSurviveTheRoundTrip() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("round-trip")
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        let headers = [KafkaHeader(key: "error.category", value: "validation"), KafkaHeader(key: "empty", value: nil)]
        let report = try await producer.send(topic: topic, key: "order-1", value: "payload-1", headers: headers)
        #expect(report.topic == topic)
        #expect(report.offset == 0)
        #expect(report.timestamp != nil)
        let tombstone = try await producer.send(topic: topic, key: Array("order-1".utf8), value: [UInt8]?.none)
        #expect(tombstone.offset == 1)

        let consumer = try KafkaConsumer(
            configuration: fixture.consumerConfiguration(group: "round-trip", topics: [topic]), logger: fixture.logger
        )
        let messages = try await consumer.read(2)
        let first = try #require(messages.first)
        #expect(first.keyString == "order-1")
        #expect(first.value == Array("payload-1".utf8))
        #expect(first.headers == headers)
        #expect(first.topic == topic && first.partition == report.partition && first.offset == report.offset)
        #expect(first.timestamp != nil)
        #expect(!first.isTombstone)
        #expect(messages[1].isTombstone && messages[1].value.isEmpty)
        try await consumer.close()
        try await producer.shutdown()
        await fixture.stop()
    }

    @Test func orderIsKeptPerKeyAcrossThreePartitions() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("ordering", partitions: 3)
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        let keys = (0..<12).map { "key-\($0)" }
        let perKey = 25
        // Keys concurrently, each key's messages in sequence: exactly how the Cart Service sends.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for key in keys {
                group.addTask {
                    for sequence in 0..<perKey {
                        _ = try await producer.send(topic: topic, key: key, value: "\(sequence)")
                    }
                }
            }
            try await group.waitForAll()
        }
        let consumer = try KafkaConsumer(
            configuration: fixture.consumerConfiguration(group: "ordering", topics: [topic]), logger: fixture.logger
        )
        let messages = try await consumer.read(keys.count * perKey)
        var sequences: [String: [Int]] = [:]
        var partitions: [String: Set<KafkaPartition>] = [:]
        for message in messages {
            let key = try #require(message.keyString)
            sequences[key, default: []].append(Int(String(decoding: message.value, as: UTF8.self)) ?? -1)
            partitions[key, default: []].insert(message.partition)
        }
        for key in keys {
            #expect(sequences[key] == Array(0..<perKey), "order of \(key)")
            #expect(partitions[key]?.count == 1, "\(key) stays on one partition")
        }
        #expect(Set(messages.map(\.partition)).count == 3, "keys spread over the three partitions")
        try await consumer.close()
        try await producer.shutdown()
        await fixture.stop()
    }

    @Test func assignWithoutGroupReadsFromTheGivenOffset() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("assign")
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        for index in 0..<5 { _ = try await producer.send(topic: topic, value: "m\(index)") }
        var config = KafkaConsumerConfiguration(
            consumptionStrategy: .partitions([KafkaTopicPartitionOffset(topic: topic, partition: 0, offset: 2)]),
            bootstrapServers: fixture.bootstrapServers
        )
        config.connection.clientID = "assign-test"
        var consumer: KafkaConsumer? = try KafkaConsumer(configuration: config, logger: fixture.logger)
        weak let released = consumer
        try await readAndCheck(try #require(consumer), topic: topic)
        try await consumer?.close()
        consumer = nil  // rd_kafka_destroy runs here: it must not wait forever for librdkafka's threads
        #expect(released == nil)
        try await producer.shutdown()
        await fixture.stop()
    }

    /// `batches` hands out what `messages` would, a fetched batch at a time, from the same buffer: a
    /// reader may switch from one to the other without losing or repeating a message.
    @Test func batchesContinueWhereMessagesStopped() async throws {
        let fixture = try await KafkaTestFixture.start()
        let topic = try await fixture.createTopic("batches", partitions: 3)
        let producer = try KafkaProducer(configuration: fixture.producerConfiguration(), logger: fixture.logger)
        for index in 0..<30 { _ = try await producer.send(topic: topic, key: "key-\(index % 5)", value: "m\(index)") }
        let consumer = try KafkaConsumer(
            configuration: fixture.consumerConfiguration(group: "batches", topics: [topic]), logger: fixture.logger)
        let first = try await consumer.read(4)
        let rest = try await withDeadline(.seconds(30), "the other 26 messages in batches") {
            var rest: [KafkaConsumerMessage] = []
            for try await batch in consumer.batches {
                #expect(!batch.isEmpty)
                rest += batch
                if rest.count >= 26 { break }
            }
            return rest
        }
        let seen = first + rest
        #expect(seen.count == 30)
        #expect(Set(seen.map { "\($0.partition)/\($0.offset)" }).count == 30, "a message came twice")
        for partition in Set(seen.map(\.partition)) {
            let offsets = seen.filter { $0.partition == partition }.map(\.offset.rawValue)
            #expect(offsets == Array(0..<Int64(offsets.count)), "partition \(partition) out of order: \(offsets)")
        }
        try await consumer.close()
        try await producer.shutdown()
        await fixture.stop()
    }

    private func readAndCheck(_ consumer: KafkaConsumer, topic: String) async throws {
        let messages = try await consumer.read(3)
        #expect(messages.map(\.offset) == [2, 3, 4])
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        #expect(try consumer.assignment() == [partition])
        #expect(try await consumer.watermarks(for: partition) == KafkaWatermarks(low: 0, high: 5))
        #expect(try await consumer.lag(for: partition) == 0)
        await #expect(throws: KafkaError.self) { try await consumer.commit(messages[0]) }
    }
}
