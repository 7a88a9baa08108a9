import Foundation
import JSONOutput
import Kafka
import Logging

/// Replays dead letters to the topic they came from: the original key, value and headers (less the
/// dead-letter metadata), plus `x-replayed-from-dlq-offset`, to the original partition, acks=all.
/// The consumer then treats the copy as any other event: the lifecycle still decides.
///
/// ## At most once per dead letter
/// Each replay is recorded in the order store in two steps: the intent before the produce, the
/// produced position after the acknowledgement (``DeadLetterReplay``). A letter with a record is not
/// replayed again unless forced. A crash (or a broker failure) between the two steps leaves an
/// unconfirmed intent: the copy may or may not be in the topic, and the service cannot tell cheaply,
/// so it does not guess. It reports the letter as skipped, saying so, and the operator checks the
/// topic for a record with `x-replayed-from-dlq-offset` and replays with `force` if there is none.
/// This errs towards a missing replay (visible, repairable) rather than a doubled event (an order
/// event applied twice, or a second CREATE dead-lettered again).
public struct DeadLetterReplayer: Sendable {
    /// Added to every replayed copy: the dead letter's offset in the dead-letter topic.
    public static let replayedFromHeader = "x-replayed-from-dlq-offset"

    let index: DeadLetterIndex
    let store: any OrderStore
    let producer: any ReplayProducer
    /// The only topic replayed to: a dead letter naming another was not this service's event.
    let topic: String
    let deadLetterTopic: String
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(
        index: DeadLetterIndex, store: any OrderStore, producer: any ReplayProducer, topic: String, deadLetterTopic: String,
        clock: @escaping @Sendable () -> Date = Date.init, logger: Logger
    ) {
        self.index = index
        self.store = store
        self.producer = producer
        self.topic = topic
        self.deadLetterTopic = deadLetterTopic
        self.clock = clock
        self.logger = logger
    }

    /// Replays what `request` selects, one letter after another in dead-letter order.
    ///
    /// - Throws: ``ReplayError`` when the dead-letter topic is not read yet or the store cannot be
    ///   reached; a letter that cannot be replayed is skipped with its reason instead.
    public func replay(_ request: ReplayRequest) async throws(ReplayError) -> ReplayOutcome {
        guard index.isCaughtUp else { throw .notReady }
        let replays: [KafkaTopicPartitionOffset: DeadLetterReplay]
        do {
            replays = try await store.replays(deadLetterTopic: deadLetterTopic)
        } catch {
            throw .store(error)
        }
        var outcome = ReplayOutcome(isDryRun: request.isDryRun)
        var brokerFailure: String?
        for (dlqOffset, letter) in select(request.selection) {
            guard let letter else {
                outcome.skipped.append(.init(dlqOffset: dlqOffset, reason: "No dead letter at offset \(dlqOffset) of \(deadLetterTopic)"))
                continue
            }
            if let reason = refusal(of: letter, replay: replays[letter.position], isForced: request.isForced) {
                outcome.skipped.append(.init(dlqOffset: dlqOffset, reason: reason))
            } else if request.isDryRun {
                outcome.replayed.append(.init(dlqOffset: dlqOffset, topic: topic, partition: letter.letter.original.partition))
            } else if let brokerFailure {
                outcome.skipped.append(.init(dlqOffset: dlqOffset, reason: "Not attempted: an earlier replay failed (\(brokerFailure))"))
            } else {
                switch try await replayOne(letter, isForced: request.isForced) {
                case .replayed(let done): outcome.replayed.append(done)
                case .skipped(let skip): outcome.skipped.append(skip)
                case .failed(let skip, let failure):
                    outcome.skipped.append(skip)
                    brokerFailure = failure
                }
            }
        }
        return outcome
    }

    /// The selected letters as (offset asked for, letter there): named offsets in the order given, a
    /// filter's matches in topic order.
    private func select(_ selection: ReplayRequest.Selection) -> [(Int64, IndexedDeadLetter?)] {
        switch selection {
        case .offsets(let offsets): offsets.map { ($0, index.letter(atOffset: $0)) }
        case .filter(let filter): index.all.filter(filter.matches).map { ($0.position.offset.rawValue, $0) }
        }
    }

    /// Why a letter is not replayed (before claiming it); `nil` when it may be.
    private func refusal(of letter: IndexedDeadLetter, replay: DeadLetterReplay?, isForced: Bool) -> String? {
        guard letter.letter.original.topic == topic else {
            return "Its original topic '\(letter.letter.original.topic)' is not this service's topic '\(topic)'"
        }
        guard !isForced, let replay else { return nil }
        return Self.alreadyReplayedReason(replay)
    }

    private static func alreadyReplayedReason(_ replay: DeadLetterReplay) -> String {
        if let produced = replay.produced, let replayedAt = replay.replayedAt {
            return "Already replayed at \(ISO8601.format(replayedAt)) to \(produced.topic)/\(produced.partition)@\(produced.offset);"
                + " send \"force\": true to replay it again"
        }
        return "A replay started at \(ISO8601.format(replay.requestedAt)) was never confirmed (the service stopped or the"
            + " broker failed): the copy may or may not be in the topic. Look for a record with header"
            + " \(replayedFromHeader)=\(replay.deadLetter.offset) there; if there is none, send \"force\": true"
    }

    private enum OneResult {
        case replayed(ReplayOutcome.Replayed)
        case skipped(ReplayOutcome.Skipped)
        case failed(ReplayOutcome.Skipped, String)
    }

    private func replayOne(_ letter: IndexedDeadLetter, isForced: Bool) async throws(ReplayError) -> OneResult {
        let dlqOffset = letter.position.offset.rawValue
        let attempt: Int
        do {
            switch try await store.claimReplay(of: letter.position, isForced: isForced, at: clock()) {
            case .claimed(let claimed): attempt = claimed
            case .alreadyReplayed(let replay), .unconfirmed(let replay):
                return .skipped(.init(dlqOffset: dlqOffset, reason: Self.alreadyReplayedReason(replay)))
            }
        } catch {
            throw .store(error)
        }
        let produced: KafkaTopicPartitionOffset
        do {
            produced = try await producer.produce(
                topic: topic, partition: letter.letter.original.partition, key: letter.letter.key, value: letter.letter.value,
                headers: Self.replayHeaders(of: letter))
        } catch {
            logger.warning("dead letter replay not acknowledged", error: error, metadata: ["dlq.offset": "\(dlqOffset)"])
            let reason =
                "Replay not acknowledged by the broker (\(error)); the copy may or may not be in the topic:"
                + " look for a record with header \(Self.replayedFromHeader)=\(dlqOffset), and if there is none, send \"force\": true"
            return .failed(.init(dlqOffset: dlqOffset, reason: reason), "\(error)")
        }
        do {
            try await store.confirmReplay(of: letter.position, attempt: attempt, produced: produced, at: clock())
        } catch {
            // The copy is in the topic; the unconfirmed intent keeps the letter from being replayed twice.
            logger.warning("dead letter replayed, but its confirmation not stored", error: error, metadata: ["dlq.offset": "\(dlqOffset)"])
        }
        logger.info(
            "dead letter replayed",
            metadata: [
                "dlq.offset": "\(dlqOffset)", OrderServiceLoggingKeys.topic: "\(produced.topic)",
                OrderServiceLoggingKeys.partition: "\(produced.partition)", OrderServiceLoggingKeys.offset: "\(produced.offset)",
            ])
        return .replayed(.init(dlqOffset: dlqOffset, topic: produced.topic, partition: produced.partition, offset: produced.offset))
    }

    /// The record's headers less the dead-letter metadata (which described the failure, not the
    /// event), plus where the copy came from.
    static func replayHeaders(of letter: IndexedDeadLetter) -> [KafkaHeader] {
        let metadata: Set<String> = [
            DeadLetterHeader.errorCategory, DeadLetterHeader.errorMessage, DeadLetterHeader.retryCount,
            DeadLetterHeader.timestamp, DeadLetterHeader.originalTopic, DeadLetterHeader.originalPartition,
            DeadLetterHeader.originalOffset, DeadLetterHeader.orderId, replayedFromHeader,
        ]
        return letter.headers.filter { !metadata.contains($0.key) }
            + [KafkaHeader(key: replayedFromHeader, value: String(letter.position.offset.rawValue))]
    }
}

/// Why a replay as a whole could not run.
public enum ReplayError: Error, CustomStringConvertible {
    /// The dead-letter topic is still being read after a start: offsets could be missed.
    case notReady
    case store(OrderStoreError)

    public var description: String {
        switch self {
        case .notReady: "The dead-letter topic is still being read after start-up; retry in a few seconds"
        case .store(let error): "Order store unavailable: \(error.reason). Retry later."
        }
    }
}
