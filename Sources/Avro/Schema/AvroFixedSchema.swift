/// A fixed: named, a fixed number of bytes.
public struct AvroFixedSchema: Sendable, Hashable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var size: Int

    public init(name: AvroName, size: Int, aliases: [AvroName] = [], doc: String? = nil) {
        self.name = name
        self.size = size
        self.aliases = aliases
        self.doc = doc
    }
}
