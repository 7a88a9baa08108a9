import Foundation
import Kafka
import PostgresNIO

/// The durable replay record (``DeadLetterReplay``) in the `dead_letter_replays` table.
///
/// Each claim is one statement, so two instances claiming one letter at once cannot both win: the
/// primary key decides, where the SQLite store relies on its single writer.
extension PostgresOrderStore {
    public func claimReplay(
        of deadLetter: KafkaTopicPartitionOffset, isForced: Bool, at time: Date
    ) async throws(OrderStoreError)
        -> ReplayClaim
    {
        let (topic, partition, offset) = (deadLetter.topic, Int32(deadLetter.partition.rawValue), deadLetter.offset.rawValue)
        let requestedAt = time.milliseconds
        // Forced: a new attempt replaces whatever was recorded, confirmed or not.
        let onConflict: PostgresQuery =
            isForced
            ? """
            INSERT INTO dead_letter_replays (dlq_topic, dlq_partition, dlq_offset, attempt, requested_at_ms)
            VALUES (\(topic), \(partition), \(offset), 1, \(requestedAt))
            ON CONFLICT (dlq_topic, dlq_partition, dlq_offset) DO UPDATE SET
                attempt = dead_letter_replays.attempt + 1, requested_at_ms = EXCLUDED.requested_at_ms,
                replayed_at_ms = NULL, produced_topic = NULL, produced_partition = NULL, produced_offset = NULL
            RETURNING attempt
            """
            : """
            INSERT INTO dead_letter_replays (dlq_topic, dlq_partition, dlq_offset, attempt, requested_at_ms)
            VALUES (\(topic), \(partition), \(offset), 1, \(requestedAt))
            ON CONFLICT DO NOTHING
            RETURNING attempt
            """
        let attempt: Int32? = try await read { [logger] connection in
            var attempt: Int32?
            for try await value in try await connection.query(onConflict, logger: logger).decode(Int32.self) { attempt = value }
            return attempt
        }
        if let attempt { return .claimed(attempt: Int(attempt)) }
        guard let existing = try await replays(matching: deadLetter).first else {
            throw .failed("the replay record of \(deadLetter) was neither inserted nor found")
        }
        return existing.isConfirmed ? .alreadyReplayed(existing) : .unconfirmed(existing)
    }

    public func confirmReplay(
        of deadLetter: KafkaTopicPartitionOffset, attempt: Int, produced: KafkaTopicPartitionOffset, at time: Date
    ) async throws(OrderStoreError) {
        // Only the attempt that claimed it: a forced claim that took over meanwhile keeps its own.
        try await execute(
            """
            UPDATE dead_letter_replays
            SET replayed_at_ms = \(time.milliseconds), produced_topic = \(produced.topic),
                produced_partition = \(Int32(produced.partition.rawValue)), produced_offset = \(produced.offset.rawValue)
            WHERE dlq_topic = \(deadLetter.topic) AND dlq_partition = \(Int32(deadLetter.partition.rawValue))
                AND dlq_offset = \(deadLetter.offset.rawValue) AND attempt = \(Int32(attempt))
            """)
    }

    public func replays(
        deadLetterTopic topic: String
    ) async throws(OrderStoreError)
        -> [KafkaTopicPartitionOffset: DeadLetterReplay]
    {
        let all = try await replays(
            "SELECT \(unescaped: Self.replayColumns) FROM dead_letter_replays WHERE dlq_topic = \(topic)")
        return Dictionary(all.map { ($0.deadLetter, $0) }, uniquingKeysWith: { _, last in last })
    }

    private static let replayColumns = """
        dlq_topic, dlq_partition, dlq_offset, attempt, requested_at_ms, replayed_at_ms, \
        produced_topic, produced_partition, produced_offset
        """

    private func replays(matching deadLetter: KafkaTopicPartitionOffset) async throws(OrderStoreError) -> [DeadLetterReplay] {
        try await replays(
            """
            SELECT \(unescaped: Self.replayColumns) FROM dead_letter_replays
            WHERE dlq_topic = \(deadLetter.topic) AND dlq_partition = \(Int32(deadLetter.partition.rawValue))
                AND dlq_offset = \(deadLetter.offset.rawValue)
            """)
    }

    private func replays(_ query: PostgresQuery) async throws(OrderStoreError) -> [DeadLetterReplay] {
        try await read { [logger] connection in
            var replays: [DeadLetterReplay] = []
            for try await row in try await connection.query(query, logger: logger) {
                replays.append(try Self.replay(from: row))
            }
            return replays
        }
    }

    private static func replay(from row: PostgresRow) throws -> DeadLetterReplay {
        let (topic, partitionNumber, offset, attempt, requestedAtMs, replayedAtMs, producedTopic, producedPartition, producedOffset) =
            try row.decode((String, Int32, Int64, Int32, Int64, Int64?, String?, Int32?, Int64?).self)
        var produced: KafkaTopicPartitionOffset?
        if let producedTopic, let producedPartition, let producedOffset {
            produced = KafkaTopicPartitionOffset(
                topic: producedTopic, partition: try partition(producedPartition), offset: KafkaOffset(rawValue: producedOffset))
        }
        return DeadLetterReplay(
            deadLetter: KafkaTopicPartitionOffset(
                topic: topic, partition: try partition(partitionNumber), offset: KafkaOffset(rawValue: offset)),
            attempt: Int(attempt), requestedAt: Date(milliseconds: requestedAtMs),
            replayedAt: replayedAtMs.map(Date.init(milliseconds:)), produced: produced)
    }

    private static func partition(_ number: Int32) throws(OrderStoreError) -> KafkaPartition {
        guard let partition = KafkaPartition(validating: Int(number)) else {
            throw .failed("a replay record holds the invalid partition \(number)")
        }
        return partition
    }
}
