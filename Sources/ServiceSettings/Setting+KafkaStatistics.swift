extension Setting {
    /// `KAFKA_STATISTICS_INTERVAL`: how often librdkafka reports its statistics, which `/metrics` shows as
    /// the `kafka_*` gauges. Each report costs librdkafka a JSON document per client and the service its
    /// parse, so it is seconds rather than milliseconds; `0` turns them off.
    public static func kafkaStatisticsInterval(_ keyPath: WritableKeyPath<Target, Duration?> & Sendable) -> Setting {
        Setting(
            "KAFKA_STATISTICS_INTERVAL", flag: "kafka-statistics-interval", keyPath,
            help: "how often librdkafka's statistics refresh the kafka_* gauges of /metrics; 0 turns them off",
            valueName: "seconds",
            parse: { text -> Duration?? in
                guard let seconds = Double(text), seconds >= 0, seconds < 86_400 else { return nil }
                return .some(seconds == 0 ? nil : .milliseconds(Int64(seconds * 1000)))
            },
            format: { $0.map(SettingFormat.seconds) ?? "0" })
    }
}
