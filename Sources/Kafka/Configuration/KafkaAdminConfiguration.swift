/// Settings of a ``KafkaAdmin``.
public struct KafkaAdminConfiguration: Sendable, Hashable {
    /// Where the cluster is and how to reach it.
    public var connection: KafkaConfiguration.ConnectionOptions
    /// The time limit of each admin call that is not given its own timeout.
    /// Default: 10 s
    public var operationTimeout: Duration = .seconds(10)
    /// Raw librdkafka properties (see its CONFIGURATION.md), applied last so they override typed settings.
    /// Default: `[:]`
    public var additionalConfig: [String: String] = [:]

    public init(bootstrapServers: [String]) {
        self.connection = KafkaConfiguration.ConnectionOptions(bootstrapServers: bootstrapServers)
    }

    var dictionary: [String: String] {
        connection.dictionary.merging(additionalConfig) { _, raw in raw }
    }
}
