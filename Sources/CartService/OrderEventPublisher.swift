import OrderEvents

/// Where an acknowledged event landed.
public struct PublishedEvent: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64

    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}

/// Why an event was not published. Decides the HTTP answer: `unavailable` is worth retrying (503),
/// `rejected` is not (500, the event itself is at fault and ops should look).
public struct PublishError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Broker or registry out of reach, or no acknowledgement within the publish timeout.
        case unavailable
        /// The event could not be serialized or the broker refused it for good.
        case rejected
    }

    public var kind: Kind
    public var message: String
    /// Whether the event may still reach the topic although publishing failed: the broker did not
    /// acknowledge it in time, but it had been sent and the broker may yet have stored it. `false` when
    /// the event certainly was not stored (never sent, or refused).
    public var mayHaveBeenStored: Bool

    public init(_ kind: Kind, _ message: String, mayHaveBeenStored: Bool = false) {
        self.kind = kind
        self.message = message
        self.mayHaveBeenStored = mayHaveBeenStored
    }

    public var description: String { message }
}

/// Publishes order events and reports the broker's health. The Cart Service's only way out.
///
/// `publish` returns only once the broker has acknowledged the event (acks=all), so that a 201 means
/// the event is stored.
public protocol OrderEventPublisher: Sendable {
    func publish(_ event: OrderEvent) async throws(PublishError) -> PublishedEvent

    /// The last known state of the broker connection; cheap (no round trip).
    var isBrokerReachable: Bool { get }

    /// Whether publishing can work at all yet (the schema id is known); cheap.
    var isReadyToPublish: Bool { get }

    /// Events handed to Kafka and not yet acknowledged or failed; cheap, read on every scrape of
    /// `/metrics`. Growing means the broker is slower than the requests, or gone.
    var queuedEventCount: Int { get }
}

extension OrderEventPublisher {
    public var isReadyToPublish: Bool { true }
    public var queuedEventCount: Int { 0 }
}
