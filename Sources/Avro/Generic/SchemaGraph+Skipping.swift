/// Skipping a value the reader does not want, with the same checks as reading it, but no allocation.
extension SchemaGraph {
    func skipValue(_ index: Int, in input: inout AvroByteReader, depth: Int) throws(AvroError) {
        switch nodes[index].kind {
        case .null: return
        case .boolean: _ = try input.readBoolean()
        case .int: _ = try input.readInt()
        case .long: _ = try input.readLong()
        case .float: try input.skip(4)
        case .double: try input.skip(8)
        case .bytes: try input.skipBytes()
        case .string: try input.skipBytes()
        case .fixed(let fixed): try input.skip(fixed.size)
        case .enumeration(let enumeration):
            let start = input.position
            let symbol = try input.readLong()
            guard symbol >= 0, symbol < enumeration.symbols.count else {
                throw .malformed("enum index \(symbol) out of range", offset: start)
            }
        case .array(let items):
            try skipBlocks(in: &input, depth: depth + 1, itemsCanBeEmpty: nodes[items].canBeEmpty) {
                (input) throws(AvroError) in
                try skipValue(items, in: &input, depth: depth + 1)
            }
        case .map(let values):
            try skipBlocks(in: &input, depth: depth + 1, itemsCanBeEmpty: false) { (input) throws(AvroError) in
                try input.skipBytes()
                try skipValue(values, in: &input, depth: depth + 1)
            }
        case .union(let union):
            try ReadPlan.checkDepth(depth + 1, input)
            let branch = try ReadPlan.readUnionIndex(count: union.branches.count, from: &input)
            try skipValue(union.branches[branch], in: &input, depth: depth + 1)
        case .record(let record):
            try ReadPlan.checkDepth(depth + 1, input)
            for field in record.fieldNodes {
                try skipValue(field, in: &input, depth: depth + 1)
            }
        }
    }

    /// Skips array or map blocks; a block that states its size in bytes is jumped over in one step.
    private func skipBlocks(
        in input: inout AvroByteReader,
        depth: Int,
        itemsCanBeEmpty: Bool,
        item: (inout AvroByteReader) throws(AvroError) -> Void
    ) throws(AvroError) {
        try ReadPlan.checkDepth(depth, input)
        var total = 0
        while true {
            let (count, byteSize) = try input.readBlockCount(total: total, itemsCanBeEmpty: itemsCanBeEmpty)
            if count == 0 { return }
            total += count
            if let byteSize {
                try input.skip(byteSize)
                continue
            }
            for _ in 0..<count { try item(&input) }
        }
    }
}
