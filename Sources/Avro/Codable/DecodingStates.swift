/// A record being decoded. Swift asks for fields in declaration order, which usually is the writer's
/// order, so the common case reads straight through; a field asked for early makes the fields before it
/// be skipped (their offsets kept), and one asked for late is found again by its offset.
final class RecordDecodingState {
    let plan: RecordPlan
    let context: AvroDecodingContext
    let start: Int
    /// The next writer field in sequence, and where it starts.
    private var next = 0
    private var cursor: Int
    /// Offsets of writer fields passed, filled only once something is read out of order.
    private var offsets: [Int] = []
    private var lastReader = -1

    init(plan: RecordPlan, context: AvroDecodingContext, start: Int) {
        self.plan = plan
        self.context = context
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

    /// Puts the input at writer field `position`. Returns whether the field is the next in sequence
    /// (fields before it are skipped, their offsets kept); an earlier field is found by its offset.
    func moveTo(_ position: Int, in context: AvroDecodingContext) throws -> Bool {
        if position >= next {
            context.input.position = cursor
            while next < position {
                if !offsets.isEmpty { offsets[next] = context.input.position }
                try skipWriterField(next, in: context)
                next += 1
            }
            if !offsets.isEmpty { offsets[position] = context.input.position }
            return true
        }
        context.input.position = try offset(of: position, in: context)
        return false
    }

    /// After reading field `position`: continue the sequence after it, or go back to where it stood.
    func moved(from position: Int, isInSequence: Bool, in context: AvroDecodingContext) {
        if isInSequence {
            next = position + 1
            cursor = context.input.position
        } else {
            context.input.position = cursor
        }
    }

    /// After looking at a field without reading it: the sequence stays where it was.
    func stay(isInSequence: Bool, in context: AvroDecodingContext) {
        if isInSequence { cursor = context.input.position } else { context.input.position = cursor }
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
        case .read(_, let step): writerNode = context.plan.writerNodes[step]
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
