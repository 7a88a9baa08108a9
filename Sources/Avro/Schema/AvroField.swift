/// A field of a record.
public struct AvroField: Sendable, Hashable {
    public var name: String
    public var schema: AvroSchema
    /// The value readers use when the writer's schema lacks this field, in the Avro JSON form of the
    /// specification's default-value table (bytes as strings of code points 0–255; a union's default
    /// matches one of its branches, the first that fits).
    public var defaultValue: AvroJSON?
    public var order: AvroFieldOrder
    /// Former names of the field, used when resolving data written under an old name.
    public var aliases: [String]
    public var doc: String?
    /// Attributes beyond those the specification defines, in order.
    public var attributes: AvroJSONObject

    public init(
        name: String,
        schema: AvroSchema,
        defaultValue: AvroJSON? = nil,
        order: AvroFieldOrder = .ascending,
        aliases: [String] = [],
        doc: String? = nil,
        attributes: AvroJSONObject = [:]
    ) {
        self.name = name
        self.schema = schema
        self.defaultValue = defaultValue
        self.order = order
        self.aliases = aliases
        self.doc = doc
        self.attributes = attributes
    }
}
