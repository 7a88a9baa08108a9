import Foundation
import Hummingbird
import HummingbirdTesting
import JSONOutput
import Kafka
import OrderEvents
import ServiceSupport
import OrderService
import TestSupport
import Testing

/// The HTTP contract of the Order Service, in process, over a real store and a filled-in index.
@Suite struct OrderRoutesTests {
    let database: TemporaryDatabase
    let store: FaultyOrderStore
    let deadLetters = DeadLetterIndex()
    let status = ConsumerStatusBoard()
    let app: any ApplicationProtocol

    init() throws {
        database = try TemporaryDatabase()
        store = FaultyOrderStore(inner: try SQLiteOrderStore(path: database.path, logger: testLogger))
        var configuration = OrderServiceConfiguration()
        configuration.maximumPageSize = 50
        app = buildOrderApplication(
            configuration: configuration, store: store, deadLetters: deadLetters, status: status, logger: testLogger)
    }

    private func get(_ path: String) async throws -> (status: HTTPResponse.Status, json: [String: Any], text: String) {
        try await app.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                let text = String(buffer: response.body)
                let json = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
                return (response.status, json ?? [:], text)
            }
        }
    }

    private func storeOrders(_ ids: [String]) async throws {
        try await store.write { writer in
            for (offset, id) in ids.enumerated() {
                try writer.insert(
                    StoredOrder(order: Sample.order(id), shippingCost: Decimal(string: "2.00") ?? 0),
                    from: KafkaTopicPartitionOffset(topic: "order-events", partition: 0, offset: KafkaOffset(rawValue: Int64(offset))))
            }
        }
    }

    @Test func orderDetailsShowsMoneyWithTwoDecimals() async throws {
        defer { database.cleanUp() }
        try await storeOrders(["ORDER-001"])
        let (code, json, text) = try await get("/order-details?orderId=ORDER-001")
        #expect(code == .ok)
        #expect(json["orderId"] as? String == "ORDER-001")
        #expect(json["status"] as? String == "new")
        #expect(text.contains(#""totalAmount":99.98"#))
        #expect(text.hasSuffix(#""shippingCost":2.00}"#))
        #expect(json["orderDate"] as? String == ISO8601.format(Sample.epoch))
    }

    @Test(arguments: [
        ("/order-details?orderId=ORDER-404", HTTPResponse.Status.notFound, ["Order 'ORDER-404' not found"]),
        ("/order-details", .badRequest, ["Missing required field: 'orderId'"]),
        ("/order-details?orderId=", .badRequest, ["orderId cannot be empty"]),
        ("/order-details?orderId=a%20b", .badRequest, ["orderId may contain only letters, digits and - _ . :"]),
        ("/dlq/messages?limit=0", .badRequest, ["Query parameter 'limit' must be an integer of at least 1, not '0'"]),
        (
            "/dlq/messages?limit=x&offset=-1", .badRequest,
            [
                "Query parameter 'limit' must be an integer of at least 1, not 'x'",
                "Query parameter 'offset' must be an integer of at least 0, not '-1'",
            ]
        ),
        ("/getAllOrderIdsFromTopic?limit=-5", .badRequest, ["Query parameter 'limit' must be an integer of at least 1, not '-5'"]),
        ("/nowhere", .notFound, ["No route for GET /nowhere"]),
    ])
    func errorsAreListed(path: String, expected: HTTPResponse.Status, errors: [String]) async throws {
        defer { database.cleanUp() }
        let (code, json, _) = try await get(path)
        #expect(code == expected)
        #expect(json["errors"] as? [String] == errors)
    }

    @Test func anUnavailableStoreAnswers503() async throws {
        defer { database.cleanUp() }
        store.setUnavailable(true)
        let (code, json, _) = try await get("/order-details?orderId=A")
        #expect(code == .serviceUnavailable)
        #expect((json["errors"] as? [String])?.first?.hasPrefix("Order store unavailable") == true)
    }

    @Test func allOrderIdsListsStoredOrdersInOrder() async throws {
        defer { database.cleanUp() }
        try await storeOrders(["O-1", "O-2", "O-3"])
        let (code, json, _) = try await get("/getAllOrderIdsFromTopic?topic=order-events")
        #expect(code == .ok)
        #expect(json["topic"] as? String == "order-events")
        #expect(json["orderIds"] as? [String] == ["O-1", "O-2", "O-3"])
        #expect(json["count"] as? Int == 3)
        let (_, page, _) = try await get("/getAllOrderIdsFromTopic?topic=order-events&limit=1&offset=1")
        #expect(page["orderIds"] as? [String] == ["O-2"])
        #expect(page["count"] as? Int == 1)
        #expect(page["total"] as? Int == 3)
        let (_, other, _) = try await get("/getAllOrderIdsFromTopic?topic=elsewhere")
        #expect(other["orderIds"] as? [String] == [])
        #expect(other["count"] as? Int == 0)
    }

    @Test func deadLetterStatsAndMessagesComeFromTheIndex() async throws {
        defer { database.cleanUp() }
        for offset in 0..<3 {
            let letter = DeadLetter(
                original: KafkaTopicPartitionOffset(topic: "order-events", partition: 1, offset: KafkaOffset(rawValue: Int64(offset))),
                key: Array("K\(offset)".utf8), value: [UInt8(offset)], orderId: "K\(offset)",
                category: offset == 2 ? .retryThenDeadLetter : .noRetry, message: "why \(offset)",
                retryCount: offset == 2 ? 3 : 0, timestamp: Sample.epoch)
            deadLetters.add(
                KafkaConsumerMessage(
                    topic: "order-events-dlq", partition: 0, offset: KafkaOffset(rawValue: Int64(offset)), key: letter.key,
                    value: letter.value, headers: letter.headers))
        }
        let (_, stats, _) = try await get("/dlq/stats")
        #expect(stats["total_messages"] as? Int == 3)
        #expect(stats["error_categories"] as? [String: Int] == ["NO_RETRY_DLQ": 2, "RETRY_THEN_DLQ": 1])
        #expect(stats["topic"] as? String == "order-events-dlq")
        let (_, page, _) = try await get("/dlq/messages?limit=2&offset=1")
        let messages = try #require(page["messages"] as? [[String: Any]])
        #expect(messages.map { $0["orderId"] as? String } == ["K1", "K2"])
        #expect(messages[1]["retry_count"] as? Int == 3)
        #expect(messages[1]["original_value"] as? String == Data([2]).base64EncodedString())
        #expect(page["count"] as? Int == 2)
        #expect(page["limit"] as? Int == 2)
        #expect(page["offset"] as? Int == 1)
        let (_, capped, _) = try await get("/dlq/messages?limit=100000")
        #expect(capped["limit"] as? Int == 50)
        let (_, defaults, _) = try await get("/dlq/messages")
        #expect(defaults["limit"] as? Int == 10)
        #expect(defaults["offset"] as? Int == 0)
    }

    @Test func healthIsHealthyWhileRunning() async throws {
        defer { database.cleanUp() }
        try await storeOrders(["A", "B"])
        let partition = KafkaTopicPartition(topic: "order-events", partition: 0)
        status.setPhase(.running)
        status.assigned([partition: 2])
        status.setLogEndProvider { _ in 5 }
        let (code, json, _) = try await get("/health")
        #expect(code == .ok)
        #expect(json["status"] as? String == "healthy")
        #expect(json["consumer"] as? String == "running")
        #expect(json["orders_in_memory"] as? Int == 2)
        #expect(json["lag"] as? Int == 3)
        let partitions = try #require(json["partitions"] as? [[String: Any]])
        #expect(partitions.first?["lag"] as? Int == 3)
        #expect(partitions.first?["state"] as? String == "flowing")
    }

    @Test func healthAnswers503WhileRetryingForever() async throws {
        defer { database.cleanUp() }
        let partition = KafkaTopicPartition(topic: "order-events", partition: 1)
        status.setPhase(.running)
        status.assigned([partition: 7])
        status.hold(partition, .init(offset: 7, category: .retryThenDeadLetter, reason: "boom", attempts: 1, nextAttempt: Sample.epoch))
        let (retrying, retryingJSON, _) = try await get("/health")
        #expect(retrying == .ok)
        #expect(retryingJSON["consumer"] as? String == "retrying")
        status.hold(partition, .init(offset: 7, category: .retryForever, reason: "disk full", attempts: 4, nextAttempt: Sample.epoch))
        let (stuck, json, _) = try await get("/health")
        #expect(stuck == .serviceUnavailable)
        #expect(json["status"] as? String == "unhealthy")
        #expect((json["problems"] as? [String])?.first?.contains("RETRY_FOREVER") == true)
    }

    @Test func healthAnswers503WhenStoppedOrTheStoreIsDown() async throws {
        defer { database.cleanUp() }
        status.setPhase(.stopped, reason: "stored offsets lie beyond the broker's log end")
        let (stopped, json, _) = try await get("/health")
        #expect(stopped == .serviceUnavailable)
        #expect(json["consumer"] as? String == "stopped")
        status.setPhase(.running)
        store.setUnavailable(true)
        let (down, downJSON, _) = try await get("/health")
        #expect(down == .serviceUnavailable)
        #expect(downJSON["orders_in_memory"] is NSNull)
    }
}

/// The OpenAPI document is valid JSON and every operation in it is routed.
@Suite struct OrderOpenAPITests {
    @Test func everyDocumentedOperationIsRouted() async throws {
        let database = try TemporaryDatabase()
        defer { database.cleanUp() }
        let app = buildOrderApplication(
            configuration: OrderServiceConfiguration(),
            store: try SQLiteOrderStore(path: database.path, logger: testLogger), deadLetters: DeadLetterIndex(),
            status: ConsumerStatusBoard(), logger: testLogger)
        let document = try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
            }
        }
        #expect(OpenAPISecurity.openPaths(in: document) == AccessRequirement.openPaths)
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        #expect(
            Set(paths.keys) == [
                "/order-details", "/getAllOrderIdsFromTopic", "/dlq/stats", "/dlq/messages", "/dlq/replay", "/health",
                "/openapi.json", "/metrics",
            ])
        for (path, operations) in paths {
            let method: HTTPRequest.Method = path == "/dlq/replay" ? .post : .get
            let other: HTTPRequest.Method = method == .post ? .get : .post
            #expect(Set(operations.keys) == [method.rawValue.lowercased()], "\(path)")
            let status = try await app.test(.router) { client in
                try await client.execute(uri: path, method: method, body: ByteBuffer(string: "{}")) { $0.status }
            }
            #expect(status != .notFound || path == "/order-details", "\(path) is not routed")
            #expect(status != .methodNotAllowed, "\(path)")
            let (unserved, allow) = try await app.test(.router) { client in
                try await client.execute(uri: path, method: other) { ($0.status, $0.headers[.allow]) }
            }
            #expect(unserved == .methodNotAllowed && allow == method.rawValue, "\(other) \(path): \(unserved)")
        }
    }
}
