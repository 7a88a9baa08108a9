import Synchronization

/// A token bucket per client (per credential, or per address when authentication is off), in a table
/// of bounded size.
///
/// One lock around a dictionary: a request takes it once, for a lookup and a few arithmetic
/// operations. A bucket that has refilled completely is the same as a new one, so the table forgets
/// those whenever it is full (at most once a second); clients that are all active beyond
/// ``maximumClients`` share one overflow bucket, so a flood of new addresses costs neither memory
/// nor a scan per request.
public final class RateLimiter: Sendable {
    /// What one request gets: whether it is served, and the `RateLimit-*` figures for its answer.
    public struct Decision: Sendable, Equatable {
        public let isAllowed: Bool
        /// The burst: requests a client may make at once.
        public let limit: Int
        /// Requests left right now.
        public let remaining: Int
        /// Seconds until the bucket is full again.
        public let resetSeconds: Int
        /// Seconds until the next request may be served (only meaningful when refused; at least 1).
        public let retryAfterSeconds: Int
    }

    /// Requests per second, sustained.
    public let rate: Double
    /// Requests accepted at once.
    public let burst: Int
    /// Buckets kept; beyond, new clients share one.
    public let maximumClients: Int
    private let clock: @Sendable () -> Duration
    private let state: Mutex<State>

    fileprivate struct State {
        var buckets: [String: TokenBucket] = [:]
        var lastSweep: Double = -.infinity
    }

    /// The key of the bucket shared by clients that find the table full.
    static let overflowKey = "\u{0}overflow"

    /// - Parameter clock: monotonic time since any origin; tests pass one they move by hand.
    public init(rate: Double, burst: Int, maximumClients: Int = 10_000, clock: @escaping @Sendable () -> Duration) {
        precondition(rate > 0 && burst >= 1 && maximumClients >= 1, "a rate limiter needs a positive rate, burst and size")
        self.rate = rate
        self.burst = burst
        self.maximumClients = maximumClients
        self.clock = clock
        self.state = Mutex(State())
    }

    /// A limiter on the process's monotonic clock.
    public convenience init(rate: Double, burst: Int, maximumClients: Int = 10_000) {
        let origin = ContinuousClock.now
        self.init(rate: rate, burst: burst, maximumClients: maximumClients) { .now - origin }
    }

    /// Counts one request of `client` and says whether to serve it.
    public func take(for client: String) -> Decision {
        let now = Self.seconds(clock())
        let capacity = Double(burst)
        return state.withLock { state in
            let key = state.key(for: client, at: now, limiter: self)
            var bucket = state.buckets[key] ?? TokenBucket(capacity: capacity, at: now)
            let allowed = bucket.take(rate: rate, capacity: capacity, at: now)
            state.buckets[key] = bucket
            return Decision(
                isAllowed: allowed,
                limit: burst,
                remaining: Int(bucket.tokens.rounded(.down)),
                resetSeconds: Int(bucket.secondsUntilFull(rate: rate, capacity: capacity).rounded(.up)),
                retryAfterSeconds: max(1, Int(bucket.secondsUntilNextToken(rate: rate).rounded(.up))))
        }
    }

    /// How many buckets the table holds now.
    public var trackedClients: Int { state.withLock { $0.buckets.count } }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}

extension RateLimiter.State {
    /// `client`, or the overflow bucket when the table is full of clients that are still active.
    fileprivate mutating func key(for client: String, at now: Double, limiter: RateLimiter) -> String {
        guard buckets[client] == nil, buckets.count >= limiter.maximumClients else { return client }
        if now - lastSweep >= 1 {
            lastSweep = now
            let capacity = Double(limiter.burst)
            buckets = buckets.filter { !$0.value.isFull(rate: limiter.rate, capacity: capacity, at: now) }
        }
        return buckets.count < limiter.maximumClients ? client : RateLimiter.overflowKey
    }
}
