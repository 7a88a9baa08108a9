import Foundation
import OrderEvents
import OrderService
import Testing
import TestSupport

/// Exactly once in effect: the real executable, killed with SIGKILL at random moments while it
/// consumes, restarted each time on the same store. Afterwards every order exists once with its
/// final status and the dead letters are those the events call for, none twice.
@Suite(.serialized) struct OrderServiceCrashTests {
    @Test func sigkillAtRandomMomentsLosesAndDoublesNothing() async throws {
        let executable = ProjectPaths.buildProducts.appendingPathComponent("order-service")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "build order-service first")
        let platform = try await TestPlatform.start()
        let database = try TemporaryDatabase()
        defer { database.cleanUp() }
        let script = CrashScript(orders: 500, seed: 0x5EED_0006)
        #expect(script.records.count >= 2_000)
        var random = SeededRandom(state: 42)

        let port = try freePort()
        func launch(_ run: Int) throws -> ManagedProcess {
            // A fresh group per run: the killed member would otherwise hold its partitions until its
            // session expires. The store, not the group, knows where to resume.
            let process = ManagedProcess(
                executable: executable, arguments: [],
                environment: [
                    "ORDER_PORT": String(port), "KAFKA_BOOTSTRAP_SERVERS": platform.bootstrapServers,
                    "SCHEMA_REGISTRY_URL": platform.registryURL, "ORDER_DB_PATH": database.path,
                    "KAFKA_SESSION_TIMEOUT": "6", "ORDER_CONSUMER_GROUP": "crash-\(run)", "ORDER_BATCH_SIZE": "200",
                ],
                logName: "order-service-crash")
            try process.start()
            return process
        }

        let producing = Task {
            try await PythonProducer.produce(
                script.records, bootstrapServers: platform.bootstrapServers, registryURL: platform.registryURL, rate: 250)
        }
        var service = try launch(0)
        for run in 1...5 {
            try await waitUntil("the service consuming (run \(run))", timeout: .seconds(60)) {
                guard service.isRunning else { throw FixtureError(description: "exited:\n\(service.logTail())") }
                return (try? await httpGet(port: port, "/health"))?.json["consumer"] as? String == "running"
            }
            try await Task.sleep(for: .milliseconds(Int.random(in: 200...1_500, using: &random)))
            await service.crash()
            service = try launch(run)
        }
        #expect(try await producing.value == script.records.count)

        try await waitUntil("everything applied", timeout: .seconds(90), pollEvery: .milliseconds(200)) {
            guard let health = try? await httpGet(port: port, "/health").json,
                let partitions = health["partitions"] as? [[String: Any]], partitions.count == 3
            else { return false }
            return partitions.allSatisfy { $0["lag"] as? Int == 0 } && health["orders_in_memory"] as? Int == script.finalStatus.count
        }
        try await waitUntil("every dead letter counted", timeout: .seconds(30)) {
            (try? await httpGet(port: port, "/dlq/stats"))?.json["total_messages"] as? Int == script.expectedDeadLetters
        }
        await service.stop()

        let store = try SQLiteOrderStore(path: database.path, logger: quietLogger)
        #expect(try await store.orderCount() == script.finalStatus.count)
        var wrong: [String] = []
        for (id, status) in script.finalStatus {
            let stored = try await store.order(OrderID(rawValue: id))
            if stored?.order.status != status { wrong.append("\(id): \(stored?.order.status.rawValue ?? "missing") ≠ \(status)") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
        #expect(try await store.unpublishedDeadLetters(limit: 10).isEmpty)
        // The stats are read from the topic: restarting once more must count the same.
        service = try launch(6)
        try await waitUntil("dead letters read back", timeout: .seconds(60)) {
            let health = try? await httpGet(port: port, "/health").json
            let dead = health?["dead_letters"] as? [String: Any]
            return dead?["reader"] as? String == "caught-up"
        }
        #expect(try await httpGet(port: port, "/dlq/stats").json["total_messages"] as? Int == script.expectedDeadLetters)
        await service.stop()
        await platform.stop()
    }
}
