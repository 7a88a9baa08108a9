/// A record: named, with ordered fields.
public struct AvroRecordSchema: Sendable, Hashable {
    public var name: AvroName
    /// Former names, used when resolving data written under an old name.
    public var aliases: [AvroName]
    public var doc: String?
    public var fields: [AvroField]
    /// `true` for the `"error"` type of Avro protocols, which is otherwise a record.
    public var isError: Bool

    public init(
        name: AvroName,
        fields: [AvroField],
        aliases: [AvroName] = [],
        doc: String? = nil,
        isError: Bool = false
    ) {
        self.name = name
        self.fields = fields
        self.aliases = aliases
        self.doc = doc
        self.isError = isError
    }

    public func field(named name: String) -> AvroField? {
        fields.first { $0.name == name }
    }
}
