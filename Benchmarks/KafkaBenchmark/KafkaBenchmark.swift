import ArgumentParser
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
    @Option(help: "Concurrent senders for the awaited-send figure, on messages/10 messages (0: skip).")
    var sendConcurrency = 1_000

    func run() async throws {
        let settings = BenchmarkSettings(
            bootstrapServers: bootstrapServers, messages: messages, valueSize: valueSize,
            partitions: partitions, topic: topic, sendConcurrency: sendConcurrency
        )
        let result = try await settings.measure()
        print(result.json)
    }
}
