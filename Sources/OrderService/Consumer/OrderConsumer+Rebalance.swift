import Foundation
import Kafka
import Logging

extension OrderConsumer {
    /// Partitions were assigned: start each at the store's offset (the beginning when the store has
    /// none). Kafka's committed offsets are not consulted: the store is the truth.
    ///
    /// When the stored offsets cannot be read within a few attempts, the partitions are not consumed from
    /// any other offset: they wait, paused, while ``startWhenOffsetsAreRead(_:generation:failures:)``
    /// keeps trying, and `/health` shows them as waiting (RETRY_FOREVER). Kafka's committed offset could
    /// lie past records the store never applied (a store restored from a backup, or reset), so starting
    /// there could skip them silently.
    ///
    /// Whether the broker still has the log those offsets belong to shows once records arrive: a
    /// reset broker answers the stored offset with "out of range", the consumer starts over at its
    /// earliest record, and ``checkLogEnd(of:consumer:)`` sees records behind the stored offset.
    /// (Asking for the log end here is not reliable: Tansu's ListOffsets undercounts partitions
    /// written together in one produce request.)
    func assigned(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: KafkaOffset] {
        let ours = partitions.filter { $0.topic == configuration.topic }
        let stored: [KafkaPartition: KafkaOffset]
        do {
            stored = try await storedOffsets()
        } catch {
            return awaitOffsets(ours, failures: Self.storedOffsetAttemptsInHook, error: error)
        }
        var starts: [KafkaTopicPartition: KafkaOffset?] = [:]
        for partition in ours { starts[partition] = stored[partition.partition] }
        tracker.assign(starts)
        status.assigned(starts)
        if status.phase != .stopped { status.setPhase(.running) }
        logger.info(
            "partitions assigned",
            metadata: [
                "kafka.assignment": "\(starts.map { "\($0.key)@\($0.value.map(String.init(describing:)) ?? "beginning")" }.sorted())"
            ])
        return starts.mapValues { $0 ?? .beginning }
    }

    func revoked(_ partitions: [KafkaTopicPartition]) {
        tracker.revoke(partitions)
        status.revoked(partitions)
        logger.info("partitions revoked", metadata: ["kafka.assignment": "\(partitions.map(\.description).sorted())"])
    }

    /// How many times the assignment hook reads the stored offsets before the partitions wait for them
    /// outside it: the group waits for the hook, so it must not take long.
    static let storedOffsetAttemptsInHook = 3

    /// The stored offsets, trying a few times (within the rebalance hook's time) while the store is
    /// unavailable.
    private func storedOffsets() async throws -> [KafkaPartition: KafkaOffset] {
        var failures = 0
        while true {
            do {
                return try await store.nextOffsets(topic: configuration.topic)
            } catch {
                failures += 1
                logger.warning("cannot read the stored offsets (RETRY_FOREVER), retrying", error: error)
                guard failures < Self.storedOffsetAttemptsInHook else { throw error }
                try await Task.sleep(for: configuration.retryPolicy.infrastructureDelay(afterFailures: failures))
            }
        }
    }

    /// The partitions wait for their stored offsets: nothing of them is applied, and they start at the
    /// log end meanwhile (fetching little) until they are paused and moved to the stored offsets.
    private func awaitOffsets(
        _ partitions: [KafkaTopicPartition], failures: Int, error: any Error
    ) -> [KafkaTopicPartition: KafkaOffset] {
        let generation = tracker.awaitOffsets(partitions)
        status.assigned(Dictionary(uniqueKeysWithValues: partitions.map { ($0, nil) }))
        if status.phase != .stopped { status.setPhase(.running) }
        showWaitForOffsets(partitions, failures: failures, error: error)
        logger.error(
            "cannot read the stored offsets: the partitions wait, not consumed, until they can be read (RETRY_FOREVER)",
            error: error, metadata: ["kafka.assignment": "\(partitions.map(\.description).sorted())"])
        Task { [weak self] in await self?.startWhenOffsetsAreRead(partitions, generation: generation, failures: failures) }
        return Dictionary(uniqueKeysWithValues: partitions.map { ($0, KafkaOffset.end) })
    }

    /// Retries reading the stored offsets with backoff until it succeeds or the partitions are no longer
    /// ours. Then, in this order: pause (nothing more is fetched), seek to the stored offsets (which
    /// discards what was fetched), let the tracker accept records in a new generation, resume. Records
    /// fetched before the seek carry the old generation and are dropped; none after it can be missed.
    func startWhenOffsetsAreRead(_ partitions: [KafkaTopicPartition], generation: UInt64, failures: Int) async {
        var failures = failures
        while true {
            do {
                try await Task.sleep(for: configuration.retryPolicy.infrastructureDelay(afterFailures: failures))
            } catch {
                return
            }
            let waiting = tracker.awaiting(partitions, generation: generation)
            guard !waiting.isEmpty, let consumer = consumerReference.withLock({ $0 }) else { return }
            do {
                try consumer.pause(waiting)
                let stored = try await store.nextOffsets(topic: configuration.topic)
                try await consumer.seek(waiting.map { KafkaTopicPartitionOffset($0, offset: stored[$0.partition] ?? .beginning) })
                start(waiting, at: stored, generation: generation)
                try consumer.resume(waiting)
                return
            } catch {
                failures += 1
                showWaitForOffsets(waiting, failures: failures, error: error)
                logger.warning("the partitions still wait for their stored offsets (RETRY_FOREVER)", error: error)
            }
        }
    }

    private func start(_ partitions: [KafkaTopicPartition], at stored: [KafkaPartition: KafkaOffset], generation: UInt64) {
        var starts: [KafkaTopicPartition: KafkaOffset?] = [:]
        for partition in partitions where tracker.start(partition, at: stored[partition.partition], generation: generation) {
            starts[partition] = stored[partition.partition]
        }
        status.assigned(starts)
        logger.info(
            "stored offsets read: the partitions that waited start from them",
            metadata: [
                "kafka.assignment": "\(starts.map { "\($0.key)@\($0.value.map(String.init(describing:)) ?? "beginning")" }.sorted())"
            ])
    }

    private func showWaitForOffsets(_ partitions: [KafkaTopicPartition], failures: Int, error: any Error) {
        let delay = configuration.retryPolicy.infrastructureDelay(afterFailures: failures)
        for partition in partitions {
            status.hold(
                partition,
                ConsumerStatusBoard.Hold(
                    offset: nil, category: .retryForever, reason: "the stored offsets cannot be read: \(error)",
                    attempts: failures, nextAttempt: Date().addingTimeInterval(delay.seconds)))
        }
    }

    /// Says so loudly and follows the policy. Returns the partitions that start over at their first
    /// record: all of them when the whole store was reset, those beyond the log end when only their
    /// offsets were, none when consuming stops.
    ///
    /// The orders are wiped only when every partition the store has offsets for went back, i.e. the
    /// broker's log was reset. When only some did (or this instance holds only some partitions), just
    /// their offsets are forgotten: wiping would lose the orders of the partitions still intact.
    private func applyResetPolicy(
        _ beyond: [KafkaTopicPartition: (stored: KafkaOffset, end: KafkaOffset)], positions: Set<KafkaTopicPartition>
    ) async throws -> Set<KafkaTopicPartition> {
        let details = beyond.map { "\($0.key): stored next offset \($0.value.stored), log end \($0.value.end)" }.sorted()
        let summary = "stored offsets lie beyond the broker's log end (was the broker reset?): \(details.joined(separator: "; "))"
        guard configuration.offsetResetPolicy == .resetStore else {
            logger.critical("\(summary). Policy stop: consuming stopped; set ORDER_OFFSET_RESET_POLICY=reset-store to start over")
            status.setPhase(.stopped, reason: "\(summary); policy 'stop'")
            return []
        }
        let stored = try await store.nextOffsets(topic: configuration.topic)
        let storedPartitions = Set(stored.keys.map { KafkaTopicPartition(topic: configuration.topic, partition: $0) })
        if storedPartitions.isSubset(of: Set(beyond.keys)) {
            logger.error("\(summary). Policy reset-store: deleting the stored orders, offsets and dead letters, consuming from the start")
            try await store.reset()
            await onStoreReset()
            return positions
        }
        logger.error(
            "\(summary). Policy reset-store, but other partitions of the store are intact: only these partitions' offsets are reset, the orders are kept"
        )
        try await store.resetOffsets(topic: configuration.topic, partitions: beyond.keys.map(\.partition))
        return Set(beyond.keys)
    }

    /// Records older than a partition's next offset came without a seek to explain them: check whether
    /// the broker's log went back, and apply the policy when it did. Returns true when partitions were
    /// reset and start over at their first record.
    func checkLogEnd(of partitions: Set<KafkaTopicPartition>, consumer: KafkaConsumer) async -> Bool {
        let positions = tracker.positions
        var beyond: [KafkaTopicPartition: (stored: KafkaOffset, end: KafkaOffset)] = [:]
        for partition in partitions {
            // The log end seen in the fetch that brought the records (correct on Tansu too).
            guard let next = positions[partition], let end = consumer.cachedWatermarks(for: partition)?.high,
                next > end
            else { continue }
            beyond[partition] = (next, end)
        }
        guard !beyond.isEmpty else { return false }
        do {
            let reset = try await applyResetPolicy(beyond, positions: Set(positions.keys))
            if !reset.isEmpty {
                // Start those partitions over at their first record. A broker may answer a fetch beyond its
                // log end with nothing rather than "out of range" (Tansu does), so the consumer would
                // otherwise wait at the old offsets.
                tracker.rewind(reset)
                do {
                    try await consumer.seek(reset.map { KafkaTopicPartitionOffset($0, offset: .beginning) })
                } catch {
                    logger.error("cannot move the consumer back to the start of the log after the reset", error: error)
                }
                status.advanced(Dictionary(uniqueKeysWithValues: reset.map { ($0, KafkaOffset(rawValue: 0)) }))
                return true
            }
            tracker.stopAll()
            stopSignal.signal()
        } catch {
            logger.error("cannot apply the offset-reset policy", error: error)
        }
        return false
    }
}
