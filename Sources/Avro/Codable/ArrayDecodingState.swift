/// An array being decoded, block by block.
final class ArrayDecodingState {
    let items: Int
    let itemsCanBeEmpty: Bool
    private var remainingInBlock = 0
    private var total = 0
    private(set) var isFinished = false
    private(set) var currentIndex = 0

    init(items: Int, itemsCanBeEmpty: Bool) {
        self.items = items
        self.itemsCanBeEmpty = itemsCanBeEmpty
    }

    /// Reads the next block header when the current block is used up.
    func checkEnd(in context: AvroDecodingContext) throws -> Bool {
        while remainingInBlock == 0 && !isFinished {
            let (count, _) = try context.input.readBlockCount(total: total, itemsCanBeEmpty: itemsCanBeEmpty)
            if count == 0 {
                isFinished = true
            } else {
                remainingInBlock = count
                total += count
            }
        }
        return isFinished
    }

    func takeItem() {
        remainingInBlock -= 1
        currentIndex += 1
    }

    func finish(in context: AvroDecodingContext) throws {
        let writerItems = context.plan.writerNodes[items]
        while try !checkEnd(in: context) {
            try context.plan.writer.skipValue(writerItems, in: &context.input, depth: context.depth)
            takeItem()
        }
    }
}
