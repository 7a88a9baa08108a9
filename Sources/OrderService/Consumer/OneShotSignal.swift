import Synchronization

/// An event that happens at most once and that any number of tasks can wait for.
final class OneShotSignal: Sendable {
    private struct State {
        var isSignalled = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func signal() {
        let waiters = state.withLock { state in
            state.isSignalled = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    var isSignalled: Bool { state.withLock { $0.isSignalled } }

    /// Returns once signalled, or when the task is cancelled.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let already = state.withLock { state in
                    if state.isSignalled || Task.isCancelled { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if already { continuation.resume() }
            }
        } onCancel: {
            // Waking everyone is harmless: a waiter only learns that it may stop waiting.
            let waiters = state.withLock { state in
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }
}
