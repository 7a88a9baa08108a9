import Avro
import AvroFixtures
import Foundation

/// The four measurements of one event: generic and Codable, encode and decode.
struct EventBenchmark {
    let schema: AvroSchema
    let event: OrderEvent
    let value: AvroValue
    let seconds: Double
    let encoded: [UInt8]
    let encoder: AvroEncoder
    let decoder: AvroDecoder
    let writer: AvroDatumWriter
    let reader: AvroDatumReader

    var encodedHex: String { encoded.map { String(format: "%02x", $0) }.joined() }

    init(schema: AvroSchema, event: OrderEvent, value: AvroValue, seconds: Double) throws {
        self.schema = schema
        self.event = event
        self.value = value
        self.seconds = seconds
        encoder = try AvroEncoder(schema: schema)
        decoder = try AvroDecoder(schema: schema)
        writer = try AvroDatumWriter(schema: schema)
        reader = try AvroDatumReader(schema: schema)
        encoded = try encoder.encode(event)
        guard try writer.encode(value) == encoded, try decoder.decode(OrderEvent.self, from: encoded) == event,
            try reader.decode(encoded) == value
        else { throw BenchmarkFailure("generic and Codable paths disagree") }
    }

    func run(event name: String, only: String?) throws -> [BenchmarkResult] {
        let event = self.event, value = self.value, encoded = self.encoded
        let encoder = self.encoder, decoder = self.decoder, writer = self.writer, reader = self.reader
        let bodies: [(path: String, operation: String, body: () throws -> Int)] = [
            ("generic", "encode", { try writer.encode(value).count }),
            (
                "generic", "decode",
                {
                    if case .record(let record) = try reader.decode(encoded) { return record.count }
                    return 0
                }
            ),
            ("Codable", "encode", { try encoder.encode(event).count }),
            ("Codable", "decode", { try decoder.decode(OrderEvent.self, from: encoded).orderId.utf8.count }),
        ]
        return try bodies.filter { only == nil || only == "\($0.path)-\($0.operation)" }.map { entry in
            BenchmarkResult(
                event: name,
                path: entry.path,
                operation: entry.operation,
                eventsPerSecond: try measure(entry.body)
            )
        }
    }

    /// Best of three timed runs of about a third of `seconds` each, after calibrating the count. Time is
    /// this thread's CPU time, so other processes on a busy machine do not distort the figure (it is
    /// per core by construction); the fastavro side measures the same way.
    private func measure(_ body: () throws -> Int) throws -> Double {
        var sink = 0
        var count = 1000
        var elapsed = 0.0
        while true {
            let start = threadCPUTime()
            for _ in 0..<count { sink &+= try body() }
            elapsed = threadCPUTime() - start
            if elapsed > 0.2 { break }
            count *= 2
        }
        let perRun = max(1, Int(Double(count) * (seconds / 3) / elapsed))
        var best = 0.0
        for _ in 0..<3 {
            let start = threadCPUTime()
            for _ in 0..<perRun { sink &+= try body() }
            best = max(best, Double(perRun) / (threadCPUTime() - start))
        }
        if sink == 42 { print("") }  // keeps the work observable
        return best
    }
}

/// Seconds of CPU time this thread has used.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
