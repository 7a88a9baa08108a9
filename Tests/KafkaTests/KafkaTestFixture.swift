import Foundation
import Kafka
import Logging
import TestSupport

/// A Tansu broker of the test's own and clients configured for fast tests: short session timeout (Tansu
/// delays a group's first join by half of it), short delivery timeout, fast reconnects.
struct KafkaTestFixture {
    let broker: TansuBroker
    let logger: Logger

    static func start() async throws -> KafkaTestFixture {
        var logger = ProcessInfo.processInfo.environment["KAFKA_TEST_LOG"] == nil ? Logger.quiet : Logger(label: "kafka-tests")
        logger.logLevel = .debug
        return KafkaTestFixture(broker: try await TansuBroker.start(), logger: logger)
    }

    var bootstrapServers: [String] { [broker.bootstrapServers] }

    func producerConfiguration() -> KafkaProducerConfiguration {
        var config = KafkaProducerConfiguration(bootstrapServers: bootstrapServers)
        config.deliveryTimeout = .seconds(10)
        config.shutdownFlushTimeout = .seconds(5)
        config.connection.reconnectBackoffMaximum = .milliseconds(500)
        return config
    }

    func consumerConfiguration(group: String, topics: [String]) -> KafkaConsumerConfiguration {
        var config = KafkaConsumerConfiguration(
            consumptionStrategy: .group(id: group, topics: topics), bootstrapServers: bootstrapServers
        )
        config.sessionTimeout = .seconds(6)
        config.heartbeatInterval = .seconds(1)
        config.connection.reconnectBackoffMaximum = .milliseconds(500)
        return config
    }

    func admin() throws -> KafkaAdmin {
        try KafkaAdmin(configuration: KafkaAdminConfiguration(bootstrapServers: bootstrapServers), logger: logger)
    }

    /// Creates a topic with a unique name and returns the name.
    func createTopic(_ prefix: String = "topic", partitions: Int = 1) async throws -> String {
        let name = "\(prefix)-\(UUID().uuidString.prefix(8))"
        try await admin().createTopic(KafkaNewTopic(name: name, partitionCount: partitions))
        return name
    }

    func stop() async {
        await broker.stop()
    }
}

extension KafkaConsumer {
    /// Reads `count` messages, failing after `timeout`.
    func read(_ count: Int, timeout: Duration = .seconds(30)) async throws -> [KafkaConsumerMessage] {
        try await withDeadline(timeout, "\(count) messages") {
            var messages: [KafkaConsumerMessage] = []
            for try await message in self.messages {
                messages.append(message)
                if messages.count == count { break }
            }
            return messages
        }
    }
}

/// Raised by ``withDeadline(_:_:_:)``.
struct TestTimeout: Error, CustomStringConvertible {
    let what: String
    let timeout: Duration
    var description: String { "timed out after \(timeout) waiting for \(what)" }
}

/// Runs `body`, throwing ``TestTimeout`` if it takes longer than `timeout` (the body is cancelled).
func withDeadline<T: Sendable>(
    _ timeout: Duration,
    _ what: String,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let result = try await group.next(), let value = result else {
            throw TestTimeout(what: what, timeout: timeout)
        }
        return value
    }
}

extension Logger {
    /// Drops everything: for tests that don't look at logs.
    static let quiet = Logger(label: "quiet") { _ in SwiftLogNoOpLogHandler() }
}
