import Foundation
import Kafka
import OrderService
import ServiceSupport
import Synchronization
import Testing

/// `POST /dlq/replay`'s body: every problem listed, offsets or a filter, never both.
@Suite struct ReplayRequestTests {
    private func parse(_ text: String) throws -> ReplayRequest {
        guard case .object(let body) = try JSONValue(parsing: text) else {
            Issue.record("not an object: \(text)")
            throw APIError.badRequest([])
        }
        return try ReplayRequest.validate(body)
    }

    private func problems(_ text: String) -> [String] {
        do {
            let request = try parse(text)
            Issue.record("accepted \(text) as \(request)")
            return []
        } catch let error as APIError {
            return error.errors
        } catch {
            Issue.record("\(error)")
            return []
        }
    }

    @Test func offsetsAreKeptInOrderWithoutRepeats() throws {
        let request = try parse(#"{"dlqOffsets": [3, 1, 3], "dryRun": true}"#)
        #expect(request == ReplayRequest(selection: .offsets([3, 1]), isDryRun: true, isForced: false))
    }

    @Test func aFilterTakesEveryCriterion() throws {
        let request = try parse(
            #"{"category": "RETRY_THEN_DLQ", "orderId": "X", "fromOffset": 2, "toOffset": 9, "force": true}"#)
        #expect(
            request
                == ReplayRequest(
                    selection: .filter(ReplayFilter(category: "RETRY_THEN_DLQ", orderId: "X", fromOffset: 2, toOffset: 9)),
                    isForced: true))
    }

    @Test(arguments: [
        (#"{}"#, ["Missing required field: 'dlqOffsets' (or a filter: category, orderId, fromOffset, toOffset)"]),
        (#"{"dlqOffsets": []}"#, ["Field 'dlqOffsets' must be a non-empty array of offsets (integers of at least 0)"]),
        (
            #"{"dlqOffsets": [1, -1, "2"]}"#,
            [
                "Field 'dlqOffsets[1]' must be an integer between 0 and 999999999999999999",
                "Field 'dlqOffsets[2]' must be an integer between 0 and 999999999999999999",
            ]
        ),
        (#"{"dlqOffsets": [1000000000000000000]}"#, ["Field 'dlqOffsets[0]' must be an integer between 0 and 999999999999999999"]),
        (
            #"{"orderId": null, "force": null}"#,
            ["Field 'force' must be a boolean, not null", "Field 'orderId' must be a non-empty string"]
        ),
        (
            #"{"dlqOffsets": [1], "orderId": "X"}"#,
            [
                "Give either 'dlqOffsets' or a filter (category, orderId, fromOffset, toOffset), not both"
            ]
        ),
        (#"{"fromOffset": 5, "toOffset": 4}"#, ["Field 'fromOffset' (5) must not be greater than 'toOffset' (4)"]),
        (
            #"{"category": 1, "dryRun": "yes"}"#,
            [
                "Field 'dryRun' must be a boolean, not string", "Field 'category' must be a non-empty string such as \"RETRY_THEN_DLQ\"",
            ]
        ),
        (#"{"dlqOffsets": [1], "offsets": [2]}"#, ["Unknown field: 'offsets'"]),
    ])
    func badBodiesListEveryProblem(body: String, expected: [String]) {
        #expect(problems(body) == expected)
    }

    @Test func tooManyOffsetsAreRefused() {
        let body = "{\"dlqOffsets\": [\((0...ReplayRequest.maximumOffsets).map(String.init).joined(separator: ","))]}"
        #expect(problems(body) == ["Field 'dlqOffsets' names 1001 offsets; at most 1000 per request"])
    }
}

/// The replayer over a real store and a producer that records (or fails, as a crash would).
@Suite struct DeadLetterReplayerTests {
    let database: TemporaryDatabase
    let store: SQLiteOrderStore
    let index = DeadLetterIndex()

    init() throws {
        database = try TemporaryDatabase()
        store = try SQLiteOrderStore(path: database.path, logger: testLogger)
        for (offset, (order, category)) in [("A", DeadLetterCategory.noRetry), ("B", .retryThenDeadLetter), ("C", .noRetry)]
            .enumerated()
        {
            let letter = DeadLetter(
                original: KafkaTopicPartitionOffset(topic: "order-events", partition: 1, offset: KafkaOffset(rawValue: Int64(10 + offset))),
                key: Array(order.utf8), value: [0, 0, 0, 0, 1, UInt8(offset)], orderId: order, category: category,
                message: "failed", retryCount: 0, timestamp: Sample.epoch)
            index.add(
                KafkaConsumerMessage(
                    topic: "order-events-dlq", partition: 0, offset: KafkaOffset(rawValue: Int64(offset)), key: letter.key,
                    value: letter.value, headers: letter.headers + [KafkaHeader(key: "traceparent", value: "t-\(order)")]))
        }
        index.markCaughtUp()
    }

    private func replayer(_ producer: RecordingReplayProducer) -> DeadLetterReplayer {
        DeadLetterReplayer(
            index: index, store: store, producer: producer, topic: "order-events", deadLetterTopic: "order-events-dlq",
            logger: testLogger)
    }

    @Test func replaysTheOriginalWithoutTheMetadataAndOnlyOnce() async throws {
        let producer = RecordingReplayProducer()
        let first = try await replayer(producer).replay(ReplayRequest(selection: .offsets([1, 7])))
        #expect(first.replayed.map(\.dlqOffset) == [1])
        #expect(first.replayed.first?.partition == 1)
        #expect(first.skipped == [.init(dlqOffset: 7, reason: "No dead letter at offset 7 of order-events-dlq")])
        let sent = try #require(producer.sent.first)
        #expect(producer.sent.count == 1)
        #expect(sent.key == Array("B".utf8))
        #expect(sent.value == [0, 0, 0, 0, 1, 1])
        #expect(sent.headers.map(\.key) == ["traceparent", DeadLetterReplayer.replayedFromHeader])
        #expect(sent.headers.last?.stringValue == "1")

        let again = try await replayer(producer).replay(ReplayRequest(selection: .offsets([1])))
        #expect(again.replayed.isEmpty)
        #expect(again.skipped.first?.reason.hasPrefix("Already replayed at") == true)
        #expect(producer.sent.count == 1)

        let forced = try await replayer(producer).replay(ReplayRequest(selection: .offsets([1]), isForced: true))
        #expect(forced.replayed.map(\.dlqOffset) == [1])
        #expect(producer.sent.count == 2)
        let record = try #require(try await store.replays(deadLetterTopic: "order-events-dlq").values.first)
        #expect(record.attempt == 2)
        #expect(record.isConfirmed)
    }

    @Test func aReplayInterruptedAfterItsIntentIsNotRepeated() async throws {
        let crashing = RecordingReplayProducer(failing: true)
        let interrupted = try await replayer(crashing).replay(ReplayRequest(selection: .offsets([0, 2])))
        #expect(interrupted.replayed.isEmpty)
        #expect(interrupted.skipped.map(\.dlqOffset) == [0, 2])
        #expect(interrupted.skipped.last?.reason.hasPrefix("Not attempted") == true)

        // The first letter's intent is stored unconfirmed: without force it is not produced again.
        let producer = RecordingReplayProducer()
        let retried = try await replayer(producer).replay(ReplayRequest(selection: .offsets([0, 2])))
        #expect(retried.replayed.map(\.dlqOffset) == [2])
        #expect(retried.skipped.map(\.dlqOffset) == [0])
        #expect(retried.skipped.first?.reason.contains("never confirmed") == true)
        #expect(producer.sent.count == 1)
    }

    @Test func aFilterAndADryRunProduceNothing() async throws {
        let producer = RecordingReplayProducer()
        let outcome = try await replayer(producer).replay(
            ReplayRequest(selection: .filter(ReplayFilter(category: "NO_RETRY_DLQ", fromOffset: 1)), isDryRun: true))
        #expect(outcome.replayed.map(\.dlqOffset) == [2])
        #expect(outcome.replayed.first?.offset == nil)
        #expect(producer.sent.isEmpty)
        #expect(try await store.replays(deadLetterTopic: "order-events-dlq").isEmpty)
    }

    @Test func nothingIsReplayedBeforeTheTopicIsRead() async {
        let unread = DeadLetterReplayer(
            index: DeadLetterIndex(), store: store, producer: RecordingReplayProducer(), topic: "order-events",
            deadLetterTopic: "order-events-dlq", logger: testLogger)
        await #expect(throws: ReplayError.self) { try await unread.replay(ReplayRequest(selection: .offsets([0]))) }
    }
}

/// Records what it is asked to produce; `failing` throws instead, as a broker or a crash would.
final class RecordingReplayProducer: ReplayProducer {
    struct Sent: Sendable {
        var key: [UInt8]?
        var value: [UInt8]
        var headers: [KafkaHeader]
    }

    private let records = Mutex<[Sent]>([])
    private let isFailing: Bool

    init(failing: Bool = false) { isFailing = failing }

    var sent: [Sent] { records.withLock { $0 } }

    func produce(
        topic: String, partition: KafkaPartition, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader]
    ) async throws -> KafkaTopicPartitionOffset {
        struct Interrupted: Error {}
        if isFailing { throw Interrupted() }
        let offset = records.withLock { records in
            records.append(Sent(key: key, value: value, headers: headers))
            return Int64(records.count - 1)
        }
        return KafkaTopicPartitionOffset(topic: topic, partition: partition, offset: KafkaOffset(rawValue: offset))
    }
}
