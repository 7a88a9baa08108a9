import Foundation
import GRDB
import Kafka

/// The durable replay record (``DeadLetterReplay``) in the `deadLetterReplay` table.
extension SQLiteOrderStore {
    public func claimReplay(
        of deadLetter: KafkaTopicPartitionOffset, isForced: Bool, at time: Date
    ) async throws(OrderStoreError)
        -> ReplayClaim
    {
        do {
            // One write transaction: SQLite serializes writers, so two claims of one letter cannot both win.
            return try await pool.write { db in
                let key: StatementArguments = [deadLetter.topic, deadLetter.partition.rawValue, deadLetter.offset.rawValue]
                let existing = try Row.fetchOne(
                    db, sql: "SELECT * FROM deadLetterReplay WHERE dlqTopic = ? AND dlqPartition = ? AND dlqOffset = ?",
                    arguments: key
                ).map(Self.replay(from:))
                if let existing, !isForced {
                    return existing.isConfirmed ? .alreadyReplayed(existing) : .unconfirmed(existing)
                }
                let attempt = (existing?.attempt ?? 0) + 1
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO deadLetterReplay (dlqTopic, dlqPartition, dlqOffset, attempt, requestedAtMs)
                        VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: key + [attempt, time.milliseconds])
                return .claimed(attempt: attempt)
            }
        } catch {
            throw .wrapping(error)
        }
    }

    public func confirmReplay(
        of deadLetter: KafkaTopicPartitionOffset, attempt: Int, produced: KafkaTopicPartitionOffset, at time: Date
    ) async throws(OrderStoreError) {
        do {
            try await pool.write { db in
                // Only the attempt that claimed it: a forced claim that took over meanwhile keeps its own.
                try db.execute(
                    sql: """
                        UPDATE deadLetterReplay
                        SET replayedAtMs = ?, producedTopic = ?, producedPartition = ?, producedOffset = ?
                        WHERE dlqTopic = ? AND dlqPartition = ? AND dlqOffset = ? AND attempt = ?
                        """,
                    arguments: [
                        time.milliseconds, produced.topic, produced.partition.rawValue, produced.offset.rawValue,
                        deadLetter.topic, deadLetter.partition.rawValue, deadLetter.offset.rawValue, attempt,
                    ])
            }
        } catch {
            throw .wrapping(error)
        }
    }

    public func replays(
        deadLetterTopic topic: String
    ) async throws(OrderStoreError)
        -> [KafkaTopicPartitionOffset: DeadLetterReplay]
    {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM deadLetterReplay WHERE dlqTopic = ?", arguments: [topic])
            var replays: [KafkaTopicPartitionOffset: DeadLetterReplay] = [:]
            for replay in try rows.map(Self.replay(from:)) { replays[replay.deadLetter] = replay }
            return replays
        }
    }

    private static func replay(from row: Row) throws -> DeadLetterReplay {
        let deadLetter = KafkaTopicPartitionOffset(
            topic: row["dlqTopic"], partition: try partition(row["dlqPartition"]), offset: KafkaOffset(rawValue: row["dlqOffset"]))
        var produced: KafkaTopicPartitionOffset?
        if let topic: String = row["producedTopic"], let number: Int = row["producedPartition"], let offset: Int64 = row["producedOffset"] {
            produced = KafkaTopicPartitionOffset(topic: topic, partition: try partition(number), offset: KafkaOffset(rawValue: offset))
        }
        let replayedAt: Int64? = row["replayedAtMs"]
        return DeadLetterReplay(
            deadLetter: deadLetter, attempt: row["attempt"], requestedAt: Date(milliseconds: row["requestedAtMs"]),
            replayedAt: replayedAt.map(Date.init(milliseconds:)), produced: produced)
    }

    private static func partition(_ number: Int) throws -> KafkaPartition {
        guard let partition = KafkaPartition(validating: number) else {
            throw OrderStoreError.failed("a replay record holds the invalid partition \(number)")
        }
        return partition
    }
}
