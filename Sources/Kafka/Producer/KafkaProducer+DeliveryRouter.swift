import Logging
import Metrics
import Synchronization

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

        init(
            logger: Logger, statistics: KafkaStatisticsSink, clientID: String, isIdempotent: Bool,
            metricsFactory: any MetricsFactory
        ) {
            self.logger = logger
            self.isIdempotent = isIdempotent
            self.statistics = statistics
            self.untrackedFailures = Counter(
                label: "kafka_producer_delivery_failures_total", dimensions: [("client_id", clientID)],
                factory: metricsFactory
            )
        }

        /// Failed deliveries of messages sent with `enqueue` (nobody awaits them).
        var untrackedFailureTotal: Int { untrackedFailureCount.load(ordering: .relaxed) }

        func recordFatalError(_ error: KafkaError, generation: Int) {
            state.withLock { $0.recordFatalError(error, generation: generation) }
        }

        /// Serves the delivery reports of the handle of `generation`.
        func handleDeliveryReports(_ messages: [RDKafkaDeliveryReportMessage], generation: Int) {
            let ids = messages.map { $0.id }
            let continuations = state.withLock { $0.takeContinuations(for: ids) }
            var timedOut: KafkaError?
            for (index, message) in messages.enumerated() {
                let failure = message.failure
                if let failure, failure.rdKafkaCode == .messageTimedOut { timedOut = failure }
                deliver(message, failure: failure, id: ids[index], to: continuations[index])
            }
            if let timedOut, isIdempotent {
                state.withLock { $0.recordStaleHandle(timedOut, generation: generation) }
            }
        }

        private func deliver(
            _ message: RDKafkaDeliveryReportMessage,
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
                continuation.resume(returning: message.report(id: id))
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
    }
}
