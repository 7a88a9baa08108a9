import Hummingbird
import HummingbirdTesting
import Prometheus
import ServiceSupport
import TestSupport
import Testing

/// The HTTP metrics every service has: counted under the router's template, never the raw path, with
/// the status the client got, and `GET /metrics` in Prometheus's text format.
@Suite struct HTTPMetricsMiddlewareTests {
    let app: any ApplicationProtocol

    init() {
        let registry = PrometheusCollectorRegistry()
        let router = Router()
        router.addRequestMetrics(registry)
        router.add(middleware: ErrorBodyMiddleware())
        router.get("/order-details") { request, _ -> String in
            guard request.uri.queryParameters["orderId"] != nil else { throw APIError.badRequest(["orderId is missing"]) }
            return "{}"
        }
        router.get("/subjects/:subject/versions") { _, _ in "[]" }
        router.post("/boom") { _, _ -> String in throw TestSupportError(description: "not an HTTP error") }
        router.addMetricsEndpoint(registry)
        router.answerUnservedMethodsWithMethodNotAllowed()
        app = Application(router: router)
    }

    /// Sends each request in turn, then scrapes `/metrics`.
    private func scrape(after requests: [(HTTPRequest.Method, String)]) async throws -> PrometheusText {
        try await app.test(.router) { client in
            for (method, path) in requests { _ = try await client.execute(uri: path, method: method) }
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            return try PrometheusText(String(buffer: response.body))
        }
    }

    @Test func requestsCountUnderTheRouteTemplate() async throws {
        let metrics = try await scrape(after: [
            (.get, "/order-details?orderId=A"), (.get, "/order-details?orderId=B"), (.get, "/order-details?orderId=C"),
            (.get, "/subjects/orders-value/versions"), (.get, "/subjects/payments-value/versions"),
        ])
        #expect(metrics.value("http_server_requests_total", ["method": "GET", "route": "/order-details", "status": "200"]) == 3)
        #expect(
            metrics.value("http_server_requests_total", ["method": "GET", "route": "/subjects/{subject}/versions", "status": "200"]) == 2)
        #expect(metrics.value("http_server_request_duration_seconds_count", ["method": "GET", "route": "/order-details"]) == 3)
        let routes = Set(metrics.samples("http_server_requests_total").compactMap { $0.labels["route"] })
        #expect(!routes.contains { $0.contains("orderId") || $0.contains("orders-value") }, "raw paths leaked: \(routes)")
    }

    @Test func unmatchedRequestsShareOneRouteLabel() async throws {
        let metrics = try await scrape(after: [
            (.get, "/nope"), (.get, "/nope/deeper/still"), (.post, "/order-details"), (HTTPRequest.Method("PROPFIND")!, "/x"),
        ])
        #expect(metrics.value("http_server_requests_total", ["method": "GET", "route": "unmatched", "status": "404"]) == 2)
        #expect(metrics.value("http_server_requests_total", ["method": "POST", "route": "unmatched", "status": "405"]) == 1)
        // A method of the client's choosing would be a label value of the client's choosing.
        #expect(metrics.value("http_server_requests_total", ["method": "_OTHER", "route": "unmatched", "status": "404"]) == 1)
        #expect(metrics.samples("http_server_requests_total", matching: ["route": "/nope"]).isEmpty)
    }

    @Test func statusIsTheOneTheClientGot() async throws {
        let metrics = try await scrape(after: [(.get, "/order-details"), (.post, "/boom")])
        #expect(metrics.value("http_server_requests_total", ["method": "GET", "route": "/order-details", "status": "400"]) == 1)
        #expect(metrics.value("http_server_requests_total", ["method": "POST", "route": "/boom", "status": "500"]) == 1)
    }

    @Test func metricsAnswerInPrometheusTextFormat() async throws {
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/order-details?orderId=A", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let metrics = try PrometheusText(String(buffer: response.body))
            #expect(metrics.types["http_server_requests_total"] == "counter")
            #expect(metrics.types["http_server_request_duration_seconds"] == "histogram")
            let buckets = metrics.samples("http_server_request_duration_seconds_bucket", matching: ["route": "/order-details"])
            #expect(buckets.first { $0.labels["le"] == "+Inf" }?.value == 1)
        }
    }
}
