/// Generic decoding: follows a ``ReadPlan`` over the input and builds ``AvroValue``s.
extension ReadPlan {
    func readValue(_ index: Int, from input: inout AvroByteReader, depth: Int) throws(AvroError) -> AvroValue {
        let step = steps[index]
        switch step.kind {
        case .null: return .null
        case .boolean: return .boolean(try input.readBoolean())
        case .int: return .int(try input.readInt())
        case .long: return .long(try input.readLong())
        case .float: return .float(try input.readFloat())
        case .double: return .double(try input.readDouble())
        case .bytes: return .bytes(try input.readBytes())
        case .string: return .string(try input.readString())
        case .fixed(let size): return .fixed(try input.readFixed(size))
        case .promote(let promotion): return try Self.readPromoted(promotion, from: &input)
        case .enumeration(let plan): return .enumeration(plan.readerSymbols[try Self.readEnumIndex(plan, from: &input)])
        case .array(let items, let itemsCanBeEmpty):
            return try readArray(items: items, itemsCanBeEmpty: itemsCanBeEmpty, from: &input, depth: depth + 1)
        case .map(let values, let valuesCanBeEmpty):
            return try readMap(values: values, valuesCanBeEmpty: valuesCanBeEmpty, from: &input, depth: depth + 1)
        case .record(let plan): return try readRecord(plan, from: &input, depth: depth + 1)
        case .writerUnion(let branches):
            let branch = try Self.readUnionIndex(count: branches.count, from: &input)
            return try readValue(branches[branch], from: &input, depth: depth + 1)
        case .readerUnion(let branch, let next):
            do {
                return .union(branch: branch, try readValue(next, from: &input, depth: depth))
            } catch {
                guard case .union(let union) = reader[step.reader].kind else { throw error }
                throw error.prefixed("(\(union.branchSimpleNames[branch]))")
            }
        case .failure(let error): throw error.at(offset: input.position)
        }
    }

    static func checkDepth(_ depth: Int, _ input: AvroByteReader) throws(AvroError) {
        guard depth <= input.limits.maxDepth else {
            throw .limitExceeded("nesting deeper than \(input.limits.maxDepth) levels", offset: input.position)
        }
    }

    static func readUnionIndex(count: Int, from input: inout AvroByteReader) throws(AvroError) -> Int {
        let start = input.position
        let index = try input.readLong()
        guard index >= 0, index < count else {
            throw .malformed("union branch \(index) out of range 0..<\(count)", offset: start)
        }
        return Int(index)
    }

    /// The reader's symbol index for the writer's symbol that comes next.
    static func readEnumIndex(_ plan: EnumPlan, from input: inout AvroByteReader) throws(AvroError) -> Int {
        let start = input.position
        let index = try input.readLong()
        guard index >= 0, index < plan.readerIndex.count else {
            throw .malformed("enum index \(index) out of range 0..<\(plan.readerIndex.count)", offset: start)
        }
        guard let readerIndex = plan.readerIndex[Int(index)] else {
            throw .incompatible("symbol '\(plan.writerSymbols[Int(index)])' is unknown to the reader's enum").at(
                offset: start
            )
        }
        return readerIndex
    }

    static func readPromoted(_ promotion: Promotion, from input: inout AvroByteReader) throws(AvroError) -> AvroValue {
        switch promotion {
        case .intToLong: return .long(Int64(try input.readInt()))
        case .intToFloat: return .float(Float(try input.readInt()))
        case .intToDouble: return .double(Double(try input.readInt()))
        case .longToFloat: return .float(Float(try input.readLong()))
        case .longToDouble: return .double(Double(try input.readLong()))
        case .floatToDouble: return .double(Double(try input.readFloat()))
        case .stringToBytes: return .bytes(try input.readBytes())
        case .bytesToString: return .string(try input.readString())
        }
    }

    private func readArray(
        items: Int,
        itemsCanBeEmpty: Bool,
        from input: inout AvroByteReader,
        depth: Int
    )
        throws(AvroError) -> AvroValue
    {
        try Self.checkDepth(depth, input)
        var elements: [AvroValue] = []
        while true {
            let (count, _) = try input.readBlockCount(total: elements.count, itemsCanBeEmpty: itemsCanBeEmpty)
            if count == 0 { return .array(elements) }
            elements.reserveCapacity(elements.count + count)
            for _ in 0..<count {
                do {
                    elements.append(try readValue(items, from: &input, depth: depth))
                } catch {
                    throw error.prefixed("[\(elements.count)]")
                }
            }
        }
    }

    private func readMap(
        values: Int,
        valuesCanBeEmpty: Bool,
        from input: inout AvroByteReader,
        depth: Int
    )
        throws(AvroError) -> AvroValue
    {
        try Self.checkDepth(depth, input)
        var entries: [String: AvroValue] = [:]
        var total = 0
        while true {
            // Every entry has a key of at least one byte, so entries are bounded by the bytes left.
            let (count, _) = try input.readBlockCount(total: total, itemsCanBeEmpty: false)
            if count == 0 { return .map(entries) }
            total += count
            for _ in 0..<count {
                let key = try input.readString()
                do {
                    entries[key] = try readValue(values, from: &input, depth: depth)
                } catch {
                    throw error.prefixed("{\(key)}")
                }
            }
        }
    }

    private func readRecord(
        _ plan: RecordPlan,
        from input: inout AvroByteReader,
        depth: Int
    ) throws(AvroError) -> AvroValue {
        try Self.checkDepth(depth, input)
        let names = plan.record.fieldNames
        if plan.isIdentity {
            var values: [AvroValue] = []
            values.reserveCapacity(names.count)
            for (position, step) in plan.identitySteps.enumerated() {
                do {
                    values.append(try readValue(step, from: &input, depth: depth))
                } catch {
                    throw error.prefixed(names[position])
                }
            }
            return .record(AvroRecord(uncheckedNames: names, values: values))
        }
        var values = [AvroValue](repeating: .null, count: names.count)
        for field in plan.writerFields {
            switch field {
            case .read(let readerField, let step):
                do {
                    values[readerField] = try readValue(step, from: &input, depth: depth)
                } catch {
                    throw error.prefixed(names[readerField])
                }
            case .skip(let writerNode):
                try writer.skipValue(writerNode, in: &input, depth: depth)
            }
        }
        for (position, source) in plan.readerFields.enumerated() {
            if case .fromDefault(let value, _) = source { values[position] = value }
        }
        return .record(AvroRecord(uncheckedNames: names, values: values))
    }
}
