import Hummingbird
import Prometheus
import Synchronization

/// `http_server_requests_total{method,route,status}` and `http_server_request_duration_seconds{method,route}`,
/// with the pair of instruments of each (method, route, status) looked up once and then kept: the
/// registry's own lookup builds a label array and takes its lock for every call, which a request
/// should not pay.
///
/// Every label has a bounded set of values, so that a client cannot grow the registry: `route` is the
/// router's template (or ``unmatchedRoute``), `method` one of the standard methods (or `_OTHER`), and
/// `status` a three-digit code.
final class HTTPServerMetrics: Sendable {
    /// The route of a request that no route matched (404, and 405 for a path served with other methods).
    static let unmatchedRoute = "unmatched"

    private struct Key: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private struct Instruments: Sendable {
        let requests: Counter
        let duration: DurationHistogram
    }

    private static let knownMethods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .delete, .patch, .options]

    private let registry: PrometheusCollectorRegistry
    private let instruments = Mutex<[Key: Instruments]>([:])

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// - Parameter endpoint: Hummingbird's `endpointPath`, the matched route's template; its own
    ///   `NotFound` (or `nil`) when no route matched.
    func record(method: HTTPRequest.Method, endpoint: String?, status: Int, duration: Duration) {
        let route = endpoint.flatMap { $0 == "NotFound" ? nil : $0 } ?? Self.unmatchedRoute
        let key = Key(method: Self.knownMethods.contains(method) ? method.rawValue : "_OTHER", route: route, status: status)
        let found = instruments.withLock { $0[key] } ?? make(key)
        found.requests.increment()
        found.duration.record(duration)
    }

    private func make(_ key: Key) -> Instruments {
        let made = Instruments(
            requests: registry.makeCounter(
                descriptor: .metric(
                    "http_server_requests_total", help: "HTTP requests answered, by method, route template and status code"),
                labels: [("method", key.method), ("route", key.route), ("status", String(key.status))]),
            duration: registry.makeDurationHistogram(
                descriptor: .metric(
                    "http_server_request_duration_seconds",
                    help: "Time from a routed request to its response (writing the body excluded), by method and route template"),
                labels: [("method", key.method), ("route", key.route)],
                buckets: MetricBuckets.latency))
        instruments.withLock { $0[key] = made }
        return made
    }
}
