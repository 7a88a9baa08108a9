/// The metadata keys this module attaches to log entries, in one place so that log queries stay stable.
public enum KafkaLoggingKeys {
    public static let clientID = "kafka.client.id"
    public static let clientType = "kafka.client.type"
    public static let topic = "kafka.topic"
    public static let partition = "kafka.partition"
    public static let offset = "kafka.offset"
    public static let messageID = "kafka.message.id"
    public static let groupID = "kafka.group.id"
    public static let errorCode = "kafka.error.code"
    public static let facility = "kafka.log.facility"
    public static let partitions = "kafka.partitions"
    public static let rebalance = "kafka.rebalance"
    public static let count = "kafka.count"
}
