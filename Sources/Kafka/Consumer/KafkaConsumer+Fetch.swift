import Dispatch

extension KafkaConsumer {
    /// A batch taken from librdkafka's queue, with the seek epoch from before it was taken.
    struct FetchedBatch: Sendable {
        var messages: [KafkaConsumerMessage]
        var epoch: UInt64
    }

    /// The next batch: taken right here when librdkafka has messages queued, else waited for on the
    /// consume queue. `nil` once the consumer closes or the task is cancelled.
    ///
    /// Taking queued messages on the iterating thread saves the two thread hand-offs of a wait (a dispatch
    /// to the consume queue, then resuming the task), and lets the thread that copies a message free it.
    /// Measured with `scripts/kafka/bench.sh`: the hand-offs were a sixth of consuming time.
    func nextBatch() async throws -> FetchedBatch? {
        if let failure = state.withLock({ state in
            defer { state.startFailure = nil }; return state.startFailure
        }) {
            throw failure
        }
        // After a take that found only other events (a rebalance, a discarded stale message), wait: the
        // queue length counts those too, and retrying at once could spin.
        var mayTake = true
        while !isClosing && !Task.isCancelled {
            let taken = mayTake ? takeQueued() : nil
            let (batch, errors) = if let taken { taken } else { await waitForBatch() }
            try report(errors)
            if !batch.messages.isEmpty { return batch }
            mayTake = taken == nil
        }
        return nil
    }

    /// What librdkafka has queued, without waiting: `nil` when a wait is needed, or when the consume queue
    /// is fetching or a rebalance is being handled there (the iteration then waits behind it).
    ///
    /// Safe on the cooperative pool: the fetch does not wait, and a rebalance met here is handed to the
    /// consume queue rather than run (see `RDKafkaRebalanceContext`).
    private func takeQueued() -> (FetchedBatch, [KafkaError])? {
        guard let queue = client.consumerQueue, !rebalanceContext.isHandOffPending,
            client.queueLength(queue) > 0
        else { return nil }
        return fetchLock.withLockIfAvailable { _ in take(from: queue, waiting: false) }
    }

    /// Waits on the consume queue for up to 100 ms for a first message, then takes what else is queued.
    private func waitForBatch() async -> (FetchedBatch, [KafkaError]) {
        await withCheckedContinuation { continuation in
            consumeQueue.async {
                guard let queue = self.client.consumerQueue else {
                    return continuation.resume(returning: (FetchedBatch(messages: [], epoch: 0), []))
                }
                continuation.resume(returning: self.fetchLock.withLock { _ in self.take(from: queue, waiting: true) })
            }
        }
    }

    /// Takes a batch, tagged with the seek epoch from before it was taken; the caller holds the fetch lock.
    ///
    /// ``seek(_:timeout:)`` takes the same lock, so a seek falls wholly before or after a fetch: a batch
    /// tagged before a seek of its partition is stale, one tagged after comes from the new position
    /// (librdkafka discards what the seek made outdated). A revocation announced inside the fetch advances
    /// the epoch of its partitions, so what this fetch took for them is discarded too; the assignment itself
    /// changes only between fetches (see `RDKafkaRebalanceContext`).
    private func take(from queue: OpaquePointer, waiting: Bool) -> (FetchedBatch, [KafkaError]) {
        let epoch = seekEpoch.load(ordering: .acquiring)
        let maximum = max(configuration.batchSize, 1)
        var reader = RDKafkaMessageReader()
        var batch: RDKafkaClient.Batch = ([], [])
        if waiting {
            batch = client.consumeAvailable(from: queue, maximum: maximum, reader: &reader)
        } else {
            client.consumeBatch(from: queue, timeout: .zero, maximum: maximum, reader: &reader, into: &batch)
        }
        return (FetchedBatch(messages: batch.messages, epoch: epoch), batch.errors)
    }

    private func report(_ errors: [KafkaError]) throws {
        for error in errors {
            if error.isFatal { throw error }
            logger.info("consumer error", error: error)
        }
    }
}
