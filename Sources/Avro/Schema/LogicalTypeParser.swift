/// Reads the `logicalType` attribute. The specification says an unknown or invalid logical type must be
/// ignored (the schema is its underlying type), so this returns `nil` rather than throwing.
enum LogicalTypeParser {
    static func parse(_ object: AvroJSONObject, for type: AvroType) -> AvroLogicalType? {
        guard case .string(let name)? = object["logicalType"] else { return nil }
        switch (name, type) {
        case ("decimal", .bytes): return decimal(object, maximumPrecision: nil)
        case ("decimal", .fixed(let fixed)):
            return decimal(object, maximumPrecision: AvroLogicalType.maximumDecimalPrecision(fixedSize: fixed.size))
        case ("uuid", .string): return .uuid
        case ("uuid", .fixed(let fixed)) where fixed.size == 16: return .uuid
        case ("date", .int): return .date
        case ("time-millis", .int): return .timeMillis
        case ("time-micros", .long): return .timeMicros
        case ("timestamp-millis", .long): return .timestampMillis
        case ("timestamp-micros", .long): return .timestampMicros
        case ("timestamp-nanos", .long): return .timestampNanos
        case ("local-timestamp-millis", .long): return .localTimestampMillis
        case ("local-timestamp-micros", .long): return .localTimestampMicros
        case ("local-timestamp-nanos", .long): return .localTimestampNanos
        case ("duration", .fixed(let fixed)) where fixed.size == 12: return .duration
        default: return nil
        }
    }

    /// A decimal needs `precision > 0` and `0 ≤ scale ≤ precision` (scale defaults to 0), and a fixed
    /// decimal's precision must fit its size.
    private static func decimal(_ object: AvroJSONObject, maximumPrecision: Int?) -> AvroLogicalType? {
        guard let precision = object["precision"]?.exactInteger, precision > 0, precision <= Int32.max else {
            return nil
        }
        var scale: Int64 = 0
        if let scaleJSON = object["scale"] {
            guard let value = scaleJSON.exactInteger, value >= 0 else { return nil }
            scale = value
        }
        guard scale <= precision else { return nil }
        if let maximumPrecision, precision > maximumPrecision { return nil }
        return .decimal(precision: Int(precision), scale: Int(scale))
    }
}
