import Logging
import ServiceLifecycle

extension KafkaProducer {
    /// Runs until graceful shutdown (or cancellation), then shuts the producer down: see ``shutdown()``.
    ///
    /// Put the producer in the application's `ServiceGroup` before the services that send with it, so
    /// that it stops after them (the group stops services in reverse order).
    public func run() async throws {
        await withGracefulShutdownHandler {
            await shutdownSignal.wait()
        } onGracefulShutdown: {
            self.shutdownSignal.signal()
        }
        try await shutdown()
    }

    /// Stops accepting messages, waits up to `shutdownFlushTimeout` for the queued ones to be acknowledged,
    /// then purges what is left so that every waiting `send` gets an answer. Idempotent.
    ///
    /// - Throws: ``KafkaError`` `.timedOut` when messages were still unacknowledged at the deadline; their
    ///   senders have received an error (nothing is dropped silently).
    public func shutdown() async throws {
        shutdownSignal.signal()
        guard router.state.withLock({ $0.beginShutdown() }) else { return }
        logger.debug("producer shutting down", metadata: [KafkaLoggingKeys.count: "\(pendingMessageCount)"])
        let flushError = await client.flush(timeout: configuration.shutdownFlushTimeout)
        if let flushError {
            logger.info("not every message was acknowledged before shutdown; purging the rest", error: flushError)
            client.purgeAll()
            // Purged messages get their (failed) delivery reports right away; let the event thread serve them.
            _ = await client.flush(timeout: .seconds(2))
        }
        client.stopEventPolling()
        let orphans = router.state.withLock { $0.finish() }
        for continuation in orphans {
            continuation.resume(throwing: KafkaError.shutdown("the producer shut down before the message was acknowledged"))
        }
        if let flushError { throw flushError }
    }
}
