import ArgumentParser
import Foundation
import Logging
import Metrics
import Prometheus
import SchemaRegistryServer
import ServiceLifecycle
import ServiceSettings

/// `schema-registry`: a Confluent-compatible Schema Registry keeping its state in a Kafka topic.
/// Every setting is an environment variable and a flag of the same meaning (the flag wins);
/// ``RegistryServerSettings/table`` lists them and `--help` shows them.
@main
struct SchemaRegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema-registry",
        abstract: "A Confluent-compatible Schema Registry that keeps its state in a compacted Kafka topic.",
        discussion: RegistryServerSettings.table.help(defaults: RegistryServerSettings()))

    /// The settings' flags, read by the table rather than by ArgumentParser, which cannot be driven by it.
    @Argument(parsing: .allUnrecognized, help: .hidden) var settingFlags: [String] = []

    func run() async throws {
        let settings = try RegistryServerSettings.table.read(
            environment: ProcessInfo.processInfo.environment, arguments: settingFlags, over: RegistryServerSettings())
        settings.logging.bootstrap()
        // The one registry of the process: GET /metrics shows it, and anything counted through swift-metrics lands in it.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let logger = Logger(label: "schema-registry")
        let app = try await buildApplication(configuration: settings.configuration, metrics: metrics, logger: logger)
        // Bounded: a broker that vanished must not keep a stopping registry alive forever.
        var group = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(15)
        group.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: group).run()
        logger.info("Schema registry stopped")
    }
}
