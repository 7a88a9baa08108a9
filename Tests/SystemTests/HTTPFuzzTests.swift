import Foundation
import Testing
import TestSupport

/// Both services fuzzed from their own `/openapi.json` by schemathesis (`scripts/fuzz/fuzz.py`), with
/// the real binaries behind them: no 5xx, no crash, answers as documented, every 4xx in the
/// `{"errors": […]}` shape, and the service still healthy afterwards. Bounded in time.
@Suite(.serialized, .timeLimit(.minutes(5))) struct HTTPFuzzTests {
    static let budgetSeconds = 40

    @Test func cartServiceHoldsUnderFuzzing() async throws {
        let system = try await RunningSystem.start()
        try await Self.fuzz(system.cart.baseURL, system: system)
        await system.stop()
    }

    @Test func orderServiceHoldsUnderFuzzing() async throws {
        let system = try await RunningSystem.start()
        try await Self.fuzz(system.orders.baseURL, system: system)
        await system.stop()
    }

    static func fuzz(_ url: String, system: RunningSystem) async throws {
        let script = ProjectPaths.root.appendingPathComponent("scripts/fuzz/fuzz.py").path
        let result = try await runCommand(
            ProjectPaths.python, [script, "--url", url, "--max-seconds", "\(budgetSeconds)"],
            timeout: .seconds(budgetSeconds * 3))
        #expect(
            result.status == 0,
            "schemathesis found problems at \(url):\n\(result.stdoutText.suffix(6000))\n\(result.stderrText.suffix(2000))\n\(system.logs())"
        )
    }
}
