/// Settings of a ``KafkaProducer``.
///
/// The defaults favour safety: every message is acknowledged by all in-sync replicas and written exactly
/// once per partition (idempotence), so a retried send never duplicates or reorders.
public struct KafkaProducerConfiguration: Sendable, Hashable {
    /// Where the cluster is and how to reach it.
    public var connection: KafkaConfiguration.ConnectionOptions
    /// Default: `.all`
    public var acks: KafkaConfiguration.Acks = .all
    /// Retries can't duplicate or reorder messages. Requires `acks = .all`.
    /// Default: `true`
    public var isIdempotenceEnabled: Bool = true
    /// How long to wait for more messages to fill a batch before sending it. Longer means fewer, larger
    /// requests; shorter means lower latency for a lone message.
    /// Default: 5 ms
    public var lingerTime: Duration = .milliseconds(5)
    /// Default: `.none`
    public var compression: KafkaConfiguration.Compression = .none
    /// The time limit for a message from `send` to acknowledgement, retries included. A send to a broker
    /// that stays down fails with a transient ``KafkaError`` (`.timedOut`) after this time.
    /// Default: 30 s
    public var deliveryTimeout: Duration = .seconds(30)
    /// How many messages may wait in librdkafka's queue; `send` waits (up to `deliveryTimeout`) for room,
    /// `enqueue` throws `.queueFull`.
    /// Default: 100 000
    public var maximumQueuedMessages: Int = 100_000
    /// The most messages in one batch request.
    /// Default: 10 000
    public var maximumBatchMessages: Int = 10_000
    /// How long graceful shutdown waits for queued messages to be acknowledged. Messages still unsent then
    /// are purged and their senders get an error, so nothing is lost silently.
    /// Default: 10 s
    public var shutdownFlushTimeout: Duration = .seconds(10)
    /// Replace the librdkafka handle on the next send when it can no longer be trusted to deliver,
    /// instead of failing every later send:
    /// - after a fatal error (the idempotent producer lost its guarantees); messages pending at that moment
    ///   fail with the fatal error;
    /// - after a timed-out delivery of an idempotent producer: a broker that restarted without its data
    ///   forgot the producer ID, and librdkafka alone would retry forever. The old handle still delivers
    ///   (or times out) what it holds before it is destroyed.
    /// Default: `true`
    public var isFatalErrorRecoveryEnabled: Bool = true
    /// Whether a send to a topic the cluster does not know asks the broker to create it (with the broker's
    /// default partition count). Turn it off when topics are created explicitly with their own settings,
    /// so that a missing topic fails the send instead of appearing with the wrong partitions (a broker
    /// that restarted empty would otherwise recreate it on the first send).
    /// Default: `true` (librdkafka's default)
    public var isTopicAutoCreationEnabled: Bool = true
    /// Raw librdkafka properties (see its CONFIGURATION.md), applied last so they override typed settings.
    /// Default: `[:]`
    public var additionalConfig: [String: String] = [:]

    public init(bootstrapServers: [String]) {
        self.connection = KafkaConfiguration.ConnectionOptions(bootstrapServers: bootstrapServers)
    }

    /// The librdkafka properties for these settings.
    var dictionary: [String: String] {
        var config = connection.dictionary
        config["acks"] = acks.value
        config["enable.idempotence"] = String(isIdempotenceEnabled)
        config["linger.ms"] = String(lingerTime.inMilliseconds)
        config["compression.codec"] = compression.value
        config["message.timeout.ms"] = String(deliveryTimeout.inMilliseconds)
        config["queue.buffering.max.messages"] = String(maximumQueuedMessages)
        config["batch.num.messages"] = String(maximumBatchMessages)
        config["allow.auto.create.topics"] = String(isTopicAutoCreationEnabled)
        config.merge(additionalConfig) { _, raw in raw }
        return config
    }
}
