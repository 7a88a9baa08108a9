import Foundation
import Kafka
import Logging
import OrderEvents

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
    let logger: Logger

    public init(
        store: any OrderStore,
        decoder: any OrderEventDecoding,
        lifecycle: OrderLifecycle = OrderLifecycle(),
        policy: RetryPolicy = RetryPolicy(),
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger
    ) {
        self.store = store
        self.decoder = decoder
        self.lifecycle = lifecycle
        self.policy = policy
        self.clock = clock
        self.logger = logger
    }

    /// Applies `messages`, which must be in offset order within each partition.
    ///
    /// - Parameter retriesSoFar: for a retry of a held record, how many retries came before.
    public func process(_ messages: [KafkaConsumerMessage], retriesSoFar: Int = 0) async -> PipelineResult {
        var result = PipelineResult()
        var records = await prepare(messages, retriesSoFar: retriesSoFar, stalls: &result.stalls)
        while !records.isEmpty {
            let batch = records
            do {
                let counts = try await store.write { [lifecycle, clock] writer in
                    try Self.apply(batch, to: writer, lifecycle: lifecycle, now: clock())
                }
                result.applied += counts.applied
                result.deadLettered += counts.deadLettered
                result.skipped += counts.skipped
                for record in records { result.committed[record.partition] = record.message.offset.next }
                for letter in counts.letters { log(letter) }
                logCommitted(batch)
                return result
            } catch let failure as ApplyFailure {
                handle(failure, in: &records, retriesSoFar: retriesSoFar, stalls: &result.stalls)
            } catch {
                // The transaction itself failed (begin or commit): every partition waits at its first record.
                let failure = Self.failure(from: OrderStoreError.wrapping(error))
                for record in records where result.stalls[record.partition] == nil {
                    result.stalls[record.partition] = stall(record.message, failure, retriesSoFar: retriesSoFar)
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
            do {
                records.append(PreparedRecord(message: message, content: .event(try await decoder.decode(message.value))))
            } catch {
                switch policy.handling(of: error, retriesSoFar: retriesSoFar) {
                case .deadLetter(let category, let retryCount):
                    records.append(PreparedRecord(message: message, content: .deadLetter(category, error, retryCount: retryCount)))
                case .retry:
                    stalls[message.topicPartition] = stall(message, error, retriesSoFar: retriesSoFar)
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
            stalls[record.partition] = stall(record.message, failure.failure, retriesSoFar: retriesSoFar)
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

    /// Every dead letter is logged: nothing is skipped silently.
    private func log(_ letter: DeadLetter) {
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

    private func stall(_ message: KafkaConsumerMessage, _ failure: RecordFailure, retriesSoFar: Int) -> Stall {
        guard case .retry(let delay, let category) = policy.handling(of: failure, retriesSoFar: retriesSoFar) else {
            // Only failures that are retried reach here; a dead-letter answer would be a programming error.
            return Stall(message: message, failure: failure, retriesSoFar: retriesSoFar, delay: .zero, category: .retryForever)
        }
        return Stall(message: message, failure: failure, retriesSoFar: retriesSoFar, delay: delay, category: category)
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
    }

    /// The body of one transaction: every record, then the next offset of each partition.
    static func apply(
        _ records: [PreparedRecord],
        to writer: any OrderStoreWriter,
        lifecycle: OrderLifecycle,
        now: Date
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
                continue
            }
            do {
                if let letter = try apply(record, to: writer, lifecycle: lifecycle, now: now) {
                    counts.deadLettered += 1
                    counts.letters.append(letter)
                } else {
                    counts.applied += 1
                }
            } catch {
                throw ApplyFailure(index: index, failure: error)
            }
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

    /// Applies one record; returns its dead letter when it was dead-lettered.
    private static func apply(
        _ record: PreparedRecord,
        to writer: any OrderStoreWriter,
        lifecycle: OrderLifecycle,
        now: Date
    ) throws(RecordFailure) -> DeadLetter? {
        switch record.content {
        case .deadLetter(let category, let failure, let retryCount):
            let letter = record.makeDeadLetter(category, failure, retryCount: retryCount, at: now)
            try recordDeadLetter(letter, writer)
            return letter
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
            guard case .reject(let reason) = decision else { return nil }
            let letter = record.makeDeadLetter(.noRetry, .rejected(reason), retryCount: 0, at: now)
            try recordDeadLetter(letter, writer)
            return letter
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
