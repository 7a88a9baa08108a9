import OrderEvents
import Prometheus
import ServiceSupport

/// The Cart Service's own metrics, beside the HTTP ones every service has:
/// `orders_published_total{event_type,result}`, `order_publish_duration_seconds{result}` and
/// `kafka_producer_queue_messages`.
///
/// Every (event type, result) series is made at start, at 0, so that a dashboard's rate shows the first
/// failure rather than a series that appears with it; a publish then only finds its instruments.
struct CartMetrics: Sendable {
    /// How a publish ended, as the `result` label says it.
    enum PublishResult: String, Sendable, CaseIterable {
        /// The broker acknowledged the event (201 or 200).
        case acked
        /// The event can never be published as it is (500).
        case rejected
        /// Broker or registry out of reach, or no acknowledgement in time (503).
        case unavailable
    }

    private struct Key: Hashable {
        var eventType: OrderEventType
        var result: PublishResult
    }

    private let published: [Key: Counter]
    private let durations: [PublishResult: DurationHistogram]
    /// Set on each scrape from the producer (see ``OrderEventPublisher/queuedEventCount``).
    let producerQueue: Gauge

    init(registry: PrometheusCollectorRegistry) {
        var published: [Key: Counter] = [:]
        var durations: [PublishResult: DurationHistogram] = [:]
        for result in PublishResult.allCases {
            for eventType in OrderEventType.allCases {
                published[Key(eventType: eventType, result: result)] = registry.makeCounter(
                    descriptor: .metric(
                        "orders_published_total",
                        help: "Order events the Cart Service tried to publish, by event type and result (acked, rejected, unavailable)"),
                    labels: [("event_type", eventType.rawValue), ("result", result.rawValue)])
            }
            durations[result] = registry.makeDurationHistogram(
                descriptor: .metric(
                    "order_publish_duration_seconds",
                    help: "Time from handing an order event to the producer to the broker's acknowledgement or the failure, by result"),
                labels: [("result", result.rawValue)], buckets: MetricBuckets.latency)
        }
        self.published = published
        self.durations = durations
        self.producerQueue = registry.makeGauge(
            descriptor: .metric(
                "kafka_producer_queue_messages",
                help: "Order events handed to the Kafka producer and not yet acknowledged or failed, read at scrape time"))
    }

    func record(_ eventType: OrderEventType, _ result: PublishResult, duration: Duration) {
        published[Key(eventType: eventType, result: result)]?.increment()
        durations[result]?.record(duration)
    }
}
