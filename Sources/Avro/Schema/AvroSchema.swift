/// An Avro schema: what a datum's bytes mean.
///
/// Parse one with ``init(parsing:)``, write it back with ``jsonText``, and derive the Parsing Canonical
/// Form and fingerprints from it. The tree is self-contained: a named type referred to again after its
/// definition is stored as a full copy (copy-on-write makes that cheap), except a reference from inside
/// its own definition (a recursive type), which stays a ``AvroType/reference(_:)`` to the enclosing
/// definition.
///
/// Encoders and decoders compile a schema once into an internal form; build them once and reuse them.
public struct AvroSchema: Sendable, Hashable {
    /// The physical type.
    public var type: AvroType
    /// The logical type, when the schema names a valid one. An unknown or invalid logical type is not
    /// an error: the schema behaves as its underlying type, and the attribute stays in ``attributes``.
    public var logicalType: AvroLogicalType?
    /// Attributes beyond those the specification defines (`"connect.name"`, `"java-class"`, …), in order.
    public var attributes: AvroJSONObject

    public init(_ type: AvroType, logicalType: AvroLogicalType? = nil, attributes: AvroJSONObject = [:]) {
        self.type = type
        self.logicalType = logicalType
        self.attributes = attributes
    }

    public static let null = AvroSchema(.null)
    public static let boolean = AvroSchema(.boolean)
    public static let int = AvroSchema(.int)
    public static let long = AvroSchema(.long)
    public static let float = AvroSchema(.float)
    public static let double = AvroSchema(.double)
    public static let bytes = AvroSchema(.bytes)
    public static let string = AvroSchema(.string)

    public static func array(of items: AvroSchema) -> AvroSchema { AvroSchema(.array(items: items)) }
    public static func map(of values: AvroSchema) -> AvroSchema { AvroSchema(.map(values: values)) }
    public static func union(_ branches: [AvroSchema]) -> AvroSchema { AvroSchema(.union(branches)) }
    public static func record(_ record: AvroRecordSchema) -> AvroSchema { AvroSchema(.record(record)) }
    public static func enumeration(_ schema: AvroEnumSchema) -> AvroSchema { AvroSchema(.enumeration(schema)) }
    public static func fixed(_ schema: AvroFixedSchema, logicalType: AvroLogicalType? = nil) -> AvroSchema {
        AvroSchema(.fixed(schema), logicalType: logicalType)
    }

    /// The full name of a record, enum, fixed or reference; `nil` for other types.
    public var name: AvroName? {
        switch type {
        case .record(let record): record.name
        case .enumeration(let enumeration): enumeration.name
        case .fixed(let fixed): fixed.name
        case .reference(let name): name
        default: nil
        }
    }

    /// The name a union branch of this schema has in the JSON encoding: the full name of a named
    /// type, otherwise the type name (`"int"`, `"array"`, …).
    public var typeName: String {
        if let name { return name.fullName }
        return type.primitiveName
    }
}
