/// The physical types of Avro.
public indirect enum AvroType: Sendable, Hashable {
    case null, boolean, int, long, float, double, bytes, string
    case record(AvroRecordSchema)
    case enumeration(AvroEnumSchema)
    case fixed(AvroFixedSchema)
    case array(items: AvroSchema)
    case map(values: AvroSchema)
    case union([AvroSchema])
    /// A use of a named type inside its own definition (a recursive type such as a linked list).
    case reference(AvroName)

    /// `"int"`, `"record"`, `"array"`, …: the `type` attribute of this kind of schema.
    public var primitiveName: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .bytes: "bytes"
        case .string: "string"
        case .record: "record"
        case .enumeration: "enum"
        case .fixed: "fixed"
        case .array: "array"
        case .map: "map"
        case .union: "union"
        case .reference(let name): name.fullName
        }
    }

    static let primitiveNames: Set<String> = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"]

    static func primitive(named name: String) -> AvroType? {
        switch name {
        case "null": .null
        case "boolean": .boolean
        case "int": .int
        case "long": .long
        case "float": .float
        case "double": .double
        case "bytes": .bytes
        case "string": .string
        default: nil
        }
    }
}
