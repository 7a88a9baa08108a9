import CRdKafka

/// Admin requests: each gets a private result queue that is polled with a deadline on the blocking queue.
extension RDKafkaClient {
    /// Runs one admin request. `start` issues it (C objects it creates are its to free) and `parse` reads
    /// the result event; both run on the blocking queue.
    func adminRequest<T: Sendable>(
        _ what: String,
        timeout: Duration,
        start: @escaping @Sendable (_ kafka: OpaquePointer, _ options: OpaquePointer, _ queue: OpaquePointer) -> Void,
        parse: @escaping @Sendable (_ event: OpaquePointer) -> Result<T, KafkaError>
    ) async throws(KafkaError) -> T {
        let handle = SendableOpaquePointer(kafka)
        let result: Result<T, KafkaError> = await runBlocking {
            let kafka = handle.pointer
            // swift-format-ignore: NeverForceUnwrap
            // librdkafka's constructors abort on allocation failure rather than return NULL.
            let queue = rd_kafka_queue_new(kafka)!
            defer { rd_kafka_queue_destroy(queue) }
            // swift-format-ignore: NeverForceUnwrap
            // librdkafka's constructors abort on allocation failure rather than return NULL.
            let options = rd_kafka_AdminOptions_new(kafka, RD_KAFKA_ADMIN_OP_ANY)!
            defer { rd_kafka_AdminOptions_destroy(options) }
            var errorText = [CChar](repeating: 0, count: 256)
            _ = rd_kafka_AdminOptions_set_request_timeout(options, timeout.inMillisecondsInt32, &errorText, errorText.count)
            _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeout.inMillisecondsInt32, &errorText, errorText.count)
            start(kafka, options, queue)
            // librdkafka answers with a timeout error itself after `timeout`; the margin only covers a lost answer.
            guard let event = rd_kafka_queue_poll(queue, (timeout + .seconds(1)).inMillisecondsInt32) else {
                return .failure(.timedOut("\(what): no answer within \(timeout)"))
            }
            defer { rd_kafka_event_destroy(event) }
            let code = rd_kafka_event_error(event)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? what
                return .failure(.rdKafka(code, context: "\(what): \(text)"))
            }
            return parse(event)
        }
        return try result.get()
    }

    /// Creates topics; returns each topic's error, `nil` when created.
    func createTopics(_ topics: [KafkaNewTopic], timeout: Duration) async throws(KafkaError) -> [(String, KafkaError?)] {
        let newTopics = try topics.map { topic throws(KafkaError) in try SendableOpaquePointer(Self.makeNewTopic(topic)) }
        return try await adminRequest("creating topics", timeout: timeout) { kafka, options, queue in
            var pointers: [OpaquePointer?] = newTopics.map(\.pointer)
            rd_kafka_CreateTopics(kafka, &pointers, pointers.count, options, queue)
            for topic in newTopics { rd_kafka_NewTopic_destroy(topic.pointer) }  // the request holds copies
        } parse: { event in
            .success(Self.topicResults(rd_kafka_event_CreateTopics_result(event), rd_kafka_CreateTopics_result_topics))
        }
    }

    func deleteTopics(_ names: [String], timeout: Duration) async throws(KafkaError) -> [(String, KafkaError?)] {
        try await adminRequest("deleting topics", timeout: timeout) { kafka, options, queue in
            var pointers: [OpaquePointer?] = names.map { rd_kafka_DeleteTopic_new($0) }
            rd_kafka_DeleteTopics(kafka, &pointers, pointers.count, options, queue)
            for pointer in pointers { rd_kafka_DeleteTopic_destroy(pointer) }
        } parse: { event in
            .success(Self.topicResults(rd_kafka_event_DeleteTopics_result(event), rd_kafka_DeleteTopics_result_topics))
        }
    }

    private static func makeNewTopic(_ topic: KafkaNewTopic) throws(KafkaError) -> OpaquePointer {
        var errorText = [CChar](repeating: 0, count: 512)
        guard
            let newTopic = rd_kafka_NewTopic_new(
                topic.name, Int32(clamping: topic.partitionCount), Int32(clamping: topic.replicationFactor),
                &errorText, errorText.count
            )
        else {
            throw .invalidArgument("topic '\(topic.name)': \(String(cBuffer: errorText))")
        }
        for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
            let code = rd_kafka_NewTopic_set_config(newTopic, name, value)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                rd_kafka_NewTopic_destroy(newTopic)
                throw .rdKafka(code, context: "topic '\(topic.name)' config \(name)=\(value)")
            }
        }
        return newTopic
    }

    private static func topicResults(
        _ result: OpaquePointer?,
        _ topics: (OpaquePointer?, UnsafeMutablePointer<Int>?) -> UnsafeMutablePointer<OpaquePointer?>?
    ) -> [(String, KafkaError?)] {
        var count = 0
        guard let result, let array = topics(result, &count) else { return [] }
        return (0..<count).compactMap { index in
            guard let topicResult = array[index] else { return nil }
            let name = String(cString: rd_kafka_topic_result_name(topicResult))
            let code = rd_kafka_topic_result_error(topicResult)
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return (name, nil) }
            let text = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) } ?? ""
            return (name, .rdKafka(code, context: "topic '\(name)': \(text)"))
        }
    }

    func describeTopicConfig(_ topic: String, timeout: Duration) async throws(KafkaError) -> [String: KafkaConfigEntry] {
        try await adminRequest("describing the config of topic '\(topic)'", timeout: timeout) { kafka, options, queue in
            var resources: [OpaquePointer?] = [rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topic)]
            rd_kafka_DescribeConfigs(kafka, &resources, resources.count, options, queue)
            rd_kafka_ConfigResource_destroy(resources[0])
        } parse: { event in
            Self.configEntries(rd_kafka_event_DescribeConfigs_result(event), topic: topic)
        }
    }

    private static func configEntries(_ result: OpaquePointer?, topic: String) -> Result<[String: KafkaConfigEntry], KafkaError> {
        var resourceCount = 0
        guard let result, let resources = rd_kafka_DescribeConfigs_result_resources(result, &resourceCount),
            resourceCount > 0, let resource = resources[0]
        else { return .failure(.rdKafka(RD_KAFKA_RESP_ERR__NOENT, context: "no config returned for topic '\(topic)'")) }
        let code = rd_kafka_ConfigResource_error(resource)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let text = rd_kafka_ConfigResource_error_string(resource).map { String(cString: $0) } ?? ""
            return .failure(.rdKafka(code, context: "config of topic '\(topic)': \(text)"))
        }
        var entryCount = 0
        guard let entries = rd_kafka_ConfigResource_configs(resource, &entryCount) else { return .success([:]) }
        var configs: [String: KafkaConfigEntry] = [:]
        for index in 0..<entryCount {
            guard let entry = entries[index] else { continue }
            let name = String(cString: rd_kafka_ConfigEntry_name(entry))
            configs[name] = KafkaConfigEntry(
                name: name,
                value: rd_kafka_ConfigEntry_value(entry).map { String(cString: $0) },
                isDefault: rd_kafka_ConfigEntry_is_default(entry) != 0,
                isReadOnly: rd_kafka_ConfigEntry_is_read_only(entry) != 0,
                isSensitive: rd_kafka_ConfigEntry_is_sensitive(entry) != 0
            )
        }
        return .success(configs)
    }
}
