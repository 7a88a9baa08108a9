import CartService
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing
import TestSupport

/// The Cart Service's `/metrics`, in process with a recording publisher: every publish counted by event
/// type and result, timed, and the producer's queue read when scraped.
@Suite struct CartMetricsTests {
    let publisher = RecordingPublisher()
    let app: any ApplicationProtocol

    init() {
        app = buildCartApplication(
            configuration: CartServiceConfiguration(), publisher: publisher, metrics: PrometheusCollectorRegistry(),
            logger: Logger(label: "test"))
    }

    private func post(
        _ client: some TestClientProtocol, _ path: String, _ body: String, method: HTTPRequest.Method = .post
    )
        async throws -> HTTPResponse.Status
    {
        try await client.execute(
            uri: path, method: method, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
        ).status
    }

    private func scrape(_ client: some TestClientProtocol) async throws -> PrometheusText {
        let response = try await client.execute(uri: "/metrics", method: .get)
        #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        return try PrometheusText(String(buffer: response.body))
    }

    @Test func publishesCountByEventTypeAndResult() async throws {
        let metrics = try await app.test(.router) { client in
            #expect(try await post(client, "/create-order", #"{"orderId": "A", "itemsCount": 1}"#) == .created)
            #expect(try await post(client, "/create-order", #"{"orderId": "B", "itemsCount": 2}"#) == .created)
            #expect(try await post(client, "/update-order", #"{"orderId": "A", "status": "confirmed"}"#, method: .put) == .ok)
            publisher.fail(with: PublishError(.unavailable, "broker down"))
            #expect(try await post(client, "/create-order", #"{"orderId": "C", "itemsCount": 1}"#) == .serviceUnavailable)
            publisher.fail(with: PublishError(.rejected, "refused"))
            #expect(
                try await post(client, "/update-order", #"{"orderId": "A", "status": "shipped"}"#, method: .put)
                    == .internalServerError)
            #expect(try await post(client, "/create-order", #"{"itemsCount": 1}"#) == .badRequest)
            return try await scrape(client)
        }
        let expected: [(String, String, Double)] = [
            ("CREATE", "acked", 2), ("UPDATE", "acked", 1), ("CREATE", "unavailable", 1), ("UPDATE", "rejected", 1),
            ("CREATE", "rejected", 0), ("UPDATE", "unavailable", 0),
        ]
        for (eventType, result, count) in expected {
            #expect(
                metrics.value("orders_published_total", ["event_type": eventType, "result": result]) == count, "\(eventType) \(result)")
        }
        #expect(metrics.value("order_publish_duration_seconds_count", ["result": "acked"]) == 3)
        #expect(metrics.value("order_publish_duration_seconds_count", ["result": "unavailable"]) == 1)
        let create = ["method": "POST", "route": "/create-order"]
        #expect(metrics.value("http_server_requests_total", create.merging(["status": "201"]) { $1 }) == 2)
        #expect(metrics.value("http_server_requests_total", create.merging(["status": "503"]) { $1 }) == 1)
        // A request refused before publishing is an HTTP answer, not a publish.
        #expect(metrics.value("http_server_requests_total", create.merging(["status": "400"]) { $1 }) == 1)
        #expect(metrics.value("http_server_requests_total", ["method": "PUT", "route": "/update-order", "status": "500"]) == 1)
        for (name, type) in [
            ("orders_published_total", "counter"), ("order_publish_duration_seconds", "histogram"),
            ("kafka_producer_queue_messages", "gauge"), ("http_server_requests_total", "counter"),
            ("http_server_request_duration_seconds", "histogram"),
        ] {
            #expect(metrics.types[name] == type, "\(name)")
        }
    }

    @Test func producerQueueIsReadWhenScraped() async throws {
        try await app.test(.router) { client in
            publisher.setQueued(7)
            let queued = try await scrape(client)
            #expect(queued.value("kafka_producer_queue_messages") == 7)
            publisher.setQueued(0)
            let drained = try await scrape(client)
            #expect(drained.value("kafka_producer_queue_messages") == 0)
        }
    }
}
