import Logging
import OTel
import ServiceLifecycle
import Tracing

/// A failure to set up trace export at start-up: a bad `OTEL_*` value, or an exporter this build does not have.
public struct TracingSetupError: Error, CustomStringConvertible {
    public let description: String
}

/// Trace export for a service executable: swift-otel's OTLP exporter, configured by the standard `OTEL_*`
/// variables, for traces only. Metrics stay with Prometheus (`/metrics`) and logs with our own handler, so
/// swift-otel's metrics and logging backends are never bootstrapped.
public enum ServiceTracing {
    /// Bootstraps the process's tracer when ``TracingSettings`` says so; call once, before any span is made.
    ///
    /// - Parameters:
    ///   - serviceName: the `service.name` resource attribute unless `OTEL_SERVICE_NAME` says otherwise.
    ///   - logger: where swift-otel reports its own problems (an unreachable collector, dropped spans).
    /// - Returns: the exporter's background work, to run beside the application (``run(_:tracing:logger:)``);
    ///   `nil` when tracing is off: then nothing is bootstrapped and the tracer stays the no-op one.
    public static func bootstrap(
        serviceName: String, environment: [String: String], logger: Logger
    ) throws(TracingSetupError) -> (any Service)? {
        guard TracingSettings(environment: environment).isEnabled else { return nil }
        var configuration = OTel.Configuration.default
        configuration.serviceName = serviceName
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        configuration.diagnosticLogger = .custom(logger)
        do {
            return try OTel.bootstrap(configuration: configuration, environment: environment)
        } catch {
            throw TracingSetupError(description: "cannot set up trace export from the OTEL_* variables: \(error)")
        }
    }

    /// Adds `trace_id`, `span_id` and `trace_flags` to every log line written while a span is active.
    public static var loggingMetadataProvider: Logger.MetadataProvider {
        OTel.makeLoggingMetadataProvider()
    }

    /// Runs `application` as Hummingbird's `runService()` does (SIGTERM and SIGINT shut it down gracefully),
    /// with the trace exporter beside it when there is one.
    ///
    /// The exporter is listed first so that it stops last: the group shuts services down in reverse order,
    /// and the spans of the requests that the application finishes while stopping are still exported.
    public static func run(_ application: some Service, tracing: (any Service)?, logger: Logger) async throws {
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let tracing { services.append(.init(service: tracing)) }
        services.append(.init(service: application))
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
