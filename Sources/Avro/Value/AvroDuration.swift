/// The Avro `duration` logical type: months, days and milliseconds, each an unsigned 32-bit count,
/// kept apart because a month or a day has no fixed length. Encoded as a `fixed` of 12 bytes.
public struct AvroDuration: Sendable, Hashable, Codable {
    public var months: UInt32
    public var days: UInt32
    public var milliseconds: UInt32

    public init(months: UInt32, days: UInt32, milliseconds: UInt32) {
        self.months = months
        self.days = days
        self.milliseconds = milliseconds
    }

    /// Reads the 12-byte little-endian form; `nil` if `bytes` is not 12 bytes long.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 12 else { return nil }
        func word(_ start: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[start + $1]) << (8 * UInt32($1)) }
        }
        self.init(months: word(0), days: word(4), milliseconds: word(8))
    }

    /// The 12-byte little-endian form.
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(12)
        append(to: &result)
        return result
    }

    func append(to output: inout [UInt8]) {
        for word in [months, days, milliseconds] {
            for shift in stride(from: 0, to: 32, by: 8) {
                output.append(UInt8(truncatingIfNeeded: word >> UInt32(shift)))
            }
        }
    }
}
