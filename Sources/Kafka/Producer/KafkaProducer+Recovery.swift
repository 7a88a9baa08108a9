import Dispatch
import Logging

extension KafkaProducer {
    /// The events of one librdkafka handle, tagged with its generation so that a late error or timeout of
    /// a replaced handle does not condemn its successor. Delivery reports of all generations go to the one
    /// router: message IDs are unique across handles.
    final class ClientEvents: RDKafkaEventHandler {
        let router: DeliveryRouter
        let generation: Int

        init(router: DeliveryRouter, generation: Int) {
            self.router = router
            self.generation = generation
        }

        func handleDeliveryReports(_ messages: [RDKafkaDeliveryReportMessage]) {
            router.handleDeliveryReports(messages, generation: generation)
        }
        func handleStatistics(_ json: String) { router.statistics.receive(json) }
        func handleError(_ error: KafkaError) {
            if error.isFatal { router.recordFatalError(error, generation: generation) }
        }
    }

    /// The handle to produce with, replaced first when the current one cannot be trusted to deliver.
    ///
    /// Two cases, both met when a broker restarts without its data (Tansu's in-memory storage does):
    /// - a fatal error (sequence broken): librdkafka's handle is unusable for good. Its pending messages
    ///   are purged, so their senders get an error at once.
    /// - a timed-out delivery of an idempotent handle: when the broker forgot the producer ID, librdkafka
    ///   bumps its epoch locally and retries forever without delivering (measured with librdkafka 2.16
    ///   against Tansu 0.6: UNKNOWN_PRODUCER_ID on every request). A fresh handle gets a new producer ID.
    ///   The old one is not purged: it keeps delivering what it holds, or times out, then is destroyed.
    ///
    /// With `isFatalErrorRecoveryEnabled` off, nothing is replaced.
    func currentClient() throws(KafkaError) -> RDKafkaClient {
        let needsReplacement = router.state.withLock { $0.replacementReason != nil }
        guard needsReplacement, configuration.isFatalErrorRecoveryEnabled else { return client }
        return try clientBox.withLock { client throws(KafkaError) -> RDKafkaClient in
            // Another sender may have replaced it while this one waited for the lock.
            let (generation, reason, isFatal) = router.state.withLock { state in
                (state.beginClientReplacement(), state.replacementReason, state.fatalError != nil)
            }
            guard let generation else { return client }
            let fresh = try Self.makeClient(configuration: configuration, router: router, generation: generation, logger: logger)
            router.state.withLock { $0.completeClientReplacement(generation: generation) }
            retire(client, purging: isFatal)
            client = fresh
            logger.warning(
                "replaced the producer's librdkafka handle",
                metadata: ["reason": "\(reason.map { $0.message } ?? "unknown")", "fatal": "\(isFatal)"]
            )
            return fresh
        }
    }

    /// Destroys the old handle off the cooperative pool (`rd_kafka_destroy` joins librdkafka's threads),
    /// after purging or draining what it still holds: every pending send gets its report either way.
    private func retire(_ old: RDKafkaClient, purging: Bool) {
        if purging { old.purgeAll() }
        let retired = RetiredClient(client: old, drainTimeout: configuration.deliveryTimeout)
        DispatchQueue.global().async { retired.destroy() }
    }
}

/// Holds the last reference to a replaced handle until it is destroyed on a dispatch thread.
private final class RetiredClient: @unchecked Sendable {
    // @unchecked: `client` is read once, by the single `destroy()` call, after the hand-over.
    private var client: RDKafkaClient?
    private let drainTimeout: Duration

    init(client: RDKafkaClient, drainTimeout: Duration) {
        self.client = client
        self.drainTimeout = drainTimeout
    }

    func destroy() {
        // Messages still queued are delivered or time out within the delivery timeout; the event thread
        // keeps serving their reports meanwhile.
        client?.flushBlocking(timeout: drainTimeout)
        client?.stopEventPolling()  // serves the last delivery reports first
        client = nil
    }
}
