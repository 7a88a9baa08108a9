import PlatformTestSupport
import Testing

@testable import ServiceSupport

/// The token bucket per client on a clock the test moves: a burst, then refusals with the wait, then
/// refills; clients apart; a table that stays bounded.
@Suite struct RateLimiterTests {
    let clock = ManualClock()

    @Test func aBucketServesItsBurstThenRefillsAtTheRate() {
        var bucket = TokenBucket(capacity: 3, at: 0)
        func take(at now: Double) -> Bool { bucket.take(rate: 2, capacity: 3, at: now) }
        #expect([take(at: 0), take(at: 0), take(at: 0), take(at: 0)] == [true, true, true, false])
        #expect(bucket.secondsUntilNextToken(rate: 2) == 0.5)
        #expect([take(at: 0.4), take(at: 0.5)] == [false, true])
        // Long idle refills to the capacity, no further.
        #expect(bucket.isFull(rate: 2, capacity: 3, at: 100))
        #expect(take(at: 100))
        #expect(bucket.tokens == 2)
    }

    @Test func aClockGoingBackwardsAddsNothing() {
        var bucket = TokenBucket(capacity: 1, at: 10)
        func take(at now: Double) -> Bool { bucket.take(rate: 1, capacity: 1, at: now) }
        #expect([take(at: 10), take(at: 5), take(at: 10.5), take(at: 11)] == [true, false, false, true])
    }

    @Test func decisionsCarryTheHeadersFigures() {
        let limiter = RateLimiter(rate: 2, burst: 4, clock: clock.read)
        let first = limiter.take(for: "a")
        #expect(first == RateLimiter.Decision(isAllowed: true, limit: 4, remaining: 3, resetSeconds: 1, retryAfterSeconds: 1))
        for _ in 0..<3 { #expect(limiter.take(for: "a").isAllowed) }
        let refused = limiter.take(for: "a")
        #expect(!refused.isAllowed)
        #expect(refused.remaining == 0)
        #expect(refused.resetSeconds == 2)  // 4 tokens at 2 per second
        #expect(refused.retryAfterSeconds == 1)
        clock.advance(by: .milliseconds(500))
        #expect(limiter.take(for: "a").isAllowed)
        #expect(!limiter.take(for: "a").isAllowed)
    }

    @Test func aSlowRateAsksForALongerWait() {
        let limiter = RateLimiter(rate: 0.1, burst: 1, clock: clock.read)
        #expect(limiter.take(for: "a").isAllowed)
        let refused = limiter.take(for: "a")
        #expect(!refused.isAllowed)
        #expect(refused.retryAfterSeconds == 10)
    }

    @Test func clientsHaveBucketsOfTheirOwn() {
        let limiter = RateLimiter(rate: 1, burst: 2, clock: clock.read)
        #expect(limiter.take(for: "a").isAllowed)
        #expect(limiter.take(for: "a").isAllowed)
        #expect(!limiter.take(for: "a").isAllowed)
        #expect(limiter.take(for: "b").isAllowed)
        #expect(limiter.trackedClients == 2)
    }

    @Test func tenTimesTheLimitInABurstServesOnlyTheBurst() {
        let limiter = RateLimiter(rate: 5, burst: 10, clock: clock.read)
        let served = (0..<100).filter { _ in limiter.take(for: "key 1").isAllowed }.count
        #expect(served == 10)
    }

    @Test func aFullTableForgetsIdleClientsFirst() {
        let limiter = RateLimiter(rate: 1, burst: 2, maximumClients: 3, clock: clock.read)
        for client in ["a", "b", "c"] { _ = limiter.take(for: client) }
        #expect(limiter.trackedClients == 3)
        // After a second each bucket is full again, as good as new: they make room.
        clock.advance(by: .seconds(1))
        #expect(limiter.take(for: "d").isAllowed)
        #expect(limiter.trackedClients == 1)
    }

    @Test func newClientsShareOneBucketWhileTheTableIsFullOfActiveOnes() {
        let limiter = RateLimiter(rate: 1, burst: 2, maximumClients: 2, clock: clock.read)
        _ = limiter.take(for: "a")
        _ = limiter.take(for: "b")
        // "c" and "d" arrive while "a" and "b" still owe tokens: they share the overflow bucket.
        #expect(limiter.take(for: "c").isAllowed)
        #expect(limiter.take(for: "d").isAllowed)
        #expect(!limiter.take(for: "e").isAllowed)
        #expect(limiter.trackedClients == 3)
        // Known clients keep their own.
        #expect(limiter.take(for: "a").isAllowed)
    }
}
