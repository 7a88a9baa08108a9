import Foundation
import Kafka
import Logging
import ServiceLifecycle
import ServiceSupport
import Synchronization

/// The consuming side of the Order Service: reads `order-events` in the consumer group, applies the
/// records through the ``OrderEventPipeline``, holds a partition whose record must be retried while
/// the others flow, and resumes it once the record has passed.
///
/// Three tasks: one iterates the Kafka consumer into a ``MessageBuffer``; one takes batches from it
/// and applies them; one runs the retries of held partitions. The store is the truth about
/// progress: partitions start at the stored offsets on every assignment, and offsets are committed
/// to Kafka only for lag tools.
///
/// ## Topics
/// - ``run()``
final class OrderConsumer: Service, Sendable {
    let configuration: OrderServiceConfiguration
    let pipeline: OrderEventPipeline
    let store: any OrderStore
    let status: ConsumerStatusBoard
    let outbox: DeadLetterOutbox?
    /// Creates the missing topics before consuming; `nil` when topic creation is disabled.
    let topics: PlatformTopics?
    let logger: Logger
    /// Called after the store was reset with the broker's log, so that what mirrors the old log (the
    /// dead-letter index) starts over too.
    let onStoreReset: @Sendable () async -> Void
    let tracker = PartitionTracker()
    /// Set when the offset-reset policy `stop` applies: the consumer closes and the service keeps
    /// answering HTTP, `/health` saying why.
    let stopSignal = OneShotSignal()
    /// The Kafka consumer, for the rebalance hooks (which are given to it before it exists).
    let consumerReference = Mutex<KafkaConsumer?>(nil)
    /// Where the Kafka consumer's statistics gauges go (the pipeline counts the records).
    let metrics: OrderServiceMetrics
    /// Offsets waiting to be committed to Kafka, and when the last commit went out.
    private let kafkaCommits = Mutex<(pending: [KafkaTopicPartition: KafkaOffset], last: ContinuousClock.Instant?)>(([:], nil))
    /// Kafka's copy of the offsets is for lag tools: once a second is enough, and a commit per small
    /// batch would cost the broker a request each.
    static let kafkaCommitInterval = Duration.seconds(1)

    init(
        configuration: OrderServiceConfiguration,
        pipeline: OrderEventPipeline,
        store: any OrderStore,
        status: ConsumerStatusBoard,
        outbox: DeadLetterOutbox?,
        topics: PlatformTopics?,
        metrics: OrderServiceMetrics,
        onStoreReset: @escaping @Sendable () async -> Void = {},
        logger: Logger
    ) {
        self.onStoreReset = onStoreReset
        self.metrics = metrics
        self.configuration = configuration
        self.pipeline = pipeline
        self.store = store
        self.status = status
        self.outbox = outbox
        self.topics = topics
        self.logger = logger
    }

    func run() async throws {
        // Consuming before the topics exist would only log errors: wait until the broker answers.
        await cancelWhenGracefulShutdown {
            await self.topics?.ensureRetrying(delay: self.configuration.retryPolicy.infrastructureDelay(afterFailures:))
        }
        guard !Task.isShuttingDownGracefully, !Task.isCancelled else { return }
        let consumer = try KafkaConsumer(
            configuration: consumerConfiguration,
            rebalanceHooks: KafkaRebalanceHooks(
                onPartitionsAssigned: { [weak self] partitions in try await self?.assigned(partitions) ?? [:] },
                onPartitionsRevoked: { [weak self] partitions in self?.revoked(partitions) }
            ),
            logger: logger,
            metricsFactory: metrics.kafkaMetricsFactory)
        consumerReference.withLock { $0 = consumer }
        status.setLogEndProvider { partition in consumer.cachedWatermarks(for: partition)?.high }
        let buffer = MessageBuffer(capacity: configuration.maximumBatchSize * 2)
        let (retries, retryRequests) = AsyncStream.makeStream(of: RetryRequest.self)
        logger.info("consuming", metadata: [OrderServiceLoggingKeys.topic: "\(configuration.topic)"])
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await consumer.run() }
            group.addTask {
                await self.stopSignal.wait()
                if self.stopSignal.isSignalled { try await consumer.close() }
            }
            group.addTask { try await self.pump(consumer, into: buffer) }
            group.addTask {
                await self.applyBatches(from: buffer, consumer: consumer, retries: retryRequests)
                retryRequests.finish()
                self.stopSignal.signal()
            }
            group.addTask { await self.runRetries(retries, consumer: consumer) }
            group.addTask { await self.nudgeWhileRunning(buffer) }
        }
        guard status.phase == .stopped else { return }
        // Stopped by the offset-reset policy: keep serving HTTP (and /health's 503) until shut down.
        try await gracefulShutdown()
    }

    private var consumerConfiguration: KafkaConsumerConfiguration {
        var consumer = KafkaConsumerConfiguration(
            consumptionStrategy: .group(id: configuration.consumerGroup, topics: [configuration.topic]),
            bootstrapServers: configuration.bootstrapServerList)
        consumer.connection.clientID = "order-service"
        consumer.connection.statisticsInterval = configuration.kafkaStatisticsInterval
        consumer.sessionTimeout = configuration.sessionTimeout
        consumer.fetchMaximumWait = configuration.fetchMaximumWait
        consumer.heartbeatInterval = min(.seconds(3), configuration.sessionTimeout / 3)
        // Offsets are committed explicitly, after the store has them.
        consumer.isAutoCommitEnabled = false
        consumer.autoOffsetReset = .earliest
        consumer.batchSize = min(configuration.maximumBatchSize, 10_000)
        consumer.additionalConfig = configuration.kafkaProperties
        return consumer
    }

    /// Moves records from the consumer into the buffer a fetched batch at a time, tagged with their
    /// partition's generation.
    private func pump(_ consumer: KafkaConsumer, into buffer: MessageBuffer) async throws {
        defer { buffer.finish() }
        for try await batch in consumer.batches {
            var generations: [KafkaTopicPartition: UInt64] = [:]
            let tagged = batch.map { message in
                let partition = message.topicPartition
                let generation = generations[partition] ?? tracker.generation(of: partition)
                generations[partition] = generation
                return MessageBuffer.Tagged(message: message, generation: generation)
            }
            await buffer.put(contentsOf: tagged)
        }
    }

    /// Takes what has arrived, keeps what the tracker accepts, applies it in one pass.
    private func applyBatches(
        from buffer: MessageBuffer,
        consumer: KafkaConsumer,
        retries: AsyncStream<RetryRequest>.Continuation
    ) async {
        while let batch = await buffer.take(maximum: configuration.maximumBatchSize) {
            if batch.isEmpty {
                _ = await checkLogEnd(of: Set(tracker.positions.keys), consumer: consumer)
                commitToKafkaWhenDue(consumer: consumer)
                continue
            }
            var accepted: [KafkaConsumerMessage] = []
            accepted.reserveCapacity(batch.count)
            var behind: [KafkaConsumerMessage] = []
            for item in batch {
                switch tracker.verdict(for: item.message, generation: item.generation) {
                case .accept: accepted.append(item.message)
                case .drop, .deferred: continue
                case .behind: behind.append(item.message)
                }
            }
            if !behind.isEmpty, await checkLogEnd(of: Set(behind.map(\.topicPartition)), consumer: consumer) {
                // The store was reset: the records that looked old are the new log's first ones.
                accepted =
                    behind.filter { tracker.verdict(for: $0, generation: tracker.generation(of: $0.topicPartition)) == .accept } + accepted
            }
            guard !accepted.isEmpty else { continue }
            let result = await pipeline.process(accepted)
            took(result, consumer: consumer)
            for (partition, stall) in result.stalls.sorted(by: { $0.key.partition < $1.key.partition }) {
                let behindHeld = accepted.filter { $0.topicPartition == partition && $0.offset > stall.message.offset }
                hold(partition, at: stall, backlog: behindHeld, consumer: consumer, retries: retries)
            }
        }
    }

    /// Wakes the applying task now and then while no record comes. A broker that restarted empty shows
    /// itself only in its watermarks: records older than the stored offsets may never arrive (the
    /// consumer waits at the stored offset), so the log end is also checked while idle.
    private func nudgeWhileRunning(_ buffer: MessageBuffer) async {
        while !Task.isCancelled, !Task.isShuttingDownGracefully, !stopSignal.isSignalled {
            try? await Task.sleep(for: Self.idleLogEndCheckInterval)
            buffer.nudge()
        }
    }

    static let idleLogEndCheckInterval = Duration.seconds(1)

    /// Records the progress of a pass: tracker, `/health`, Kafka's committed offsets.
    func took(_ result: PipelineResult, consumer: KafkaConsumer) {
        tracker.committed(result.committed)
        status.advanced(result.committed)
        if result.deadLettered > 0 { outbox?.notify() }
        guard !result.committed.isEmpty else { return }
        commitToKafkaWhenDue(adding: result.committed, consumer: consumer)
    }

    /// Adds offsets to those waiting for Kafka and commits them all once `kafkaCommitInterval` has passed
    /// since the last commit. Also called while idle, so the last offsets of a burst reach Kafka too.
    func commitToKafkaWhenDue(adding offsets: [KafkaTopicPartition: KafkaOffset] = [:], consumer: KafkaConsumer) {
        let now = ContinuousClock.now
        let due: [KafkaTopicPartition: KafkaOffset]? = kafkaCommits.withLock { commits in
            // The newest offset wins: after a store reset it is lower than the one it replaces.
            commits.pending.merge(offsets) { $1 }
            guard !commits.pending.isEmpty else { return nil }
            if let last = commits.last, now - last < Self.kafkaCommitInterval { return nil }
            commits.last = now
            defer { commits.pending = [:] }
            return commits.pending
        }
        guard let due else { return }
        do {
            try consumer.commitAsync(due.map { KafkaTopicPartitionOffset($0.key, offset: $0.value) })
        } catch {
            // The store has the offsets; Kafka's copy is for lag tools and catches up on the next commit.
            logger.debug("committing offsets to Kafka failed", error: error)
        }
    }

    /// The broker's log end of `partition` as last seen, `nil` before the first fetch.
    func logEnd(of partition: KafkaTopicPartition) -> KafkaOffset? {
        consumerReference.withLock { $0 }?.cachedWatermarks(for: partition)?.high
    }
}

/// A held partition and the record it waits at.
struct RetryRequest: Sendable {
    var partition: KafkaTopicPartition
    var stall: Stall
    var generation: UInt64
}
