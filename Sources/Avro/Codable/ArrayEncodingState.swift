/// An array being encoded: the item count is only known at the end, so items are collected in a buffer
/// and written as one block.
final class ArrayEncodingState {
    let items: Int
    private(set) var count = 0
    private var buffer: [UInt8] = []
    private var segments: [PendingBytes] = []

    init(items: Int) {
        self.items = items
    }

    /// Encodes one item into the block buffer.
    func encodeItem(in context: AvroEncodingContext, _ body: (Int) throws -> Void) throws {
        swap(&buffer, &context.output)
        defer { swap(&buffer, &context.output) }
        do {
            try body(items)
        } catch let error as AvroError {
            throw error.prefixed("[\(count)]")
        }
        count += 1
    }

    func nested(in context: AvroEncodingContext) -> AvroEncodingContext {
        segments.append(.bytes(buffer))
        buffer = []
        let child = context.child(node: items)
        segments.append(.nested(child))
        count += 1
        return child
    }

    func finish(in context: AvroEncodingContext) throws {
        if count > 0 {
            context.output.appendLong(Int64(count))
            for segment in segments { try segment.append(to: &context.output) }
            context.output.append(contentsOf: buffer)
        }
        context.output.append(0)
    }
}
