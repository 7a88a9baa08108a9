import CRdKafka

/// Builds an `rd_kafka_conf_t` from a property map: the one place where librdkafka keys meet C.
enum RDKafkaConfig {
    /// Returns a new configuration; the caller owns it until `rd_kafka_new` succeeds.
    static func make(_ properties: [String: String]) throws(KafkaError) -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else {
            throw .configuration("rd_kafka_conf_new returned NULL")
        }
        // Sorted so that a bad property is reported the same way every run.
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            if let problem = set(conf, key: key, value: value) {
                rd_kafka_conf_destroy(conf)
                throw .configuration("librdkafka rejected \(key)=\(value): \(problem)")
            }
        }
        return conf
    }

    /// Sets one property; returns librdkafka's complaint, or `nil` when accepted.
    static func set(_ conf: OpaquePointer, key: String, value: String) -> String? {
        var errorText = [CChar](repeating: 0, count: 512)
        let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
        guard result != RD_KAFKA_CONF_OK else { return nil }
        return String(cBuffer: errorText)
    }
}
