import Dispatch
import Logging

extension KafkaProducer {
    /// The events of one librdkafka handle, tagged with its generation so that a late fatal error of a
    /// replaced handle does not condemn its successor. Delivery reports of all generations go to the one
    /// router: message IDs are unique across handles.
    final class ClientEvents: RDKafkaEventHandler {
        let router: DeliveryRouter
        let generation: Int

        init(router: DeliveryRouter, generation: Int) {
            self.router = router
            self.generation = generation
        }

        func handleDeliveryReports(_ event: OpaquePointer) { router.handleDeliveryReports(event) }
        func handleStatistics(_ json: String) { router.statistics.receive(json) }
        func handleError(_ error: KafkaError) {
            if error.isFatal { router.recordFatalError(error, generation: generation) }
        }
    }

    /// The handle to produce with. After a fatal error (e.g. an idempotent producer whose broker forgot
    /// its producer ID, as Tansu's in-memory storage does on restart) librdkafka's handle is unusable
    /// for good; with `isFatalErrorRecoveryEnabled` a fresh one replaces it here, so the next send works
    /// again. Messages of the old handle are purged: their senders get an error.
    func currentClient() throws(KafkaError) -> RDKafkaClient {
        let needsReplacement = router.state.withLock { $0.fatalError != nil }
        guard needsReplacement, configuration.isFatalErrorRecoveryEnabled else { return client }
        return try clientBox.withLock { client throws(KafkaError) -> RDKafkaClient in
            // Another sender may have replaced it while this one waited for the lock.
            guard let generation = router.state.withLock({ $0.beginClientReplacement() }) else { return client }
            let fresh = try Self.makeClient(configuration: configuration, router: router, generation: generation, logger: logger)
            router.state.withLock { $0.completeClientReplacement(generation: generation) }
            retire(client)
            client = fresh
            logger.info("replaced the producer's librdkafka handle after a fatal error")
            return fresh
        }
    }

    /// Fails what the old handle still holds and destroys it off the cooperative pool (`rd_kafka_destroy`
    /// joins librdkafka's threads).
    private func retire(_ old: RDKafkaClient) {
        old.purgeAll()
        let retired = RetiredClient(client: old)
        DispatchQueue.global().async { retired.destroy() }
    }
}

/// Holds the last reference to a replaced handle until it is destroyed on a dispatch thread.
private final class RetiredClient: @unchecked Sendable {
    // @unchecked: `client` is read once, by the single `destroy()` call, after the hand-over.
    private var client: RDKafkaClient?

    init(client: RDKafkaClient) { self.client = client }

    func destroy() {
        client?.stopEventPolling()  // serves the purged messages' delivery reports first
        client = nil
    }
}
