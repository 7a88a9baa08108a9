import CRdKafka

/// A librdkafka error number (`rd_kafka_resp_err_t`): negative values are local to the client, positive
/// ones are Kafka protocol errors sent by the broker.
public struct RDKafkaCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    init(_ code: rd_kafka_resp_err_t) {
        self.rawValue = code.rawValue
    }

    var cValue: rd_kafka_resp_err_t { rd_kafka_resp_err_t(rawValue: rawValue) }

    /// librdkafka's symbolic name without the `RD_KAFKA_RESP_ERR_` prefix, e.g. `_MSG_TIMED_OUT`.
    public var name: String { String(cString: rd_kafka_err2name(cValue)) }
    /// librdkafka's human-readable text, e.g. "Local: Message timed out".
    public var message: String { String(cString: rd_kafka_err2str(cValue)) }
    public var description: String { name }

    public static let noError = RDKafkaCode(rawValue: 0)
    public static let destroy = RDKafkaCode(rawValue: -197)
    public static let transport = RDKafkaCode(rawValue: -195)
    public static let resolve = RDKafkaCode(rawValue: -193)
    public static let messageTimedOut = RDKafkaCode(rawValue: -192)
    public static let partitionEOF = RDKafkaCode(rawValue: -191)
    public static let unknownPartition = RDKafkaCode(rawValue: -190)
    public static let unknownTopic = RDKafkaCode(rawValue: -188)
    public static let allBrokersDown = RDKafkaCode(rawValue: -187)
    public static let invalidArgument = RDKafkaCode(rawValue: -186)
    public static let timedOut = RDKafkaCode(rawValue: -185)
    public static let queueFull = RDKafkaCode(rawValue: -184)
    public static let assignPartitions = RDKafkaCode(rawValue: -175)
    public static let revokePartitions = RDKafkaCode(rawValue: -174)
    public static let state = RDKafkaCode(rawValue: -172)
    public static let timedOutQueue = RDKafkaCode(rawValue: -166)
    public static let noEntry = RDKafkaCode(rawValue: -156)
    public static let purgeQueue = RDKafkaCode(rawValue: -152)
    public static let purgeInflight = RDKafkaCode(rawValue: -151)
    public static let fatal = RDKafkaCode(rawValue: -150)
    public static let assignmentLost = RDKafkaCode(rawValue: -142)
    /// Local: the broker refused the client's credentials or the TLS handshake failed (`_AUTHENTICATION`).
    public static let authentication = RDKafkaCode(rawValue: -169)
    /// Local: TLS error (`_SSL`).
    public static let ssl = RDKafkaCode(rawValue: -181)
    /// The broker refused the SASL credentials (`SASL_AUTHENTICATION_FAILED`).
    public static let saslAuthenticationFailed = RDKafkaCode(rawValue: 58)
    public static let unknownTopicOrPartition = RDKafkaCode(rawValue: 3)
    public static let leaderNotAvailable = RDKafkaCode(rawValue: 5)
    public static let notLeaderForPartition = RDKafkaCode(rawValue: 6)
    public static let requestTimedOut = RDKafkaCode(rawValue: 7)
    public static let messageSizeTooLarge = RDKafkaCode(rawValue: 10)
    public static let networkException = RDKafkaCode(rawValue: 13)
    public static let coordinatorLoadInProgress = RDKafkaCode(rawValue: 14)
    public static let coordinatorNotAvailable = RDKafkaCode(rawValue: 15)
    public static let notCoordinator = RDKafkaCode(rawValue: 16)
    public static let notEnoughReplicas = RDKafkaCode(rawValue: 19)
    public static let notEnoughReplicasAfterAppend = RDKafkaCode(rawValue: 20)
    public static let rebalanceInProgress = RDKafkaCode(rawValue: 27)
    public static let topicAlreadyExists = RDKafkaCode(rawValue: 36)
    public static let invalidPartitions = RDKafkaCode(rawValue: 37)
    public static let invalidConfig = RDKafkaCode(rawValue: 40)
    public static let policyViolation = RDKafkaCode(rawValue: 44)

    /// Codes that describe a condition expected to clear by itself: the broker is down or moving
    /// leadership, a request or message timed out, the local queue is full.
    var isTransient: Bool {
        Self.transientCodes.contains(self)
    }

    private static let transientCodes: Set<RDKafkaCode> = [
        .transport, .resolve, .messageTimedOut, .allBrokersDown, .timedOut, .queueFull, .timedOutQueue,
        .leaderNotAvailable, .notLeaderForPartition, .requestTimedOut, .networkException,
        .coordinatorLoadInProgress, .coordinatorNotAvailable, .notCoordinator, .notEnoughReplicas,
        .notEnoughReplicasAfterAppend, .rebalanceInProgress, .purgeInflight,
    ]

    /// The ``KafkaError/ErrorCode`` that a librdkafka code maps to.
    var errorCode: KafkaError.ErrorCode {
        switch self {
        case .transport, .resolve, .allBrokersDown, .networkException: .connectionFailed
        case .timedOut, .messageTimedOut, .timedOutQueue, .requestTimedOut: .timedOut
        case .queueFull: .queueFull
        case .destroy: .shutdown
        case .unknownTopic, .unknownPartition, .unknownTopicOrPartition: .unknownTopicOrPartition
        case .topicAlreadyExists: .topicAlreadyExists
        case .messageSizeTooLarge: .messageTooLarge
        case .invalidArgument, .invalidConfig, .invalidPartitions: .invalidArgument
        default: .underlying
        }
    }
}
