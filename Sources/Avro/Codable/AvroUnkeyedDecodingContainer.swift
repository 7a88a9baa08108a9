/// Unkeyed container over an array.
struct AvroUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let context: AvroDecodingContext
    let state: ArrayDecodingState

    var codingPath: [any CodingKey] { [] }
    /// Avro writes arrays in blocks, so the count is only known at the end.
    var count: Int? { nil }
    var currentIndex: Int { state.currentIndex }

    /// `isAtEnd` cannot throw; a bad block header ends the array here and fails the value when it finishes.
    var isAtEnd: Bool {
        do {
            return try state.checkEnd(in: context)
        } catch {
            context.deferredError = context.deferredError ?? (error as? AvroError)
            return true
        }
    }

    private func next<T>(_ body: (Int) throws -> T) throws -> T {
        guard try !state.checkEnd(in: context) else {
            throw AvroError.typeMismatch("no more array items").prefixed("[\(state.currentIndex)]")
        }
        let index = state.currentIndex
        state.takeItem()
        do {
            return try body(state.items)
        } catch let error as AvroError {
            throw error.prefixed("[\(index)]")
        }
    }

    mutating func decodeNil() throws -> Bool {
        guard try !state.checkEnd(in: context) else { return false }
        let start = context.input.position
        if try context.peekNull(step: state.items) {
            state.takeItem()
            return true
        }
        context.input.position = start
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        try next { try context.decodePrimitive(step: $0) { try $0.readBool() } }
    }
    mutating func decode(_ type: String.Type) throws -> String {
        try next { try context.decodePrimitive(step: $0) { try $0.readString() } }
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        try next { try context.decodePrimitive(step: $0) { try $0.readDouble() } }
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        try next { try context.decodePrimitive(step: $0) { try $0.readFloat() } }
    }
    mutating func decode(_ type: Int.Type) throws -> Int {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: Int8.Type) throws -> Int8 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: Int16.Type) throws -> Int16 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: Int32.Type) throws -> Int32 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: Int64.Type) throws -> Int64 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: UInt.Type) throws -> UInt {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
        try next { try context.decodePrimitive(step: $0) { try $0.readInteger(type) } }
    }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next { try context.decodeValue(type, step: $0) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try childDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try childDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try childDecoder()
    }

    private func childDecoder() throws -> AvroDecodingContext {
        try next { step in
            let child = AvroDecodingContext(plan: context.plan, defaults: context.defaults, input: context.input)
            child.step = step
            child.depth = context.depth
            try child.settle()
            try context.plan.writer.skipValue(context.plan.writerNodes[step], in: &context.input, depth: context.depth)
            return child
        }
    }
}
