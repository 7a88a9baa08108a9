import Foundation

/// A snapshot of librdkafka's statistics (emitted every `connection.statisticsInterval`).
///
/// The most useful numbers are decoded; ``json`` keeps the complete document (see librdkafka's
/// STATISTICS.md) for anything else.
public struct KafkaStatistics: Sendable {
    /// The handle's name, e.g. `rdkafka#producer-1`.
    public var name: String
    public var clientID: String
    /// `producer` or `consumer`.
    public var type: String
    /// Messages currently queued or in flight in the producer.
    public var queuedMessages: Int64
    public var queuedBytes: Int64
    /// Requests sent to and responses received from brokers, since start.
    public var requestsSent: Int64
    public var responsesReceived: Int64
    /// Messages sent to brokers (producer) and received from them (consumer), since start.
    public var messagesSent: Int64
    public var messagesReceived: Int64
    /// Per assigned partition: how far the consumer is behind the end of the partition (-1 if unknown).
    public var consumerLag: [KafkaTopicPartition: Int64]
    /// The connections to the cluster's brokers, sorted by node id.
    public var brokers: [KafkaBrokerStatistics]
    /// The raw JSON document.
    public var json: String

    /// Decodes the document; `nil` when it isn't librdkafka's statistics JSON.
    public init?(json: String) {
        guard let raw = try? JSONDecoder().decode(Raw.self, from: Data(json.utf8)) else { return nil }
        self.name = raw.name
        self.clientID = raw.client_id
        self.type = raw.type
        self.queuedMessages = raw.msg_cnt ?? 0
        self.queuedBytes = raw.msg_size ?? 0
        self.requestsSent = raw.tx ?? 0
        self.responsesReceived = raw.rx ?? 0
        self.messagesSent = raw.txmsgs ?? 0
        self.messagesReceived = raw.rxmsgs ?? 0
        self.consumerLag = Self.lags(raw.topics ?? [:])
        self.brokers = Self.brokers(raw.brokers ?? [:])
        self.json = json
    }

    private static func lags(_ topics: [String: Raw.Topic]) -> [KafkaTopicPartition: Int64] {
        var lags: [KafkaTopicPartition: Int64] = [:]
        for (topic, details) in topics {
            for partition in (details.partitions ?? [:]).values {
                // -1 is librdkafka's internal "unassigned partition" bucket.
                guard partition.partition >= 0, let lag = partition.consumer_lag else { continue }
                lags[KafkaTopicPartition(topic: topic, partition: KafkaPartition(rawValue: partition.partition))] = lag
            }
        }
        return lags
    }

    private static func brokers(_ brokers: [String: Raw.Broker]) -> [KafkaBrokerStatistics] {
        brokers.values.filter { $0.nodeid >= 0 }.map { broker in
            // librdkafka reports round trips in microseconds; 0 means no request completed in the window.
            let average = broker.rtt?.avg ?? 0
            return KafkaBrokerStatistics(
                name: broker.name, nodeID: broker.nodeid, isUp: broker.state == "UP",
                averageRoundTrip: average > 0 ? .microseconds(average) : nil,
                requestsInFlight: broker.waitresp_cnt ?? 0)
        }.sorted { $0.nodeID < $1.nodeID }
    }

    // Field names as librdkafka writes them.
    private struct Raw: Decodable {
        struct Broker: Decodable {
            struct Window: Decodable {
                var avg: Int64?
            }

            var name: String
            var nodeid: Int32
            var state: String?
            var waitresp_cnt: Int64?
            var rtt: Window?
        }

        struct Topic: Decodable {
            var partitions: [String: Partition]?
        }

        struct Partition: Decodable {
            var partition: Int32
            var consumer_lag: Int64?
        }

        var name: String
        var client_id: String
        var type: String
        var msg_cnt: Int64?
        var msg_size: Int64?
        var tx: Int64?
        var rx: Int64?
        var txmsgs: Int64?
        var rxmsgs: Int64?
        var topics: [String: Topic]?
        var brokers: [String: Broker]?
    }
}
