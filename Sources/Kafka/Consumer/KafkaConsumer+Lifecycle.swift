import CRdKafka
import Dispatch
import ServiceLifecycle

extension KafkaConsumer {
    /// Runs until graceful shutdown (or cancellation), then closes the consumer: see ``close(timeout:)``.
    public func run() async throws {
        await withGracefulShutdownHandler {
            await shutdownSignal.wait()
        } onGracefulShutdown: {
            self.shutdownSignal.signal()
        }
        try await close()
    }

    /// Leaves the group (revocation hook included, and a final auto-commit when enabled) and ends the
    /// message sequence. Idempotent.
    ///
    /// - Parameter timeout: the longest to wait for the group leave. Default: the session timeout.
    /// - Throws: ``KafkaError`` `.timedOut` when the close did not complete in time (the group then notices
    ///   the departure only after the session timeout).
    public func close(timeout: Duration? = nil) async throws {
        shutdownSignal.signal()
        let first = state.withLock { state in
            guard state.phase == .running else { return false }
            state.phase = .closing
            return true
        }
        guard first else { return }
        let timeout = timeout ?? configuration.sessionTimeout
        let client = self.client
        rebalanceContext.serveInline()
        let closed = await withCheckedContinuation { continuation in
            consumeQueue.async { continuation.resume(returning: Self.closeOnConsumeQueue(client, timeout: timeout)) }
        }
        if !closed { client.skipConsumerCloseOnDestroy() }
        client.stopEventPolling()
        state.withLock { $0.phase = .closed }
        logger.debug("consumer closed")
        guard closed else { throw KafkaError.timedOut("the consumer did not leave its group within \(timeout)") }
    }

    /// Starts the asynchronous close and serves its queue (where the revocation arrives) until librdkafka
    /// reports the consumer closed or the deadline passes. Runs on the consume queue.
    ///
    /// The close gets a queue of its own: librdkafka forwards the group queue to the queue given here, so
    /// passing the group queue itself would make it forward to itself and never be freed (and
    /// `rd_kafka_destroy` would then wait forever for the broker threads).
    private static func closeOnConsumeQueue(_ client: RDKafkaClient, timeout: Duration) -> Bool {
        let queue = rd_kafka_queue_new(client.kafka)!
        defer { rd_kafka_queue_destroy(queue) }
        if let error = rd_kafka_consumer_close_queue(client.kafka, queue) {
            client.logger.info("closing the consumer failed", error: KafkaError.rdKafka(consuming: error, context: "close"))
            return false
        }
        let deadline = ContinuousClock.now + timeout
        var reader = RDKafkaMessageReader()
        while rd_kafka_consumer_closed(client.kafka) == 0 {
            guard ContinuousClock.now < deadline else { return false }
            // Serves the rebalance callback; messages still arriving are dropped (the application stopped).
            var dropped: RDKafkaClient.Batch = ([], [])
            client.consumeBatch(from: queue, timeout: .milliseconds(100), maximum: 100, reader: &reader, into: &dropped)
        }
        return true
    }

    var isClosing: Bool { state.withLock { $0.phase != .running } }
}
