import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A child process that a test starts and must stop: a broker, a registry, a service.
///
/// Started with `posix_spawn` rather than Foundation's `Process`, because the test runner's threads
/// block SIGTERM and `Process` lets the child inherit that mask: a service under test would then never
/// see the SIGTERM that asks it to shut down gracefully. Output goes to a log file (never a pipe that
/// nobody drains). `deinit` kills the child, so a test that fails half-way leaves nothing behind.
public final class ManagedProcess: Sendable {
    public let executable: URL
    public let arguments: [String]
    public let logFile: URL
    private let environment: [String: String]
    private let state: Mutex<State> = Mutex(State())

    private struct State {
        var pid: pid_t?
        var exitStatus: Int32?
    }

    public init(executable: URL, arguments: [String], environment: [String: String] = [:], logName: String) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.logFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests")
            .appendingPathComponent("\(logName)-\(UUID().uuidString.prefix(8)).log")
    }

    deinit {
        state.withLock { state in
            guard let pid = state.pid, state.exitStatus == nil else { return }
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Starts the child; a restart appends to the same log file.
    public func start() throws {
        try FileManager.default.createDirectory(
            at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pid = try spawn()
        state.withLock { $0 = State(pid: pid, exitStatus: nil) }
    }

    /// Whether the child runs; reaps it once it has exited.
    public var isRunning: Bool {
        state.withLock { state in
            guard let pid = state.pid else { return false }
            if state.exitStatus != nil { return false }
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid || reaped == -1 {
                state.exitStatus = status
                return false
            }
            return true
        }
    }

    public var processIdentifier: Int32? { state.withLock { $0.pid } }

    /// The exit code, once the child has exited by itself (`nil` while it runs or after a signal).
    public var exitCode: Int32? {
        guard !isRunning, let status = state.withLock({ $0.exitStatus }), status & 0x7F == 0 else { return nil }
        return (status >> 8) & 0xFF
    }

    /// Sends `signal` to the child, if it runs.
    public func send(_ signal: Int32) {
        guard isRunning, let pid = processIdentifier else { return }
        kill(pid, signal)
    }

    /// Asks the child to stop (SIGTERM) and kills it (SIGKILL) if it has not exited within `grace`.
    public func stop(grace: Duration = .seconds(5)) async {
        send(SIGTERM)
        if (try? await waitUntil("process exit", timeout: grace, pollEvery: .milliseconds(10), { !self.isRunning })) == nil {
            await crash()
        }
    }

    /// Kills the child at once, as a crash would (SIGKILL), and waits until it is gone.
    public func crash() async {
        send(SIGKILL)
        try? await waitUntil("process exit after SIGKILL", timeout: .seconds(10), pollEvery: .milliseconds(10)) {
            !self.isRunning
        }
    }

    /// The last lines of the child's log, for failure messages.
    public func logTail(lines: Int = 40) -> String {
        guard let text = try? String(contentsOf: logFile, encoding: .utf8) else { return "(no log)" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    private func spawn() throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&files, 1, logFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&files, 1, 2)

        let argv = [executable.path] + arguments
        let environment = ProcessInfo.processInfo.environment.merging(self.environment) { _, new in new }
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let result = withCStrings(argv) { argv in
            withCStrings(envp) { envp in
                posix_spawn(&pid, executable.path, &files, &attributes, argv, envp)
            }
        }
        guard result == 0 else {
            throw TestSupportError(description: "cannot start \(executable.path): \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// Calls `body` with a NULL-terminated C array of the strings, valid only during the call.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
