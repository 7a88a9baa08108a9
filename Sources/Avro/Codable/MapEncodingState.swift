/// A map being encoded. Entries are kept apart and written sorted by key when the map finishes: a Swift
/// `Dictionary` encodes in an order that changes from run to run, and equal maps should give equal bytes
/// (the generic encoder sorts too).
final class MapEncodingState {
    let values: Int
    private var entries: [(key: String, value: PendingBytes)] = []

    init(values: Int) {
        self.values = values
    }

    func encodeValue(key: String, in context: AvroEncodingContext, _ body: (Int) throws -> Void) throws {
        var buffer: [UInt8] = []
        swap(&buffer, &context.output)
        defer { swap(&buffer, &context.output) }
        do {
            try body(values)
        } catch let error as AvroError {
            throw error.prefixed("{\(key)}")
        }
        entries.append((key, .bytes(context.output)))
    }

    func nested(key: String, in context: AvroEncodingContext) -> AvroEncodingContext {
        let child = context.child(node: values)
        entries.append((key, .nested(child)))
        return child
    }

    func finish(in context: AvroEncodingContext) throws {
        var latest: [String: PendingBytes] = [:]
        for entry in entries { latest[entry.key] = entry.value }
        if !latest.isEmpty {
            context.output.appendLong(Int64(latest.count))
            for key in latest.keys.sorted() {
                context.output.appendString(key)
                do { try latest[key]?.append(to: &context.output) } catch let error as AvroError {
                    throw error.prefixed("{\(key)}")
                }
            }
        }
        context.output.append(0)
    }
}
