import Foundation
import Kafka
import Logging

extension OrderConsumer {
    /// Partitions were assigned: start each at the store's offset (the beginning when the store has
    /// none), after checking that the broker still has the log those offsets belong to.
    func assigned(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: KafkaOffset] {
        let ours = partitions.filter { $0.topic == configuration.topic }
        let stored = try await storedOffsets()
        var starts: [KafkaTopicPartition: KafkaOffset?] = [:]
        for partition in ours { starts[partition] = stored[partition.partition] }
        let beyond = await offsetsBeyondLogEnd(starts)
        if !beyond.isEmpty {
            guard try await applyResetPolicy(beyond) else {
                tracker.assign(starts)
                tracker.stopAll()
                status.assigned(starts)
                stopSignal.signal()
                return [:]
            }
            starts = starts.mapValues { _ in nil }
        }
        tracker.assign(starts)
        status.assigned(starts)
        status.setPhase(.running)
        logger.info(
            "partitions assigned",
            metadata: ["kafka.assignment": "\(starts.map { "\($0.key)@\($0.value.map(String.init(describing:)) ?? "beginning")" }.sorted())"])
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

    /// Stored offsets past the end of the broker's log: the broker lost its data since they were stored.
    private func offsetsBeyondLogEnd(_ starts: [KafkaTopicPartition: KafkaOffset?]) async -> [KafkaTopicPartition: (stored: KafkaOffset, end: KafkaOffset)] {
        guard let consumer = consumerReference.withLock({ $0 }) else { return [:] }
        var beyond: [KafkaTopicPartition: (KafkaOffset, KafkaOffset)] = [:]
        for case let (partition, stored?) in starts {
            do {
                let marks = try await consumer.watermarks(for: partition)
                if stored > marks.high { beyond[partition] = (stored, marks.high) }
            } catch {
                logger.info("cannot read the log end, not checking the stored offset", error: error, metadata: [
                    OrderServiceLoggingKeys.partition: "\(partition)",
                ])
            }
        }
        return beyond
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
    /// the broker's log went back, and apply the policy when it did.
    func checkLogEnd(of partitions: Set<KafkaTopicPartition>, consumer: KafkaConsumer) async {
        let positions = tracker.positions
        var beyond: [KafkaTopicPartition: (stored: KafkaOffset, end: KafkaOffset)] = [:]
        for partition in partitions {
            guard let next = positions[partition],
                let marks = try? await consumer.watermarks(for: partition), next > marks.high
            else { continue }
            beyond[partition] = (next, marks.high)
        }
        guard !beyond.isEmpty else { return }
        do {
            if try await applyResetPolicy(beyond) {
                // Start over: the reassignment that follows a broker reset replays the topic; force one.
                let starts = Dictionary(uniqueKeysWithValues: positions.keys.map { ($0, KafkaOffset?.none) })
                try await consumer.seek(starts.keys.map { KafkaTopicPartitionOffset($0, offset: .beginning) })
                tracker.assign(starts)
                status.assigned(starts)
            } else {
                tracker.stopAll()
                stopSignal.signal()
            }
        } catch {
            logger.error("cannot apply the offset-reset policy", error: error)
        }
    }
}
