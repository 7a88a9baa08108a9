import Metrics

/// Where a client's statistics go: the application's callback, and swift-metrics gauges
/// (`kafka_queued_messages`, `kafka_messages_sent_total`, `kafka_messages_received_total`,
/// `kafka_consumer_lag`), all with a `client_id` dimension.
final class KafkaStatisticsSink: Sendable {
    private let handler: (@Sendable (KafkaStatistics) -> Void)?
    private let clientID: String
    private let queuedMessages: Gauge
    private let messagesSent: Gauge
    private let messagesReceived: Gauge

    init(clientID: String, handler: (@Sendable (KafkaStatistics) -> Void)?) {
        self.handler = handler
        self.clientID = clientID
        let dimensions = [("client_id", clientID)]
        self.queuedMessages = Gauge(label: "kafka_queued_messages", dimensions: dimensions)
        self.messagesSent = Gauge(label: "kafka_messages_sent_total", dimensions: dimensions)
        self.messagesReceived = Gauge(label: "kafka_messages_received_total", dimensions: dimensions)
    }

    /// Called on the event thread with each statistics document.
    func receive(_ json: String) {
        guard let statistics = KafkaStatistics(json: json) else { return }
        queuedMessages.record(statistics.queuedMessages)
        messagesSent.record(statistics.messagesSent)
        messagesReceived.record(statistics.messagesReceived)
        for (topicPartition, lag) in statistics.consumerLag where lag >= 0 {
            Gauge(
                label: "kafka_consumer_lag",
                dimensions: [
                    ("client_id", clientID), ("topic", topicPartition.topic),
                    ("partition", "\(topicPartition.partition)"),
                ]
            ).record(lag)
        }
        handler?(statistics)
    }
}
