import Avro
import Foundation

/// One measurement: events per second on this thread (so per core).
struct BenchmarkResult {
    let event: String
    let path: String
    let operation: String
    let eventsPerSecond: Double
}
