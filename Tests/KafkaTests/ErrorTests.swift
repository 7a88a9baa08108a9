import CRdKafka
import Testing

@testable import Kafka

/// How librdkafka's codes map to ``KafkaError``: code, retriable or not, and what the description shows.
@Suite struct ErrorTests {
    @Test(arguments: [
        (RDKafkaCode.allBrokersDown, KafkaError.ErrorCode.connectionFailed, true),
        (.transport, .connectionFailed, true),
        (.resolve, .connectionFailed, true),
        (.messageTimedOut, .timedOut, true),
        (.timedOut, .timedOut, true),
        (.requestTimedOut, .timedOut, true),
        (.queueFull, .queueFull, true),
        (.notLeaderForPartition, .underlying, true),
        (.leaderNotAvailable, .underlying, true),
        (.notEnoughReplicas, .underlying, true),
        (.unknownTopicOrPartition, .unknownTopicOrPartition, false),
        (.topicAlreadyExists, .topicAlreadyExists, false),
        (.messageSizeTooLarge, .messageTooLarge, false),
        (.invalidConfig, .invalidArgument, false),
        (.destroy, .shutdown, false),
        (.policyViolation, .underlying, false),
    ])
    func librdkafkaCodesMapToCodesAndRetriability(rdCode: RDKafkaCode, code: KafkaError.ErrorCode, isRetriable: Bool) {
        let error = KafkaError.rdKafka(rdCode.cValue, context: "test")
        #expect(error.code == code)
        #expect(error.rdKafkaCode == rdCode)
        #expect(error.isRetriable == isRetriable)
        #expect(error.isTransient == isRetriable)
        #expect(!error.isFatal)
    }

    @Test func fatalErrorsAreNeverRetriable() {
        let error = KafkaError.rdKafka(RDKafkaCode.messageTimedOut.cValue, context: "idempotence broken", isFatal: true)
        #expect(error.isFatal)
        #expect(!error.isRetriable)
        #expect(KafkaError.rdKafka(RDKafkaCode.fatal.cValue, context: "x").isFatal)
    }

    @Test func descriptionNamesCodeReasonLibrdkafkaNameAndLocation() {
        let error = KafkaError.rdKafka(RDKafkaCode.messageTimedOut.cValue, context: "delivery to orders[0] failed")
        #expect(error.description.hasPrefix("KafkaError.timedOut: delivery to orders[0] failed: Local: Message timed out"))
        #expect(error.description.contains("[_MSG_TIMED_OUT]"))
        #expect(error.description.contains("ErrorTests.swift:"))
        #expect(error.message == "delivery to orders[0] failed: Local: Message timed out")
    }

    @Test func unsupportedLibrarySaysWhatToDo() {
        let error = KafkaError.unsupportedLibrary(
            found: KafkaLibraryVersion(major: 2, minor: 0, revision: 2), required: KafkaLibraryVersion.minimumSupported
        )
        #expect(error.code == .unsupportedLibrary)
        #expect(error.description.contains("2.0.2"))
        #expect(error.description.contains("scripts/setup.sh"))
        #expect(!error.isRetriable)
    }

    @Test func theLoadedLibraryIsTheOneFromDeps() throws {
        try KafkaLibraryVersion.checkLoaded()
        #expect(KafkaLibraryVersion.loaded >= KafkaLibraryVersion(major: 2, minor: 10))
    }

    /// Callers match on these constants (`error.code == .timedOut`) and read their names in logs: a
    /// constant backed by another's case (a copy-paste slip) would match the wrong errors and print the
    /// wrong name.
    @Test func errorCodesAreDistinctAndNamedAfterTheirConstants() {
        let codes: [(KafkaError.ErrorCode, String)] = [
            (.unsupportedLibrary, "unsupportedLibrary"), (.configuration, "configuration"),
            (.connectionFailed, "connectionFailed"), (.timedOut, "timedOut"), (.messageDelivery, "messageDelivery"),
            (.queueFull, "queueFull"), (.shutdown, "shutdown"), (.topicAlreadyExists, "topicAlreadyExists"),
            (.unknownTopicOrPartition, "unknownTopicOrPartition"), (.commit, "commit"), (.rebalance, "rebalance"),
            (.admin, "admin"), (.invalidArgument, "invalidArgument"), (.messageTooLarge, "messageTooLarge"),
            (.underlying, "underlying"),
        ]
        for (code, name) in codes {
            #expect(code.description == name)
        }
        #expect(Set(codes.map(\.0)).count == codes.count, "two constants are the same code")
    }

    /// The constants are librdkafka's numbers, checked against its header rather than typed twice: one
    /// wrong number (-186 for `.timedOut`) would map a timeout to `invalidArgument` and make it permanent.
    @Test func rdKafkaCodesAreLibrdkafkasNumbers() {
        let codes: [(RDKafkaCode, rd_kafka_resp_err_t)] = [
            (.noError, RD_KAFKA_RESP_ERR_NO_ERROR), (.destroy, RD_KAFKA_RESP_ERR__DESTROY),
            (.transport, RD_KAFKA_RESP_ERR__TRANSPORT), (.resolve, RD_KAFKA_RESP_ERR__RESOLVE),
            (.messageTimedOut, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT), (.partitionEOF, RD_KAFKA_RESP_ERR__PARTITION_EOF),
            (.unknownPartition, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION), (.unknownTopic, RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC),
            (.allBrokersDown, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN), (.invalidArgument, RD_KAFKA_RESP_ERR__INVALID_ARG),
            (.timedOut, RD_KAFKA_RESP_ERR__TIMED_OUT), (.queueFull, RD_KAFKA_RESP_ERR__QUEUE_FULL),
            (.assignPartitions, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS),
            (.revokePartitions, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS), (.state, RD_KAFKA_RESP_ERR__STATE),
            (.timedOutQueue, RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE), (.noEntry, RD_KAFKA_RESP_ERR__NOENT),
            (.purgeQueue, RD_KAFKA_RESP_ERR__PURGE_QUEUE), (.purgeInflight, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT),
            (.fatal, RD_KAFKA_RESP_ERR__FATAL), (.assignmentLost, RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST),
            (.unknownTopicOrPartition, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART),
            (.leaderNotAvailable, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE),
            (.notLeaderForPartition, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION),
            (.requestTimedOut, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT),
            (.messageSizeTooLarge, RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE),
            (.networkException, RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION),
            (.coordinatorLoadInProgress, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS),
            (.coordinatorNotAvailable, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE),
            (.notCoordinator, RD_KAFKA_RESP_ERR_NOT_COORDINATOR),
            (.notEnoughReplicas, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS),
            (.notEnoughReplicasAfterAppend, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND),
            (.rebalanceInProgress, RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS),
            (.topicAlreadyExists, RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS),
            (.invalidPartitions, RD_KAFKA_RESP_ERR_INVALID_PARTITIONS),
            (.invalidConfig, RD_KAFKA_RESP_ERR_INVALID_CONFIG), (.policyViolation, RD_KAFKA_RESP_ERR_POLICY_VIOLATION),
        ]
        for (code, cCode) in codes {
            #expect(code == RDKafkaCode(cCode), "\(code) is not \(RDKafkaCode(cCode))")
        }
    }
}
