/// The bounds of a partition: `low` is the oldest retained offset, `high` the offset the next message
/// will get. `high - low` messages are retained (fewer on a compacted topic).
public struct KafkaWatermarks: Hashable, Sendable {
    public var low: KafkaOffset
    public var high: KafkaOffset

    public init(low: KafkaOffset, high: KafkaOffset) {
        self.low = low
        self.high = high
    }
}
