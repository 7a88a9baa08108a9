import Avro
import Foundation

struct BenchmarkOptions {
    var fastavroPath: String?
    var outputDirectory = "bench-results"
    var seconds = 3.0
    var only: String?

    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { throw BenchmarkFailure("\(flag) needs a value") }
            switch flag {
            case "--fastavro": fastavroPath = value
            case "--output-dir": outputDirectory = value
            case "--seconds": seconds = Double(value) ?? seconds
            case "--only": only = value
            default: throw BenchmarkFailure("unknown option \(flag)")
            }
        }
    }
}
