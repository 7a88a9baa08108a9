import Foundation
import OrderEvents
@testable import OrderService
import PlatformTestSupport
import Testing
import TestSupport

/// Issue 16: when the stored offsets cannot be read at assignment, the partitions are not consumed
/// from any other offset. They wait (shown in /health), and start at the store's offsets once it answers.
@Suite(.serialized) struct StoredOffsetsWaitTests {
    @Test func partitionsWaitForTheStoredOffsetsInsteadOfStartingElsewhere() async throws {
        let platform = try await TestPlatform.start()
        defer { Task { await platform.stop() } }
        let group = "offsets-wait"
        let ids = (1...6).map { "ORDER-WAIT-\($0)" }

        // A first instance applies three orders, so the group has committed offsets past them.
        let first = try TemporaryDatabase()
        defer { first.cleanUp() }
        let configuration = OrderServiceConfiguration.forTests(platform: platform, databasePath: first.path, group: group)
        let firstService = try await InProcessOrderService.start(
            configuration: configuration, store: try SQLiteOrderStore(path: first.path, logger: quietLogger))
        try await PythonProducer.produce(
            ids.prefix(3).map { .create($0) }, bootstrapServers: platform.bootstrapServers, registryURL: platform.registryURL)
        for id in ids.prefix(3) {
            try await waitUntil("\(id) applied", timeout: .seconds(60)) {
                (try? await firstService.get("/order-details?orderId=\(id)"))?.status == 200
            }
        }
        await firstService.stop()

        // A second instance in the same group over a new, empty store whose offsets cannot be read yet.
        let second = try TemporaryDatabase()
        defer { second.cleanUp() }
        let store = FaultyOrderStore(inner: try SQLiteOrderStore(path: second.path, logger: quietLogger))
        store.setOffsetReadFailing(true)
        var secondConfiguration = configuration
        secondConfiguration.databasePath = second.path
        let service = try await InProcessOrderService.start(configuration: secondConfiguration, store: store)
        defer { Task { await service.stop() } }
        try await PythonProducer.produce(
            ids.suffix(3).map { .create($0) }, bootstrapServers: platform.bootstrapServers, registryURL: platform.registryURL)

        let health = try await eventually("/health shows the partitions waiting", timeout: .seconds(60)) { () -> HTTPAnswer? in
            let answer = try? await service.get("/health")
            return answer.flatMap { $0.body.contains("waits for its stored offset") ? $0 : nil }
        }
        #expect(health.status == 503)
        #expect(health.json["status"] as? String == "unhealthy")
        #expect(try await store.inner.orderCount() == 0, "records were applied while the stored offsets were unknown")

        // The store answers: every order is applied, the three before Kafka's committed offset included.
        store.setOffsetReadFailing(false)
        for id in ids {
            try await waitUntil("\(id) applied", timeout: .seconds(60)) {
                (try? await service.get("/order-details?orderId=\(id)"))?.status == 200
            }
        }
        try await waitUntil("/health healthy again", timeout: .seconds(60)) {
            (try? await service.get("/health"))?.status == 200
        }
        #expect(try await store.inner.orderCount() == ids.count)
    }
}
