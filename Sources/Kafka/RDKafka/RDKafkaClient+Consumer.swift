import CRdKafka

/// Consumer calls. Those that can block run on the blocking queue with a timeout; the batch fetch and the
/// close run on the consumer's own serial queue (see `KafkaConsumer`), never on the cooperative pool.
extension RDKafkaClient {
    typealias Batch = (messages: [KafkaConsumerMessage], errors: [KafkaError])

    func subscribe(topics: [String]) throws(KafkaError) {
        let list = RDKafkaTopicPartitionList.make(topics.map { KafkaTopicPartition(topic: $0, partition: .unassigned) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try KafkaError.check(rd_kafka_subscribe(kafka, list), "subscribing to \(topics)")
    }

    func assign(_ partitions: [KafkaTopicPartitionOffset]) throws(KafkaError) {
        let list = RDKafkaTopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try KafkaError.check(rd_kafka_assign(kafka, list), "assigning \(partitions)")
    }

    func assignment() throws(KafkaError) -> [KafkaTopicPartition] {
        var list: RDKafkaPartitionListPointer?
        try KafkaError.check(rd_kafka_assignment(kafka, &list), "reading the assignment")
        guard let list else { return [] }
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return RDKafkaTopicPartitionList.read(list).map(\.entry.topicPartition)
    }

    /// What waits in `queue`, without waiting: messages, but also rebalances and errors.
    func queueLength(_ queue: OpaquePointer) -> Int {
        rd_kafka_queue_length(queue)
    }

    /// Waits up to 100 ms for a first message, then takes what else is already queued, up to `maximum`.
    ///
    /// `rd_kafka_consume_batch_queue` alone returns only when the batch is full or the timeout expired,
    /// so under light load every message would wait the whole timeout (measured: p50 65 ms from produce
    /// to consume at 1,000 msg/s with a 100 ms timeout).
    func consumeAvailable(from queue: OpaquePointer, maximum: Int, reader: inout RDKafkaMessageReader) -> Batch {
        var batch: Batch = ([], [])
        consumeBatch(from: queue, timeout: .milliseconds(100), maximum: 1, reader: &reader, into: &batch)
        guard !batch.messages.isEmpty || !batch.errors.isEmpty, maximum > 1 else { return batch }
        consumeBatch(from: queue, timeout: .zero, maximum: maximum - 1, reader: &reader, into: &batch)
        return batch
    }

    /// Takes up to `maximum` messages, waiting up to `timeout` for the first; also serves the rebalance
    /// callback when a rebalance is pending. Copies the messages out, appending them to `batch` (no
    /// second copy of a batch), and destroys the C messages.
    func consumeBatch(
        from queue: OpaquePointer,
        timeout: Duration,
        maximum: Int,
        reader: inout RDKafkaMessageReader,
        into batch: inout Batch
    ) {
        withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<rd_kafka_message_t>?.self, capacity: maximum) { buffer in
            let count = rd_kafka_consume_batch_queue(queue, timeout.inMillisecondsInt32, buffer.baseAddress, maximum)
            guard count > 0 else { return }
            batch.messages.reserveCapacity(batch.messages.count + count)
            for message in buffer.prefix(count).compactMap({ $0 }) {
                defer { rd_kafka_message_destroy(message) }
                if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                    batch.messages.append(reader.read(message))
                } else if message.pointee.err != RD_KAFKA_RESP_ERR__PARTITION_EOF {
                    batch.errors.append(Self.consumeError(message))
                }
            }
        }
    }

    private static func consumeError(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaError {
        let text = rd_kafka_message_errstr(message).map { String(cString: $0) } ?? "consume error"
        return .rdKafka(message.pointee.err, context: text, isFatal: message.pointee.err == RD_KAFKA_RESP_ERR__FATAL)
    }

    /// Starts the asynchronous close and serves its queue (where the revocation arrives) until librdkafka
    /// reports the consumer closed or `timeout` passes; `false` when it did not close. Blocks: call it on
    /// the consumer's serial queue.
    ///
    /// The close gets a queue of its own: librdkafka forwards the group queue to the queue given here, so
    /// passing the group queue itself would make it forward to itself and never be freed (and
    /// `rd_kafka_destroy` would then wait forever for the broker threads).
    func closeConsumer(timeout: Duration) -> Bool {
        guard let queue = rd_kafka_queue_new(kafka) else {
            logger.info("closing the consumer failed: librdkafka could not create a queue")
            return false
        }
        defer { rd_kafka_queue_destroy(queue) }
        if let error = rd_kafka_consumer_close_queue(kafka, queue) {
            logger.info("closing the consumer failed", error: KafkaError.rdKafka(consuming: error, context: "close"))
            return false
        }
        let deadline = ContinuousClock.now + timeout
        var reader = RDKafkaMessageReader()
        while rd_kafka_consumer_closed(kafka) == 0 {
            guard ContinuousClock.now < deadline else { return false }
            // Serves the rebalance callback; messages still arriving are dropped (the application stopped).
            var dropped: Batch = ([], [])
            consumeBatch(from: queue, timeout: .milliseconds(100), maximum: 100, reader: &reader, into: &dropped)
        }
        return true
    }

    /// Records offsets for the next auto-commit (`enable.auto.offset.store` is off).
    func storeOffsets(_ offsets: [KafkaTopicPartitionOffset]) -> KafkaError? {
        RDKafkaTopicPartitionList.withList(offsets) { list in
            let code = rd_kafka_offsets_store(kafka, list)
            // Partitions revoked meanwhile fail individually; that is expected and harmless.
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR__STATE else { return nil }
            return .rdKafka(code, context: "storing offsets")
        }
    }

    /// Commits and waits for the broker's answer, at most `timeout`.
    func commit(_ offsets: [KafkaTopicPartitionOffset], timeout: Duration) async throws(KafkaError) {
        let handle = SendableOpaquePointer(kafka)
        let list = SendablePartitionList(RDKafkaTopicPartitionList.make(offsets))
        let error: KafkaError? = await runBlocking {
            defer { rd_kafka_topic_partition_list_destroy(list.pointer) }
            return Self.commitAndWait(handle.pointer, list.pointer, timeout: timeout)
        }
        if let error { throw error }
    }

    private static func commitAndWait(_ kafka: OpaquePointer, _ list: RDKafkaPartitionListPointer, timeout: Duration) -> KafkaError? {
        // A private result queue: the answer comes back as an event we can wait for with a deadline.
        // swift-format-ignore: NeverForceUnwrap
        // librdkafka's constructors abort on allocation failure rather than return NULL.
        let queue = rd_kafka_queue_new(kafka)!
        defer { rd_kafka_queue_destroy(queue) }
        let code = rd_kafka_commit_queue(kafka, list, queue, ignoreCommitResult, nil)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { return .rdKafka(code, context: "committing offsets") }
        guard let event = rd_kafka_queue_poll(queue, timeout.inMillisecondsInt32) else {
            return .timedOut("no answer to the offset commit within \(timeout); it may still complete")
        }
        defer { rd_kafka_event_destroy(event) }
        let eventCode = rd_kafka_event_error(event)
        guard eventCode == RD_KAFKA_RESP_ERR_NO_ERROR else {
            return KafkaError(
                code: .commit, reason: "offset commit failed: \(RDKafkaCode(eventCode).message)",
                rdKafkaCode: RDKafkaCode(eventCode), file: #fileID, line: #line)
        }
        if let partitions = rd_kafka_event_topic_partition_list(event) {
            return RDKafkaTopicPartitionList.firstError(in: partitions, context: "offset commit")
        }
        return nil
    }

    /// Commits without waiting; a failure is logged when its event arrives on the main queue.
    func commitAsync(_ offsets: [KafkaTopicPartitionOffset]) throws(KafkaError) {
        let list = RDKafkaTopicPartitionList.make(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try KafkaError.check(rd_kafka_commit(kafka, list, 1), "scheduling an offset commit")
    }

    /// The group's committed offsets for these partitions (`.invalid` when none).
    func committed(_ partitions: [KafkaTopicPartition], timeout: Duration) async throws(KafkaError) -> [KafkaTopicPartitionOffset] {
        let handle = SendableOpaquePointer(kafka)
        let list = SendablePartitionList(RDKafkaTopicPartitionList.make(partitions))
        let result: Result<[KafkaTopicPartitionOffset], KafkaError> = await runBlocking {
            defer { rd_kafka_topic_partition_list_destroy(list.pointer) }
            let code = rd_kafka_committed(handle.pointer, list.pointer, timeout.inMillisecondsInt32)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(.rdKafka(code, context: "reading committed offsets")) }
            return .success(RDKafkaTopicPartitionList.read(list.pointer).map(\.entry))
        }
        return try result.get()
    }

    /// The offset of the next message the consumer will hand out, per partition (`.invalid` when unknown).
    func position(_ partitions: [KafkaTopicPartition]) throws(KafkaError) -> [KafkaTopicPartitionOffset] {
        let list = RDKafkaTopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try KafkaError.check(rd_kafka_position(kafka, list), "reading positions")
        return RDKafkaTopicPartitionList.read(list).map(\.entry)
    }

    func pause(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        let list = RDKafkaTopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try KafkaError.check(rd_kafka_pause_partitions(kafka, list), "pausing \(partitions)")
        if let error = RDKafkaTopicPartitionList.firstError(in: list, context: "pausing") { throw error }
    }

    func resume(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        let list = RDKafkaTopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        try KafkaError.check(rd_kafka_resume_partitions(kafka, list), "resuming \(partitions)")
        if let error = RDKafkaTopicPartitionList.firstError(in: list, context: "resuming") { throw error }
    }

    /// Blocks until librdkafka moved the positions, at most `timeout`: call it off the cooperative pool.
    func seek(_ positions: [KafkaTopicPartitionOffset], timeout: Duration) throws(KafkaError) {
        let list = RDKafkaTopicPartitionList.make(positions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        if let error = rd_kafka_seek_partitions(kafka, list, timeout.inMillisecondsInt32) {
            throw .rdKafka(consuming: error, context: "seeking")
        }
        if let error = RDKafkaTopicPartitionList.firstError(in: list, context: "seeking") { throw error }
    }
}

/// A partition list handed to the blocking queue. Safe because exactly one closure uses and frees it.
struct SendablePartitionList: @unchecked Sendable {
    let pointer: RDKafkaPartitionListPointer
    init(_ pointer: RDKafkaPartitionListPointer) { self.pointer = pointer }
}

/// `rd_kafka_commit_queue` requires a callback when its queue is polled; with the event API it is not
/// called (the result arrives as an `RD_KAFKA_EVENT_OFFSET_COMMIT` event instead).
private let ignoreCommitResult:
    @convention(c) (
        OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?, UnsafeMutableRawPointer?
    ) -> Void = { _, _, _, _ in }
