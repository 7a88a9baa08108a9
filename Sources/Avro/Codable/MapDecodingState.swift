/// A map being decoded through a keyed container: keys are only known by reading, so the whole map is
/// scanned once, keeping where each value starts.
final class MapDecodingState {
    let values: Int
    let context: AvroDecodingContext
    private(set) var keys: [String] = []
    private var offsets: [String: Int] = [:]
    private(set) var end = 0

    init(values: Int, context: AvroDecodingContext) throws {
        self.values = values
        self.context = context
        let writerValues = context.plan.writerNodes[values]
        var total = 0
        while true {
            let (count, _) = try context.input.readBlockCount(total: total, itemsCanBeEmpty: false)
            if count == 0 { break }
            total += count
            for _ in 0..<count {
                let key = try context.input.readString()
                if offsets[key] == nil { keys.append(key) }
                offsets[key] = context.input.position
                try context.plan.writer.skipValue(writerValues, in: &context.input, depth: context.depth)
            }
        }
        end = context.input.position
    }

    func offset(of key: String) -> Int? { offsets[key] }
}
