import Avro
import AvroFixtures
import Foundation

/// `avro-benchmark`: encode and decode of the seed's order event, generic and Codable, compared with
/// fastavro measured by `scripts/avro/bench_fastavro.py` in the same run (`scripts/avro/bench.sh`).
///
/// Usage: `avro-benchmark [--fastavro results.json] [--output-dir bench-results] [--seconds 3] [--only Codable-decode]`
/// (`--only` runs one path and operation, for profiling).
@main
enum AvroBenchmark {
    static func main() throws {
        let options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
        let baseline = try options.fastavroPath.map { try FastavroBaseline(path: $0) }
        let schema = try OrderEventFixture.schema
        var results: [BenchmarkResult] = []
        for (name, event, value) in [
            ("create", OrderEventFixture.create, OrderEventFixture.createValue),
            ("update", OrderEventFixture.update, OrderEventFixture.updateValue),
        ] {
            let suite = try EventBenchmark(schema: schema, event: event, value: value, seconds: options.seconds)
            if let expected = baseline?.hex[name], expected != suite.encodedHex {
                throw BenchmarkFailure("\(name): Swift encodes \(suite.encodedHex), fastavro \(expected)")
            }
            results += try suite.run(event: name, only: options.only)
        }
        let report = BenchmarkReport(results: results, baseline: baseline)
        print(report.text, terminator: "")
        try report.write(to: options.outputDirectory)
    }
}
