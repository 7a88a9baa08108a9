import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// Sends messages to Kafka and reports, per message, when the broker has acknowledged it.
///
/// ```swift
/// let producer = try KafkaProducer(configuration: config, logger: logger)
/// // run() belongs in the application's ServiceGroup; on graceful shutdown it flushes.
/// let report = try await producer.send(topic: "order-events", key: orderID, value: bytes)
/// ```
///
/// `send` returns only after acknowledgement (with the default `acks = .all`, by every in-sync replica),
/// yet thousands of concurrent sends still share librdkafka's batches: nothing is flushed per message.
/// Delivery reports are drained by a dedicated thread that resumes the waiting sends, so no call blocks
/// Swift's cooperative pool. Every send ends within `deliveryTimeout`, acknowledged or failed.
///
/// ## Topics
/// - ``send(topic:partition:key:value:headers:)``
/// - ``enqueue(topic:partition:key:value:headers:)``
/// - ``flush(timeout:)``
/// - ``run()``
/// - ``shutdown()``
public final class KafkaProducer: Service, Sendable {
    /// The librdkafka handle; replaced after a fatal error or a timed-out delivery when
    /// `isFatalErrorRecoveryEnabled`.
    let clientBox: Mutex<RDKafkaClient>
    let router: DeliveryRouter
    let configuration: KafkaProducerConfiguration
    let logger: Logger
    let shutdownSignal = ShutdownSignal()
    private let lastMessageID = Atomic<UInt64>(0)

    /// Creates the producer and connects in the background.
    ///
    /// - Parameters:
    ///   - metricsFactory: where the statistics gauges and the delivery-failure counter go. A service
    ///     passes the factory of the registry it serves on `/metrics`; the default is the process-wide
    ///     one, which records nothing until the program bootstraps `MetricsSystem`.
    ///   - onStatistics: called with librdkafka's statistics every `connection.statisticsInterval`
    ///     (on the event thread: keep it short).
    /// - Throws: ``KafkaError`` `.unsupportedLibrary` or `.configuration`.
    public init(
        configuration: KafkaProducerConfiguration,
        logger: Logger,
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        onStatistics: (@Sendable (KafkaStatistics) -> Void)? = nil
    ) throws(KafkaError) {
        var logger = logger
        logger[metadataKey: KafkaLoggingKeys.clientID] = "\(configuration.connection.clientID)"
        logger[metadataKey: KafkaLoggingKeys.clientType] = "producer"
        self.logger = logger
        self.configuration = configuration
        let statistics = KafkaStatisticsSink(
            clientID: configuration.connection.clientID, metricsFactory: metricsFactory, handler: onStatistics)
        self.router = DeliveryRouter(
            logger: logger, statistics: statistics, clientID: configuration.connection.clientID,
            isIdempotent: configuration.isIdempotenceEnabled, metricsFactory: metricsFactory
        )
        let client = try Self.makeClient(configuration: configuration, router: router, generation: 0, logger: logger)
        self.clientBox = Mutex(client)
    }

    deinit {
        let unflushed = client.outQueueLength
        if unflushed > 0 && router.state.withLock({ $0.phase }) == .running {
            logger.info(
                "producer released without shutdown(); its unsent messages are dropped",
                metadata: [KafkaLoggingKeys.count: "\(unflushed)"]
            )
        }
    }

    static func makeClient(
        configuration: KafkaProducerConfiguration,
        router: DeliveryRouter,
        generation: Int,
        logger: Logger
    ) throws(KafkaError) -> RDKafkaClient {
        try RDKafkaClient.make(
            type: .producer,
            properties: configuration.dictionary,
            events: [.deliveryReports, .statistics],
            handler: ClientEvents(router: router, generation: generation),
            logger: logger
        )
    }

    var client: RDKafkaClient { clientBox.withLock { $0 } }

    /// Messages handed to librdkafka and not yet acknowledged or failed: a queue that grows means the
    /// broker is slower than the senders, or gone. Cheap (no broker round trip), so it can be read on
    /// every scrape of a metrics endpoint.
    public var queuedMessageCount: Int { client.outQueueLength }

    /// Sends a message and returns where the broker stored it, once acknowledged.
    ///
    /// Waits for room when librdkafka's queue is full. Cancelling the task does not unsend the message:
    /// once handed to librdkafka it is delivered or fails within `deliveryTimeout`, and `send` waits for that.
    ///
    /// - Parameters:
    ///   - partition: `.unassigned` lets the partitioner pick by key hash, so one key keeps one partition
    ///     (and its order).
    ///   - value: `nil` produces a tombstone (deletes the key from a compacted topic).
    /// - Throws: ``KafkaError``: `.timedOut`/`.connectionFailed` (transient) when the broker did not
    ///   acknowledge in time, `.shutdown` after shutdown began, `.messageTooLarge`, `.unknownTopicOrPartition`.
    public func send<Key: KafkaContiguousBytes, Value: KafkaContiguousBytes>(
        topic: String,
        partition: KafkaPartition = .unassigned,
        key: Key?,
        value: Value?,
        headers: [KafkaHeader] = []
    ) async throws -> KafkaDeliveryReport {
        let deadline = ContinuousClock.now + configuration.deliveryTimeout
        var backoff = Duration.milliseconds(1)
        while true {
            do {
                return try await sendOnce(topic: topic, partition: partition, key: key, value: value, headers: headers)
            } catch let error as KafkaError where error.code == .queueFull && ContinuousClock.now < deadline {
                // The queue drains as deliveries complete; back off briefly rather than fail a burst.
                try await Task.sleep(for: backoff)
                backoff = min(backoff * 2, .milliseconds(50))
            }
        }
    }

    /// Sends a message with a key and no explicit partition; see ``send(topic:partition:key:value:headers:)``.
    public func send(
        topic: String,
        key: some KafkaContiguousBytes,
        value: some KafkaContiguousBytes,
        headers: [KafkaHeader] = []
    ) async throws -> KafkaDeliveryReport {
        try await send(topic: topic, partition: .unassigned, key: Optional(key), value: Optional(value), headers: headers)
    }

    /// Sends a message without a key; see ``send(topic:partition:key:value:headers:)``.
    public func send(
        topic: String,
        partition: KafkaPartition = .unassigned,
        value: some KafkaContiguousBytes,
        headers: [KafkaHeader] = []
    ) async throws -> KafkaDeliveryReport {
        try await send(topic: topic, partition: partition, key: [UInt8]?.none, value: Optional(value), headers: headers)
    }

    /// Queues a message without waiting for its acknowledgement: the fastest way to produce in bulk.
    ///
    /// A failed delivery is logged (info) and counted in the `kafka_producer_delivery_failures_total`
    /// metric; call ``flush(timeout:)`` to wait for everything queued.
    /// - Throws: ``KafkaError`` `.queueFull` (transient: wait and retry) or another immediate refusal.
    @discardableResult
    public func enqueue<Key: KafkaContiguousBytes, Value: KafkaContiguousBytes>(
        topic: String,
        partition: KafkaPartition = .unassigned,
        key: Key?,
        value: Value?,
        headers: [KafkaHeader] = []
    ) throws(KafkaError) -> KafkaProducerMessageID {
        let client = try currentClient()
        try router.state.withLock { state throws(KafkaError) in try state.admitUntracked() }
        let id = nextMessageID()
        if let error = produce(client, topic: topic, partition: partition, key: key, value: value, headers: headers, id: id) {
            throw error
        }
        return id
    }

    /// Waits until every message queued so far is acknowledged or has failed.
    /// - Throws: ``KafkaError`` `.timedOut` when messages remain after `timeout`.
    public func flush(timeout: Duration) async throws {
        if let error = await client.flush(timeout: timeout) { throw error }
    }

    /// Messages handed to librdkafka and not yet acknowledged or failed.
    public var pendingMessageCount: Int { client.outQueueLength }

    /// Failed deliveries of ``enqueue(topic:partition:key:value:headers:)`` messages since start.
    public var enqueuedDeliveryFailures: Int { router.untrackedFailureTotal }

    private func sendOnce<Key: KafkaContiguousBytes, Value: KafkaContiguousBytes>(
        topic: String,
        partition: KafkaPartition,
        key: Key?,
        value: Value?,
        headers: [KafkaHeader]
    ) async throws -> KafkaDeliveryReport {
        let client = try currentClient()
        let id = nextMessageID()
        return try await withCheckedThrowingContinuation { continuation in
            switch router.state.withLock({ $0.register(id, continuation) }) {
            case .fail(let error):
                continuation.resume(throwing: error)
            case .produce:
                guard
                    let error = produce(
                        client, topic: topic, partition: partition, key: key, value: value, headers: headers, id: id
                    )
                else { return }
                // Refused synchronously: no delivery report will come, so answer here.
                router.state.withLock { $0.unregister(id) }?.resume(throwing: error)
            }
        }
    }

    private func produce<Key: KafkaContiguousBytes, Value: KafkaContiguousBytes>(
        _ client: RDKafkaClient,
        topic: String,
        partition: KafkaPartition,
        key: Key?,
        value: Value?,
        headers: [KafkaHeader],
        id: KafkaProducerMessageID
    ) -> KafkaError? {
        withOptionalBytes(key) { keyBytes in
            withOptionalBytes(value) { valueBytes in
                client.produce(
                    topic: topic, partition: partition, key: keyBytes, value: valueBytes, headers: headers, id: id
                )
            }
        }
    }

    private func nextMessageID() -> KafkaProducerMessageID {
        KafkaProducerMessageID(rawValue: lastMessageID.add(1, ordering: .relaxed).newValue)
    }
}

private func withOptionalBytes<Bytes: KafkaContiguousBytes, R>(
    _ bytes: Bytes?,
    _ body: (UnsafeRawBufferPointer?) -> R
) -> R {
    guard let bytes else { return body(nil) }
    return bytes.withUnsafeBytes { body($0) }
}
