/// Reading Swift primitives from the current (settled) step, with the schema's promotions.
extension AvroDecodingContext {
    func readBool() throws -> Bool {
        guard plan.scalars[step] == .boolean else { throw mismatch("Bool") }
        markSingleValue()
        return try input.readBoolean()
    }

    /// Strings, bytes promoted to strings, and enum symbols (so `String`-backed Swift enums work).
    func readString() throws -> String {
        let value: String
        switch plan.scalars[step] {
        case .string, .bytesToString: value = try input.readString()
        case .enumeration:
            guard case .enumeration(let enumPlan) = kind else { throw mismatch("String") }
            value = enumPlan.readerSymbols[try ReadPlan.readEnumIndex(enumPlan, from: &input)]
        default: throw mismatch("String")
        }
        markSingleValue()
        return value
    }

    /// Any Avro number as a `Double`: what the writer wrote decides how many bytes to read.
    func readDouble() throws -> Double {
        let value: Double
        switch plan.scalars[step] {
        case .double: value = try input.readDouble()
        case .float, .floatToDouble: value = Double(try input.readFloat())
        case .int, .intToLong, .intToFloat, .intToDouble: value = Double(try input.readInt())
        case .long, .longToFloat, .longToDouble: value = Double(try input.readLong())
        default: throw mismatch("Double")
        }
        markSingleValue()
        return value
    }

    func readFloat() throws -> Float {
        if plan.scalars[step] == .float {
            markSingleValue()
            return try input.readFloat()
        }
        return Float(try readDouble())
    }

    /// Any Avro integer into any Swift integer type, checking the range.
    func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let start = input.position
        let value: Int64
        switch plan.scalars[step] {
        case .int, .intToLong: value = Int64(try input.readInt())
        case .long: value = try input.readLong()
        default: throw mismatch(String(describing: type))
        }
        guard let result = T(exactly: value) else {
            throw AvroError.typeMismatch("\(value) does not fit \(type)").at(offset: start)
        }
        markSingleValue()
        return result
    }

    /// Whether the value at `step` is null; reads the union index on the way and leaves the input after
    /// it when it is null (the caller restores the position otherwise).
    func peekNull(step start: Int) throws -> Bool {
        var current = start
        while true {
            if !plan.isIndirect[current] { return plan.scalars[current] == .null }
            switch plan.steps[current].kind {
            case .null: return true
            case .writerUnion(let branches):
                current = branches[try ReadPlan.readUnionIndex(count: branches.count, from: &input)]
            case .readerUnion(_, let next): current = next
            default: return false
            }
        }
    }

    /// `nil` for a null value; otherwise the value decoded as `T`, reading the union index only once.
    func decodeOptional<T: Decodable>(_ type: T.Type, step: Int) throws -> T? {
        let start = input.position
        if try peekNull(step: step) { return nil }
        input.position = start
        return try decodeValue(type, step: step)
    }
}
