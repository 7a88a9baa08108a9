import Foundation

/// Whether a service exports traces, decided from the standard `OTEL_*` variables alone.
///
/// Tracing is opt-in: with none of the variables set, nothing is bootstrapped, the process keeps the
/// Tracing API's no-op tracer, and no span, header or log field is made. Setting an exporter or an
/// endpoint turns it on, as it does for other OpenTelemetry SDKs; swift-otel then reads the rest
/// (`OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER`, `OTEL_BSP_*`, `OTEL_EXPORTER_OTLP_*`) itself.
public struct TracingSettings: Sendable, Hashable {
    /// Traces are exported.
    public var isEnabled: Bool

    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// - `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`: off, whatever else is set.
    /// - `OTEL_TRACES_EXPORTER` (`otlp`, `console`), `OTEL_EXPORTER_OTLP_ENDPOINT` or
    ///   `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` set: on.
    /// - otherwise off: a default endpoint (`localhost:4318`) that nobody runs would only queue spans.
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text.lowercased()
        }
        let exporter = value("OTEL_TRACES_EXPORTER")
        if value("OTEL_SDK_DISABLED") == "true" || exporter == "none" {
            isEnabled = false
        } else {
            isEnabled =
                exporter != nil || value("OTEL_EXPORTER_OTLP_ENDPOINT") != nil
                || value("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != nil
        }
    }
}
