import ArgumentParser
import Foundation
import Logging
import Metrics
import OrderService
import Prometheus
import ServiceSettings
import ServiceSupport

/// `order-service`: every setting is an environment variable and a flag of the same meaning (the flag
/// wins); ``OrderServiceConfiguration/settings`` lists them and `--help` shows them.
@main
struct OrderServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order-service",
        abstract: "Consumes order events exactly once in effect; serves orders and dead letters.",
        discussion: OrderServiceConfiguration.settings.help(defaults: OrderServiceConfiguration())
            + "\n\n`order-service dlq list|show N|replay …` looks at and replays dead letters of a running service (see `order-service dlq --help`)."
    )

    /// The settings' flags, read by the table rather than by ArgumentParser, which cannot be driven by it.
    @Argument(parsing: .allUnrecognized, help: .hidden) var settingFlags: [String] = []

    func run() async throws {
        // The operator's client shares the binary but not the settings table: it only talks HTTP.
        if settingFlags.first == "dlq" {
            var command = try DeadLetterCommand.parseAsRoot(Array(settingFlags.dropFirst()))
            if var async = command as? any AsyncParsableCommand { try await async.run() } else { try command.run() }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        var configuration = try OrderServiceConfiguration.settings.read(
            environment: environment, arguments: settingFlags, over: OrderServiceConfiguration())
        let isTracing = TracingSettings(environment: environment).isEnabled
        configuration.logging.bootstrap(metadataProvider: isTracing ? ServiceTracing.loggingMetadataProvider : nil)
        // The one registry of the process: GET /metrics shows it, and anything counted through swift-metrics lands in it.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let logger = Logger(label: "order-service")
        // The OTEL_* variables turn trace export on; without them the tracer stays the no-op one.
        let tracing = try ServiceTracing.bootstrap(serviceName: "order-service", environment: environment, logger: logger)
        configuration.isTracingEnabled = tracing != nil
        let application = try await OrderServiceRuntime.makeApplication(configuration: configuration, metrics: metrics, logger: logger)
        try await ServiceTracing.run(application, tracing: tracing, logger: logger)
    }
}
