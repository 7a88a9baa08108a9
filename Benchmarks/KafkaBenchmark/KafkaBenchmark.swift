import ArgumentParser
import Foundation
import Kafka
import Logging

/// Producer and consumer throughput of the `Kafka` module against a running broker.
///
/// Prints one JSON line with the figures; `scripts/kafka/bench.sh` runs it next to `bench.py`
/// (confluent-kafka-python with the same librdkafka settings) and compares the two.
@main
struct KafkaBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafka-benchmark",
        abstract: "Measures producer and consumer throughput (acks=all, idempotent) against a broker."
    )

    @Option(help: "Broker host:port.") var bootstrapServers = "127.0.0.1:9092"
    @Option(help: "Messages to produce, then consume.") var messages = 1_000_000
    @Option(help: "Bytes per message value.") var valueSize = 300
    @Option(help: "Partitions of the benchmark topic.") var partitions = 3
    @Option(help: "Topic name (created if missing).") var topic = "bench-swift"
    @Option(help: "Also measure awaited send() with this many concurrent senders on messages/10 messages (0: skip).")
    var sendConcurrency = 1_000

    func run() async throws {
        let logger = Logger(label: "kafka-benchmark") { _ in SwiftLogNoOpLogHandler() }
        let admin = try KafkaAdmin(configuration: KafkaAdminConfiguration(bootstrapServers: [bootstrapServers]), logger: logger)
        try await admin.createTopic(KafkaNewTopic(name: topic, partitionCount: partitions))

        let value = [UInt8](repeating: UInt8(ascii: "x"), count: valueSize)
        let produced = try await measureEnqueue(value: value, logger: logger)
        let consumed = try await measureConsume(logger: logger)
        var figures: [String: Double] = [
            "messages": Double(messages),
            "producer_msgs_per_s": produced,
            "producer_mb_per_s": produced * Double(valueSize) / 1_000_000,
            "consumer_msgs_per_s": consumed,
        ]
        if sendConcurrency > 0 {
            figures["send_await_msgs_per_s"] = try await measureAwaitedSend(value: value, logger: logger)
        }
        let json = try JSONSerialization.data(withJSONObject: ["client": "swift", "figures": figures], options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    private func producerConfiguration() -> KafkaProducerConfiguration {
        var config = KafkaProducerConfiguration(bootstrapServers: [bootstrapServers])
        config.connection.clientID = "bench-swift-producer"
        return config  // acks=all, idempotence, linger 5 ms, queue 100 000, batch 10 000: the defaults
    }

    /// `enqueue` + `flush`: librdkafka's batching with no task per message, like `produce()` + `flush()`.
    private func measureEnqueue(value: [UInt8], logger: Logger) async throws -> Double {
        let producer = try KafkaProducer(configuration: producerConfiguration(), logger: logger)
        let start = ContinuousClock.now
        var sent = 0
        while sent < messages {
            do {
                try producer.enqueue(topic: topic, key: [UInt8]?.none, value: value)
                sent += 1
            } catch let error as KafkaError where error.code == .queueFull {
                try await Task.sleep(for: .milliseconds(1))  // the queue drains as acknowledgements arrive
            }
        }
        try await producer.flush(timeout: .seconds(120))
        let elapsed = ContinuousClock.now - start
        guard producer.enqueuedDeliveryFailures == 0 else {
            throw ValidationError("\(producer.enqueuedDeliveryFailures) deliveries failed")
        }
        try await producer.shutdown()
        return Double(messages) / elapsed.seconds
    }

    /// `send` awaited per message, from many concurrent tasks: the Cart Service's pattern.
    private func measureAwaitedSend(value: [UInt8], logger: Logger) async throws -> Double {
        let producer = try KafkaProducer(configuration: producerConfiguration(), logger: logger)
        let senders = sendConcurrency
        let perSender = max(messages / 10, senders) / senders
        let start = ContinuousClock.now
        try await sendConcurrently(producer: producer, topic: topic, value: value, senders: senders, perSender: perSender)
        let elapsed = ContinuousClock.now - start
        try await producer.shutdown()
        return Double(perSender * senders) / elapsed.seconds
    }

    /// Reads everything produced by `measureEnqueue` from the beginning of every partition.
    private func measureConsume(logger: Logger) async throws -> Double {
        let assignment = (0..<partitions).map {
            KafkaTopicPartitionOffset(topic: topic, partition: KafkaPartition(rawValue: Int32($0)), offset: .beginning)
        }
        var config = KafkaConsumerConfiguration(consumptionStrategy: .partitions(assignment), bootstrapServers: [bootstrapServers])
        config.connection.clientID = "bench-swift-consumer"
        let consumer = try KafkaConsumer(configuration: config, logger: logger)
        let start = ContinuousClock.now
        var count = 0
        var bytes = 0
        for try await message in consumer.messages {
            count += 1
            bytes &+= message.value.count
            if count == messages { break }
        }
        let elapsed = ContinuousClock.now - start
        try await consumer.close()
        guard bytes == messages * valueSize else { throw ValidationError("read \(bytes) bytes") }
        return Double(count) / elapsed.seconds
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

extension Duration {
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
