import Kafka
import Logging
import ServiceSupport
import Testing

/// Tracing is opt-in through the standard OTEL_* variables, and the trace context travels in record headers.
@Suite struct TracingSettingsTests {
    @Test(
        arguments: [
            ([:], false),
            (["OTEL_SERVICE_NAME": "cart"], false),
            (["OTEL_TRACES_SAMPLER": "always_on"], false),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"], true),
            (["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/v1/traces"], true),
            (["OTEL_TRACES_EXPORTER": "otlp"], true),
            (["OTEL_TRACES_EXPORTER": "console"], true),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": " "], false),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_TRACES_EXPORTER": "none"], false),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_SDK_DISABLED": "TRUE"], false),
            (["OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318", "OTEL_SDK_DISABLED": "false"], true),
        ] as [([String: String], Bool)])
    func exportIsOnOnlyWithAnExporterOrEndpoint(environment: [String: String], isEnabled: Bool) {
        #expect(TracingSettings(environment: environment).isEnabled == isEnabled, "\(environment)")
    }

    @Test func noBootstrapWithoutTheVariables() throws {
        #expect(try ServiceTracing.bootstrap(serviceName: "test", environment: [:], logger: Logger(label: "tracing-tests")) == nil)
    }

    @Test func theInjectorReplacesAndTheExtractorReadsTheLastHeader() {
        var headers = [KafkaHeader(key: "traceparent", value: "old"), KafkaHeader(key: "other", value: "x")]
        KafkaHeaderInjector().inject("new", forKey: "traceparent", into: &headers)
        #expect(headers == [KafkaHeader(key: "other", value: "x"), KafkaHeader(key: "traceparent", value: "new")])
        #expect(KafkaHeaderExtractor().extract(key: "traceparent", from: headers) == "new")
        #expect(KafkaHeaderExtractor().extract(key: "tracestate", from: headers) == nil)
        let notText = [KafkaHeader(key: "traceparent", value: [0xFF, 0xFE])]
        #expect(KafkaHeaderExtractor().extract(key: "traceparent", from: notText) == nil)
        #expect(headers.traceContextHeaders == [KafkaHeader(key: "traceparent", value: "new")])
    }
}
