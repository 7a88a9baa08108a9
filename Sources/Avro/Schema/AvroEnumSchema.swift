/// An enum: named, with an ordered list of symbols.
public struct AvroEnumSchema: Sendable, Hashable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var symbols: [String]
    /// The symbol readers use for a writer's symbol they do not know (schema resolution).
    public var defaultSymbol: String?

    public init(
        name: AvroName,
        symbols: [String],
        defaultSymbol: String? = nil,
        aliases: [AvroName] = [],
        doc: String? = nil
    ) {
        self.name = name
        self.symbols = symbols
        self.defaultSymbol = defaultSymbol
        self.aliases = aliases
        self.doc = doc
    }
}
