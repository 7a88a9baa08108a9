final class EnumPlan: Sendable {
    /// Reader symbol index for each writer symbol index, or `nil` when the reader lacks the symbol
    /// and has no default.
    let readerIndex: [Int?]
    let writerSymbols: [String]
    let readerSymbols: [String]

    init(readerIndex: [Int?], writerSymbols: [String], readerSymbols: [String]) {
        self.readerIndex = readerIndex
        self.writerSymbols = writerSymbols
        self.readerSymbols = readerSymbols
    }
}
