import Logging

/// Creates, describes, lists and deletes topics, and reads cluster metadata.
///
/// Every call ends within its timeout (default: `operationTimeout`). Requests run on a queue of the
/// client's own, never on Swift's cooperative pool.
///
/// ## Topics
/// - ``createTopics(_:timeout:)``
/// - ``deleteTopics(_:timeout:)``
/// - ``listTopics(timeout:)``
/// - ``metadata(timeout:)``
/// - ``describeTopicConfig(_:timeout:)``
public final class KafkaAdmin: Sendable {
    let client: RDKafkaClient
    let configuration: KafkaAdminConfiguration

    /// - Throws: ``KafkaError`` `.unsupportedLibrary` or `.configuration`.
    public init(configuration: KafkaAdminConfiguration, logger: Logger) throws(KafkaError) {
        var logger = logger
        logger[metadataKey: KafkaLoggingKeys.clientID] = "\(configuration.connection.clientID)"
        logger[metadataKey: KafkaLoggingKeys.clientType] = "admin"
        self.configuration = configuration
        self.client = try RDKafkaClient.make(
            type: .producer, properties: configuration.dictionary, events: [], handler: NoEvents(), logger: logger
        )
    }

    /// Creates topics, idempotently: a topic that exists already is reported as `.alreadyExisted`, not as
    /// an error (its partitions and configs are left as they are).
    ///
    /// - Throws: ``KafkaError`` for any other per-topic failure (`.invalidArgument` for bad configs or
    ///   partition counts), `.timedOut`, `.connectionFailed`.
    @discardableResult
    public func createTopics(_ topics: [KafkaNewTopic], timeout: Duration? = nil) async throws -> [String: KafkaTopicCreation] {
        let results = try await client.createTopics(topics, timeout: timeout ?? configuration.operationTimeout)
        var outcome: [String: KafkaTopicCreation] = [:]
        for (name, error) in results {
            switch error {
            case nil: outcome[name] = .created
            case let error? where error.code == .topicAlreadyExists: outcome[name] = .alreadyExisted
            case let error?: throw error
            }
        }
        return outcome
    }

    /// Creates one topic idempotently; see ``createTopics(_:timeout:)``.
    @discardableResult
    public func createTopic(_ topic: KafkaNewTopic, timeout: Duration? = nil) async throws -> KafkaTopicCreation {
        try await createTopics([topic], timeout: timeout)[topic.name] ?? .created
    }

    /// Deletes topics. A topic that does not exist is ignored (deleting is idempotent too).
    public func deleteTopics(_ names: [String], timeout: Duration? = nil) async throws {
        let results = try await client.deleteTopics(names, timeout: timeout ?? configuration.operationTimeout)
        for case let (_, error?) in results where error.code != .unknownTopicOrPartition {
            throw error
        }
    }

    /// The names of the cluster's topics, without internal ones (names starting with `__`).
    public func listTopics(timeout: Duration? = nil) async throws -> [String] {
        try await metadata(timeout: timeout).topics.map(\.name).filter { !$0.hasPrefix("__") }.sorted()
    }

    /// Brokers, topics and partitions as the cluster reports them now.
    public func metadata(timeout: Duration? = nil) async throws -> KafkaClusterMetadata {
        try await client.metadata(timeout: timeout ?? configuration.operationTimeout)
    }

    /// The configuration of a topic, by entry name (`retention.ms`, `cleanup.policy`, ...).
    public func describeTopicConfig(_ topic: String, timeout: Duration? = nil) async throws -> [String: KafkaConfigEntry] {
        try await client.describeTopicConfig(topic, timeout: timeout ?? configuration.operationTimeout)
    }

    private final class NoEvents: RDKafkaEventHandler {}
}
