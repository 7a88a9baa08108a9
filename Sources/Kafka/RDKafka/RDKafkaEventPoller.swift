import CRdKafka
import Dispatch
import Foundation
import Logging
import Synchronization

/// What a client does with the events of its main queue. Called on the poll thread, one event at a time:
/// implementations must be quick and must not block (resume a continuation, update a counter, log).
protocol RDKafkaEventHandler: AnyObject, Sendable {
    /// The messages of an `RD_KAFKA_EVENT_DR` event, valid only during the call: the poller destroys the
    /// event afterwards.
    func handleDeliveryReports(_ messages: [RDKafkaDeliveryReportMessage])
    func handleStatistics(_ json: String)
    func handleError(_ error: KafkaError)
}

extension RDKafkaEventHandler {
    func handleDeliveryReports(_ messages: [RDKafkaDeliveryReportMessage]) {}
    func handleStatistics(_ json: String) {}
    func handleError(_ error: KafkaError) {}
}

/// A dedicated thread that drains a client's main event queue (logs, errors, statistics, delivery reports,
/// commit results).
///
/// A thread of its own because `rd_kafka_queue_poll` blocks: on Swift's cooperative pool it would starve
/// other tasks. It lives exactly as long as the C handle, like librdkafka's own broker threads: started
/// right after `rd_kafka_new`, joined before `rd_kafka_destroy`.
final class RDKafkaEventPoller: Sendable {
    private let queue: SendableOpaquePointer
    private let kafka: SendableOpaquePointer
    private let handler: any RDKafkaEventHandler
    private let logger: Logger
    private let isStopping = Atomic<Bool>(false)
    private let state = Mutex<State>(.idle)
    private let exited = DispatchSemaphore(value: 0)

    private enum State { case idle, running, stopped }

    init(kafka: SendableOpaquePointer, queue: SendableOpaquePointer, handler: any RDKafkaEventHandler, logger: Logger) {
        self.kafka = kafka
        self.queue = queue
        self.handler = handler
        self.logger = logger
    }

    func start(name: String) {
        state.withLock { $0 = .running }
        let thread = Thread { [self] in
            self.loop()
            self.exited.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Stops the thread after it has served what is queued, and waits for it. Idempotent.
    func stop() {
        let wasRunning = state.withLock { state in
            defer { state = .stopped }
            if case .running = state { return true }
            return false
        }
        guard wasRunning else { return }
        isStopping.store(true, ordering: .releasing)
        rd_kafka_queue_yield(queue.pointer)  // wakes a poll that is waiting right now
        exited.wait()
    }

    private func loop() {
        while !isStopping.load(ordering: .acquiring) {
            serveOne(timeoutMilliseconds: 100)
        }
        // Serve what is left so that no delivery report or log line is dropped on the floor.
        while serveOne(timeoutMilliseconds: 0) {}
    }

    @discardableResult
    private func serveOne(timeoutMilliseconds: Int32) -> Bool {
        guard let event = rd_kafka_queue_poll(queue.pointer, timeoutMilliseconds) else { return false }
        defer { rd_kafka_event_destroy(event) }
        dispatch(event)
        return true
    }

    private func dispatch(_ event: OpaquePointer) {
        switch Int32(rd_kafka_event_type(event)) {
        case RD_KAFKA_EVENT_DR:
            RDKafkaDeliveryReportMessage.withMessages(of: event) { handler.handleDeliveryReports($0) }
        case RD_KAFKA_EVENT_LOG: RDKafkaEventDecoder.log(event, to: logger)
        case RD_KAFKA_EVENT_ERROR: handler.handleError(RDKafkaEventDecoder.error(event, kafka: kafka.pointer, logger: logger))
        case RD_KAFKA_EVENT_STATS:
            if let json = rd_kafka_event_stats(event) { handler.handleStatistics(String(cString: json)) }
        case RD_KAFKA_EVENT_OFFSET_COMMIT: RDKafkaEventDecoder.commitResult(event, logger: logger)
        default: break
        }
    }
}
