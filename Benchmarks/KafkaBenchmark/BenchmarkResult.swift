/// The figures of one run, printed as one JSON line for `scripts/kafka/bench.sh`.
struct BenchmarkResult {
    let messages: Int
    let valueSize: Int
    var producerRate = 0.0
    var consumerRate = 0.0
    /// From assigning the partitions to the first batch, and the rate after it (see `ConsumeTiming`).
    var consumerFirstBatch = 0.0
    var consumerSteadyRate = 0.0
    var consumerEachRate = 0.0
    var awaitedSendRate: Double?

    var json: String {
        var fields = [
            "\"messages\": \(messages)",
            "\"producer_msgs_per_s\": \(producerRate)",
            "\"producer_mb_per_s\": \(producerRate * Double(valueSize) / 1_000_000)",
            "\"consumer_msgs_per_s\": \(consumerRate)",
            "\"consumer_first_batch_s\": \(consumerFirstBatch)",
            "\"consumer_steady_msgs_per_s\": \(consumerSteadyRate)",
            "\"consumer_each_msgs_per_s\": \(consumerEachRate)",
        ]
        if let awaitedSendRate { fields.append("\"send_await_msgs_per_s\": \(awaitedSendRate)") }
        return "{\"client\": \"swift\", \"figures\": {\(fields.joined(separator: ", "))}}"
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

extension Duration {
    var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
