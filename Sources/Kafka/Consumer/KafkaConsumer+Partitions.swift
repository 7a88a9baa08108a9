extension KafkaConsumer {
    /// Replaces the set of partitions to read (no group rebalancing). Meant for the `.partitions`
    /// consumption strategy; on a group consumer the next rebalance overrides it. Buffered messages of
    /// the partitions dropped or re-positioned are discarded, so the next message comes from the new
    /// assignment. Waits for a fetch in progress to end first, like ``seek(_:timeout:)``.
    public func assign(_ partitions: [KafkaTopicPartitionOffset]) async throws {
        let result: Result<Void, KafkaError> = await client.runBlocking { [self] in
            Result { () throws(KafkaError) in
                try fetchLock.withLock { _ throws(KafkaError) in try assignHoldingFetchLock(partitions) }
            }
        }
        try result.get()
    }

    /// librdkafka looks up a logical start offset (beginning, end, stored) once it knows the partition's
    /// leader, and when the assignment came before the first metadata answer it looks again only after a
    /// fixed 500 ms (measured: every assign-only consumer got its first message 0.52 s after start, the
    /// registry's `_schemas` reader included). So such an assignment waits for the metadata first (at most
    /// a second), on the consume queue and under the fetch lock: the first fetch and any seek come after.
    func assignOnceLeadersAreKnown(_ partitions: [KafkaTopicPartitionOffset]) {
        fetchLock.withLock { _ in
            do throws(KafkaError) {
                try assignHoldingFetchLock(partitions)
            } catch {
                state.withLock { $0.startFailure = error }
            }
        }
    }

    /// Assigns between two fetches, once the leaders are known when an offset is logical (see above), and
    /// discards what was fetched for the partitions dropped or re-positioned.
    private func assignHoldingFetchLock(_ partitions: [KafkaTopicPartitionOffset]) throws(KafkaError) {
        if partitions.contains(where: { !$0.offset.isConcrete }) {
            _ = client.waitForLeaders(of: Set(partitions.map(\.topic)), timeout: .seconds(1))
        }
        let previous = (try? client.assignment()) ?? []
        try client.assign(partitions)
        discardFetched(previous + partitions.map(\.topicPartition))
    }

    /// Stops fetching from these partitions until ``resume(_:)``; the group assignment is kept. Messages
    /// already buffered by the iteration are still delivered.
    public func pause(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        try client.pause(partitions)
    }

    /// Fetches again from paused partitions, from where they stopped.
    public func resume(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        try client.resume(partitions)
    }

    /// Moves the read position of assigned partitions. Buffered messages of those partitions are
    /// discarded, so the next message of each is the one at its new position. Waits for a fetch in
    /// progress to end first (at most about 100 ms).
    ///
    /// Inside ``KafkaRebalanceHooks/onPartitionsAssigned`` return the offsets instead: the partitions are
    /// not assigned yet while the hook runs.
    public func seek(_ positions: [KafkaTopicPartitionOffset], timeout: Duration = .seconds(10)) async throws {
        let result: Result<Void, KafkaError> = await client.runBlocking { [self] in
            // Never during a fetch: see `take(from:waiting:)`.
            Result { () throws(KafkaError) in
                try fetchLock.withLock { _ throws(KafkaError) in try seekAndDiscard(positions, timeout: timeout) }
            }
        }
        try result.get()
    }

    private func seekAndDiscard(_ positions: [KafkaTopicPartitionOffset], timeout: Duration) throws(KafkaError) {
        try client.seek(positions, timeout: timeout)
        discardFetched(positions.map(\.topicPartition))
    }

    /// Makes what was fetched for these partitions so far stale: the iteration skips it.
    func discardFetched(_ partitions: [KafkaTopicPartition]) {
        let epoch = state.withLock { state in
            state.seekEpoch += 1
            for partition in partitions { state.lastSeek[partition] = state.seekEpoch }
            return state.seekEpoch
        }
        seekEpoch.store(epoch, ordering: .releasing)
    }

    /// The offset of the next message this consumer will fetch, per partition (`.invalid` if unknown).
    public func position(_ partitions: [KafkaTopicPartition]) throws(KafkaError) -> [KafkaTopicPartitionOffset] {
        try client.position(partitions)
    }

    /// Asks the partition leader for the partition's bounds.
    public func watermarks(for partition: KafkaTopicPartition, timeout: Duration = .seconds(10)) async throws -> KafkaWatermarks {
        try await client.queryWatermarks(partition, timeout: timeout)
    }

    /// The bounds last seen in fetch answers, without a broker request; `nil` before the first fetch.
    public func cachedWatermarks(for partition: KafkaTopicPartition) -> KafkaWatermarks? {
        client.cachedWatermarks(partition)
    }

    /// How many messages of the partition this consumer has not fetched yet: the high watermark minus the
    /// position (or minus the committed offset before the first fetch; the whole partition if neither).
    public func lag(for partition: KafkaTopicPartition, timeout: Duration = .seconds(10)) async throws -> Int64 {
        let watermarks = try await watermarks(for: partition, timeout: timeout)
        var start = try position([partition]).first?.offset ?? .invalid
        if !start.isConcrete {
            start = try await committed([partition], timeout: timeout).first?.offset ?? .invalid
        }
        let from = start.isConcrete ? start.rawValue : watermarks.low.rawValue
        return max(0, watermarks.high.rawValue - from)
    }
}
