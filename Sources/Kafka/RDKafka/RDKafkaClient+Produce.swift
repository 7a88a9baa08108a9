import CRdKafka

extension RDKafkaClient {
    /// Hands one message to librdkafka, which copies key, value and headers (`RD_KAFKA_MSG_F_COPY`), so the
    /// buffers need to live only for this call. `id` comes back in the delivery report as the opaque.
    ///
    /// Returns `nil` when queued, or the error when librdkafka refused it right away (queue full, unknown
    /// partition, message too large).
    func produce(
        topic: String,
        partition: KafkaPartition,
        key: UnsafeRawBufferPointer?,
        value: UnsafeRawBufferPointer?,
        headers: [KafkaHeader],
        id: KafkaProducerMessageID
    ) -> KafkaError? {
        let topicHandle: OpaquePointer
        do {
            topicHandle = try self.topicHandle(topic)
        } catch {
            return error
        }
        let opaque = UnsafeMutableRawPointer(bitPattern: UInt(id.rawValue))
        let flags = RD_KAFKA_MSG_F_COPY
        if headers.isEmpty {
            // The classic call is the fastest path and covers the common case of no headers.
            let result = rd_kafka_produce(
                topicHandle, partition.rawValue, flags,
                UnsafeMutableRawPointer(mutating: value?.baseAddress), value?.count ?? 0,
                key?.baseAddress, key?.count ?? 0, opaque
            )
            guard result != 0 else { return nil }
            return .rdKafka(rd_kafka_last_error(), context: "producing to \(topic)[\(partition)]")
        }
        return produceWithHeaders(
            topicHandle: topicHandle, topic: topic, partition: partition,
            key: key, value: value, headers: headers, opaque: opaque
        )
    }

    private func produceWithHeaders(
        topicHandle: OpaquePointer,
        topic: String,
        partition: KafkaPartition,
        key: UnsafeRawBufferPointer?,
        value: UnsafeRawBufferPointer?,
        headers: [KafkaHeader],
        opaque: UnsafeMutableRawPointer?
    ) -> KafkaError? {
        let cHeaders = Self.makeHeaders(headers)
        var values = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 7)
        values[0].vtype = RD_KAFKA_VTYPE_RKT
        values[0].u.rkt = topicHandle
        values[1].vtype = RD_KAFKA_VTYPE_PARTITION
        values[1].u.i32 = partition.rawValue
        values[2].vtype = RD_KAFKA_VTYPE_VALUE
        values[2].u.mem = .init(ptr: UnsafeMutableRawPointer(mutating: value?.baseAddress), size: value?.count ?? 0)
        values[3].vtype = RD_KAFKA_VTYPE_KEY
        values[3].u.mem = .init(ptr: UnsafeMutableRawPointer(mutating: key?.baseAddress), size: key?.count ?? 0)
        values[4].vtype = RD_KAFKA_VTYPE_MSGFLAGS
        values[4].u.i = RD_KAFKA_MSG_F_COPY
        values[5].vtype = RD_KAFKA_VTYPE_OPAQUE
        values[5].u.ptr = opaque
        values[6].vtype = RD_KAFKA_VTYPE_HEADERS
        values[6].u.headers = cHeaders
        guard let error = rd_kafka_produceva(kafka, values, values.count) else {
            return nil  // librdkafka now owns the headers
        }
        // On failure the headers stay ours to free.
        rd_kafka_headers_destroy(cHeaders)
        return .rdKafka(consuming: error, context: "producing to \(topic)[\(partition)]")
    }

    private static func makeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer {
        // swift-format-ignore: NeverForceUnwrap
        // librdkafka's constructors abort on allocation failure rather than return NULL.
        let cHeaders = rd_kafka_headers_new(headers.count)!
        for header in headers {
            if let value = header.value {
                value.withUnsafeBytes { bytes in
                    _ = rd_kafka_header_add(cHeaders, header.key, -1, bytes.baseAddress, bytes.count)
                }
            } else {
                _ = rd_kafka_header_add(cHeaders, header.key, -1, nil, 0)
            }
        }
        return cHeaders
    }

    /// Waits until every queued message is acknowledged or failed, or `timeout` passes. Blocking, so it
    /// runs on the blocking queue; the event thread keeps serving delivery reports meanwhile (required:
    /// with `RD_KAFKA_EVENT_DR` enabled `rd_kafka_flush` only waits, it doesn't poll).
    func flush(timeout: Duration) async -> KafkaError? {
        let handle = SendableOpaquePointer(kafka)
        let code = await runBlocking { rd_kafka_flush(handle.pointer, timeout.inMillisecondsInt32) }
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return .rdKafka(code, context: "flush: \(outQueueLength) message(s) still unacknowledged after \(timeout)")
    }

    /// Waits on the calling thread until every message is acknowledged or failed, or `timeout` passes.
    /// For dispatch threads only, never the cooperative pool.
    func flushBlocking(timeout: Duration) {
        rd_kafka_flush(kafka, timeout.inMillisecondsInt32)
    }

    /// Messages queued, in flight or waiting for their delivery report.
    var outQueueLength: Int { Int(rd_kafka_outq_len(kafka)) }

    /// Fails every message not yet acknowledged with a purge error in its delivery report.
    func purgeAll() {
        rd_kafka_purge(kafka, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT)
    }
}
