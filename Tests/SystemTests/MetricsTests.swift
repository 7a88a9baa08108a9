import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// `GET /metrics` of the three real binaries after orders went through the whole system: the counters
/// every dashboard relies on moved, under their documented names and types, and librdkafka's statistics
/// arrive as gauges.
@Suite(.serialized, .timeLimit(.minutes(3))) struct MetricsTests {
    @Test func everyServiceShowsWhatAnOrderDid() async throws {
        var options = RunningSystem.Options()
        // Short, so that the statistics gauges appear within the test's deadline.
        options.sharedSettings = ["KAFKA_STATISTICS_INTERVAL": "0.5"]
        let system = try await RunningSystem.start(options)

        for body in [#"{"orderId": "METRICS-1", "itemsCount": 2}"#, #"{"orderId": "METRICS-1", "itemsCount": 3}"#] {
            let created = try await system.cart.post("/create-order", json: body)
            #expect(created.status == 201, "\(created.body)")
        }
        _ = try await system.waitForOrder("METRICS-1")

        let cart = try await scrape(system.cart, until: "the Cart Service's publishes and producer statistics") { scrape in
            // The warm-up order of RunningSystem.start, and the two above.
            (scrape.value("orders_published_total", ["event_type": "CREATE", "result": "acked"]) ?? 0) >= 3
                && scrape.samples("kafka_broker_connected", matching: ["client_id": "cart-service"]).contains { $0.value == 1 }
        }
        #expect((cart.value("http_server_requests_total", ["method": "POST", "route": "/create-order", "status": "201"]) ?? 0) >= 3)
        #expect((cart.value("order_publish_duration_seconds_count", ["result": "acked"]) ?? 0) >= 3)
        #expect(!cart.samples("kafka_client_messages_queued", matching: ["client_id": "cart-service", "client_type": "producer"]).isEmpty)
        #expect(!cart.samples("kafka_broker_round_trip_seconds", matching: ["client_id": "cart-service"]).isEmpty)
        expectTypes(
            cart,
            ["orders_published_total": "counter", "order_publish_duration_seconds": "histogram", "kafka_producer_queue_messages": "gauge"])

        let orders = try await scrape(system.orders, until: "the Order Service's applied events, dead letter and lag") { scrape in
            (scrape.value("order_events_processed_total", ["event_type": "CREATE", "result": "applied"]) ?? 0) >= 2
                && (scrape.value("dead_letters_total", ["category": "NO_RETRY_DLQ"]) ?? 0) >= 1
                && !scrape.samples("order_consumer_lag").isEmpty
                && !scrape.samples("kafka_client_messages_queued", matching: ["client_id": "order-service"]).isEmpty
        }
        #expect((orders.value("order_events_processed_total", ["event_type": "CREATE", "result": "dead_lettered"]) ?? 0) >= 1)
        #expect((orders.value("order_event_end_to_end_seconds_count") ?? 0) >= 3)
        #expect((orders.value("order_store_transaction_duration_seconds_count") ?? 0) >= 1)
        #expect((orders.value("http_server_requests_total", ["method": "GET", "route": "/order-details", "status": "200"]) ?? 0) >= 1)
        #expect(orders.samples("http_server_requests_total").allSatisfy { !($0.labels["route"] ?? "").contains("METRICS-1") })
        expectTypes(
            orders,
            [
                "order_events_processed_total": "counter", "dead_letters_total": "counter", "order_consumer_lag": "gauge",
                "order_event_end_to_end_seconds": "histogram", "order_store_transaction_duration_seconds": "histogram",
            ])

        let registry = try await scrape(HTTPTestClient(baseURL: system.registryURL), until: "the registry's registration and lookup") {
            scrape in
            (scrape.value("schema_registry_lookups_total", ["result": "found"]) ?? 0) >= 1
                && !scrape.samples("kafka_client_messages_queued", matching: ["client_id": "schema-registry-reader"]).isEmpty
        }
        let registrations = registry.samples("schema_registry_registrations_total").filter {
            ["created", "existing"].contains($0.labels["result"])
        }
        #expect(registrations.map(\.value).reduce(0, +) >= 1)
        #expect(registry.value("schema_registry_schemas") == 1)
        #expect(registry.value("schema_registry_subjects") == 1)
        expectTypes(
            registry,
            [
                "schema_registry_registrations_total": "counter", "schema_registry_lookups_total": "counter",
                "schema_registry_schemas": "gauge", "schema_registry_subjects": "gauge",
            ])
        try await expectOpsFilesQueryServedMetrics([cart, orders, registry])
        await system.stop()
    }

    /// The name parsing below, on the kinds of expression the ops files use.
    @Test func metricNamesAreReadOutOfPromQL() throws {
        let names = try OpsQueries.metricNames(
            in: """
                histogram_quantile(0.99, sum by (le, route) (rate(http_server_request_duration_seconds_bucket{route="/x"}[5m])))
                  > 0.02 and sum without (instance) (order_consumer_lag offset 5m) / clamp_min(sum(rate(a_total[$__rate_interval])), 1e-9)
                """)
        #expect(names == ["http_server_request_duration_seconds", "order_consumer_lag", "a_total"])
    }

    /// Every metric that `ops/grafana/order-platform.json` and `ops/prometheus/alerts.yml` query is one that
    /// a running service serves, so that renaming a metric fails here rather than on a dashboard in production.
    private func expectOpsFilesQueryServedMetrics(_ scrapes: [PrometheusText]) async throws {
        let served = Set(scrapes.flatMap { $0.types.keys })
        let expressions = try await OpsQueries.expressions()
        #expect(expressions.count >= 20, "the dashboard's targets and the alert rules")
        var queried: Set<String> = []
        for (file, expression) in expressions {
            let names = try OpsQueries.metricNames(in: expression)
            #expect(!names.isEmpty, "\(file): no metric in \(expression)")
            for name in names.subtracting(served).sorted() {
                Issue.record("\(file) queries \(name), which no service's /metrics serves: \(expression)")
            }
            queried.formUnion(names)
        }
        for name in [
            "http_server_requests_total", "http_server_request_duration_seconds", "orders_published_total",
            "order_consumer_lag", "dead_letters_total", "order_event_end_to_end_seconds", "schema_registry_registrations_total",
        ] {
            #expect(queried.contains(name), "the ops files show \(name)")
        }
    }

    /// Scrapes until `condition` holds; on the deadline the last scrape is in the failure.
    private func scrape(
        _ service: HTTPTestClient, until what: String, _ condition: (PrometheusText) -> Bool
    ) async throws -> PrometheusText {
        var last = ""
        do {
            return try await eventually(what, timeout: .seconds(30), pollEvery: .milliseconds(200)) {
                let answer = try await service.get("/metrics")
                #expect(answer.status == 200)
                #expect(answer.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
                last = answer.body
                let scrape = try PrometheusText(answer.body)
                return condition(scrape) ? scrape : nil
            }
        } catch {
            Issue.record("last scrape of \(service.baseURL)/metrics:\n\(last)")
            throw error
        }
    }

    /// The metrics every service has, and `types`, each with its `# TYPE` line.
    private func expectTypes(_ scrape: PrometheusText, _ types: [String: String]) {
        let http = ["http_server_requests_total": "counter", "http_server_request_duration_seconds": "histogram"]
        for (name, type) in types.merging(http, uniquingKeysWith: { $1 }) {
            #expect(scrape.types[name] == type, "# TYPE of \(name)")
        }
    }
}
