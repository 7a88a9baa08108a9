/// Raised when something a test waits for does not happen in time.
public struct DeadlineExceeded: Error, CustomStringConvertible {
    public let what: String
    public let timeout: Duration
    public var description: String { "timed out after \(timeout) waiting for \(what)" }
}

/// Polls `condition` until it returns true, or throws ``DeadlineExceeded`` after `timeout`.
///
/// Tests use this instead of sleeping a fixed time: it returns as soon as the condition holds, and a
/// slow machine only makes it wait longer, up to the deadline.
public func waitUntil(
    _ what: String = "condition",
    timeout: Duration = .seconds(30),
    pollEvery interval: Duration = .milliseconds(50),
    _ condition: () async throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while true {
        if try await condition() { return }
        guard clock.now < deadline else { throw DeadlineExceeded(what: what, timeout: timeout) }
        try await Task.sleep(for: interval)
    }
}

/// Polls `produce` until it returns a value, or throws ``DeadlineExceeded`` after `timeout`.
public func eventually<T>(
    _ what: String = "value",
    timeout: Duration = .seconds(30),
    pollEvery interval: Duration = .milliseconds(50),
    _ produce: () async throws -> T?
) async throws -> T {
    var result: T?
    try await waitUntil(what, timeout: timeout, pollEvery: interval) {
        result = try await produce()
        return result != nil
    }
    guard let result else { throw DeadlineExceeded(what: what, timeout: timeout) }
    return result
}

/// How long a test lets a call that must end by itself run (a request with its own timeout, a child
/// process given bad input) before calling it hung.
///
/// A minute: far beyond what such a call takes even on a loaded CI runner, where a 1 s timeout has been
/// seen to take several. Comparing the elapsed time with the call's own timeout fails whenever the
/// machine is slow; this fails only on a real hang.
public let hangDeadline: Duration = .seconds(60)

/// Runs `body`, a call that must end by itself, and throws ``DeadlineExceeded`` ("… hung") only if it
/// has not ended after `deadline`: ``hangDeadline``, or the call's own bound plus ``hangDeadline`` when
/// that bound is long.
///
/// Does not wait for a hung `body`: it is cancelled and left behind, so that a call which ignores
/// cancellation (a blocking C call, a stuck socket) fails the test at the deadline instead of stalling
/// the whole run. (KafkaTests' `withDeadline` does wait, because its readers must be gone before the test
/// reads again.)
public func withHangDeadline<T: Sendable>(
    _ what: String,
    deadline: Duration = hangDeadline,
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let (outcomes, continuation) = AsyncStream.makeStream(of: Result<T, any Error>?.self)
    let work = Task {
        do { continuation.yield(.success(try await body())) } catch { continuation.yield(.failure(error)) }
    }
    let timer = Task {
        try? await Task.sleep(for: deadline)
        continuation.yield(nil)
    }
    defer {
        work.cancel()
        timer.cancel()
    }
    var iterator = outcomes.makeAsyncIterator()
    guard let first = await iterator.next() else { throw CancellationError() }
    guard let outcome = first else { throw DeadlineExceeded(what: "\(what) to end: it hung", timeout: deadline) }
    return try outcome.get()
}
