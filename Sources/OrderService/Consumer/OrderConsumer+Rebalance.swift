import Foundation
import Kafka
import Logging

extension OrderConsumer {
    /// Partitions were assigned: start each at the store's offset (the beginning when the store has
    /// none). Kafka's committed offsets are not consulted: the store is the truth.
    ///
    /// Whether the broker still has the log those offsets belong to shows once records arrive: a
    /// reset broker answers the stored offset with "out of range", the consumer starts over at its
    /// earliest record, and ``checkLogEnd(of:consumer:)`` sees records behind the stored offset.
    /// (Asking for the log end here is not reliable: Tansu's ListOffsets undercounts partitions
    /// written together in one produce request.)
    func assigned(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: KafkaOffset] {
        let ours = partitions.filter { $0.topic == configuration.topic }
        let stored = try await storedOffsets()
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

    /// The stored offsets, waiting (within the rebalance hook's time) while the store is unavailable:
    /// starting from Kafka's committed offsets instead would not be wrong (the store skips what it
    /// has), but could start after records the store has not applied.
    private func storedOffsets() async throws -> [KafkaPartition: KafkaOffset] {
        var failures = 0
        while true {
            do {
                return try await store.nextOffsets(topic: configuration.topic)
            } catch {
                failures += 1
                logger.warning("cannot read the stored offsets (RETRY_FOREVER), retrying", error: error)
                guard failures < 5 else { throw error }
                try await Task.sleep(for: configuration.retryPolicy.infrastructureDelay(afterFailures: failures))
            }
        }
    }

    /// Says so loudly and follows the policy. Returns true when the store was reset (consume from the
    /// start), false when consuming stops.
    private func applyResetPolicy(_ beyond: [KafkaTopicPartition: (stored: KafkaOffset, end: KafkaOffset)]) async throws -> Bool {
        let details = beyond.map { "\($0.key): stored next offset \($0.value.stored), log end \($0.value.end)" }.sorted()
        let summary = "stored offsets lie beyond the broker's log end (was the broker reset?): \(details.joined(separator: "; "))"
        if configuration.offsetResetPolicy == .resetStore {
            logger.error("\(summary). Policy reset-store: deleting the stored orders, offsets and dead letters, consuming from the start")
            try await store.reset()
            return true
        }
        logger.critical("\(summary). Policy stop: consuming stopped; set ORDER_OFFSET_RESET_POLICY=reset-store to start over")
        status.setPhase(.stopped, reason: "\(summary); policy 'stop'")
        return false
    }

    /// Records older than a partition's next offset came without a seek to explain them: check whether
    /// the broker's log went back, and apply the policy when it did. Returns true when the store was
    /// reset and the partitions start over at their first record.
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
            if try await applyResetPolicy(beyond) {
                // Start every partition over at its first record. A broker may answer a fetch beyond its
                // log end with nothing rather than "out of range" (Tansu does), so the consumer would
                // otherwise wait at the old offsets.
                tracker.rewindAll()
                let starts = positions.keys.map { KafkaTopicPartitionOffset($0, offset: .beginning) }
                do {
                    try await consumer.seek(starts)
                } catch {
                    logger.error("cannot move the consumer back to the start of the log after the reset", error: error)
                }
                status.advanced(Dictionary(uniqueKeysWithValues: positions.keys.map { ($0, KafkaOffset(rawValue: 0)) }))
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
