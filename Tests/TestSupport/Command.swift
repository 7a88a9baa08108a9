import Foundation

/// What a finished command left behind.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdout: Data
    public let stderr: Data

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs a command to completion and collects its output; kills it after `timeout` and fails saying it hung.
///
/// Output goes through temporary files rather than pipes, so a chatty command cannot block on a
/// full pipe while we wait for it.
public func runCommand(
    _ executable: URL,
    _ arguments: [String],
    stdin: Data? = nil,
    environment: [String: String] = [:],
    timeout: Duration = .seconds(120)
) async throws -> CommandResult {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("order-platform-tests/cmd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout")
    let errURL = folder.appendingPathComponent("stderr")
    let inURL = folder.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    try process.run()
    let pid = process.processIdentifier
    let name = executable.lastPathComponent
    do {
        try await waitUntil("\(name) to finish", timeout: timeout, pollEvery: .milliseconds(10)) { !process.isRunning }
    } catch {
        kill(pid, SIGKILL)
        guard error is DeadlineExceeded else { throw error }
        throw DeadlineExceeded(what: "\(name) to finish: it hung and was killed", timeout: timeout)
    }
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        stdout: try Data(contentsOf: outURL),
        stderr: try Data(contentsOf: errURL)
    )
}

/// Runs a Python script with the project's virtual environment (confluent-kafka, fastavro, avro).
public func runPython(
    script: String,
    arguments: [String] = [],
    stdin: Data? = nil,
    environment: [String: String] = [:],
    timeout: Duration = .seconds(120)
) async throws -> CommandResult {
    try await runCommand(
        ProjectPaths.python, ["-c", script] + arguments, stdin: stdin, environment: environment, timeout: timeout)
}
