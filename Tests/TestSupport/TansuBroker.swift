import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real Tansu broker (Kafka protocol) on a free port of 127.0.0.1, for integration tests.
///
/// Storage is in memory: every broker a test starts is empty, and so is one that restarts.
/// ```swift
/// let broker = try await TansuBroker.start()
/// defer { Task { await broker.stop() } }   // or let deinit kill it
/// config.bootstrapServers = broker.bootstrapServers
/// ```
public final class TansuBroker: Sendable {
    public let port: Int
    private let process: ManagedProcess

    /// `host:port` for a Kafka client's `bootstrap.servers`.
    public var bootstrapServers: String { "127.0.0.1:\(port)" }

    public var isRunning: Bool { process.isRunning }

    /// Where the broker's output goes.
    public var logFile: URL { process.logFile }

    private init(port: Int, requiresAuthentication: Bool) {
        self.port = port
        let url = "tcp://127.0.0.1:\(port)"
        self.process = ManagedProcess(
            executable: ProjectPaths.tansu,
            arguments: ["broker", "--listener-url", url, "--advertised-listener-url", url, "--storage-engine", "memory://tansu/"]
                + (requiresAuthentication ? ["--authentication"] : []),
            logName: "tansu-\(port)"
        )
    }

    /// Starts a broker and returns once it accepts connections.
    ///
    /// Retries on another port when the chosen one was taken between picking and binding.
    /// - Parameter requiresAuthentication: the broker then accepts only SASL SCRAM clients, and, its
    ///   storage being in memory with no users, refuses every credential: a broker that says "no".
    public static func start(timeout: Duration = .seconds(20), requiresAuthentication: Bool = false) async throws -> TansuBroker {
        guard FileManager.default.isExecutableFile(atPath: ProjectPaths.tansu.path) else {
            throw TestSupportError(description: "\(ProjectPaths.tansu.path) is missing: run scripts/setup.sh (make test does)")
        }
        var lastError: (any Error)?
        for _ in 0..<3 {
            let broker = TansuBroker(port: try freePort(), requiresAuthentication: requiresAuthentication)
            do {
                try await broker.launch(timeout: timeout)
                return broker
            } catch {
                lastError = error
                await broker.stop()
            }
        }
        throw lastError ?? TestSupportError(description: "tansu did not start")
    }

    /// Stops the broker (its data is lost: the storage is in memory).
    public func stop() async {
        process.send(SIGCONT)  // a paused broker would not see SIGTERM
        await process.stop()
    }

    /// Freezes the broker (SIGSTOP) without losing its data: connections stay open and requests go
    /// unanswered, as with a hung broker or a network partition. ``resume()`` continues it.
    public func pause() {
        process.send(SIGSTOP)
    }

    /// Continues a broker frozen by ``pause()``.
    public func resume() {
        process.send(SIGCONT)
    }

    /// Starts the broker again on the same port, as after an outage.
    public func restart(timeout: Duration = .seconds(20)) async throws {
        if process.isRunning { await process.stop() }
        try await launch(timeout: timeout)
    }

    private func launch(timeout: Duration) async throws {
        try process.start()
        let port = self.port
        do {
            try await waitUntil("tansu on port \(port)", timeout: timeout) {
                guard self.process.isRunning else {
                    throw TestSupportError(description: "tansu exited at start:\n\(self.process.logTail())")
                }
                return isListening(port: port)
            }
        }
    }
}
