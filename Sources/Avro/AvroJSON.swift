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

/// A JSON object whose members keep the order they were written in.
public struct AvroJSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: AvroJSON

        public init(key: String, value: AvroJSON) {
            self.key = key
            self.value = value
        }
    }

    public private(set) var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    public init(dictionaryLiteral elements: (String, AvroJSON)...) {
        self.members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    public var isEmpty: Bool { members.isEmpty }
    public var count: Int { members.count }
    public var keys: [String] { members.map(\.key) }

    /// The value of the last member named `key` (JSON parsers commonly let a later duplicate win).
    /// Setting appends a new member or replaces the existing one in place.
    public subscript(key: String) -> AvroJSON? {
        get { members.last { $0.key == key }?.value }
        set {
            let index = members.lastIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (_?, nil): members.removeAll { $0.key == key }
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }

    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    mutating func append(_ key: String, _ value: AvroJSON) {
        members.append(Member(key: key, value: value))
    }
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
