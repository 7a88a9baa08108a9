import Avro
import Foundation

/// The table printed and written to `bench-results/avro.txt`, and the same figures as JSON.
struct BenchmarkReport {
    let results: [BenchmarkResult]
    let baseline: FastavroBaseline?

    private func ratio(_ result: BenchmarkResult) -> Double? {
        guard let base = baseline?.rates[result.event]?[result.operation], base > 0 else { return nil }
        return result.eventsPerSecond / base
    }

    var text: String {
        var lines = [
            "Avro benchmark: the seed's order event, events per second per core (one thread, release build)",
            "fastavro \(baseline?.version ?? "not measured") schemaless_writer/schemaless_reader vs Swift; target >= 2x",
            "",
            pad("event", 8) + pad("path", 10) + pad("operation", 11) + pad("Swift ev/s", 14, right: true)
                + pad("fastavro ev/s", 15, right: true)
                + pad("ratio", 9, right: true),
        ]
        for result in results {
            let base = baseline?.rates[result.event]?[result.operation]
            lines.append(
                pad(result.event.uppercased(), 8) + pad(result.path, 10) + pad(result.operation, 11)
                    + pad(Self.format(result.eventsPerSecond), 14, right: true)
                    + pad(base.map(Self.format) ?? "-", 15, right: true)
                    + pad(ratio(result).map { String(format: "%.1fx", $0) } ?? "-", 9, right: true)
            )
        }
        if baseline != nil {
            let worst = results.compactMap(ratio).min() ?? 0
            lines += ["", String(format: "lowest ratio %.1fx: %@", worst, worst >= 2 ? "target met" : "TARGET MISSED")]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var json: AvroJSON {
        .object([
            "fastavro": .string(baseline?.version ?? ""),
            "results": .array(
                results.map { result in
                    var object: AvroJSONObject = [
                        "event": .string(result.event), "path": .string(result.path),
                        "operation": .string(result.operation),
                        "swiftEventsPerSecond": .double(result.eventsPerSecond.rounded()),
                    ]
                    if let base = baseline?.rates[result.event]?[result.operation] {
                        object["fastavroEventsPerSecond"] = .double(base.rounded())
                    }
                    if let ratio = ratio(result) { object["ratio"] = .double((ratio * 100).rounded() / 100) }
                    return .object(object)
                }
            ),
        ])
    }

    func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("avro.txt"))
        try Data((json.jsonText + "\n").utf8).write(
            to: URL(fileURLWithPath: directory).appendingPathComponent("avro.json")
        )
    }

    private static func format(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var grouped = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return String(grouped.reversed())
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text + "  " : text + padding
    }
}
