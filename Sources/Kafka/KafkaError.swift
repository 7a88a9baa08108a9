/// The one error type of the `Kafka` module.
///
/// A struct rather than an enum so that new codes can be added without breaking an exhaustive `switch`
/// (the reason swift-kafka-client chose it). Match on ``code`` (`error.code == .timedOut`), decide on retries
/// with ``isRetriable``, and stop a client when ``isFatal`` is true.
///
/// `description` reads `KafkaError.<code>: <reason> [<librdkafka name>] <file>:<line>`; the location is
/// where the error was created inside this module, which is what you need in a bug report.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public let code: ErrorCode
    /// librdkafka's own error number, when the failure came from librdkafka.
    public let rdKafkaCode: RDKafkaCode?
    /// A fatal error leaves the client unusable: an idempotent producer that lost its guarantees, or a
    /// consumer fenced out of its group. Create a new client.
    public let isFatal: Bool
    /// For a failed delivery: whether the broker may have stored the message anyway. `nil` for other
    /// failures.
    public internal(set) var deliveryStatus: KafkaDeliveryStatus?
    private let retriableOverride: Bool?
    private let reason: String
    private let file: String
    private let line: UInt

    /// Transient failures (broker down, timed out, queue full, leader moving) are worth retrying as they
    /// are; permanent ones (bad configuration, unknown topic, message too large) fail the same way again.
    public var isRetriable: Bool {
        if let retriableOverride { return retriableOverride }
        if isFatal { return false }
        if let rdKafkaCode, rdKafkaCode.isTransient { return true }
        return code.isTransient
    }

    /// An alias of ``isRetriable`` that reads better at some call sites.
    public var isTransient: Bool { isRetriable }

    /// The human-readable reason, without code and location; suitable for a log message or an HTTP body.
    public var message: String { reason }

    public var description: String {
        var text = "KafkaError.\(code): \(reason)"
        if let rdKafkaCode { text += " [\(rdKafkaCode.name)]" }
        if isFatal { text += " (fatal)" }
        return text + " \(file):\(line)"
    }

    init(
        code: ErrorCode,
        reason: String,
        rdKafkaCode: RDKafkaCode? = nil,
        isFatal: Bool = false,
        isRetriable: Bool? = nil,
        file: String,
        line: UInt
    ) {
        self.code = code
        self.reason = reason
        self.rdKafkaCode = rdKafkaCode
        self.isFatal = isFatal
        self.retriableOverride = isRetriable
        self.file = file
        self.line = line
    }
}

// MARK: - Error codes

extension KafkaError {
    /// The kinds of ``KafkaError``. Compare with the static constants; the set may grow.
    public struct ErrorCode: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum BackingCode: String, Sendable {
            case unsupportedLibrary, configuration, connectionFailed, timedOut, messageDelivery, queueFull
            case shutdown, topicAlreadyExists, unknownTopicOrPartition, commit, rebalance, admin
            case invalidArgument, messageTooLarge, underlying
        }

        fileprivate let backing: BackingCode

        public var description: String { backing.rawValue }

        /// The loaded librdkafka is older than this module needs. Install the one `scripts/setup.sh` provides.
        public static let unsupportedLibrary = ErrorCode(backing: .unsupportedLibrary)
        /// librdkafka rejected a configuration property or value.
        public static let configuration = ErrorCode(backing: .configuration)
        /// No broker could be reached (refused, resolving failed, all brokers down).
        public static let connectionFailed = ErrorCode(backing: .connectionFailed)
        /// The call did not complete within its timeout. The operation may still complete later.
        public static let timedOut = ErrorCode(backing: .timedOut)
        /// The broker did not acknowledge a message.
        public static let messageDelivery = ErrorCode(backing: .messageDelivery)
        /// librdkafka's local queue (`maximumQueuedMessages`) is full; wait for deliveries and retry.
        public static let queueFull = ErrorCode(backing: .queueFull)
        /// The client was shut down, or is shutting down.
        public static let shutdown = ErrorCode(backing: .shutdown)
        /// A topic to create exists already.
        public static let topicAlreadyExists = ErrorCode(backing: .topicAlreadyExists)
        /// The topic or partition does not exist on the cluster.
        public static let unknownTopicOrPartition = ErrorCode(backing: .unknownTopicOrPartition)
        /// An offset commit failed.
        public static let commit = ErrorCode(backing: .commit)
        /// Assigning or revoking partitions failed, or the application's rebalance hook did.
        public static let rebalance = ErrorCode(backing: .rebalance)
        /// An admin request failed for another reason.
        public static let admin = ErrorCode(backing: .admin)
        /// A value passed to this module is out of range or malformed.
        public static let invalidArgument = ErrorCode(backing: .invalidArgument)
        /// A message is larger than `message.max.bytes` allows.
        public static let messageTooLarge = ErrorCode(backing: .messageTooLarge)
        /// Any other librdkafka failure; see ``KafkaError/rdKafkaCode``.
        public static let underlying = ErrorCode(backing: .underlying)

        var isTransient: Bool {
            switch backing {
            case .connectionFailed, .timedOut, .queueFull: true
            default: false
            }
        }
    }
}
