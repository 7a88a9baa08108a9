import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// Both services fuzzed from their own `/openapi.json` by schemathesis (`scripts/fuzz/fuzz.py`), with
/// the real binaries behind them: no 5xx, no crash, answers as documented, every 4xx in the
/// `{"errors": […]}` shape, and the service still healthy afterwards. Bounded in time. The services run
/// with `API_KEYS` and the fuzzer sends the admin key, so that schemathesis also checks that every
/// operation the documents declare as secured refuses requests without a key or with a made-up one.
@Suite(.serialized, .timeLimit(.minutes(5))) struct HTTPFuzzTests {
    static let budgetSeconds = 40

    @Test func cartServiceHoldsUnderFuzzing() async throws {
        let system = try await RunningSystem.start(Self.secured)
        try await Self.fuzz(system.cart.baseURL, system: system)
        await system.stop()
    }

    @Test func orderServiceHoldsUnderFuzzing() async throws {
        let system = try await RunningSystem.start(Self.secured)
        try await Self.fuzz(system.orders.baseURL, system: system)
        await system.stop()
    }

    static let secured = RunningSystem.Options(
        orderSettings: ["SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO": "order-service:\(TestCredentials.readerKey)"],
        cartSettings: ["SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO": "cart-service:\(TestCredentials.adminKey)"],
        sharedSettings: ["API_KEYS": TestCredentials.apiKeys], cartHeaders: [("X-API-Key", TestCredentials.writerKey)])

    static func fuzz(_ url: String, system: RunningSystem) async throws {
        let script = ProjectPaths.root.appendingPathComponent("scripts/fuzz/fuzz.py").path
        let result = try await runCommand(
            ProjectPaths.python,
            [script, "--url", url, "--max-seconds", "\(budgetSeconds)", "--header", "Authorization: Bearer \(TestCredentials.adminKey)"],
            timeout: .seconds(budgetSeconds * 3))
        #expect(
            result.status == 0,
            "schemathesis found problems at \(url):\n\(result.stdoutText.suffix(6000))\n\(result.stderrText.suffix(2000))\n\(system.logs())"
        )
    }
}
