/// A scrape of `GET /metrics` parsed: the `# TYPE` of each metric and every `name{labels} value` line,
/// as Prometheus's text exposition format 0.0.4 writes them. Enough for tests: label values may hold
/// escaped quotes and backslashes; timestamps and `# HELP` lines are ignored.
public struct PrometheusText: Sendable, CustomStringConvertible {
    public struct Sample: Sendable, Equatable {
        public var name: String
        public var labels: [String: String]
        public var value: Double
    }

    /// Metric name → `counter`, `gauge`, `histogram`, …
    public private(set) var types: [String: String] = [:]
    public private(set) var samples: [Sample] = []
    public let description: String

    /// - Throws: ``TestSupportError`` naming the first line that is not in the format.
    public init(_ text: String) throws {
        description = text
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst("# TYPE ".count).split(separator: " ")
                guard parts.count == 2 else { throw TestSupportError(description: "bad TYPE line: \(line)") }
                types[String(parts[0])] = String(parts[1])
            } else if !line.hasPrefix("#") {
                guard let sample = Self.sample(line) else { throw TestSupportError(description: "bad sample line: \(line)") }
                samples.append(sample)
            }
        }
    }

    /// The value of the sample called `name` whose labels are exactly `labels`.
    public func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// The samples called `name` whose labels include `labels`.
    public func samples(_ name: String, matching labels: [String: String] = [:]) -> [Sample] {
        samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
    }

    private static func sample(_ line: Substring) -> Sample? {
        var rest = line[...]
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "="), rest[rest.index(after: equals)...].first == "\"" else { return nil }
                let key = String(rest[..<equals])
                rest = rest[rest.index(equals, offsetBy: 2)...]
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\", let escaped = rest.first {
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { return nil }
                rest = rest.dropFirst()
                labels[key] = value
                if rest.first == "," { rest = rest.dropFirst() }
                guard !rest.isEmpty else { return nil }
            }
            rest = rest.dropFirst()
        }
        guard !name.isEmpty, rest.first == " " else { return nil }
        let fields = rest.split(separator: " ")
        guard let text = fields.first, let value = Double(text == "+Inf" ? "inf" : text == "-Inf" ? "-inf" : String(text)) else {
            return nil
        }
        return Sample(name: String(name), labels: labels, value: value)
    }
}
