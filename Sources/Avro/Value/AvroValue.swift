/// A datum of any schema, in its physical form (what the binary encoding carries).
///
/// The generic counterpart of `Codable` types: what ``AvroDatumReader`` returns and ``AvroDatumWriter``
/// takes. Logical types appear as their underlying type (a `decimal` as `.bytes` or `.fixed` holding the
/// unscaled value, a `timestamp-millis` as `.long`); the helpers in `AvroValue+Logical.swift` convert.
///
/// Equality is structural: floats compare by bit pattern, so `NaN == NaN` and `-0.0 != 0.0`, which keeps
/// `Hashable` lawful and makes round-trip checks exact.
public enum AvroValue: Sendable {
    case null
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case bytes([UInt8])
    case string(String)
    case fixed([UInt8])
    /// An enum symbol.
    case enumeration(String)
    case array([AvroValue])
    /// Map entries; the binary encoder writes them sorted by key so the output is deterministic.
    case map([String: AvroValue])
    case record(AvroRecord)
    /// A value of the union branch at `branch` (0-based, in the union's order). The encoders also accept
    /// a bare value for a union schema and pick the first branch it fits.
    indirect case union(branch: Int, AvroValue)
}

extension AvroValue: Hashable {
    public static func == (lhs: AvroValue, rhs: AvroValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.boolean(let a), .boolean(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.long(let a), .long(let b)): a == b
        case (.float(let a), .float(let b)): a.bitPattern == b.bitPattern
        case (.double(let a), .double(let b)): a.bitPattern == b.bitPattern
        case (.bytes(let a), .bytes(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.fixed(let a), .fixed(let b)): a == b
        case (.enumeration(let a), .enumeration(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.map(let a), .map(let b)): a == b
        case (.record(let a), .record(let b)): a == b
        case (.union(let i, let a), .union(let j, let b)): i == j && a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .boolean(let value): hasher.combine(value)
        case .int(let value): hasher.combine(value)
        case .long(let value): hasher.combine(value)
        case .float(let value): hasher.combine(value.bitPattern)
        case .double(let value): hasher.combine(value.bitPattern)
        case .bytes(let value), .fixed(let value): hasher.combine(value)
        case .string(let value), .enumeration(let value): hasher.combine(value)
        case .array(let value): hasher.combine(value)
        case .map(let value): hasher.combine(value)
        case .record(let value): hasher.combine(value)
        case .union(let branch, let value):
            hasher.combine(branch)
            hasher.combine(value)
        }
    }
}

extension AvroValue {
    /// A short name of the value's kind for error messages.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .bytes: "bytes"
        case .string: "string"
        case .fixed: "fixed"
        case .enumeration: "enum symbol"
        case .array: "array"
        case .map: "map"
        case .record: "record"
        case .union: "union value"
        }
    }

    /// The value without its union wrapper.
    public var unwrapped: AvroValue {
        if case .union(_, let value) = self { return value.unwrapped }
        return self
    }

    /// The field `name` of a record value (looking through a union wrapper).
    public subscript(field name: String) -> AvroValue? {
        if case .record(let record) = unwrapped { return record[name] }
        return nil
    }
}
