import CRdKafka

extension RDKafkaClient {
    /// Asks the partition leader for the oldest and next-to-be-written offsets.
    func queryWatermarks(_ partition: KafkaTopicPartition, timeout: Duration) async throws(KafkaError) -> KafkaWatermarks {
        let handle = SendableOpaquePointer(kafka)
        let result: Result<KafkaWatermarks, KafkaError> = await runBlocking {
            var low: Int64 = 0
            var high: Int64 = 0
            let code = rd_kafka_query_watermark_offsets(
                handle.pointer, partition.topic, partition.partition.rawValue, &low, &high, timeout.inMillisecondsInt32
            )
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                return .failure(.rdKafka(code, context: "querying watermarks of \(partition)"))
            }
            return .success(KafkaWatermarks(low: KafkaOffset(rawValue: low), high: KafkaOffset(rawValue: high)))
        }
        return try result.get()
    }

    /// The watermarks librdkafka last saw in fetch responses; no broker request, `nil` when unknown.
    func cachedWatermarks(_ partition: KafkaTopicPartition) -> KafkaWatermarks? {
        var low: Int64 = -1
        var high: Int64 = -1
        let code = rd_kafka_get_watermark_offsets(kafka, partition.topic, partition.partition.rawValue, &low, &high)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, high >= 0 else { return nil }
        return KafkaWatermarks(low: KafkaOffset(rawValue: low), high: KafkaOffset(rawValue: high))
    }
}
