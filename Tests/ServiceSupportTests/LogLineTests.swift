import Foundation
import Logging
import Testing

@testable import ServiceSettings

/// The lines `ServiceLogHandler` writes: text a person reads (with the process in front), JSON a
/// collector parses (every metadata value a string member).
@Suite struct LogLineTests {
    @Test func textLinesCarryProcessLevelLabelMessageAndSortedMetadata() {
        var line = ""
        LogLine.appendText(
            process: "cart", level: .info, label: "cart-service", message: "published order event",
            metadata: ["order.id": "A-1", "kafka.offset": "7"], to: &line)
        let pattern =
            /cart     \| \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z info cart-service: published order event kafka\.offset=7 order\.id=A-1/
        #expect(line.wholeMatch(of: pattern) != nil, "\(line)")
    }

    @Test func textLinesWithoutProcessStartWithTheTime() {
        var line = ""
        LogLine.appendText(process: "", level: .warning, label: "x", message: "m", metadata: [:], to: &line)
        #expect(line.first?.isNumber == true)
        #expect(line.hasSuffix("Z warning x: m"))
    }

    @Test func jsonLinesParseAndEscape() throws {
        var line = ""
        LogLine.appendJSON(
            process: "order", level: .error, label: "order-service", message: "bad \"quote\"\n\u{1}",
            metadata: ["error": "x\\y", "message": "shadowed"], to: &line)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["process"] == "order")
        #expect(object["level"] == "error")
        #expect(object["logger"] == "order-service")
        #expect(object["message"] == "bad \"quote\"\n\u{1}")
        #expect(object["error"] == "x\\y")
        #expect(object["time"]?.hasSuffix("Z") == true)
    }
}
