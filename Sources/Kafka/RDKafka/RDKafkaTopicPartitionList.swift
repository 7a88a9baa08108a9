import CRdKafka

typealias RDKafkaPartitionListPointer = UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

/// Converts between Swift partition values and `rd_kafka_topic_partition_list_t`. Lists made here are owned
/// by the caller, who frees them with `rd_kafka_topic_partition_list_destroy` (see ``withList(_:_:)``).
enum RDKafkaTopicPartitionList {
    static func make(_ entries: [KafkaTopicPartitionOffset]) -> RDKafkaPartitionListPointer {
        // swift-format-ignore: NeverForceUnwrap
        // librdkafka's constructors abort on allocation failure rather than return NULL.
        let list = rd_kafka_topic_partition_list_new(Int32(clamping: max(entries.count, 1)))!
        for entry in entries {
            // swift-format-ignore: NeverForceUnwrap
            // librdkafka's constructors abort on allocation failure rather than return NULL.
            let element = rd_kafka_topic_partition_list_add(list, entry.topic, entry.partition.rawValue)!
            element.pointee.offset = entry.offset.rawValue
        }
        return list
    }

    static func make(_ partitions: [KafkaTopicPartition]) -> RDKafkaPartitionListPointer {
        make(partitions.map { KafkaTopicPartitionOffset($0, offset: .invalid) })
    }

    /// Runs `body` with a temporary list that is destroyed afterwards.
    static func withList<R>(_ entries: [KafkaTopicPartitionOffset], _ body: (RDKafkaPartitionListPointer) throws -> R) rethrows -> R {
        let list = make(entries)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return try body(list)
    }

    static func withList<R>(_ partitions: [KafkaTopicPartition], _ body: (RDKafkaPartitionListPointer) throws -> R) rethrows -> R {
        try withList(partitions.map { KafkaTopicPartitionOffset($0, offset: .invalid) }, body)
    }

    /// The entries of a list, each with its per-partition error code.
    static func read(
        _ list: UnsafePointer<rd_kafka_topic_partition_list_t>
    ) -> [(entry: KafkaTopicPartitionOffset, error: rd_kafka_resp_err_t)] {
        guard let elements = list.pointee.elems else { return [] }
        return (0..<Int(list.pointee.cnt)).map { index in
            let element = elements[index]
            let entry = KafkaTopicPartitionOffset(
                topic: String(cString: element.topic),
                partition: KafkaPartition(unchecked: element.partition),
                offset: KafkaOffset(rawValue: element.offset)
            )
            return (entry, element.err)
        }
    }

    /// Sets the starting offset of the partitions named in `offsets` (others keep theirs).
    static func setOffsets(_ offsets: [KafkaTopicPartition: KafkaOffset], in list: RDKafkaPartitionListPointer) {
        guard let elements = list.pointee.elems else { return }
        for index in 0..<Int(list.pointee.cnt) {
            let key = KafkaTopicPartition(
                topic: String(cString: elements[index].topic),
                partition: KafkaPartition(unchecked: elements[index].partition)
            )
            if let offset = offsets[key] { elements[index].offset = offset.rawValue }
        }
    }

    /// The first per-partition error of a list, as a ``KafkaError``.
    static func firstError(in list: UnsafePointer<rd_kafka_topic_partition_list_t>, context: String) -> KafkaError? {
        for (entry, error) in read(list) where error != RD_KAFKA_RESP_ERR_NO_ERROR {
            return .rdKafka(error, context: "\(context) for \(entry.topicPartition)")
        }
        return nil
    }
}
