/// Identifies one message inside a producer, from `send`/`enqueue` until its delivery report.
///
/// librdkafka hands it back as the message's opaque pointer, which is how a delivery report finds the
/// continuation waiting for it. IDs start at 1 because a zero opaque pointer is `NULL`.
public struct KafkaProducerMessageID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public var description: String { String(rawValue) }
}
