import Foundation
import Synchronization

/// A child process that a test starts and must stop: a broker, a registry, a service.
///
/// Output goes to a log file (never a pipe that nobody drains, which would block the child once the
/// pipe buffer fills). `deinit` kills the child, so a test that fails half-way leaves nothing behind.
public final class ManagedProcess: Sendable {
    public let executable: URL
    public let arguments: [String]
    public let logFile: URL
    private let environment: [String: String]
    // Process is not Sendable; every access goes through this lock.
    private let process: Mutex<Process?> = Mutex(nil)

    public init(executable: URL, arguments: [String], environment: [String: String] = [:], logName: String) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.logFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests")
            .appendingPathComponent("\(logName)-\(UUID().uuidString.prefix(8)).log")
    }

    deinit {
        process.withLock { process in
            if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// Starts the child; appends to the same log file on a restart.
    public func start() throws {
        try FileManager.default.createDirectory(
            at: logFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: logFile.path) {
            FileManager.default.createFile(atPath: logFile.path, contents: nil)
        }
        let log = try FileHandle(forWritingTo: logFile)
        log.seekToEndOfFile()
        let child = Process()
        child.executableURL = executable
        child.arguments = arguments
        child.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        child.standardOutput = log
        child.standardError = log
        child.standardInput = FileHandle.nullDevice
        try child.run()
        process.withLock { $0 = child }
    }

    public var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }

    public var processIdentifier: Int32? { process.withLock { $0?.processIdentifier } }

    /// Sends `signal` to the child, if it runs.
    public func send(_ signal: Int32) {
        process.withLock { process in
            if let process, process.isRunning { kill(process.processIdentifier, signal) }
        }
    }

    /// Asks the child to stop (SIGTERM) and kills it (SIGKILL) if it has not exited within `grace`.
    public func stop(grace: Duration = .seconds(5)) async {
        send(SIGTERM)
        if (try? await waitUntil("process exit", timeout: grace, pollEvery: .milliseconds(20), { !self.isRunning })) == nil {
            send(SIGKILL)
            try? await waitUntil("process exit after SIGKILL", timeout: .seconds(5), pollEvery: .milliseconds(20)) {
                !self.isRunning
            }
        }
    }

    /// Kills the child at once, as a crash would (SIGKILL), and waits until it is gone.
    public func crash() async {
        send(SIGKILL)
        try? await waitUntil("process exit after SIGKILL", timeout: .seconds(5), pollEvery: .milliseconds(20)) {
            !self.isRunning
        }
    }

    /// The last lines of the child's log, for failure messages.
    public func logTail(lines: Int = 40) -> String {
        guard let text = try? String(contentsOf: logFile, encoding: .utf8) else { return "(no log)" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}
