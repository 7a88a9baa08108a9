import CRdKafka

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Copies consumed messages out of librdkafka's memory into ``KafkaConsumerMessage`` values.
struct RDKafkaMessageReader {
    /// Topic names by topic handle: a batch mostly comes from few topics, so decode each name once.
    private var topicNames: [OpaquePointer: String] = [:]
    /// The last handle and its name: consecutive messages mostly share a topic, and comparing a pointer
    /// costs less than hashing it (measured: hashing was 3 % of consuming).
    private var lastTopic: (handle: OpaquePointer, name: String)?

    /// Reads a message that carries no error. The caller still destroys the C message.
    mutating func read(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaConsumerMessage {
        let raw = message.pointee
        let millis = rd_kafka_message_timestamp(message, nil)
        var result = KafkaConsumerMessage(
            topic: topicName(raw.rkt),
            partition: KafkaPartition(unchecked: raw.partition),
            offset: KafkaOffset(rawValue: raw.offset),
            key: raw.key.map { Array(UnsafeRawBufferPointer(start: $0, count: raw.key_len)) },
            value: raw.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: raw.len)) } ?? [],
            headers: Self.headers(of: message),
            timestamp: millis >= 0 ? Date(timeIntervalSince1970: Double(millis) / 1000) : nil
        )
        result.isTombstone = raw.payload == nil
        return result
    }

    private mutating func topicName(_ handle: OpaquePointer?) -> String {
        guard let handle else { return "" }
        if let lastTopic, lastTopic.handle == handle { return lastTopic.name }
        let name = topicNames[handle] ?? String(cString: rd_kafka_topic_name(handle))
        topicNames[handle] = name
        lastTopic = (handle, name)
        return name
    }

    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var cHeaders: OpaquePointer?
        guard rd_kafka_message_headers(message, &cHeaders) == RD_KAFKA_RESP_ERR_NO_ERROR, let cHeaders else {
            return []
        }
        var headers: [KafkaHeader] = []
        var index = 0
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(cHeaders, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            let key = name.map { String(cString: $0) } ?? ""
            headers.append(KafkaHeader(key: key, value: value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }))
            index += 1
        }
        return headers
    }
}
