import Synchronization

/// A clock that moves only when a test says so, for the rate limiter: no test sleeps.
public final class ManualClock: Sendable {
    private let elapsed = Mutex<Duration>(.zero)

    public init() {}

    public var now: Duration { elapsed.withLock { $0 } }

    public func advance(by duration: Duration) {
        elapsed.withLock { $0 += duration }
    }

    /// The clock to give a rate limiter.
    public var read: @Sendable () -> Duration { { self.now } }
}
