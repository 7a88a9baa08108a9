/// The logical types of Avro 1.12: how to interpret an underlying type.
///
/// The binary and JSON encodings are those of the underlying type; logical types matter for the
/// typed (`Codable`) path, which maps them to `Decimal`, `UUID` and `Date`, and for helpers on
/// ``AvroValue``.
public enum AvroLogicalType: Sendable, Hashable {
    /// An arbitrary-precision signed decimal: `bytes` or `fixed` holding the two's-complement big-endian
    /// unscaled value; the value is `unscaled × 10^-scale`.
    case decimal(precision: Int, scale: Int)
    /// A UUID: `string` in RFC 4122 text form, or `fixed` of 16 bytes.
    case uuid
    /// Days since 1970-01-01 (`int`).
    case date
    /// Milliseconds after midnight (`int`).
    case timeMillis
    /// Microseconds after midnight (`long`).
    case timeMicros
    /// An instant in milliseconds, microseconds or nanoseconds since the Unix epoch, UTC (`long`).
    case timestampMillis, timestampMicros, timestampNanos
    /// A wall-clock time in milliseconds, microseconds or nanoseconds since 1970-01-01T00:00 in an
    /// unspecified time zone (`long`).
    case localTimestampMillis, localTimestampMicros, localTimestampNanos
    /// Months, days and milliseconds as three little-endian unsigned 32-bit integers (`fixed` of 12).
    case duration

    /// The `logicalType` attribute's value.
    public var name: String {
        switch self {
        case .decimal: "decimal"
        case .uuid: "uuid"
        case .date: "date"
        case .timeMillis: "time-millis"
        case .timeMicros: "time-micros"
        case .timestampMillis: "timestamp-millis"
        case .timestampMicros: "timestamp-micros"
        case .timestampNanos: "timestamp-nanos"
        case .localTimestampMillis: "local-timestamp-millis"
        case .localTimestampMicros: "local-timestamp-micros"
        case .localTimestampNanos: "local-timestamp-nanos"
        case .duration: "duration"
        }
    }

    /// The largest number of decimal digits a two's-complement number of `size` bytes always holds:
    /// `floor(log10(2^(8·size − 1) − 1))`, the specification's bound on a fixed decimal's precision.
    static func maximumDecimalPrecision(fixedSize size: Int) -> Int {
        guard size > 0 else { return 0 }
        // log10(2) · (8·size − 1), rounded down, with care for exact powers (there are none: 2^n is never 10^k).
        let bits = Double(8 * size - 1)
        return Int((bits * 0.30102999566398119521).rounded(.down))
    }
}
