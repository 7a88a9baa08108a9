import Hummingbird
import NIOCore
import Prometheus

extension Router {
    /// Counts and times every request (``HTTPMetricsMiddleware``); call it first, before any route or
    /// other middleware, so that every answer is counted.
    public func addRequestMetrics(_ registry: PrometheusCollectorRegistry) {
        add(middleware: HTTPMetricsMiddleware(registry: registry))
    }

    /// `GET /metrics`: every metric of `registry` in Prometheus's text format, open like `/health` (a
    /// scraper has no credentials to give).
    ///
    /// - Parameter refresh: sets the gauges that are read rather than counted (a queue length, a lag)
    ///   just before they are written, so a scrape shows the present and nothing polls in between.
    public func addMetricsEndpoint(_ registry: PrometheusCollectorRegistry, refresh: @escaping @Sendable () async -> Void = {}) {
        get("/metrics") { _, _ in
            await refresh()
            var text: [UInt8] = []
            registry.emit(into: &text)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
    }
}
