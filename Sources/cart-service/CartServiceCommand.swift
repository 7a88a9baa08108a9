import ArgumentParser
import CartService
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceSettings
import ServiceSupport

/// `cart-service`: every setting is an environment variable and a flag of the same meaning (the flag
/// wins); ``CartServiceConfiguration/settings`` lists them and `--help` shows them.
@main
struct CartServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart-service",
        abstract: "Validates order requests and publishes order events to Kafka.",
        discussion: CartServiceConfiguration.settings.help(defaults: CartServiceConfiguration()))

    /// The settings' flags, read by the table rather than by ArgumentParser, which cannot be driven by it.
    @Argument(parsing: .allUnrecognized, help: .hidden) var settingFlags: [String] = []

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = try CartServiceConfiguration.settings.read(
            environment: environment, arguments: settingFlags, over: CartServiceConfiguration())
        let isTracing = TracingSettings(environment: environment).isEnabled
        configuration.logging.bootstrap(metadataProvider: isTracing ? ServiceTracing.loggingMetadataProvider : nil)
        // The one registry of the process: GET /metrics shows it, and anything counted through swift-metrics lands in it.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let logger = Logger(label: "cart-service")
        // The OTEL_* variables turn trace export on; without them the tracer stays the no-op one.
        let tracing = try ServiceTracing.bootstrap(serviceName: "cart-service", environment: environment, logger: logger)
        configuration.isTracingEnabled = tracing != nil
        let application = try await CartService.makeApplication(configuration: configuration, metrics: metrics, logger: logger)
        try await ServiceTracing.run(application, tracing: tracing, logger: logger)
    }
}
