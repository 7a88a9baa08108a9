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

    @Test func codesAreComparableConstants() {
        #expect(KafkaError.ErrorCode.timedOut == .timedOut)
        #expect(KafkaError.ErrorCode.timedOut != .connectionFailed)
        #expect("\(KafkaError.ErrorCode.queueFull)" == "queueFull")
        #expect(RDKafkaCode.allBrokersDown.name == "_ALL_BROKERS_DOWN")
    }
}
