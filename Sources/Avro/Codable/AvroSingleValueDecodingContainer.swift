/// Single-value container: reads the current value, converting what the plan delivers to the Swift
/// type asked for.
struct AvroSingleValueDecodingContainer: SingleValueDecodingContainer {
    let context: AvroDecodingContext

    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool {
        context.plan.scalars[context.step] == .null
    }

    func decode(_ type: Bool.Type) throws -> Bool { try context.readBool() }
    func decode(_ type: String.Type) throws -> String { try context.readString() }
    func decode(_ type: Double.Type) throws -> Double { try context.readDouble() }
    func decode(_ type: Float.Type) throws -> Float { try context.readFloat() }
    func decode(_ type: Int.Type) throws -> Int { try context.readInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try context.readInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try context.readInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try context.readInteger(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try context.readInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try context.readInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try context.readInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try context.readInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try context.readInteger(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try context.readInteger(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        context.markSingleValue()
        return try context.decodeValue(type, step: context.step)
    }
}
