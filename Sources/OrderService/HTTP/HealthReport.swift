import Foundation
import JSONOutput
import OrderEvents
import ServiceSupport

/// The `/health` answer: the seed's `status`, `consumer` and `orders_in_memory`, and what an operator
/// needs to see why the consumer waits: per-partition position, lag and hold, dead letters not yet
/// published.
struct HealthReport {
    let snapshot: ConsumerStatusBoard.Snapshot
    /// The number of stored orders (`null` when the store cannot be read). Named `orders_in_memory`
    /// for the seed's clients.
    let orders: JSONText
    let storeProblem: String?
    let isHealthy: Bool

    var json: JSONText {
        var problems: [JSONText] = []
        if let reason = snapshot.stopReason { problems.append(.string(reason)) }
        if let storeProblem { problems.append(.string("order store unavailable: \(storeProblem)")) }
        if let problem = snapshot.deadLetterPublishingProblem {
            problems.append(.string("dead letters cannot be published (RETRY_FOREVER): \(problem)"))
        }
        for partition in snapshot.partitions {
            guard let hold = partition.hold, hold.category == .retryForever else { continue }
            let position = hold.offset.map { "at offset \($0)" } ?? "for its stored offset, not consumed"
            problems.append(.string("\(partition.partition) waits \(position) (RETRY_FOREVER): \(hold.reason)"))
        }
        let lags = snapshot.partitions.compactMap(\.lag)
        return .object([
            ("status", .string(isHealthy ? "healthy" : "unhealthy")),
            ("consumer", .string(consumerState)),
            ("orders_in_memory", orders),
            ("store", .string(storeProblem == nil ? "ok" : "unavailable")),
            ("lag", lags.isEmpty ? .null : .int(lags.reduce(0, +))),
            ("partitions", .array(snapshot.partitions.map(Self.json))),
            (
                "dead_letters",
                .object([
                    ("unpublished", .int(snapshot.unpublishedDeadLetters)),
                    ("publishing", .string(snapshot.deadLetterPublishingProblem == nil ? "ok" : "retrying")),
                    ("reader", .string(snapshot.isDeadLetterReaderCaughtUp ? "caught-up" : "catching-up")),
                ])
            ),
            ("problems", .array(problems)),
        ])
    }

    /// `running`, `starting`, `stopped`, or `retrying` while a partition waits for a retry.
    private var consumerState: String {
        if snapshot.phase == .running, snapshot.partitions.contains(where: { $0.hold != nil }) { return "retrying" }
        return snapshot.phase.rawValue
    }

    private static func json(_ partition: ConsumerStatusBoard.PartitionStatus) -> JSONText {
        var members: [(String, JSONText)] = [
            ("topic", .string(partition.partition.topic)),
            ("partition", .int(partition.partition.partition.rawValue)),
            ("next_offset", partition.nextOffset.map { .int($0.rawValue) } ?? .null),
            ("log_end_offset", partition.logEndOffset.map { .int($0.rawValue) } ?? .null),
            ("lag", partition.lag.map { .int($0) } ?? .null),
            ("state", .string(partition.hold == nil ? "flowing" : "retrying")),
        ]
        if let hold = partition.hold {
            members.append(
                (
                    "retry",
                    .object([
                        ("offset", hold.offset.map { .int($0.rawValue) } ?? .null),
                        ("category", .string(hold.category.rawValue)),
                        ("reason", .string(hold.reason)),
                        ("attempts", .int(hold.attempts)),
                        ("next_attempt", .timestamp(hold.nextAttempt)),
                    ])
                ))
        }
        return .object(members)
    }
}
