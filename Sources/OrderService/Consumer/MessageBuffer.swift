import Kafka
import Synchronization

/// Hands consumed records from the task that iterates the consumer to the task that applies them,
/// in batches: whatever has arrived, up to a maximum, goes into one store transaction.
///
/// Bounded: the iterating task waits while the buffer is full, so a slow store slows fetching
/// instead of filling memory.
final class MessageBuffer: Sendable {
    struct Tagged: Sendable {
        var message: KafkaConsumerMessage
        /// The partition's generation when the record came out of the consumer (``PartitionTracker``).
        var generation: UInt64
    }

    private struct State {
        var items: [Tagged] = []
        var isFinished = false
        /// The taker should look around although no record came (``nudge()``).
        var isNudged = false
        var waitingTaker: CheckedContinuation<Void, Never>?
        var waitingPutter: CheckedContinuation<Void, Never>?
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds records, waiting while the buffer is full; a batch may take the buffer past its capacity
    /// once, so that the bound is `capacity` plus one batch.
    func put(contentsOf items: [Tagged]) async {
        guard !items.isEmpty else { return }
        while true {
            let added: Bool = state.withLock { state in
                guard state.items.count < capacity || state.isFinished else { return false }
                state.items.append(contentsOf: items)
                return true
            }
            if added {
                wakeTaker()
                return
            }
            await withCheckedContinuation { continuation in
                let full = state.withLock { state in
                    guard state.items.count >= capacity, !state.isFinished else { return false }
                    state.waitingPutter = continuation
                    return true
                }
                if !full { continuation.resume() }
            }
        }
    }

    /// Takes up to `maximum` records, waiting for at least one or a ``nudge()`` (then the batch is
    /// empty); `nil` once finished and empty.
    func take(maximum: Int) async -> [Tagged]? {
        enum Outcome {
            case batch([Tagged], putter: CheckedContinuation<Void, Never>?)
            case finished
            case wait
        }
        while true {
            let outcome: Outcome = state.withLock { state in
                guard !state.items.isEmpty else {
                    if state.isFinished { return .finished }
                    guard state.isNudged else { return .wait }
                    state.isNudged = false
                    return .batch([], putter: nil)
                }
                let count = min(maximum, state.items.count)
                let batch = Array(state.items.prefix(count))
                state.items.removeFirst(count)
                defer { state.waitingPutter = nil }
                return .batch(batch, putter: state.waitingPutter)
            }
            switch outcome {
            case .batch(let batch, let putter):
                putter?.resume()
                return batch
            case .finished:
                return nil
            case .wait:
                await withCheckedContinuation { continuation in
                    let empty = state.withLock { state in
                        guard state.items.isEmpty, !state.isFinished, !state.isNudged else { return false }
                        state.waitingTaker = continuation
                        return true
                    }
                    if !empty { continuation.resume() }
                }
            }
        }
    }

    /// Wakes the taker with an empty batch if it is waiting for records (or the next time it would).
    func nudge() {
        state.withLock { $0.isNudged = true }
        wakeTaker()
    }

    /// No more records will come: the taker gets what is left, then `nil`.
    func finish() {
        let (taker, putter) = state.withLock { state in
            state.isFinished = true
            defer {
                state.waitingTaker = nil
                state.waitingPutter = nil
            }
            return (state.waitingTaker, state.waitingPutter)
        }
        taker?.resume()
        putter?.resume()
    }

    private func wakeTaker() {
        let taker = state.withLock { state in
            defer { state.waitingTaker = nil }
            return state.waitingTaker
        }
        taker?.resume()
    }
}
