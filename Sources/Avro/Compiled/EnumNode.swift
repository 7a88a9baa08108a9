final class EnumNode: Sendable {
    let name: AvroName
    let aliases: [AvroName]
    let symbols: [String]
    let symbolIndex: [String: Int]
    let defaultIndex: Int?

    init(_ schema: AvroEnumSchema) {
        self.name = schema.name
        self.aliases = schema.aliases
        self.symbols = schema.symbols
        var index: [String: Int] = [:]
        for (position, symbol) in schema.symbols.enumerated() { index[symbol] = position }
        self.symbolIndex = index
        self.defaultIndex = schema.defaultSymbol.flatMap { index[$0] }
    }
}
