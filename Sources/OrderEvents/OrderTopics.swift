/// The platform's topics and their settings (seed section 3), in one place: both services create the
/// ones that are missing at start-up, whichever starts first, and must create them alike.
public enum OrderTopics {
    /// The dead-letter topic's default name.
    public static let deadLetterTopic = "order-events-dlq"

    /// One topic as the platform wants it.
    public struct Layout: Sendable, Hashable {
        public let name: String
        public let partitionCount: Int
        public let retention: Duration
    }

    /// `order-events`: 3 partitions (key = orderId), 7 days; `order-events-dlq`: 1 partition (errors in
    /// order), 30 days, longer than the main topic for error analysis.
    public static func layout(topic: String = OrderEventSchema.topic, deadLetterTopic: String = deadLetterTopic) -> [Layout] {
        [
            Layout(name: topic, partitionCount: 3, retention: .milliseconds(604_800_000)),
            Layout(name: deadLetterTopic, partitionCount: 1, retention: .milliseconds(2_592_000_000)),
        ]
    }
}
