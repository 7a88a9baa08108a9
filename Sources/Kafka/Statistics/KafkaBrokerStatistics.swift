/// One broker connection as librdkafka's statistics describe it.
///
/// Only brokers that the cluster named (node id ≥ 0) are kept: the bootstrap entries and librdkafka's
/// internal ones repeat them or have no round trips of their own.
public struct KafkaBrokerStatistics: Sendable, Hashable {
    /// `host:port/nodeid`, librdkafka's name for the connection.
    public var name: String
    public var nodeID: Int32
    /// Whether the connection is up (librdkafka's state `UP`); anything else means connecting or down.
    public var isUp: Bool
    /// The mean request round trip over the last statistics interval; `nil` when no request completed.
    public var averageRoundTrip: Duration?
    /// Requests sent and waiting for their response.
    public var requestsInFlight: Int64
}
