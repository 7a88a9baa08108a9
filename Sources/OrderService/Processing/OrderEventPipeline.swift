import Foundation
import Kafka
import Logging
import OrderEvents
import Tracing

/// Applies consumed records to the store: decode, decide, write the changes and the partitions'
/// next offsets in one transaction.
///
/// One pass takes a batch from several partitions. A record that fails holds only its own
/// partition: the records of that partition after it are left out of the pass (they are read
/// again once the held record has passed), the other partitions go on. A failure is handled by
/// ``RetryPolicy``: dead-lettered at once, retried then dead-lettered, or retried forever.
public struct OrderEventPipeline: Sendable {
    let store: any OrderStore
    let decoder: any OrderEventDecoding
    let lifecycle: OrderLifecycle
    let policy: RetryPolicy
    let clock: @Sendable () -> Date
    let metrics: OrderServiceMetrics
    let tracing: OrderEventTracing
    let logger: Logger

    /// - Parameters:
    ///   - metrics: where each pass is counted; the default keeps the counts to itself.
    ///   - isTracingEnabled: make spans for each record and transaction (``OrderEventTracing``).
    public init(
        store: any OrderStore,
        decoder: any OrderEventDecoding,
        lifecycle: OrderLifecycle = OrderLifecycle(),
        policy: RetryPolicy = RetryPolicy(),
        clock: @escaping @Sendable () -> Date = { Date() },
        metrics: OrderServiceMetrics = OrderServiceMetrics(),
        isTracingEnabled: Bool = false,
        logger: Logger
    ) {
        self.store = store
        self.decoder = decoder
        self.lifecycle = lifecycle
        self.policy = policy
        self.clock = clock
        self.metrics = metrics
        self.tracing = OrderEventTracing(isEnabled: isTracingEnabled)
        self.logger = logger
    }

    /// Applies `messages`, which must be in offset order within each partition.
    ///
    /// - Parameter retriesSoFar: for a retry of a held record, how many retries came before.
    public func process(_ messages: [KafkaConsumerMessage], retriesSoFar: Int = 0) async -> PipelineResult {
        let result = await pass(messages, retriesSoFar: retriesSoFar)
        // Counted here, once per pass, whichever way the pass ended with the record held.
        for stall in result.stalls.values { metrics.count(stall.eventType, .retried) }
        return result
    }

    private func pass(_ messages: [KafkaConsumerMessage], retriesSoFar: Int) async -> PipelineResult {
        var result = PipelineResult()
        var records = await prepare(messages, retriesSoFar: retriesSoFar, stalls: &result.stalls)
        while !records.isEmpty {
            let batch = records
            let start = ContinuousClock.now
            let commitSpan = tracing.startCommitSpan(batch)
            defer { commitSpan?.end() }
            do {
                let counts = try await store.write { [lifecycle, clock, tracing] writer in
                    try Self.apply(batch, to: writer, lifecycle: lifecycle, now: clock(), tracing: tracing)
                }
                metrics.recordStoreTransaction(.now - start)
                record(counts)
                result.applied += counts.applied
                result.deadLettered += counts.deadLettered
                result.skipped += counts.skipped
                for record in records { result.committed[record.partition] = record.message.offset.next }
                for letter in counts.letters { log(letter) }
                logCommitted(batch)
                return result
            } catch let failure as ApplyFailure {
                metrics.recordStoreTransaction(.now - start)
                commitSpan?.fail(failure.failure, "rolled back: \(failure.failure.message)")
                handle(failure, in: &records, retriesSoFar: retriesSoFar, stalls: &result.stalls)
            } catch {
                metrics.recordStoreTransaction(.now - start)
                // The transaction itself failed (begin or commit): every partition waits at its first record.
                let failure = Self.failure(from: OrderStoreError.wrapping(error))
                commitSpan?.fail(error, failure.message)
                for record in records where result.stalls[record.partition] == nil {
                    result.stalls[record.partition] = stall(record, failure, retriesSoFar: retriesSoFar)
                }
                return result
            }
        }
        return result
    }

    /// Decodes each record; a partition whose record cannot be decoded for want of the registry is held there.
    private func prepare(
        _ messages: [KafkaConsumerMessage],
        retriesSoFar: Int,
        stalls: inout [KafkaTopicPartition: Stall]
    ) async -> [PreparedRecord] {
        var records: [PreparedRecord] = []
        records.reserveCapacity(messages.count)
        for message in messages where stalls[message.topicPartition] == nil {
            let context = tracing.context(of: message.headers)
            let span = tracing.startDecodeSpan(message, in: context)
            defer { span?.end() }
            do {
                let event = try await decoder.decode(message.value)
                span?.attributes["order.id"] = event.orderId.rawValue
                records.append(PreparedRecord(message: message, content: .event(event), traceContext: context))
            } catch {
                span?.fail(error, error.message)
                switch policy.handling(of: error, retriesSoFar: retriesSoFar) {
                case .deadLetter(let category, let retryCount):
                    records.append(
                        PreparedRecord(
                            message: message, content: .deadLetter(category, error, retryCount: retryCount), traceContext: context))
                case .retry:
                    stalls[message.topicPartition] = stall(message, eventType: nil, error, retriesSoFar: retriesSoFar)
                }
            }
        }
        return records
    }

    /// After a failed transaction: either turn the failed record into a dead letter (retries used
    /// up) or hold its partition at it; then the pass is tried again without what cannot go in.
    private func handle(
        _ failure: ApplyFailure,
        in records: inout [PreparedRecord],
        retriesSoFar: Int,
        stalls: inout [KafkaTopicPartition: Stall]
    ) {
        let record = records[failure.index]
        switch policy.handling(of: failure.failure, retriesSoFar: retriesSoFar) {
        case .deadLetter(let category, let retryCount):
            records[failure.index].content = .deadLetter(category, failure.failure, retryCount: retryCount)
        case .retry:
            stalls[record.partition] = stall(record, failure.failure, retriesSoFar: retriesSoFar)
            let partition = record.partition
            let offset = record.message.offset
            records.removeAll { $0.partition == partition && $0.message.offset >= offset }
        }
    }

    /// At `debug`, one line per committed event, so that each publish the Cart Service logged can be
    /// followed to its effect; at `info` nothing per event (the loop is skipped, no line is built).
    private func logCommitted(_ batch: [PreparedRecord]) {
        guard logger.logLevel <= .debug else { return }
        for record in batch {
            guard case .event(let event) = record.content else { continue }
            logger.debug(
                "order event committed",
                metadata: [
                    OrderServiceLoggingKeys.orderID: "\(event.orderId)", "order.event": "\(event.eventType.rawValue)",
                    OrderServiceLoggingKeys.partition: "\(record.partition)", OrderServiceLoggingKeys.offset: "\(record.message.offset)",
                ])
        }
    }

    /// Every dead letter is logged: nothing is skipped silently. The line carries the `trace_id` of the
    /// record's own trace (when traced), so that the log leads to the request as the dead letter does.
    private func log(_ letter: DeadLetter) {
        ServiceContext.withValue(tracing.context(of: letter.traceHeaders)) { logWarning(letter) }
    }

    private func logWarning(_ letter: DeadLetter) {
        logger.warning(
            "record dead-lettered: \(letter.message)",
            metadata: [
                OrderServiceLoggingKeys.topic: "\(letter.original.topic)",
                OrderServiceLoggingKeys.partition: "\(letter.original.partition)",
                OrderServiceLoggingKeys.offset: "\(letter.original.offset)",
                OrderServiceLoggingKeys.orderID: "\(letter.orderId ?? "-")",
                OrderServiceLoggingKeys.dlqCategory: "\(letter.category)",
                OrderServiceLoggingKeys.retryCount: "\(letter.retryCount)",
            ])
    }

    /// Counts a committed pass: each record's result, each dead letter's category, and for each event
    /// the time from its timestamp to now, when its effect is committed.
    private func record(_ counts: Counts) {
        for (key, count) in counts.results { metrics.count(key.eventType, key.result, by: count) }
        for letter in counts.letters { metrics.countDeadLetter(letter.category) }
        let committedAt = clock()
        for timestamp in counts.eventTimestamps { metrics.recordEndToEnd(from: timestamp, committedAt: committedAt) }
    }

    private func stall(_ record: PreparedRecord, _ failure: RecordFailure, retriesSoFar: Int) -> Stall {
        stall(record.message, eventType: record.eventType, failure, retriesSoFar: retriesSoFar)
    }

    private func stall(
        _ message: KafkaConsumerMessage, eventType: OrderEventType?, _ failure: RecordFailure, retriesSoFar: Int
    ) -> Stall {
        guard case .retry(let delay, let category) = policy.handling(of: failure, retriesSoFar: retriesSoFar) else {
            // Only failures that are retried reach here; a dead-letter answer would be a programming error.
            return Stall(
                message: message, eventType: eventType, failure: failure, retriesSoFar: retriesSoFar, delay: .zero,
                category: .retryForever)
        }
        return Stall(
            message: message, eventType: eventType, failure: failure, retriesSoFar: retriesSoFar, delay: delay, category: category)
    }
}

/// The record at `index` failed; the transaction was rolled back.
struct ApplyFailure: Error {
    let index: Int
    let failure: RecordFailure
}

extension OrderEventPipeline {
    struct Counts: Sendable {
        var applied = 0
        var deadLettered = 0
        var skipped = 0
        /// The dead letters recorded, to be logged once committed.
        var letters: [DeadLetter] = []
        /// Each record's result by event type, for the metrics once committed.
        var results: [OrderServiceMetrics.Key: Int] = [:]
        /// The timestamps of the events whose effect (or dead letter) the transaction holds.
        var eventTimestamps: [Date] = []

        mutating func add(_ record: PreparedRecord, _ result: OrderServiceMetrics.EventResult) {
            results[OrderServiceMetrics.Key(eventType: record.eventType, result: result), default: 0] += 1
        }
    }

    /// The body of one transaction: every record, then the next offset of each partition.
    static func apply(
        _ records: [PreparedRecord],
        to writer: any OrderStoreWriter,
        lifecycle: OrderLifecycle,
        now: Date,
        tracing: OrderEventTracing = OrderEventTracing(isEnabled: false)
    ) throws(ApplyFailure) -> Counts {
        var counts = Counts()
        var nextOffsets: [KafkaTopicPartition: KafkaOffset] = [:]
        var stored: [KafkaTopicPartition: KafkaOffset?] = [:]
        for (index, record) in records.enumerated() {
            // The store's offsets decide what is done, whatever the consumer believed: a record the
            // store has passed already is never applied twice.
            if stored[record.partition] == nil {
                do {
                    stored[record.partition] = .some(try writer.nextOffset(for: record.partition))
                } catch {
                    throw ApplyFailure(index: index, failure: Self.failure(from: error))
                }
            }
            if let done = stored[record.partition] ?? nil, record.message.offset < done {
                counts.skipped += 1
                counts.add(record, .noop)
                continue
            }
            let span = tracing.startApplySpan(record)
            defer { span?.end() }
            do {
                let result: OrderServiceMetrics.EventResult
                switch try apply(record, to: writer, lifecycle: lifecycle, now: now) {
                case .deadLettered(let letter):
                    counts.deadLettered += 1
                    counts.letters.append(letter)
                    result = .deadLettered
                case .changed:
                    counts.applied += 1
                    result = .applied
                case .unchanged:
                    counts.applied += 1
                    result = .noop
                }
                counts.add(record, result)
                span?.attributes["order.result"] = result.rawValue
            } catch {
                span?.fail(error, error.message)
                throw ApplyFailure(index: index, failure: error)
            }
            if case .event(let event) = record.content { counts.eventTimestamps.append(event.timestamp) }
            nextOffsets[record.partition] = record.message.offset.next
        }
        for (partition, offset) in nextOffsets {
            do {
                try writer.setNextOffset(offset, for: partition)
            } catch {
                let index = records.lastIndex { $0.partition == partition } ?? 0
                throw ApplyFailure(index: index, failure: .infrastructure(error.reason))
            }
        }
        return counts
    }

    /// What applying one record did.
    enum RecordEffect {
        /// An order was created or changed.
        case changed
        /// The order already was as the event asks.
        case unchanged
        case deadLettered(DeadLetter)
    }

    /// Applies one record.
    private static func apply(
        _ record: PreparedRecord,
        to writer: any OrderStoreWriter,
        lifecycle: OrderLifecycle,
        now: Date
    ) throws(RecordFailure) -> RecordEffect {
        switch record.content {
        case .deadLetter(let category, let failure, let retryCount):
            let letter = record.makeDeadLetter(category, failure, retryCount: retryCount, at: now)
            try recordDeadLetter(letter, writer)
            return .deadLettered(letter)
        case .event(let event):
            let decision: OrderEventDecision
            do {
                let status = try writer.status(of: event.orderId)
                decision = lifecycle.decide(event, key: record.message.keyString, currentStatus: status)
                switch decision {
                case .create(let order): try writer.insert(order, from: record.message.topicPartitionOffset)
                case .changeStatus(let id, _, let next): try writer.setStatus(next, of: id, at: event.timestamp)
                case .unchanged: break
                case .reject: break
                }
            } catch {
                throw failure(from: error)
            }
            switch decision {
            case .create, .changeStatus: return .changed
            case .unchanged: return .unchanged
            case .reject(let reason):
                let letter = record.makeDeadLetter(.noRetry, .rejected(reason), retryCount: 0, at: now)
                try recordDeadLetter(letter, writer)
                return .deadLettered(letter)
            }
        }
    }

    /// A dead letter that cannot be recorded must not be skipped: whatever the store says, it is an
    /// infrastructure failure, retried until the store takes it.
    private static func recordDeadLetter(_ letter: DeadLetter, _ writer: any OrderStoreWriter) throws(RecordFailure) {
        do {
            try writer.record(letter)
        } catch {
            throw .infrastructure("cannot record the dead letter: \(error.reason)")
        }
    }

    static func failure(from error: OrderStoreError) -> RecordFailure {
        error.code == .unavailable ? .infrastructure(error.reason) : .processing(error.reason)
    }
}
