import Foundation

/// Conversions between logical-type values and the physical ``AvroValue`` cases the generic codecs
/// carry. The typed codecs (``AvroEncoder``, ``AvroDecoder``) do the same conversions for `Codable`
/// properties; these are for code that works with generic values.
extension AvroValue {
    /// A `decimal` as `.bytes`: the unscaled value in the fewest two's-complement bytes fastavro and the
    /// Apache library use. Throws if `value` has more fraction digits than `scale` or more digits than
    /// `precision`.
    public static func decimal(_ value: Decimal, scale: Int, precision: Int = 38) throws(AvroError) -> AvroValue {
        let unscaled = try DecimalCoding.unscaled(value, scale: scale, precision: precision)
        var bytes: [UInt8] = []
        DecimalCoding.appendTwosComplement(unscaled, to: &bytes)
        return .bytes(bytes)
    }

    /// A `decimal` as `.fixed` of `size` bytes (sign-extended).
    public static func decimal(
        _ value: Decimal,
        scale: Int,
        precision: Int,
        fixedSize size: Int
    ) throws(AvroError) -> AvroValue {
        let unscaled = try DecimalCoding.unscaled(value, scale: scale, precision: precision)
        var bytes: [UInt8] = []
        try DecimalCoding.appendFixed(unscaled, size: size, to: &bytes)
        return .fixed(bytes)
    }

    /// The `Decimal` a `decimal`'s `.bytes` or `.fixed` holds at `scale` (through a union wrapper too).
    public func decimalValue(scale: Int) throws(AvroError) -> Decimal {
        switch unwrapped {
        case .bytes(let bytes), .fixed(let bytes):
            let unscaled = try bytes.withAvroBytes { (buffer) throws(AvroError) in
                try DecimalCoding.unscaled(fromTwosComplement: buffer)
            }
            return DecimalCoding.decimal(unscaled: unscaled, scale: scale)
        default:
            throw .typeMismatch("a decimal is bytes or fixed, not \(kindDescription)")
        }
    }

    /// A `uuid` on a string: the lowercase RFC 4122 text.
    public static func uuid(_ value: UUID) -> AvroValue {
        .string(value.uuidString.lowercased())
    }

    /// The `UUID` of a `uuid` string or 16-byte fixed.
    public var uuidValue: UUID? {
        switch unwrapped {
        case .string(let text): return UUID(uuidString: text)
        case .fixed(let b) where b.count == 16:
            return UUID(
                uuid: (
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
                )
            )
        default: return nil
        }
    }

    /// A `timestamp-millis` (or `local-timestamp-millis`) value; throws for a date beyond 64 bits.
    public static func timestampMillis(_ date: Date) throws(AvroError) -> AvroValue {
        .long(try units(date.timeIntervalSince1970 * 1_000, date))
    }

    /// A `timestamp-micros` (or `local-timestamp-micros`) value; throws for a date beyond 64 bits.
    public static func timestampMicros(_ date: Date) throws(AvroError) -> AvroValue {
        .long(try units(date.timeIntervalSince1970 * 1_000_000, date))
    }

    /// A `date`: days since 1970-01-01 (UTC); throws for a date beyond 32 bits of days.
    public static func date(_ date: Date) throws(AvroError) -> AvroValue {
        guard let days = Int32(exactly: (date.timeIntervalSince1970 / 86_400).rounded(.down)) else {
            throw .typeMismatch("date \(date) out of range")
        }
        return .int(days)
    }

    private static func units(_ value: Double, _ date: Date) throws(AvroError) -> Int64 {
        guard let count = Int64(exactly: value.rounded()) else { throw .typeMismatch("date \(date) out of range") }
        return count
    }

    /// The `Date` of a `timestamp-*` `.long` given its units per second (1 000 for millis, 1 000 000 for
    /// micros, 1 000 000 000 for nanos), or of a `date` `.int` (pass 1/86 400).
    public func dateValue(unitsPerSecond: Double) -> Date? {
        switch unwrapped {
        case .long(let count): return Date(timeIntervalSince1970: Double(count) / unitsPerSecond)
        case .int(let count): return Date(timeIntervalSince1970: Double(count) / unitsPerSecond)
        default: return nil
        }
    }
}
