import CRdKafka

extension RDKafkaClient {
    /// Asks a broker for the cluster metadata of all topics.
    func metadata(timeout: Duration) async throws(KafkaError) -> KafkaClusterMetadata {
        let client = self
        return try await runBlocking { client.readMetadata(of: nil, timeout: timeout) }.get()
    }

    /// Blocks for the metadata of one topic (`nil`: of all topics), at most `timeout`: call it off the
    /// cooperative pool.
    private func readMetadata(of topic: OpaquePointer?, timeout: Duration) -> Result<KafkaClusterMetadata, KafkaError> {
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(kafka, topic == nil ? 1 : 0, topic, &metadata, timeout.inMillisecondsInt32)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
            return .failure(.rdKafka(code, context: "reading cluster metadata"))
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        return .success(Self.clusterMetadata(metadata.pointee))
    }

    private static func clusterMetadata(_ raw: rd_kafka_metadata) -> KafkaClusterMetadata {
        let brokers = (0..<Int(raw.broker_cnt)).map { index in
            let broker = raw.brokers[index]
            return KafkaClusterMetadata.Broker(id: broker.id, host: String(cString: broker.host), port: Int(broker.port))
        }
        let topics = (0..<Int(raw.topic_cnt)).map { index in
            let topic = raw.topics[index]
            return KafkaClusterMetadata.Topic(
                name: String(cString: topic.topic),
                partitions: (0..<Int(topic.partition_cnt)).map { partition(topic.partitions[$0]) },
                error: errorCode(topic.err)
            )
        }
        return KafkaClusterMetadata(brokers: brokers, topics: topics, originatingBrokerID: raw.orig_broker_id)
    }

    private static func partition(_ raw: rd_kafka_metadata_partition) -> KafkaClusterMetadata.Partition {
        KafkaClusterMetadata.Partition(
            id: KafkaPartition(unchecked: raw.id),
            leader: raw.leader,
            replicas: (0..<Int(raw.replica_cnt)).map { raw.replicas[$0] },
            inSyncReplicas: (0..<Int(raw.isr_cnt)).map { raw.isrs[$0] },
            error: errorCode(raw.err)
        )
    }

    private static func errorCode(_ code: rd_kafka_resp_err_t) -> RDKafkaCode? {
        code == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : RDKafkaCode(code)
    }
}

extension RDKafkaClient {
    /// Asks for these topics' metadata and blocks until it arrived, at most `timeout`: `true` when every
    /// partition has a leader. Call it off the cooperative pool.
    func waitForLeaders(of topics: Set<String>, timeout: Duration) -> Bool {
        topics.allSatisfy { topic in
            guard let handle = try? topicHandle(topic), case .success(let metadata) = readMetadata(of: handle, timeout: timeout)
            else { return false }
            return metadata.topics.allSatisfy { $0.error == nil && $0.partitions.allSatisfy { $0.leader >= 0 } }
        }
    }
}
