import Foundation
import Logging
import SchemaRegistry
import TestSupport

/// The `schema-registry` executable as a real process on a free port, over a real broker.
final class RegistryProcess: Sendable {
    let port: Int
    let process: ManagedProcess
    let client: RegistryClient

    var baseURL: String { "http://127.0.0.1:\(port)" }

    init(bootstrapServers: String, topic: String = "_schemas") throws {
        port = try freePort()
        process = ManagedProcess(
            executable: ProjectPaths.buildProducts.appendingPathComponent("schema-registry"),
            arguments: [],
            environment: [
                "SCHEMA_REGISTRY_PORT": "\(port)",
                "KAFKA_BOOTSTRAP_SERVERS": bootstrapServers,
                "SCHEMA_REGISTRY_TOPIC": topic,
                "LOG_LEVEL": "info",
            ],
            logName: "schema-registry-\(port)"
        )
        client = RegistryClient(
            configuration: RegistryClientConfiguration(baseURL: "http://127.0.0.1:\(port)", requestTimeout: .seconds(5)),
            logger: Logger(label: "registry-process-test")
        )
    }

    /// Starts the process and returns once it answers HTTP (it serves only after reading its topic).
    func start(timeout: Duration = .seconds(30)) async throws {
        try process.start()
        try await waitUntilServing(timeout: timeout)
    }

    func waitUntilServing(timeout: Duration = .seconds(30)) async throws {
        try await waitUntil("schema-registry on port \(port)", timeout: timeout) {
            guard self.process.isRunning else {
                throw RegistryProcessExited(log: self.process.logTail())
            }
            return (try? await self.client.mode()) != nil
        }
    }
}

struct RegistryProcessExited: Error, CustomStringConvertible {
    var log: String
    var description: String { "schema-registry exited:\n\(log)" }
}
