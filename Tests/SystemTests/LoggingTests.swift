import Foundation
import Testing
import TestSupport

/// What `make run` and a log collector read from a service: its own name on every line (`LOG_LABEL`),
/// and with `LOG_FORMAT=json` one JSON object per line. A Cart Service is enough: it starts and logs
/// without a broker (it keeps retrying one that is not there).
@Suite struct LoggingTests {
    static let nowhere = ["KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1", "SCHEMA_REGISTRY_URL": "http://127.0.0.1:1"]

    @Test func textLinesStartWithTheLabel() async throws {
        let lines = try await linesOfACartService(["LOG_LABEL": "cart"])
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.hasPrefix("cart     | "), "\(line)")
        }
    }

    @Test func jsonLinesAreObjectsWithProcessLevelAndMessage() async throws {
        let lines = try await linesOfACartService(["LOG_LABEL": "cart", "LOG_FORMAT": "json"])
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["process"] as? String == "cart", "\(line)")
            #expect(object?["logger"] as? String == "cart-service", "\(line)")
            #expect(object?["level"] is String && object?["message"] is String && object?["time"] is String, "\(line)")
        }
    }

    /// The log lines of a Cart Service started with `environment`, once it serves HTTP.
    private func linesOfACartService(_ environment: [String: String]) async throws -> [String] {
        let (process, _) = try await RunningSystem.launch(
            try Binaries.locate().cartService, environment: Self.nowhere.merging(environment) { $1 }, portSetting: "CART_PORT")
        await process.stop()
        let log = try String(contentsOf: process.logFile, encoding: .utf8)
        return log.split(separator: "\n").map(String.init)
    }
}
