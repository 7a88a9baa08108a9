import Dispatch
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads messages from Kafka as an `AsyncSequence`, in a consumer group or from partitions it names.
///
/// ```swift
/// let consumer = try KafkaConsumer(configuration: config, rebalanceHooks: hooks, logger: logger)
/// // run() belongs in the ServiceGroup: on graceful shutdown it leaves the group and ends the sequence.
/// for try await message in consumer.messages {
///     try await handle(message)
///     try await consumer.commit(message)   // when isAutoCommitEnabled is false
/// }
/// ```
///
/// Messages are fetched in batches (`rd_kafka_consume_batch_queue`) on a serial queue of the consumer's
/// own when the iteration has to wait, and right on the iterating thread when librdkafka already has
/// messages queued, so iteration costs little more than raw librdkafka and never blocks Swift's
/// cooperative pool. The rebalance hooks run on the consumer's queue, between two batches; buffered
/// messages of revoked or sought partitions are discarded.
///
/// ## Topics
/// - ``messages``
/// - ``batches``
/// - ``commit(_:timeout:)-(KafkaConsumerMessage,_)``
/// - ``commitAsync(_:)``
/// - ``pause(_:)``
/// - ``seek(_:timeout:)``
/// - ``watermarks(for:timeout:)``
/// - ``lag(for:timeout:)``
/// - ``close(timeout:)``
public final class KafkaConsumer: Service, Sendable {
    let client: RDKafkaClient
    let configuration: KafkaConsumerConfiguration
    let logger: Logger
    let rebalanceContext: RDKafkaRebalanceContext
    let state = Mutex(State())
    /// Mirrors `State.seekEpoch` so that the iterator can check it per message without taking the lock.
    let seekEpoch = Atomic<UInt64>(0)
    let shutdownSignal = ShutdownSignal()
    /// Shared by all iterations of ``messages``, so that leaving a loop early loses nothing.
    let buffered = Mutex(Buffer())
    /// Held by a fetch while it tags and takes a batch, and by a seek: see `take(from:waiting:)`.
    let fetchLock = Mutex(())
    /// Serves the consumer queue: batch fetches, the rebalance callback and the close, one at a time.
    let consumeQueue: DispatchQueue

    struct State {
        enum Phase { case running, closing, closed }
        var phase: Phase = .running
        var seekEpoch: UInt64 = 0
        /// The epoch of the latest seek per partition: buffered messages fetched before it are stale.
        var lastSeek: [KafkaTopicPartition: UInt64] = [:]
        /// A deferred assignment that failed, thrown by the iteration.
        var startFailure: KafkaError?
    }

    /// Creates the consumer and subscribes (group) or assigns (partitions) right away; messages start
    /// flowing when ``messages`` is iterated. An assignment with logical offsets (beginning, end,
    /// stored) takes effect on the consumer's queue a moment later, once the partitions' leaders are
    /// known (see `assignOnceLeadersAreKnown`); a failure of it is thrown by the iteration.
    ///
    /// - Parameters:
    ///   - rebalanceHooks: called on assignment and revocation (group consumption only).
    ///   - metricsFactory: where the statistics gauges go (see ``KafkaProducer/init(configuration:logger:metricsFactory:onStatistics:)``).
    ///   - onStatistics: called with librdkafka's statistics every `connection.statisticsInterval`.
    /// - Throws: ``KafkaError`` `.unsupportedLibrary`, `.configuration`, or a subscription failure.
    public init(
        configuration: KafkaConsumerConfiguration,
        rebalanceHooks: KafkaRebalanceHooks = .none,
        logger: Logger,
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        onStatistics: (@Sendable (KafkaStatistics) -> Void)? = nil
    ) throws(KafkaError) {
        var logger = logger
        logger[metadataKey: KafkaLoggingKeys.clientID] = "\(configuration.connection.clientID)"
        logger[metadataKey: KafkaLoggingKeys.clientType] = "consumer"
        if let groupID = configuration.consumptionStrategy.groupID {
            logger[metadataKey: KafkaLoggingKeys.groupID] = "\(groupID)"
        }
        self.logger = logger
        self.configuration = configuration
        let context = RDKafkaRebalanceContext(
            hooks: rebalanceHooks, hookTimeout: configuration.rebalanceHookTimeout, logger: logger
        )
        self.rebalanceContext = context
        let sink = EventSink(
            statistics: KafkaStatisticsSink(
                clientID: configuration.connection.clientID, metricsFactory: metricsFactory, handler: onStatistics))
        self.client = try RDKafkaClient.make(
            type: .consumer,
            properties: Self.properties(for: configuration),
            events: [.statistics, .offsetCommits],
            handler: sink,
            callbackContext: context,
            logger: logger,
            configure: { conf in context.install(on: conf) }
        )
        self.consumeQueue = DispatchQueue(label: "kafka.consume.\(client.name)")
        context.link(queue: consumeQueue, client: client) { [weak self] partitions in self?.discardFetched(partitions) }
        try start()
    }

    /// An assign-only consumer still needs a `group.id` for librdkafka to create its consumer queue; it
    /// never joins that group, and commits only when the application gave a group ID of its own.
    static func properties(for configuration: KafkaConsumerConfiguration) -> [String: String] {
        var properties = configuration.dictionary
        if properties["group.id"] == nil {
            properties["group.id"] = "swift-kafka-assign-\(UUID().uuidString)"
            properties["enable.auto.commit"] = "false"
        }
        return properties
    }

    private func start() throws(KafkaError) {
        switch configuration.consumptionStrategy.backing {
        case .group(_, let topics):
            try client.subscribe(topics: topics)
        case .partitions(let partitions, _):
            guard partitions.contains(where: { !$0.offset.isConcrete }) else { return try client.assign(partitions) }
            consumeQueue.async { self.assignOnceLeadersAreKnown(partitions) }
        }
    }

    deinit {
        if state.withLock({ $0.phase }) != .closed {
            // Never closed: don't call the application's hooks from deinit, and don't block in a group leave.
            rebalanceContext.disableHooks()
            client.skipConsumerCloseOnDestroy()
        }
    }

    /// The messages, in order per partition. The sequence ends when the consumer closes; it throws only
    /// for fatal errors (other fetch errors are logged and consumption continues).
    public var messages: KafkaConsumerMessages { KafkaConsumerMessages(consumer: self) }

    /// The same messages as ``messages``, a fetched batch at a time (each in order per partition), for
    /// applications whose cost is per batch, such as one store transaction per batch. Use one of the two
    /// sequences at a time.
    public var batches: KafkaConsumerBatches { KafkaConsumerBatches(consumer: self) }

    /// The partitions this consumer reads now (assigned by the group, or by `assign`).
    public func assignment() throws(KafkaError) -> [KafkaTopicPartition] {
        try client.assignment()
    }

    /// Completed group assignments plus revocations, since start.
    public var rebalanceCount: Int { rebalanceContext.rebalanceCount }

    /// Receives the consumer's main-queue events on the event thread (logs and errors are handled there).
    final class EventSink: RDKafkaEventHandler {
        let statistics: KafkaStatisticsSink
        init(statistics: KafkaStatisticsSink) { self.statistics = statistics }
        func handleStatistics(_ json: String) { statistics.receive(json) }
    }
}
