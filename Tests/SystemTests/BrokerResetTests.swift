import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// The development broker keeps its data in memory: when it restarts empty, the Order Service's stored
/// offsets lie beyond the log end. It says so and follows `ORDER_OFFSET_RESET_POLICY`.
@Suite(.serialized, .timeLimit(.minutes(3))) struct BrokerResetTests {
    /// `reset-store` (what `make run` uses): the store starts over with the new log.
    @Test func resetStoreStartsOverWithTheNewLog() async throws {
        let system = try await RunningSystem.start(.init(orderSettings: ["ORDER_OFFSET_RESET_POLICY": "reset-store"]))
        try await system.createOrders(["OLD-1", "OLD-2", "OLD-3", "OLD-1"])  // the second OLD-1 is dead-lettered
        try await system.waitForOrders(["WARM-UP", "OLD-1", "OLD-2", "OLD-3"])
        try await waitUntil("the old dead letter indexed", timeout: .seconds(40), pollEvery: .milliseconds(250)) {
            try await system.orders.get("/dlq/stats").json["total_messages"] as? Int == 1
        }

        try await system.broker.restart()
        // The services reconnect by themselves; the first order after the reset is accepted again.
        try await waitUntil("an order to be accepted by the reset broker", timeout: .seconds(40), pollEvery: .milliseconds(250)) {
            try await system.cart.post("/create-order", json: #"{"orderId": "NEW-1", "itemsCount": 1}"#).status == 201
        }
        try await system.waitForOrders(["NEW-1"], timeout: .seconds(40))
        // The dead-letter index started over with the reset topic: the old letter is gone, a new one shows.
        try await system.createOrders(["NEW-1"])
        let page = try await eventually("only the new dead letter listed", timeout: .seconds(40), pollEvery: .milliseconds(250)) {
            let page = try await system.orders.get("/dlq/messages").json
            let ids = (page["messages"] as? [[String: any Sendable]] ?? []).compactMap { $0["orderId"] as? String }
            return ids == ["NEW-1"] ? page : nil
        }
        #expect(page["total"] as? Int == 1, "\(page)")
        let ids = try await system.allOrderIDs()
        #expect(!ids.contains("OLD-1"), "the store was not reset: \(ids)")
        #expect(try await system.orders.get("/order-details?orderId=OLD-2").status == 404)
        #expect(system.orderService.logTail(lines: 200).contains("stored offsets lie beyond the broker's log end"))
        await system.stop()
    }

    /// `stop` (the default): consuming stops, `/health` answers 503 with the reason, and the stored
    /// orders stay as they were.
    @Test func stopKeepsTheStoreAndReportsTheReason() async throws {
        let system = try await RunningSystem.start()
        try await system.createOrders(["KEPT-1", "KEPT-2", "KEPT-3"])
        try await system.waitForOrders(["WARM-UP", "KEPT-1", "KEPT-2", "KEPT-3"])

        try await system.broker.restart()
        try await waitUntil("an order to be accepted by the reset broker", timeout: .seconds(40), pollEvery: .milliseconds(250)) {
            try await system.cart.post("/create-order", json: #"{"orderId": "AFTER-RESET", "itemsCount": 1}"#).status == 201
        }
        let health = try await eventually("/health to report the stop", timeout: .seconds(40), pollEvery: .milliseconds(250)) {
            let health = try await system.orders.get("/health")
            return health.status == 503 ? health : nil
        }
        #expect(health.body.contains("beyond the broker's log end"), "\(health.body)")
        #expect(try await system.orders.get("/order-details?orderId=KEPT-2").status == 200)
        #expect(try await system.orders.get("/order-details?orderId=AFTER-RESET").status == 404)
        await system.stop()
    }
}

extension RunningSystem {
    /// Creates the orders one by one and fails unless each is acknowledged.
    func createOrders(_ ids: [String]) async throws {
        for id in ids {
            let answer = try await cart.post("/create-order", json: #"{"orderId": "\#(id)", "itemsCount": 1}"#)
            guard answer.status == 201 else {
                throw TestSupportError(description: "creating \(id) answered \(answer.status): \(answer.body)")
            }
        }
    }
}
