extension KafkaConsumer {
    /// Commits `message.offset + 1` for its partition and waits for the broker's answer.
    ///
    /// - Throws: ``KafkaError`` `.commit` (e.g. the partition was revoked), `.timedOut` (the commit may
    ///   still complete), `.connectionFailed`.
    public func commit(_ message: KafkaConsumerMessage, timeout: Duration = .seconds(10)) async throws {
        try await commit([KafkaTopicPartitionOffset(message.topicPartition, offset: message.offset.next)], timeout: timeout)
    }

    /// Commits explicit offsets (each the offset of the next message to read) and waits for the answer.
    public func commit(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration = .seconds(10)) async throws {
        try checkCommitAllowed()
        try await client.commit(offsets, timeout: timeout)
    }

    /// Commits `message.offset + 1` without waiting; a failure is logged (info) when the answer arrives.
    public func commitAsync(_ message: KafkaConsumerMessage) throws {
        try commitAsync([KafkaTopicPartitionOffset(message.topicPartition, offset: message.offset.next)])
    }

    /// Commits explicit offsets without waiting; a failure is logged (info) when the answer arrives.
    public func commitAsync(_ offsets: [KafkaTopicPartitionOffset]) throws {
        try checkCommitAllowed()
        try client.commitAsync(offsets)
    }

    /// The group's committed offsets for these partitions (`.invalid` where nothing was committed).
    public func committed(
        _ partitions: [KafkaTopicPartition],
        timeout: Duration = .seconds(10)
    ) async throws -> [KafkaTopicPartitionOffset] {
        try await client.committed(partitions, timeout: timeout)
    }

    private func checkCommitAllowed() throws(KafkaError) {
        guard configuration.consumptionStrategy.groupID != nil else {
            throw .invalidArgument("committing needs a group: give the .partitions strategy a groupID")
        }
        guard state.withLock({ $0.phase }) != .closed else {
            throw .shutdown("the consumer is closed")
        }
    }
}
