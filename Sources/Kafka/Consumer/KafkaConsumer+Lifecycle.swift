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
            consumeQueue.async { continuation.resume(returning: client.closeConsumer(timeout: timeout)) }
        }
        if !closed { client.skipConsumerCloseOnDestroy() }
        client.stopEventPolling()
        state.withLock { $0.phase = .closed }
        logger.debug("consumer closed")
        guard closed else { throw KafkaError.timedOut("the consumer did not leave its group within \(timeout)") }
    }

    var isClosing: Bool { state.withLock { $0.phase != .running } }
}
