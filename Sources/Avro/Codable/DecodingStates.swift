/// A record being decoded. Swift asks for fields in declaration order, which usually is the writer's
/// order, so the common case reads straight through; a field asked for early makes the fields before it
/// be skipped (their offsets kept), and one asked for late is found again by its offset.
final class RecordDecodingState {
    let plan: RecordPlan
    let start: Int
    /// The next writer field in sequence, and where it starts.
    private var next = 0
    private var cursor: Int
    /// Offsets of writer fields passed, filled only once something is read out of order.
    private var offsets: [Int] = []
    private var lastReader = -1

    init(plan: RecordPlan, start: Int) {
        self.plan = plan
        self.start = start
        self.cursor = start
    }

    func readerIndex(of key: String) -> Int? {
        let guess = lastReader + 1
        let names = plan.record.fieldNames
        if guess < names.count, names[guess] == key {
            lastReader = guess
            return guess
        }
        guard let index = plan.record.fieldIndex[key] else { return nil }
        lastReader = index
        return index
    }

    /// Runs `body` with the input at writer field `position`, then leaves the input where the sequence
    /// continues.
    func withWriterField<T>(_ position: Int, in context: AvroDecodingContext, _ body: () throws -> T) throws -> T {
        if position >= next {
            context.input.position = cursor
            while next < position {
                if !offsets.isEmpty { offsets[next] = context.input.position }
                try skipWriterField(next, in: context)
                next += 1
            }
            if !offsets.isEmpty { offsets[position] = context.input.position }
            let value = try body()
            next = position + 1
            cursor = context.input.position
            return value
        }
        context.input.position = try offset(of: position, in: context)
        defer { context.input.position = cursor }
        return try body()
    }

    /// The start of an earlier writer field, found by skipping from the record's start once.
    private func offset(of position: Int, in context: AvroDecodingContext) throws -> Int {
        if offsets.isEmpty {
            offsets = Array(repeating: -1, count: plan.writerFields.count)
            context.input.position = start
            for field in 0..<next {
                offsets[field] = context.input.position
                try skipWriterField(field, in: context)
            }
        }
        return offsets[position]
    }

    private func skipWriterField(_ position: Int, in context: AvroDecodingContext) throws {
        let writerNode: Int
        switch plan.writerFields[position] {
        case .skip(let node): writerNode = node
        case .read(_, let step): writerNode = context.plan.steps[step].writer
        }
        try context.plan.writer.skipValue(writerNode, in: &context.input, depth: context.depth)
    }

    /// Moves the input past the record.
    func finish(in context: AvroDecodingContext) throws {
        context.input.position = cursor
        while next < plan.writerFields.count {
            try skipWriterField(next, in: context)
            next += 1
        }
        cursor = context.input.position
    }
}

/// A map being decoded through a keyed container: keys are only known by reading, so the whole map is
/// scanned once, keeping where each value starts.
final class MapDecodingState {
    let values: Int
    private(set) var keys: [String] = []
    private var offsets: [String: Int] = [:]
    private(set) var end = 0

    init(values: Int, context: AvroDecodingContext) throws {
        self.values = values
        let writerValues = context.plan.steps[values].writer
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
        let writerItems = context.plan.steps[items].writer
        while try !checkEnd(in: context) {
            try context.plan.writer.skipValue(writerItems, in: &context.input, depth: context.depth)
            takeItem()
        }
    }
}
