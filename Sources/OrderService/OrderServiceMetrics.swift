import Foundation
import Kafka
import OrderEvents
import Prometheus
import ServiceSupport
import Synchronization

/// The Order Service's own metrics, beside the HTTP ones every service has, in the registry that its
/// `GET /metrics` shows:
///
/// - `order_events_processed_total{event_type,result}`: each consumed record once per attempt, `result`
///   `applied` (the order changed), `noop` (nothing to change: the status was already that, or the store
///   had applied the record before a crash or a rebalance), `dead_lettered`, or `retried` (the attempt
///   failed and the partition waits for the next one); `event_type` `CREATE`, `UPDATE`, or `UNKNOWN` for
///   a record that could not be decoded;
/// - `dead_letters_total{category}`: dead letters recorded, by `NO_RETRY_DLQ` / `RETRY_THEN_DLQ`;
/// - `order_event_end_to_end_seconds`: from the event's timestamp (the Cart Service's clock when it
///   accepted the request) to the commit of the store transaction that holds its effect;
/// - `order_store_transaction_duration_seconds`: each store transaction, committed or rolled back;
/// - `order_consumer_lag{partition}`: records in the broker after the store's offset, per assigned
///   partition, read from ``ConsumerStatusBoard`` at scrape time.
///
/// Counters and histograms are recorded once per pass after its transaction, never per record inside
/// it, and every counter series exists from the start at 0.
public final class OrderServiceMetrics: Sendable {
    /// The registry holding these metrics, and the one `/metrics` shows.
    public let registry: PrometheusCollectorRegistry

    /// For the Kafka clients' statistics gauges, which go through swift-metrics, into the same registry.
    var kafkaMetricsFactory: PrometheusMetricsFactory { PrometheusMetricsFactory(registry: registry) }

    /// What processing a record came to, as the `result` label says it.
    enum EventResult: String, CaseIterable {
        case applied, noop
        case deadLettered = "dead_lettered"
        case retried
    }

    struct Key: Hashable {
        var eventType: OrderEventType?
        var result: EventResult
    }

    private let processed: [Key: Counter]
    private let deadLetters: [DeadLetterCategory: Counter]
    private let endToEnd: DurationHistogram
    private let storeTransaction: DurationHistogram
    private let lag = Mutex<[Int32: Gauge]>([:])

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var processed: [Key: Counter] = [:]
        for eventType in OrderEventType.allCases.map(Optional.some) + [nil] {
            // A record that could not be decoded can be dead-lettered, retried or skipped, never applied.
            for result in EventResult.allCases where eventType != nil || result != .applied {
                processed[Key(eventType: eventType, result: result)] = registry.makeCounter(
                    descriptor: .metric(
                        "order_events_processed_total",
                        help: "Order event records processed, per attempt, by event type and result (applied, noop, dead_lettered, retried)"
                    ), labels: [("event_type", eventType?.rawValue ?? "UNKNOWN"), ("result", result.rawValue)])
            }
        }
        self.processed = processed
        // RETRY_FOREVER never reaches the dead-letter topic: it is retried until it passes.
        self.deadLetters = Dictionary(
            uniqueKeysWithValues: [DeadLetterCategory.noRetry, .retryThenDeadLetter].map { category in
                (
                    category,
                    registry.makeCounter(
                        descriptor: .metric("dead_letters_total", help: "Records sent to the dead-letter topic, by category"),
                        labels: [("category", category.rawValue)])
                )
            })
        self.endToEnd = registry.makeDurationHistogram(
            descriptor: .metric(
                "order_event_end_to_end_seconds", help: "Time from an order event's timestamp to the commit of its effect in the store"),
            buckets: MetricBuckets.endToEnd)
        self.storeTransaction = registry.makeDurationHistogram(
            descriptor: .metric(
                "order_store_transaction_duration_seconds",
                help: "Store transactions applying a batch of records and their offsets, committed or rolled back"),
            buckets: MetricBuckets.latency)
    }

    func count(_ eventType: OrderEventType?, _ result: EventResult, by amount: Int = 1) {
        guard amount > 0 else { return }
        processed[Key(eventType: eventType, result: result)]?.increment(by: Int64(amount))
    }

    func countDeadLetter(_ category: DeadLetterCategory) {
        deadLetters[category]?.increment()
    }

    /// A clock running behind the Cart Service's would make the time negative: it counts as 0.
    func recordEndToEnd(from timestamp: Date, committedAt: Date) {
        let seconds = max(0, committedAt.timeIntervalSince(timestamp))
        endToEnd.record(.nanoseconds(Int64(seconds * 1e9)))
    }

    func recordStoreTransaction(_ duration: Duration) {
        storeTransaction.record(duration)
    }

    /// Sets `order_consumer_lag` for the partitions assigned now, and removes the series of partitions
    /// that went to another instance, whose last value would otherwise stay on show. A partition whose
    /// log end no fetch has reported yet has no series until one does.
    public func updateConsumerLag(_ partitions: [ConsumerStatusBoard.PartitionStatus]) {
        let assigned = Set(partitions.map(\.partition.partition.rawValue))
        lag.withLock { gauges in
            for status in partitions {
                guard let lag = status.lag else { continue }
                let partition = status.partition.partition.rawValue
                let gauge =
                    gauges[partition]
                    ?? registry.makeGauge(
                        descriptor: .metric(
                            "order_consumer_lag",
                            help: "Records in the broker not yet applied to the store, per assigned partition of the order topic"),
                        labels: [("partition", String(partition))])
                gauges[partition] = gauge
                gauge.set(lag)
            }
            for (partition, gauge) in gauges where !assigned.contains(partition) {
                registry.unregisterGauge(gauge)
                gauges[partition] = nil
            }
        }
    }
}
