import ArgumentParser
import CartService
import Foundation
import Logging
import Metrics
import Prometheus
import ServiceSettings

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
        let configuration = try CartServiceConfiguration.settings.read(
            environment: ProcessInfo.processInfo.environment, arguments: settingFlags, over: CartServiceConfiguration())
        configuration.logging.bootstrap()
        // The one registry of the process: GET /metrics shows it, and anything counted through swift-metrics lands in it.
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let logger = Logger(label: "cart-service")
        try await CartService.makeApplication(configuration: configuration, metrics: metrics, logger: logger).runService()
    }
}
