/// One client's allowance: up to `capacity` requests at once, refilled at `rate` per second.
///
/// Pure arithmetic on the times it is given, so that tests drive it with a clock of their own.
struct TokenBucket: Sendable, Equatable {
    /// Requests that may be made now; fractions accumulate between requests.
    private(set) var tokens: Double
    /// When ``tokens`` was last brought up to date, in seconds on the limiter's clock.
    private(set) var updated: Double

    /// A full bucket: a client that was not seen before may burst at once.
    init(capacity: Double, at now: Double) {
        tokens = capacity
        updated = now
    }

    /// Takes one token if there is one; `false` when the request must wait.
    mutating func take(rate: Double, capacity: Double, at now: Double) -> Bool {
        refill(rate: rate, capacity: capacity, at: now)
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Whether the bucket would be full at `now`: then it is the same as a new one and can be forgotten.
    func isFull(rate: Double, capacity: Double, at now: Double) -> Bool {
        tokens + max(0, now - updated) * rate >= capacity
    }

    /// Seconds until one token is there (0 if one is).
    func secondsUntilNextToken(rate: Double) -> Double {
        max(0, (1 - tokens) / rate)
    }

    /// Seconds until the bucket is full again.
    func secondsUntilFull(rate: Double, capacity: Double) -> Double {
        max(0, (capacity - tokens) / rate)
    }

    private mutating func refill(rate: Double, capacity: Double, at now: Double) {
        // A clock that went backwards (it should not: the limiter's is monotonic) adds nothing.
        tokens = min(capacity, tokens + max(0, now - updated) * rate)
        updated = max(updated, now)
    }
}
