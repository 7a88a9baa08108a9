import Foundation
import Kafka
import OrderEvents
import OrderService
import Prometheus
import Testing
import TestSupport

/// What the pipeline counts once a pass is committed: each record's result by event type, dead letters
/// by category, the time from each event to its commit, the store transactions; and the consumer lag
/// read from the status board.
@Suite struct OrderServiceMetricsTests {
    let database: TemporaryDatabase
    let store: FaultyOrderStore
    let decoder = ScriptedDecoder()
    let registry = PrometheusCollectorRegistry()
    let pipeline: OrderEventPipeline
    let log: RecordLog

    init() throws {
        database = try TemporaryDatabase()
        store = FaultyOrderStore(inner: try SQLiteOrderStore(path: database.path, logger: testLogger))
        // Committed 90 s after the CREATEs' timestamp, 30 s after the UPDATEs'.
        pipeline = OrderEventPipeline(
            store: store, decoder: decoder, clock: { Sample.epoch.addingTimeInterval(90) },
            metrics: OrderServiceMetrics(registry: registry), logger: testLogger)
        log = RecordLog(decoder: decoder)
    }

    private func scrape() throws -> PrometheusText {
        try PrometheusText(registry.emitToString())
    }

    private func processed(_ eventType: String, _ result: String) throws -> Double? {
        try scrape().value("order_events_processed_total", ["event_type": eventType, "result": result])
    }

    @Test func eachRecordCountsByEventTypeAndResult() async throws {
        defer { database.cleanUp() }
        _ = await pipeline.process([
            log.record(Sample.create("A")),
            log.record(Sample.update("A", to: .confirmed)),
            log.record(Sample.create("A")),  // duplicate
            log.record(Sample.update("GHOST", to: .shipped)),  // unknown order
            log.record(Sample.update("A", to: .confirmed)),  // same status
            log.raw(decoder.value(failingWith: .undecodable("garbage")), key: "X"),
        ])
        let scrape = try scrape()
        let expected: [(String, String, Double)] = [
            ("CREATE", "applied", 1), ("UPDATE", "applied", 1), ("UPDATE", "noop", 1), ("CREATE", "dead_lettered", 1),
            ("UPDATE", "dead_lettered", 1), ("UNKNOWN", "dead_lettered", 1), ("CREATE", "noop", 0), ("CREATE", "retried", 0),
        ]
        for (eventType, result, count) in expected {
            #expect(
                scrape.value("order_events_processed_total", ["event_type": eventType, "result": result]) == count,
                "\(eventType) \(result)")
        }
        #expect(scrape.value("dead_letters_total", ["category": "NO_RETRY_DLQ"]) == 3)
        #expect(scrape.value("dead_letters_total", ["category": "RETRY_THEN_DLQ"]) == 0)
        // Every decoded event's effect (a dead letter included) was committed in the one transaction.
        #expect(scrape.value("order_event_end_to_end_seconds_count") == 5)
        #expect(scrape.value("order_event_end_to_end_seconds_sum") == 270)  // 2 × 90 s + 3 × 30 s
        #expect(scrape.value("order_event_end_to_end_seconds_bucket", ["le": "30.0"]) == 3)
        #expect(scrape.value("order_store_transaction_duration_seconds_count") == 1)
        for name in ["order_events_processed_total", "dead_letters_total"] { #expect(scrape.types[name] == "counter") }
        for name in ["order_event_end_to_end_seconds", "order_store_transaction_duration_seconds"] {
            #expect(scrape.types[name] == "histogram")
        }
    }

    @Test func aRecordTheStoreHasPassedIsANoop() async throws {
        defer { database.cleanUp() }
        let create = log.record(Sample.create("B"))
        _ = await pipeline.process([create])
        _ = await pipeline.process([create])
        #expect(try processed("CREATE", "applied") == 1)
        #expect(try processed("CREATE", "noop") == 1)
        #expect(try scrape().value("order_event_end_to_end_seconds_count") == 1)
    }

    @Test func failedAttemptsCountAsRetriedThenTheDeadLetter() async throws {
        defer { database.cleanUp() }
        store.fail(OrderID(rawValue: "BAD"), with: .failed)
        let message = log.record(Sample.create("BAD"))
        var retriesSoFar = 0
        while let stall = await pipeline.process([message], retriesSoFar: retriesSoFar).stalls.values.first {
            retriesSoFar = stall.retriesSoFar + 1
        }
        #expect(try processed("CREATE", "retried") == 3)
        #expect(try processed("CREATE", "dead_lettered") == 1)
        #expect(try scrape().value("dead_letters_total", ["category": "RETRY_THEN_DLQ"]) == 1)
    }

    @Test func consumerLagShowsTheAssignedPartitionsOnly() throws {
        let metrics = OrderServiceMetrics(registry: registry)
        let board = ConsumerStatusBoard()
        let first = KafkaTopicPartition(topic: "order-events", partition: KafkaPartition(rawValue: 0))
        let second = KafkaTopicPartition(topic: "order-events", partition: KafkaPartition(rawValue: 1))
        board.assigned([first: 5, second: 3])
        board.setLogEndProvider { $0 == first ? 12 : nil }
        metrics.updateConsumerLag(board.snapshot(deadLetterReaderCaughtUp: true).partitions)
        var scrape = try scrape()
        #expect(scrape.value("order_consumer_lag", ["partition": "0"]) == 7)
        #expect(scrape.value("order_consumer_lag", ["partition": "1"]) == nil, "no log end seen yet: no value to show")
        #expect(scrape.types["order_consumer_lag"] == "gauge")

        board.revoked([first])
        board.setLogEndProvider { _ in 4 }
        metrics.updateConsumerLag(board.snapshot(deadLetterReaderCaughtUp: true).partitions)
        scrape = try self.scrape()
        #expect(scrape.value("order_consumer_lag", ["partition": "0"]) == nil, "revoked: another instance reports it")
        #expect(scrape.value("order_consumer_lag", ["partition": "1"]) == 1)
    }
}
