import Foundation
import Testing
import TestSupport

@testable import SchemaRegistry

/// The real executable over a real broker: state comes back from the `_schemas` topic after a graceful
/// restart and after kill -9, with exactly the same ids and versions.
@Suite(.serialized) struct RegistryRecoveryTests {
    /// A registry history with several subjects, a soft delete, a hard delete and a config.
    private func writeHistory(_ client: RegistryClient) async throws -> [String] {
        try await client.register(Schemas.v1, subject: "a")
        try await client.register(Schemas.v2WithDefault, subject: "a")
        try await client.register(Schemas.intField, subject: "b")
        try await client.register(Schemas.v1, subject: "c")
        try await client.register(Schemas.enum2, subject: "d")
        try await client.deleteVersion(1, of: "a")
        try await client.deleteSubject("d")
        try await client.deleteSubject("d", permanent: true)
        try await client.setCompatibilityLevel(.full, subject: "b")
        return try await snapshot(client)
    }

    /// Everything a client can see, as comparable text.
    private func snapshot(_ client: RegistryClient) async throws -> [String] {
        var lines: [String] = ["global \(try await client.compatibilityLevel())"]
        for subject in try await client.subjects(includeDeleted: true) {
            for version in try await client.versions(of: subject, includeDeleted: true) {
                let registered = try? await client.schema(subject: subject, version: version)
                lines.append("\(subject) v\(version) id \(registered.map { "\($0.id)" } ?? "deleted")")
            }
            let level = try? await client.compatibilityLevel(subject: subject, defaultToGlobal: false)
            lines.append("\(subject) level \(level.map { "\($0)" } ?? "-")")
        }
        return lines
    }

    @Test func gracefulRestartAndKillNineRebuildTheSameState() async throws {
        let broker = try await TansuBroker.start()
        let registry = try RegistryProcess(bootstrapServers: broker.bootstrapServers)
        try await registry.start()
        let before = try await writeHistory(registry.client)
        #expect(before.contains("a v2 id 2"))

        await registry.process.stop()
        #expect(!registry.process.isRunning)
        #expect(registry.process.logTail(lines: 20).contains("Schema registry stopped"))  // SIGTERM, not SIGKILL
        try await registry.start()
        #expect(try await snapshot(registry.client) == before)

        // New ids continue after the highest one, also the hard-deleted one (enum2 had id 4).
        let next = try await registry.client.register(Schemas.longField, subject: "e")
        #expect(next == 5)
        let afterWrite = try await snapshot(registry.client)

        await registry.process.crash()
        try await registry.start()
        #expect(try await snapshot(registry.client) == afterWrite)
        #expect(try await registry.client.register(Schemas.longField, subject: "e") == 5)

        await registry.process.stop()
        await broker.stop()
    }

    @Test func waitsForABrokerThatIsNotUpYet() async throws {
        let broker = try await TansuBroker.start()
        await broker.stop()
        let registry = try RegistryProcess(bootstrapServers: broker.bootstrapServers)
        try registry.process.start()
        try await waitUntil("the registry to say it waits for Kafka", timeout: .seconds(20)) {
            registry.process.logTail(lines: 200).contains("Waiting for Kafka")
        }
        #expect(registry.process.isRunning)
        try await broker.restart()
        try await registry.waitUntilServing(timeout: .seconds(40))
        #expect(try await registry.client.register(Schemas.v1, subject: "late") == 1)
        await registry.process.stop()
        await broker.stop()
    }

    @Test func twoInstancesOnOneTopicAgree() async throws {
        let broker = try await TansuBroker.start()
        let first = try RegistryProcess(bootstrapServers: broker.bootstrapServers)
        let second = try RegistryProcess(bootstrapServers: broker.bootstrapServers)
        try await first.start()
        try await second.start()
        let id = try await first.client.register(Schemas.v1, subject: "shared")
        #expect(try await second.client.register(Schemas.v1, subject: "shared") == id)
        let other = try await second.client.register(Schemas.intField, subject: "other")
        #expect(other == id + 1)
        #expect(try await first.client.register(Schemas.intField, subject: "other") == other)
        await first.process.stop()
        await second.process.stop()
        await broker.stop()
    }
}

extension SchemaID {
    static func + (lhs: SchemaID, rhs: Int32) -> SchemaID { SchemaID(rawValue: lhs.rawValue + rhs) }
}
