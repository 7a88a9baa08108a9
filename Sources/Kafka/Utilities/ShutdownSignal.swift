import Synchronization

/// A one-shot signal that a service's `run()` awaits until graceful shutdown, cancellation or an explicit
/// `shutdown()` call fires it.
final class ShutdownSignal: Sendable {
    private enum State {
        case waiting(CheckedContinuation<Void, Never>?)
        case signaled
    }

    private let state = Mutex(State.waiting(nil))

    var isSignaled: Bool {
        state.withLock { if case .signaled = $0 { true } else { false } }
    }

    func signal() {
        let continuation: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard case .waiting(let continuation) = state else { return nil }
            state = .signaled
            return continuation
        }
        continuation?.resume()
    }

    /// Returns once signaled; cancelling the waiting task counts as a signal.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let alreadySignaled = state.withLock { state in
                    guard case .waiting = state else { return true }
                    state = .waiting(continuation)
                    return false
                }
                if alreadySignaled { continuation.resume() }
            }
        } onCancel: {
            signal()
        }
    }
}
