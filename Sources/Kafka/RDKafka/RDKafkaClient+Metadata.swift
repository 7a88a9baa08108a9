import CRdKafka

extension RDKafkaClient {
    /// Asks a broker for the cluster metadata of all topics.
    func metadata(timeout: Duration) async throws(KafkaError) -> KafkaClusterMetadata {
        let handle = SendableOpaquePointer(kafka)
        let result: Result<KafkaClusterMetadata, KafkaError> = await runBlocking {
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let code = rd_kafka_metadata(handle.pointer, 1, nil, &metadata, timeout.inMillisecondsInt32)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                return .failure(.rdKafka(code, context: "reading cluster metadata"))
            }
            defer { rd_kafka_metadata_destroy(metadata) }
            return .success(Self.clusterMetadata(metadata.pointee))
        }
        return try result.get()
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
            guard let handle = try? topicHandle(topic) else { return false }
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let code = rd_kafka_metadata(kafka, 0, handle, &metadata, timeout.inMillisecondsInt32)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { return false }
            defer { rd_kafka_metadata_destroy(metadata) }
            let raw = metadata.pointee
            return (0..<Int(raw.topic_cnt)).allSatisfy { index in
                let entry = raw.topics[index]
                return entry.err == RD_KAFKA_RESP_ERR_NO_ERROR
                    && (0..<Int(entry.partition_cnt)).allSatisfy { entry.partitions[$0].leader >= 0 }
            }
        }
    }
}
