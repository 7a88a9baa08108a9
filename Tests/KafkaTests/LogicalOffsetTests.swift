import CRdKafka
import Testing

import Kafka

/// The logical offsets and the unassigned partition are librdkafka's numbers, written out in `Values/` so
/// that those files need no C import. Checked against its header: a wrong number would make librdkafka
/// read, say, `.beginning` as a concrete offset or `.stored` as the end.
@Suite struct LogicalOffsetTests {
    @Test func logicalOffsetsAreLibrdkafkasNumbers() {
        #expect(KafkaOffset.beginning.rawValue == Int64(RD_KAFKA_OFFSET_BEGINNING))
        #expect(KafkaOffset.end.rawValue == Int64(RD_KAFKA_OFFSET_END))
        #expect(KafkaOffset.stored.rawValue == Int64(RD_KAFKA_OFFSET_STORED))
        #expect(KafkaOffset.invalid.rawValue == Int64(RD_KAFKA_OFFSET_INVALID))
        #expect(KafkaOffset.tail(0).rawValue == Int64(RD_KAFKA_OFFSET_TAIL_BASE))
    }

    @Test func unassignedPartitionIsLibrdkafkasNumber() {
        #expect(KafkaPartition.unassigned.rawValue == RD_KAFKA_PARTITION_UA)
    }

    @Test(arguments: [
        (KafkaOffset.beginning, "beginning"), (.end, "end"), (.stored, "stored"), (.invalid, "invalid"),
        (.tail(0), "tail(0)"), (.tail(5), "tail(5)"), (0, "0"), (42, "42"),
    ])
    func descriptionNamesLogicalOffsets(offset: KafkaOffset, text: String) {
        #expect(offset.description == text)
    }
}
