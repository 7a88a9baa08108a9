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
