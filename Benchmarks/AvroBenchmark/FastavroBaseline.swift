import Avro
import Foundation

/// fastavro's figures from `scripts/avro/bench_fastavro.py`.
struct FastavroBaseline {
    let version: String
    /// events per second by event and operation.
    let rates: [String: [String: Double]]
    let hex: [String: String]

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchmarkFailure("cannot read \(path)")
        }
        guard case .object(let root) = try AvroJSON(parsing: [UInt8](data)) else {
            throw BenchmarkFailure("\(path) is not a JSON object")
        }
        version = root["fastavro"]?.stringValue ?? "?"
        var rates: [String: [String: Double]] = [:]
        var hex: [String: String] = [:]
        for event in ["create", "update"] {
            guard case .object(let figures)? = root[event] else { continue }
            rates[event] = [
                "encode": figures["encode"]?.doubleValue ?? 0, "decode": figures["decode"]?.doubleValue ?? 0,
            ]
            hex[event] = figures["hex"]?.stringValue
        }
        self.rates = rates
        self.hex = hex
    }
}
