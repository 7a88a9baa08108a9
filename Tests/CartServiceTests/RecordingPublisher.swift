import CartService
import OrderEvents
import Synchronization

/// Stands in for Kafka in router-level tests: records what would be published, or fails as told.
final class RecordingPublisher: OrderEventPublisher {
    private let state = Mutex<(events: [OrderEvent], failure: PublishError?, reachable: Bool, ready: Bool)>(([], nil, true, true))

    var events: [OrderEvent] { state.withLock { $0.events } }
    var isBrokerReachable: Bool { state.withLock { $0.reachable } }
    var isReadyToPublish: Bool { state.withLock { $0.ready } }
    func setReady(_ ready: Bool) { state.withLock { $0.ready = ready } }

    func fail(with error: PublishError?) { state.withLock { $0.failure = error } }
    func setReachable(_ reachable: Bool) { state.withLock { $0.reachable = reachable } }

    private let queued = Atomic<Int>(0)
    var queuedEventCount: Int { queued.load(ordering: .relaxed) }
    func setQueued(_ count: Int) { queued.store(count, ordering: .relaxed) }

    func publish(_ event: OrderEvent) async throws(PublishError) -> PublishedEvent {
        let result: Result<PublishedEvent, PublishError> = state.withLock { state in
            if let failure = state.failure { return .failure(failure) }
            state.events.append(event)
            return .success(PublishedEvent(topic: "order-events", partition: 1, offset: Int64(state.events.count - 1)))
        }
        return try result.get()
    }
}
