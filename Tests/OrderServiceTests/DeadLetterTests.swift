import Foundation
import JSONOutput
import Kafka
import OrderEvents
import ServiceSupport
import OrderService
import Testing

/// Dead letters travel as the original bytes with the seed's metadata in headers, and are counted once.
@Suite struct DeadLetterTests {
    let letter = DeadLetter(
        original: KafkaTopicPartitionOffset(topic: "order-events", partition: 2, offset: 123),
        key: Array("ORDER-DUP".utf8), value: [0, 0, 0, 0, 1, 0xFF], orderId: "ORDER-DUP", category: .noRetry,
        message: "Duplicate CREATE request", retryCount: 0, timestamp: Sample.epoch)

    private func asRecord(_ letter: DeadLetter, offset: Int64) -> KafkaConsumerMessage {
        KafkaConsumerMessage(
            topic: "order-events-dlq", partition: 0, offset: KafkaOffset(rawValue: offset), key: letter.key,
            value: letter.value, headers: letter.headers, timestamp: Sample.epoch)
    }

    @Test func headersCarryTheSeedsMetadata() {
        let headers = Dictionary(letter.headers.map { ($0.key, $0.stringValue ?? "") }) { _, last in last }
        #expect(
            headers == [
                "error_category": "NO_RETRY_DLQ", "error_message": "Duplicate CREATE request", "retry_count": "0",
                "timestamp": ISO8601.format(Sample.epoch), "original_topic": "order-events", "original_partition": "2",
                "original_offset": "123", "orderId": "ORDER-DUP",
            ])
    }

    @Test func aRecordOfTheTopicReadsBackAsTheLetter() {
        let (read, category) = DeadLetter.read(from: asRecord(letter, offset: 9))
        #expect(read == letter)
        #expect(category == "NO_RETRY_DLQ")
    }

    /// A dead letter leads back to its request: the original's W3C headers travel unchanged beside the metadata.
    @Test func theOriginalsTraceContextTravelsWithTheLetter() {
        var traced = letter
        traced.traceHeaders = [
            KafkaHeader(key: "traceparent", value: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            KafkaHeader(key: "tracestate", value: "vendor=opaque"),
        ]
        #expect(traced.headers.suffix(2) == traced.traceHeaders[...])
        let (read, _) = DeadLetter.read(from: asRecord(traced, offset: 10))
        #expect(read.traceHeaders == traced.traceHeaders)
        #expect(read == traced)
    }

    @Test func aForeignRecordIsCountedUnderItsOwnCoordinates() {
        let foreign = KafkaConsumerMessage(topic: "order-events-dlq", partition: 0, offset: 4, key: nil, value: [1])
        let (read, category) = DeadLetter.read(from: foreign)
        #expect(category == "UNKNOWN")
        #expect(read.original == KafkaTopicPartitionOffset(topic: "order-events-dlq", partition: 0, offset: 4))
    }

    @Test func theIndexCountsEachOriginalOnce() {
        let index = DeadLetterIndex()
        #expect(index.add(asRecord(letter, offset: 0)))
        #expect(!index.add(asRecord(letter, offset: 1)))  // published again after a crash
        var other = letter
        other.original = KafkaTopicPartitionOffset(topic: "order-events", partition: 0, offset: 5)
        other.category = .retryThenDeadLetter
        #expect(index.add(asRecord(other, offset: 2)))
        let (total, categories) = index.statistics
        #expect(total == 2)
        #expect(categories == ["NO_RETRY_DLQ": 1, "RETRY_THEN_DLQ": 1])
        #expect(index.duplicateCount == 1)
        #expect(index.page(limit: 1, offset: 1).letters.map(\.letter) == [other])
        #expect(index.page(limit: 10, offset: 5).letters.isEmpty)
    }

    @Test func theJSONIsTheSeedsShapeWithBase64() {
        let index = DeadLetterIndex()
        index.add(asRecord(letter, offset: 0))
        let json = index.page(limit: 1, offset: 0).letters[0].json.serialized()
        #expect(
            json
                == #"{"orderId":"ORDER-DUP","error_category":"NO_RETRY_DLQ","error_message":"Duplicate CREATE request","retry_count":0,"timestamp":"\#(ISO8601.format(Sample.epoch))","original_topic":"order-events","original_partition":2,"original_offset":123,"original_value":"AAAAAAH/"}"#
        )
    }
}
