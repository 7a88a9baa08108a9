/// Single-value container: the value is written at the context's current node.
struct AvroSingleValueEncodingContainer: SingleValueEncodingContainer {
    let context: AvroEncodingContext

    var codingPath: [any CodingKey] { [] }

    private func write(_ body: (Int) throws -> Void) throws {
        try context.markSingleValue()
        try body(context.node)
    }

    mutating func encodeNil() throws { try write { try context.encodeNull(node: $0) } }
    mutating func encode(_ value: Bool) throws { try write { try context.encodeBool(value, node: $0) } }
    mutating func encode(_ value: String) throws { try write { try context.encodeString(value, node: $0) } }
    mutating func encode(_ value: Double) throws { try write { try context.encodeFloatingPoint(value, node: $0) } }
    mutating func encode(_ value: Float) throws {
        try write { try context.encodeFloatingPoint(Double(value), node: $0) }
    }
    mutating func encode(_ value: Int) throws { try write { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int8) throws { try write { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int16) throws { try write { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int32) throws { try write { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int64) throws { try write { try context.encodeInteger(value, node: $0) } }
    mutating func encode(_ value: UInt) throws { try write { try context.encodeUnsigned(UInt64(value), node: $0) } }
    mutating func encode(_ value: UInt8) throws { try write { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: UInt16) throws { try write { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: UInt32) throws { try write { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: UInt64) throws { try write { try context.encodeUnsigned(value, node: $0) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try write { try context.encodeValue(value, node: $0) } }
}
