import JSONOutput
import Kafka

/// The answer of `POST /dlq/replay`: what was replayed (or, in a dry run, would be) and what was
/// skipped and why.
public struct ReplayOutcome: Sendable, Hashable {
    public struct Replayed: Sendable, Hashable {
        public var dlqOffset: Int64
        public var topic: String
        public var partition: KafkaPartition
        /// Where the copy was stored; `nil` in a dry run.
        public var offset: KafkaOffset?
    }

    public struct Skipped: Sendable, Hashable {
        public var dlqOffset: Int64
        public var reason: String

        public init(dlqOffset: Int64, reason: String) {
            self.dlqOffset = dlqOffset
            self.reason = reason
        }
    }

    public var isDryRun: Bool
    public var replayed: [Replayed] = []
    public var skipped: [Skipped] = []

    var json: JSONText {
        .object([
            ("dryRun", .bool(isDryRun)),
            (
                "replayed",
                .array(
                    replayed.map {
                        .object([
                            ("dlqOffset", .int($0.dlqOffset)), ("topic", .string($0.topic)),
                            ("partition", .int($0.partition.rawValue)), ("offset", $0.offset.map { .int($0.rawValue) } ?? .null),
                        ])
                    })
            ),
            ("skipped", .array(skipped.map { .object([("dlqOffset", .int($0.dlqOffset)), ("reason", .string($0.reason))]) })),
        ])
    }
}
