import Foundation
import OrderEvents
import OrderService
import PlatformTestSupport
import Testing
import TestSupport

/// The service against a real broker and registry, with events written by confluent-kafka.
@Suite(.serialized) struct OrderServiceIntegrationTests {
    /// Seed scenarios 1–3 and poison records: everything bad is dead-lettered with its bytes, the
    /// consumer goes on, and after a restart nothing is applied or dead-lettered twice.
    @Test func scenariosAndPoisonRecords() async throws {
        let platform = try await TestPlatform.start()
        let database = try TemporaryDatabase()
        defer { database.cleanUp() }
        let configuration = OrderServiceConfiguration.forTests(platform: platform, databasePath: database.path)
        var service = try await InProcessOrderService.start(
            configuration: configuration, store: try SQLiteOrderStore(path: database.path, logger: quietLogger))

        try await PythonProducer.produce(
            [
                .create("ORDER-001", total: "149.97"),  // scenario 1
                .update("ORDER-001", to: "confirmed"),
                .create("ORDER-DUP"), .create("ORDER-DUP", total: "5.00"),  // scenario 2
                .update("ORDER-NONEXISTENT", to: "shipped"),  // scenario 3
                .update("ORDER-001", to: "confirmed"),  // same status: a no-op
                .update("ORDER-001", to: "pending"),  // forbidden
                .raw([0xDE, 0xAD, 0xBE, 0xEF, 0x01], key: "POISON-RANDOM"),
                .raw([0x00, 0x00], key: "POISON-SHORT"),
                .framed(magic: 1, schemaId: nil, key: "POISON-MAGIC"),
                .framed(magic: 0, schemaId: 99_999, key: "POISON-UNKNOWN-ID"),
                .otherSchema(key: "POISON-OTHER-SCHEMA"),
                .create("ORDER-AFTER"),
            ], bootstrapServers: platform.bootstrapServers, registryURL: platform.registryURL)

        let order = try await eventually("ORDER-AFTER applied", timeout: .seconds(60)) { () -> [String: any Sendable]? in
            let answer = try? await service.get("/order-details?orderId=ORDER-AFTER")
            return answer?.status == 200 ? answer?.json : nil
        }
        #expect(order["status"] as? String == "new")
        let first = try await service.get("/order-details?orderId=ORDER-001")
        #expect(first.json["status"] as? String == "confirmed")
        #expect(first.body.hasSuffix(#""shippingCost":3.00}"#))  // 2 % of 149.97 = 2.9994
        #expect(try await service.get("/order-details?orderId=ORDER-NONEXISTENT").status == 404)
        #expect(try await service.get("/order-details?orderId=ORDER-DUP").body.contains(#""totalAmount":99.98"#))

        let ids = try await service.get("/getAllOrderIdsFromTopic?topic=order-events").json
        #expect(Set(ids["orderIds"] as? [String] ?? []) == ["ORDER-001", "ORDER-DUP", "ORDER-AFTER"])

        let expected = ["NO_RETRY_DLQ": 8]
        let stats = try await eventually("8 dead letters", timeout: .seconds(30)) { () -> [String: any Sendable]? in
            let stats = try await service.get("/dlq/stats").json
            return stats["error_categories"] as? [String: Int] == expected ? stats : nil
        }
        #expect(stats["total_messages"] as? Int == 8)
        let page = try await service.get("/dlq/messages?limit=20").json
        let messages = try #require(page["messages"] as? [[String: any Sendable]])
        let byOrder: [String: [String: any Sendable]] = Dictionary(messages.compactMap { m in (m["orderId"] as? String).map { ($0, m) } }) {
            first, _ in first
        }
        #expect((byOrder["ORDER-DUP"]?["error_message"] as? String)?.hasPrefix("Duplicate CREATE request") == true)
        #expect((byOrder["ORDER-NONEXISTENT"]?["error_message"] as? String)?.hasPrefix("Invalid UPDATE") == true)
        #expect((byOrder["ORDER-001"]?["error_message"] as? String)?.hasPrefix("Forbidden transition") == true)
        #expect((byOrder["POISON-RANDOM"]?["error_message"] as? String)?.contains("wrong magic byte 0xDE") == true)
        #expect(byOrder["POISON-RANDOM"]?["original_value"] as? String == Data([0xDE, 0xAD, 0xBE, 0xEF, 0x01]).base64EncodedString())
        #expect((byOrder["POISON-SHORT"]?["error_message"] as? String)?.contains("too short") == true)
        #expect((byOrder["POISON-MAGIC"]?["error_message"] as? String)?.contains("wrong magic byte 0x1") == true)
        #expect((byOrder["POISON-UNKNOWN-ID"]?["error_message"] as? String)?.contains("unknown schema id 99999") == true)
        #expect((byOrder["POISON-OTHER-SCHEMA"]?["error_message"] as? String)?.contains("order event") == true)
        #expect(messages.allSatisfy { $0["original_topic"] as? String == "order-events" && $0["retry_count"] as? Int == 0 })

        // A restart reads the dead letters back from the topic and applies nothing twice.
        await service.stop()
        service = try await InProcessOrderService.start(
            configuration: configuration, store: try SQLiteOrderStore(path: database.path, logger: quietLogger))
        try await PythonProducer.produce(
            [.update("ORDER-AFTER", to: "cancelled")], bootstrapServers: platform.bootstrapServers, registryURL: platform.registryURL)
        try await waitUntil("the update after the restart", timeout: .seconds(60)) {
            (try? await service.get("/order-details?orderId=ORDER-AFTER"))?.json["status"] as? String == "cancelled"
        }
        let again = try await service.get("/dlq/stats").json
        #expect(again["total_messages"] as? Int == 8)
        let health = try await service.get("/health")
        #expect(health.status == 200)
        #expect(health.json["orders_in_memory"] as? Int == 3)
        #expect(health.json["lag"] as? Int == 0)
        await service.stop()
        await platform.stop()
    }

    /// A processing failure is retried (short delays here) and dead-lettered as RETRY_THEN_DLQ; an
    /// unavailable store holds its partition (RETRY_FOREVER, /health 503) while the others flow, and the
    /// partition resumes where it stopped once the store is back.
    @Test func retriesHoldOnlyTheirPartition() async throws {
        let platform = try await TestPlatform.start()
        let database = try TemporaryDatabase()
        defer { database.cleanUp() }
        let store = FaultyOrderStore(inner: try SQLiteOrderStore(path: database.path, logger: quietLogger))
        store.fail(OrderID(rawValue: "FAILING"), with: .failed)
        store.fail(OrderID(rawValue: "STUCK"), with: .unavailable)
        let configuration = OrderServiceConfiguration.forTests(platform: platform, databasePath: database.path)
        let service = try await InProcessOrderService.start(configuration: configuration, store: store)

        try await PythonProducer.produce(
            [
                .create("FAILING", partition: 1), .create("AFTER-FAILING", partition: 1),
                .create("STUCK", partition: 0), .create("BEHIND-STUCK", partition: 0),
                .create("FLOWING", partition: 2),
            ], bootstrapServers: platform.bootstrapServers, registryURL: platform.registryURL)

        // RETRY_THEN_DLQ: four attempts, then the dead letter, then the partition goes on.
        try await waitUntil("AFTER-FAILING applied", timeout: .seconds(60)) {
            (try? await service.get("/order-details?orderId=AFTER-FAILING"))?.status == 200
        }
        #expect(store.attempts(for: OrderID(rawValue: "FAILING")) == 4)
        let letters = try await eventually("the RETRY_THEN_DLQ letter", timeout: .seconds(30)) { () -> [[String: Any]]? in
            let page = try await service.get("/dlq/messages").json["messages"] as? [[String: Any]]
            return page?.isEmpty == false ? page : nil
        }
        #expect(letters.first?["error_category"] as? String == "RETRY_THEN_DLQ")
        #expect(letters.first?["retry_count"] as? Int == 3)

        // RETRY_FOREVER: partition 0 waits, partition 2 flowed, /health says so.
        #expect(try await service.get("/order-details?orderId=FLOWING").status == 200)
        let stuck = try await eventually("health 503", timeout: .seconds(30)) { () -> HTTPAnswer? in
            let health = try await service.get("/health")
            return health.status == 503 ? health : nil
        }
        #expect((stuck.json["problems"] as? [String])?.contains { $0.contains("RETRY_FOREVER") } == true)
        #expect(try await service.get("/order-details?orderId=BEHIND-STUCK").status == 404)
        #expect(store.attempts(for: OrderID(rawValue: "STUCK")) >= 2)

        store.fail(OrderID(rawValue: "STUCK"), with: nil)
        try await waitUntil("BEHIND-STUCK applied", timeout: .seconds(30)) {
            (try? await service.get("/order-details?orderId=BEHIND-STUCK"))?.status == 200
        }
        #expect(try await service.get("/order-details?orderId=STUCK").status == 200)
        try await waitUntil("health 200", timeout: .seconds(10)) { (try? await service.get("/health"))?.status == 200 }
        #expect(try await service.get("/dlq/stats").json["total_messages"] as? Int == 1)
        await service.stop()
        await platform.stop()
    }
}
