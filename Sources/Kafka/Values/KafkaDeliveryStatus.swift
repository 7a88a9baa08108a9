/// Whether the broker may have stored a message, as librdkafka knows it when the delivery failed.
///
/// A failed send is not always a message that does not exist: when the request reached the broker but
/// no acknowledgement came back in time (a hung broker, a network partition), the broker may store it
/// later. A caller that tells its own client "not stored" must check for ``notPersisted``.
public struct KafkaDeliveryStatus: Hashable, Sendable, CustomStringConvertible {
    fileprivate enum Backing: String, Sendable {
        case notPersisted, possiblyPersisted, persisted
    }

    fileprivate let backing: Backing

    /// The message never reached the broker, or the broker refused it: it will not appear.
    public static let notPersisted = KafkaDeliveryStatus(backing: .notPersisted)
    /// The message was sent but not acknowledged: it may appear in the log, or not.
    public static let possiblyPersisted = KafkaDeliveryStatus(backing: .possiblyPersisted)
    /// The broker acknowledged the message (a later step failed).
    public static let persisted = KafkaDeliveryStatus(backing: .persisted)

    public var description: String { backing.rawValue }
}
