import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// `POST /dlq/replay` against the real binaries: a replayed event meets the lifecycle again, each
/// dead letter is replayed once unless forced, and the record of it survives a crash of the service.
@Suite(.serialized, .timeLimit(.minutes(3))) struct DeadLetterReplayTests {
    @Test func anUpdateThatCameTooEarlyAppliesWhenReplayedAndOnlyOnce() async throws {
        let system = try await RunningSystem.start()

        // The UPDATE arrives before its order exists: dead-lettered.
        let early = try await system.cart.put("/update-order", json: #"{"orderId": "ORDER-LATE", "status": "confirmed"}"#)
        #expect(early.status == 200)
        let letter = try await system.waitForDeadLetter(about: "ORDER-LATE")
        let dlqOffset = try #require(letter["dlq_offset"] as? Int)
        #expect(letter["replayed"] as? Bool == false)

        let created = try await system.cart.post("/create-order", json: #"{"orderId": "ORDER-LATE", "itemsCount": 1}"#)
        #expect(created.status == 201)
        #expect(try await system.waitForOrder("ORDER-LATE").json["status"] as? String == "new")

        let dryRun = try await system.orders.post("/dlq/replay", json: #"{"orderId": "ORDER-LATE", "dryRun": true}"#)
        #expect(dryRun.status == 200, "\(dryRun.body)")
        #expect((dryRun.json["replayed"] as? [[String: Any]])?.map { $0["dlqOffset"] as? Int } == [dlqOffset])
        #expect(try await system.orders.get("/order-details?orderId=ORDER-LATE").json["status"] as? String == "new")

        let replay = try await system.orders.post("/dlq/replay", json: #"{"dlqOffsets": [\#(dlqOffset)]}"#)
        #expect(replay.status == 200, "\(replay.body)")
        let replayed = try #require((replay.json["replayed"] as? [[String: Any]])?.first)
        #expect(replayed["topic"] as? String == "order-events")
        #expect(replayed["partition"] as? Int == letter["original_partition"] as? Int)
        #expect(replayed["offset"] is Int)
        try await waitUntil("the replayed UPDATE to apply", timeout: .seconds(20)) {
            try await system.orders.get("/order-details?orderId=ORDER-LATE").json["status"] as? String == "confirmed"
        }

        // The record is durable: after SIGKILL and a restart, the same offset is skipped.
        await system.orderService.crash()
        try await system.restartOrderService()
        let again = try await eventually("a replay answer after the restart", timeout: .seconds(30), pollEvery: .milliseconds(200)) {
            let answer = try await system.orders.post("/dlq/replay", json: #"{"dlqOffsets": [\#(dlqOffset)]}"#)
            return answer.status == 200 ? answer : nil
        }
        #expect((again.json["replayed"] as? [Any])?.isEmpty == true)
        let skipped = try #require((again.json["skipped"] as? [[String: Any]])?.first)
        #expect((skipped["reason"] as? String)?.hasPrefix("Already replayed") == true, "\(again.body)")
        let shown = try await system.waitForDeadLetter(about: "ORDER-LATE")
        #expect(shown["replayed"] as? Bool == true)
        #expect(shown["replayed_at"] is String)
        // Nothing was dead-lettered by the replay: the one letter is still the only one.
        #expect(try await system.orders.get("/dlq/stats").json["total_messages"] as? Int == 1)
        await system.stop()
    }

    @Test func aReplayedDuplicateCreateIsDeadLetteredAgain() async throws {
        let system = try await RunningSystem.start()
        for _ in 0..<2 {
            let answer = try await system.cart.post("/create-order", json: #"{"orderId": "ORDER-TWICE", "itemsCount": 2}"#)
            #expect(answer.status == 201)
        }
        let letter = try await system.waitForDeadLetter(about: "ORDER-TWICE")
        let dlqOffset = try #require(letter["dlq_offset"] as? Int)

        let replay = try await system.orders.post(
            "/dlq/replay", json: #"{"category": "NO_RETRY_DLQ", "fromOffset": \#(dlqOffset), "toOffset": \#(dlqOffset)}"#)
        #expect(replay.status == 200, "\(replay.body)")
        let copy = try #require((replay.json["replayed"] as? [[String: Any]])?.first)

        // The lifecycle still rules: the copy is a duplicate CREATE too, dead-lettered under its own offset.
        let second = try await eventually("the replayed copy dead-lettered", timeout: .seconds(20), pollEvery: .milliseconds(100)) {
            let page = try await system.orders.get("/dlq/messages?limit=10")
            let messages = page.json["messages"] as? [[String: any Sendable]] ?? []
            return messages.first { $0["original_offset"] as? Int == copy["offset"] as? Int && $0["orderId"] as? String == "ORDER-TWICE" }
        }
        #expect(second["error_category"] as? String == "NO_RETRY_DLQ")
        #expect(try await system.orders.get("/dlq/stats").json["total_messages"] as? Int == 2)

        // The operator's command over the same API: the letter is replayed already, so it is skipped.
        let binary = try Binaries.locate().orderService
        let url = "--url=http://127.0.0.1:\(system.orders.port)"
        let cli = try await runCommand(binary, ["dlq", "replay", "--offsets", "\(dlqOffset)", url])
        #expect(cli.status == 0, "\(cli.stderrText)")
        let cliAnswer = try #require(try JSONSerialization.jsonObject(with: cli.stdout) as? [String: Any], "\(cli.stdoutText)")
        #expect((cliAnswer["replayed"] as? [Any])?.isEmpty == true)
        #expect((cliAnswer["skipped"] as? [[String: Any]])?.first?["dlqOffset"] as? Int == dlqOffset)
        let shown = try await runCommand(binary, ["dlq", "show", "\(dlqOffset)", url])
        #expect(shown.status == 0, "\(shown.stderrText)")
        let shownLetter = try JSONSerialization.jsonObject(with: shown.stdout) as? [String: Any]
        #expect(shownLetter?["replayed"] as? Bool == true, "\(shown.stdoutText)")
        let refused = try await runCommand(binary, ["dlq", "replay", "--offsets", "x", url])
        #expect(refused.status != 0)
        #expect(refused.stderrText.contains("--offsets takes integers"), "\(refused.stderrText)")

        let bad = try await system.orders.post("/dlq/replay", json: #"{"dlqOffsets": "all"}"#)
        #expect(bad.status == 400)
        #expect(bad.errors == ["Field 'dlqOffsets' must be a non-empty array of offsets (integers of at least 0)"])
        await system.stop()
    }
}
