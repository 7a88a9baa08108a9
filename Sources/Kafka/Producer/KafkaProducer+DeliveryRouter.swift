import CRdKafka
import Logging
import Metrics
import Synchronization

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension KafkaProducer {
    /// Routes each delivery report (received on the event thread through ``ClientEvents``) to the send
    /// waiting for it. Holds the state machine; the producer holds it and the C client, so the event
    /// thread never keeps the producer itself alive.
    final class DeliveryRouter: Sendable {
        let state = Mutex(StateMachine())
        let statistics: KafkaStatisticsSink
        private let logger: Logger
        private let untrackedFailures: Counter
        private let untrackedFailureCount = Atomic<Int>(0)
        /// Only an idempotent handle can get stuck after a timeout (see `StateMachine.staleReason`).
        private let isIdempotent: Bool

        init(logger: Logger, statistics: KafkaStatisticsSink, clientID: String, isIdempotent: Bool) {
            self.logger = logger
            self.isIdempotent = isIdempotent
            self.statistics = statistics
            self.untrackedFailures = Counter(
                label: "kafka_producer_delivery_failures_total", dimensions: [("client_id", clientID)]
            )
        }

        /// Failed deliveries of messages sent with `enqueue` (nobody awaits them).
        var untrackedFailureTotal: Int { untrackedFailureCount.load(ordering: .relaxed) }

        func recordFatalError(_ error: KafkaError, generation: Int) {
            state.withLock { $0.recordFatalError(error, generation: generation) }
        }

        /// Serves the delivery reports of the handle of `generation`.
        func handleDeliveryReports(_ event: OpaquePointer, generation: Int) {
            let count = rd_kafka_event_message_count(event)
            guard count > 0 else { return }
            withUnsafeTemporaryAllocation(of: UnsafePointer<rd_kafka_message_t>?.self, capacity: count) { buffer in
                let filled = rd_kafka_event_message_array(event, buffer.baseAddress, count)
                let messages = buffer.prefix(filled).compactMap { $0 }
                let ids = messages.map { KafkaProducerMessageID(rawValue: UInt64(UInt(bitPattern: $0.pointee._private))) }
                let continuations = state.withLock { $0.takeContinuations(for: ids) }
                var timedOut: KafkaError?
                for (index, message) in messages.enumerated() {
                    let failure = Self.failure(of: message)
                    if let failure, failure.rdKafkaCode == .messageTimedOut { timedOut = failure }
                    deliver(message, failure: failure, id: ids[index], to: continuations[index])
                }
                if let timedOut, isIdempotent {
                    state.withLock { $0.recordStaleHandle(timedOut, generation: generation) }
                }
            }
        }

        private func deliver(
            _ message: UnsafePointer<rd_kafka_message_t>,
            failure: KafkaError?,
            id: KafkaProducerMessageID,
            to continuation: DeliveryContinuation?
        ) {
            guard let continuation else {
                if let failure { recordUntrackedFailure(failure, id: id) }
                return
            }
            if let failure {
                continuation.resume(throwing: failure)
            } else {
                continuation.resume(returning: Self.report(of: message, id: id))
            }
        }

        private func recordUntrackedFailure(_ error: KafkaError, id: KafkaProducerMessageID) {
            untrackedFailureCount.add(1, ordering: .relaxed)
            untrackedFailures.increment()
            logger.info(
                "delivery of an enqueued message failed",
                error: error,
                metadata: [KafkaLoggingKeys.messageID: "\(id)"]
            )
        }

        static func failure(of message: UnsafePointer<rd_kafka_message_t>) -> KafkaError? {
            let code = message.pointee.err
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
            let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "?"
            return .rdKafka(code, context: "delivery to \(topic)[\(message.pointee.partition)] failed")
        }

        static func report(of message: UnsafePointer<rd_kafka_message_t>, id: KafkaProducerMessageID) -> KafkaDeliveryReport {
            let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
            let millis = rd_kafka_message_timestamp(message, nil)
            return KafkaDeliveryReport(
                messageID: id,
                topic: topic,
                partition: KafkaPartition(unchecked: message.pointee.partition),
                offset: KafkaOffset(rawValue: message.pointee.offset),
                timestamp: millis >= 0 ? Date(timeIntervalSince1970: Double(millis) / 1000) : nil
            )
        }
    }
}
