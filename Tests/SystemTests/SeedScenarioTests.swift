import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// The seed's section 9 scenarios, as a user runs them with curl, against the real binaries.
@Suite(.serialized, .timeLimit(.minutes(3))) struct SeedScenarioTests {
    /// Scenario 1: create, read with shipping, update, read the new status.
    @Test func happyPathCreateAndUpdate() async throws {
        let system = try await RunningSystem.start()

        let created = try await system.cart.post("/create-order", json: #"{"orderId": "ORDER-001", "itemsCount": 3}"#)
        #expect(created.status == 201, "\(created.body)")
        #expect(created.json["message"] as? String == "Order creation event published successfully")
        let order = try #require(created.json["order"] as? [String: Any])
        #expect(order["orderId"] as? String == "ORDER-001")
        #expect(order["status"] as? String == "new")
        #expect(order["currency"] as? String == "USD")
        #expect((order["items"] as? [Any])?.count == 3)
        let event = try #require(created.json["event"] as? [String: Any])
        #expect(event["topic"] as? String == "order-events")

        let details = try await system.waitForOrder("ORDER-001")
        // Money is exact on the wire as in JSON: "2.00", not 2 or 1.9999.
        let total = try #require(Decimal(string: try Self.rawNumber("totalAmount", in: details.body)))
        let shipping = try Self.rawNumber("shippingCost", in: details.body)
        #expect(shipping.split(separator: ".").last?.count == 2, "shippingCost is written with two decimals: \(shipping)")
        #expect(Decimal(string: shipping) == Self.twoPercentHalfUp(of: total))
        #expect(details.json["status"] as? String == "new")
        #expect(details.json["customerId"] as? String == order["customerId"] as? String)

        let updated = try await system.cart.put("/update-order", json: #"{"orderId": "ORDER-001", "status": "confirmed"}"#)
        #expect(updated.status == 200, "\(updated.body)")
        #expect(updated.json["message"] as? String == "Order status update event published successfully")
        let update = try #require(updated.json["update"] as? [String: Any])
        #expect(update["orderId"] as? String == "ORDER-001")
        #expect(update["status"] as? String == "confirmed")

        try await waitUntil("ORDER-001 to be confirmed", timeout: .seconds(20)) {
            try await system.orders.get("/order-details?orderId=ORDER-001").json["status"] as? String == "confirmed"
        }
        let ids = try await system.orders.get("/getAllOrderIdsFromTopic?topic=order-events")
        #expect(ids.status == 200)
        #expect((ids.json["orderIds"] as? [String])?.contains("ORDER-001") == true)
        #expect(ids.json["topic"] as? String == "order-events")
        let missing = try await system.orders.get("/order-details?orderId=NOPE")
        #expect(missing.status == 404)
        #expect(missing.errors == ["Order 'NOPE' not found"])
        // Kafka's copy of the offsets (for lag tools) catches up with all three events, the last one too.
        try await waitUntil("the group's committed offsets to cover the 3 events", timeout: .seconds(20), pollEvery: .milliseconds(500)) {
            try await system.committedEvents(group: "order-service") == 3
        }
        await system.stop()
    }

    /// Scenario 2: a second CREATE of the same order is accepted by the Cart Service and dead-lettered by
    /// the Order Service, which keeps the first.
    @Test func duplicateCreateGoesToTheDeadLetterQueue() async throws {
        let system = try await RunningSystem.start()

        let first = try await system.cart.post("/create-order", json: #"{"orderId": "ORDER-DUP", "itemsCount": 2}"#)
        #expect(first.status == 201)
        let second = try await system.cart.post("/create-order", json: #"{"orderId": "ORDER-DUP", "itemsCount": 5}"#)
        #expect(second.status == 201)
        let secondEvent = try #require(second.json["event"] as? [String: Any])

        let letter = try await system.waitForDeadLetter(about: "ORDER-DUP")
        #expect(letter["error_category"] as? String == "NO_RETRY_DLQ")
        #expect((letter["error_message"] as? String)?.contains("ORDER-DUP") == true)
        #expect(letter["retry_count"] as? Int == 0)
        #expect(letter["original_topic"] as? String == "order-events")
        #expect(letter["original_partition"] as? Int == secondEvent["partition"] as? Int)
        #expect(letter["original_offset"] as? Int == secondEvent["offset"] as? Int)
        #expect(Data(base64Encoded: letter["original_value"] as? String ?? "")?.first == 0, "Confluent framing kept")

        let stats = try await system.orders.get("/dlq/stats")
        #expect(stats.json["total_messages"] as? Int == 1)
        #expect((stats.json["error_categories"] as? [String: Int])?["NO_RETRY_DLQ"] == 1)
        #expect(stats.json["topic"] as? String == "order-events-dlq")
        // The first CREATE stands: two items, not five.
        let details = try await system.orders.get("/order-details?orderId=ORDER-DUP")
        #expect((details.json["items"] as? [Any])?.count == 2)
        await system.stop()
    }

    /// Scenario 3: an UPDATE of an order that does not exist is accepted and dead-lettered.
    @Test func updateOfAnUnknownOrderGoesToTheDeadLetterQueue() async throws {
        let system = try await RunningSystem.start()

        let updated = try await system.cart.put("/update-order", json: #"{"orderId": "ORDER-NONEXISTENT", "status": "shipped"}"#)
        #expect(updated.status == 200)
        let letter = try await system.waitForDeadLetter(about: "ORDER-NONEXISTENT")
        #expect(letter["error_category"] as? String == "NO_RETRY_DLQ")
        #expect((letter["error_message"] as? String)?.contains("does not exist") == true)
        let stats = try await system.orders.get("/dlq/stats")
        #expect(stats.json["total_messages"] as? Int == 1)
        let missing = try await system.orders.get("/order-details?orderId=ORDER-NONEXISTENT")
        #expect(missing.status == 404)
        await system.stop()
    }

    /// Scenario 4: invalid requests answer 400 with every problem listed, and nothing reaches Kafka.
    @Test func validationErrorsAnswer400AndPublishNothing() async throws {
        let system = try await RunningSystem.start()

        let missing = try await system.cart.post("/create-order", json: #"{"itemsCount": 3}"#)
        #expect(missing.status == 400)
        #expect(missing.errors == ["Missing required field: 'orderId'"])
        let negative = try await system.cart.post("/create-order", json: #"{"orderId": "ORDER-999", "itemsCount": -1}"#)
        #expect(negative.status == 400)
        #expect(negative.errors == ["itemsCount must be positive"])
        let reserved = try await system.cart.put("/update-order", json: #"{"orderId": "ORDER-001", "status": "new"}"#)
        #expect(reserved.status == 400)
        #expect(reserved.errors == ["status='new' is reserved for creation. Use 'pending', 'confirmed', etc."])

        // A valid order sent after them is the only one (besides the warm-up) the Order Service sees.
        #expect(try await system.cart.post("/create-order", json: #"{"orderId": "ORDER-OK", "itemsCount": 1}"#).status == 201)
        _ = try await system.waitForOrder("ORDER-OK")
        let ids = try await system.orders.get("/getAllOrderIdsFromTopic?topic=order-events")
        #expect(Set(ids.json["orderIds"] as? [String] ?? []) == ["WARM-UP", "ORDER-OK"])
        #expect(try await system.orders.get("/dlq/stats").json["total_messages"] as? Int == 0)
        await system.stop()
    }

    /// The number as written in the JSON text (JSONSerialization would turn `2.00` into a Double).
    static func rawNumber(_ field: String, in body: String) throws -> String {
        let pattern = try Regex("\"\(field)\"\\s*:\\s*(-?[0-9]+(\\.[0-9]+)?)")
        guard let match = try pattern.firstMatch(in: body), let number = match.output[1].substring else {
            throw TestSupportError(description: "no number \(field) in \(body)")
        }
        return String(number)
    }

    static func twoPercentHalfUp(of total: Decimal) -> Decimal {
        var exact = total * 2 / 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 2, .plain)
        return rounded
    }
}

extension RunningSystem {
    /// The sum of a consumer group's committed offsets on `order-events`, as confluent-kafka-python reads it.
    func committedEvents(group: String) async throws -> Int {
        let script = """
            import sys
            from confluent_kafka import Consumer, TopicPartition
            consumer = Consumer({"bootstrap.servers": sys.argv[1], "group.id": sys.argv[2]})
            offsets = consumer.committed([TopicPartition("order-events", p) for p in range(3)], timeout=10)
            print(sum(max(0, tp.offset) for tp in offsets))
            consumer.close()
            """
        let result = try await runPython(script: script, arguments: [broker.bootstrapServers, group], timeout: .seconds(30))
        guard result.status == 0, let sum = Int(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestSupportError(description: "reading committed offsets failed: \(result.stderrText)")
        }
        return sum
    }

    /// The Order Service's answer for `orderId`, once it has processed the CREATE.
    func waitForOrder(_ orderId: String, timeout: Duration = .seconds(20)) async throws -> HTTPAnswer {
        try await eventually("order \(orderId) in the Order Service", timeout: timeout, pollEvery: .milliseconds(100)) {
            let answer = try await self.orders.get("/order-details?orderId=\(orderId)")
            return answer.status == 200 ? answer : nil
        }
    }

    /// The dead letter of `orderId`, once `/dlq/messages` shows it.
    func waitForDeadLetter(about orderId: String, timeout: Duration = .seconds(20)) async throws -> [String: Any] {
        let found = try await eventually("a dead letter about \(orderId)", timeout: timeout, pollEvery: .milliseconds(100)) {
            let page = try await self.orders.get("/dlq/messages?limit=10")
            let messages = page.json["messages"] as? [[String: any Sendable]] ?? []
            return messages.first { $0["orderId"] as? String == orderId }
        }
        return found
    }
}
