/// Unkeyed container for arrays.
struct AvroUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let context: AvroEncodingContext
    let state: ArrayEncodingState?

    var codingPath: [any CodingKey] { [] }
    var count: Int { state?.count ?? 0 }

    private func encodeItem(_ body: (Int) throws -> Void) throws {
        guard let state else { throw AvroError.typeMismatch("the container could not be opened") }
        try state.encodeItem(in: context, body)
    }

    mutating func encodeNil() throws { try encodeItem { try context.encodeNull(node: $0) } }
    mutating func encode(_ value: Bool) throws { try encodeItem { try context.encodeBool(value, node: $0) } }
    mutating func encode(_ value: String) throws { try encodeItem { try context.encodeString(value, node: $0) } }
    mutating func encode(_ value: Double) throws { try encodeItem { try context.encodeFloatingPoint(value, node: $0) } }
    mutating func encode(_ value: Float) throws {
        try encodeItem { try context.encodeFloatingPoint(Double(value), node: $0) }
    }
    mutating func encode(_ value: Int) throws { try encodeItem { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int8) throws { try encodeItem { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int16) throws { try encodeItem { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int32) throws { try encodeItem { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: Int64) throws { try encodeItem { try context.encodeInteger(value, node: $0) } }
    mutating func encode(_ value: UInt) throws {
        try encodeItem { try context.encodeUnsigned(UInt64(value), node: $0) }
    }
    mutating func encode(_ value: UInt8) throws { try encodeItem { try context.encodeInteger(Int64(value), node: $0) } }
    mutating func encode(_ value: UInt16) throws {
        try encodeItem { try context.encodeInteger(Int64(value), node: $0) }
    }
    mutating func encode(_ value: UInt32) throws {
        try encodeItem { try context.encodeInteger(Int64(value), node: $0) }
    }
    mutating func encode(_ value: UInt64) throws { try encodeItem { try context.encodeUnsigned(value, node: $0) } }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeItem { try context.encodeValue(value, node: $0) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        nestedEncoder().unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nestedEncoder()
    }

    private func nestedEncoder() -> AvroEncodingContext {
        guard let state else { return context.child(node: context.node) }
        return state.nested(in: context)
    }
}
