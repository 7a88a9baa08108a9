import Foundation
import TestSupport

/// The PromQL of the files under `ops/`: the Grafana dashboard's panel targets and the Prometheus alert
/// rules, and the metric names each one reads.
enum OpsQueries {
    /// Every expression with the file it comes from. YAML is read by Python's PyYAML (the venv has it) rather
    /// than by a parser of our own, so that what counts is what Prometheus itself would load.
    static func expressions() async throws -> [(file: String, expression: String)] {
        let script = """
            import json, sys, yaml
            dashboard, alerts = json.load(open(sys.argv[1])), yaml.safe_load(open(sys.argv[2]))
            found = [("ops/grafana/order-platform.json", t["expr"]) for p in dashboard["panels"] for t in p["targets"]]
            found += [("ops/prometheus/alerts.yml", r["expr"]) for g in alerts["groups"] for r in g["rules"]]
            print(json.dumps(found))
            """
        let root = ProjectPaths.root
        let result = try await runPython(
            script: script,
            arguments: [
                root.appendingPathComponent("ops/grafana/order-platform.json").path,
                root.appendingPathComponent("ops/prometheus/alerts.yml").path,
            ])
        guard result.status == 0 else { throw TestSupportError(description: "python failed: \(result.stderrText)") }
        let pairs = (try JSONSerialization.jsonObject(with: result.stdout) as? [[String]]) ?? []
        return pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
    }

    /// PromQL's words that are not metric names: aggregations (`sum by (…) (…)` puts a space before the
    /// parenthesis) and binary operators.
    static let keywords: Set<String> = [
        "sum", "min", "max", "avg", "count", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
        "and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left", "group_right",
    ]

    /// The metric names an expression reads, histogram series (`_bucket`, `_sum`, `_count`) under their
    /// family's name. Label matchers, grouping lists, range selectors, strings and functions are left out.
    static func metricNames(in expression: String) throws -> Set<String> {
        var text = expression
        for pattern in [
            #""[^"]*""#, #"\{[^}]*\}"#, #"\[[^\]]*\]"#,
            #"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let identifier = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9_:.$])[A-Za-z_:][A-Za-z0-9_:]*(?!\s*\(|[A-Za-z0-9_:])"#)
        let range = NSRange(text.startIndex..., in: text)
        let words = identifier.matches(in: text, range: range).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
        return Set(words.filter { !keywords.contains($0) }.map(familyName))
    }

    private static func familyName(_ name: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
