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
