/// A JSON value, as schemas, defaults, custom attributes and the Avro JSON encoding need it.
///
/// Our own type rather than `JSONSerialization` because Avro needs what Foundation's JSON does not
/// promise: object members in their original order (field order, attribute order), 64-bit integers that
/// survive unchanged (`Int64.min` as a default), `NaN`/`Infinity` for floats, and a depth limit so that
/// hostile input cannot overflow the stack.
public enum AvroJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number, including `NaN`, `Infinity` and `-Infinity`.
    case double(Double)
    case string(String)
    case array([AvroJSON])
    case object(AvroJSONObject)
}

extension AvroJSON {
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var objectValue: AvroJSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var arrayValue: [AvroJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The integer this number denotes exactly, if any (`2.0` is 2; `2.5` is not an integer).
    public var exactInteger: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value):
            guard value.rounded(.towardZero) == value, value >= -0x1p63, value < 0x1p63 else { return nil }
            return Int64(value)
        default: return nil
        }
    }

    /// The number as a `Double`, if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// A short name for error messages: "a string", "an object", …
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
