import Logging
import ServiceLifecycle

/// Services running in a group of their own, in a task, until `stop()` (graceful shutdown), as the
/// executables run them, but in the test process.
public final class RunningServices: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    public init(_ services: [any Service], logger: Logger = .quiet) {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [], logger: logger))
        self.group = group
        self.task = Task { try await group.run() }
    }

    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}

extension Logger {
    /// A logger that shows warnings and errors only, so test output stays readable.
    public static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }
}

/// Waits for the first element of `stream`, or `nil` after `timeout`.
public func first<T: Sendable>(of stream: AsyncStream<T>, within timeout: Duration) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await stream.first { _ in true } }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let result = await group.next() ?? nil
        group.cancelAll()
        return result
    }
}
