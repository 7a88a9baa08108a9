import Kafka
import Logging

/// What one benchmark run measures, and how.
struct BenchmarkSettings: Sendable {
    let bootstrapServers: String
    let messages: Int
    let valueSize: Int
    let partitions: Int
    let topic: String
    let sendConcurrency: Int

    var logger: Logger { Logger(label: "kafka-benchmark") { _ in SwiftLogNoOpLogHandler() } }

    func measure() async throws -> BenchmarkResult {
        let admin = try KafkaAdmin(configuration: KafkaAdminConfiguration(bootstrapServers: [bootstrapServers]), logger: logger)
        try await admin.createTopic(KafkaNewTopic(name: topic, partitionCount: partitions))
        let value = [UInt8](repeating: UInt8(ascii: "x"), count: valueSize)
        var result = BenchmarkResult(messages: messages, valueSize: valueSize)
        result.producerRate = try await measureEnqueue(value: value)
        // Batches, as confluent-kafka-python's consume(num_messages=1000) in its twin; then one by one.
        let byBatch = try await measureConsume(byBatch: true)
        result.consumerRate = byBatch.rate
        result.consumerFirstBatch = byBatch.firstBatch.inSeconds
        result.consumerSteadyRate = byBatch.steadyRate
        result.consumerEachRate = try await measureConsume(byBatch: false).rate
        if sendConcurrency > 0 {
            result.awaitedSendRate = try await measureAwaitedSend(value: value)
        }
        return result
    }

    func producerConfiguration() -> KafkaProducerConfiguration {
        var config = KafkaProducerConfiguration(bootstrapServers: [bootstrapServers])
        config.connection.clientID = "bench-swift-producer"
        return config  // acks=all, idempotence, linger 5 ms, queue 100 000, batch 10 000: the defaults
    }

    /// `enqueue` + `flush`: librdkafka's batching with no task per message, like `produce()` + `flush()`.
    func measureEnqueue(value: [UInt8]) async throws -> Double {
        let producer = try KafkaProducer(configuration: producerConfiguration(), logger: logger)
        let start = ContinuousClock.now
        var sent = 0
        while sent < messages {
            if try enqueue(producer, value: value) {
                sent += 1
            } else {
                try await Task.sleep(for: .milliseconds(1))  // the queue drains as acknowledgements arrive
            }
        }
        try await producer.flush(timeout: .seconds(120))
        let elapsed = ContinuousClock.now - start
        let failures = producer.enqueuedDeliveryFailures
        try await producer.shutdown()
        guard failures == 0 else { throw BenchmarkFailure(description: "\(failures) deliveries failed") }
        return Double(messages) / elapsed.inSeconds
    }

    /// Returns `false` when the queue is full.
    private func enqueue(_ producer: KafkaProducer, value: [UInt8]) throws -> Bool {
        do {
            try producer.enqueue(topic: topic, key: [UInt8]?.none, value: value)
            return true
        } catch  where error.code == .queueFull {
            return false
        }
    }

    /// `send` awaited per message, from many concurrent tasks: the Cart Service's pattern.
    func measureAwaitedSend(value: [UInt8]) async throws -> Double {
        let producer = try KafkaProducer(configuration: producerConfiguration(), logger: logger)
        let senders = sendConcurrency
        let perSender = max(messages / 10, senders) / senders
        let start = ContinuousClock.now
        try await sendConcurrently(producer: producer, topic: topic, value: value, senders: senders, perSender: perSender)
        let elapsed = ContinuousClock.now - start
        try await producer.shutdown()
        return Double(perSender * senders) / elapsed.inSeconds
    }

    /// Reads everything `measureEnqueue` produced, from the beginning of every partition.
    func measureConsume(byBatch: Bool) async throws -> ConsumeTiming {
        var assignment: [KafkaTopicPartitionOffset] = []
        for partition in 0..<partitions {
            assignment.append(
                KafkaTopicPartitionOffset(topic: topic, partition: KafkaPartition(rawValue: Int32(partition)), offset: .beginning))
        }
        var config = KafkaConsumerConfiguration(consumptionStrategy: .partitions(assignment), bootstrapServers: [bootstrapServers])
        config.connection.clientID = "bench-swift-consumer"
        // As the Python side (enable.auto.commit false): nothing to commit while measuring reads.
        config.isAutoCommitEnabled = false
        let consumer = try KafkaConsumer(configuration: config, logger: logger)
        var timing = ConsumeTiming(start: .now)
        if byBatch {
            for try await batch in consumer.batches {
                timing.read(count: batch.count, bytes: batch.reduce(0) { $0 + $1.value.count })
                if timing.count >= messages { break }
            }
        } else {
            for try await message in consumer.messages {
                timing.read(count: 1, bytes: message.value.count)
                if timing.count >= messages { break }
            }
        }
        timing.end = .now
        try await consumer.close()
        guard timing.bytes == messages * valueSize else { throw BenchmarkFailure(description: "read \(timing.bytes) bytes") }
        return timing
    }
}

/// What a consumer read and when: the start-up (until the first batch) apart from the rate after it,
/// because the start-up is the broker's and librdkafka's (an offset query for an assignment made before
/// the partition leaders are known waits 500 ms), the same for every client.
struct ConsumeTiming {
    let start: ContinuousClock.Instant
    var end: ContinuousClock.Instant
    var count = 0
    var bytes = 0
    var first: (at: ContinuousClock.Instant, count: Int)?

    init(start: ContinuousClock.Instant) {
        self.start = start
        self.end = start
    }

    mutating func read(count: Int, bytes: Int) {
        self.count += count
        self.bytes += bytes
        if first == nil { first = (.now, self.count) }
    }

    var rate: Double { Double(count) / (end - start).inSeconds }
    var firstBatch: Duration { (first?.at ?? end) - start }
    var steadyRate: Double {
        guard let first else { return 0 }
        return Double(count - first.count) / (end - first.at).inSeconds
    }
}

private func sendConcurrently(
    producer: KafkaProducer,
    topic: String,
    value: [UInt8],
    senders: Int,
    perSender: Int
) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<senders {
            group.addTask {
                for _ in 0..<perSender {
                    _ = try await producer.send(topic: topic, value: value)
                }
            }
        }
        try await group.waitForAll()
    }
}
