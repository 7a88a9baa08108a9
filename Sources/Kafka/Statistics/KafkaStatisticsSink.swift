import Metrics

/// Where a client's statistics go: the application's callback, and swift-metrics gauges through the
/// factory the client was given. Every gauge carries `client_id` and `client_type` (`producer`,
/// `consumer`), so that a producer and a consumer with the same client id stay apart:
///
/// - `kafka_client_messages_queued`, `kafka_client_queued_bytes`: messages waiting in librdkafka's queues
///   or in flight;
/// - `kafka_broker_connected` (1 or 0), `kafka_broker_round_trip_seconds` (mean over the interval),
///   `kafka_broker_requests_in_flight`, with a `broker` label;
/// - `kafka_consumer_lag`, with `topic` and `partition` labels: librdkafka's own view, from its committed
///   or fetch position.
///
/// The values are sampled: they change once per statistics interval, not per message.
final class KafkaStatisticsSink: Sendable {
    private let handler: (@Sendable (KafkaStatistics) -> Void)?
    private let clientID: String
    private let factory: any MetricsFactory

    init(clientID: String, metricsFactory: any MetricsFactory, handler: (@Sendable (KafkaStatistics) -> Void)?) {
        self.handler = handler
        self.clientID = clientID
        self.factory = metricsFactory
    }

    /// Called on the event thread with each statistics document.
    func receive(_ json: String) {
        guard let statistics = KafkaStatistics(json: json) else { return }
        let client = [("client_id", clientID), ("client_type", statistics.type)]
        gauge("kafka_client_messages_queued", client).record(statistics.queuedMessages)
        gauge("kafka_client_queued_bytes", client).record(statistics.queuedBytes)
        for broker in statistics.brokers {
            let dimensions = client + [("broker", broker.name)]
            gauge("kafka_broker_connected", dimensions).record(broker.isUp ? 1 : 0)
            gauge("kafka_broker_requests_in_flight", dimensions).record(broker.requestsInFlight)
            if let roundTrip = broker.averageRoundTrip {
                gauge("kafka_broker_round_trip_seconds", dimensions).record(roundTrip.inSeconds)
            }
        }
        for (topicPartition, lag) in statistics.consumerLag where lag >= 0 {
            let dimensions = client + [("topic", topicPartition.topic), ("partition", "\(topicPartition.partition)")]
            gauge("kafka_consumer_lag", dimensions).record(lag)
        }
        handler?(statistics)
    }

    /// Looked up again each time: a factory such as Prometheus's returns the gauge it made for the same
    /// label and dimensions, and this runs once per statistics interval, not per message.
    private func gauge(_ label: String, _ dimensions: [(String, String)]) -> Gauge {
        Gauge(label: label, dimensions: dimensions, factory: factory)
    }
}

extension Duration {
    fileprivate var inSeconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
