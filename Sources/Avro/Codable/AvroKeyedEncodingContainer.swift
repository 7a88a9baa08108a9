/// Keyed container for records (keys are field names) and maps (keys are map keys).
struct AvroKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let context: AvroEncodingContext
    /// `nil` when opening failed; the error is already deferred in the context.
    let state: KeyedEncodingState?

    var codingPath: [any CodingKey] { [] }

    private func encode(_ key: Key, _ body: (Int) throws -> Void) throws {
        switch state {
        case .record(let record)?: try record.encodeField(key.stringValue, in: context, body)
        case .map(let map)?: try map.encodeValue(key: key.stringValue, in: context, body)
        case nil: throw AvroError.typeMismatch("the container could not be opened")
        }
    }

    mutating func encodeNil(forKey key: Key) throws {
        try encode(key) { try context.encodeNull(node: $0) }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try encode(key) { try context.encodeBool(value, node: $0) }
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        try encode(key) { try context.encodeString(value, node: $0) }
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try encode(key) { try context.encodeFloatingPoint(value, node: $0) }
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        try encode(key) { try context.encodeFloatingPoint(Double(value), node: $0) }
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(Int64(value), node: $0) }
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(Int64(value), node: $0) }
    }

    mutating func encode(_ value: Int16, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(Int64(value), node: $0) }
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(Int64(value), node: $0) }
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(value, node: $0) }
    }

    mutating func encode(_ value: UInt, forKey key: Key) throws {
        try encode(key) { try context.encodeUnsigned(UInt64(value), node: $0) }
    }

    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(Int64(value), node: $0) }
    }

    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(Int64(value), node: $0) }
    }

    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        try encode(key) { try context.encodeInteger(Int64(value), node: $0) }
    }

    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        try encode(key) { try context.encodeUnsigned(value, node: $0) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encode(key) { try context.encodeValue(value, node: $0) }
    }

    // `encodeIfPresent` writes null for nil instead of skipping the key, so that an optional field
    // in schema order does not force the next fields into the out-of-order buffer.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    /// `nil` for a field that takes null writes null; for any other field it leaves the field out, so
    /// that its default applies (or the record reports it missing).
    private mutating func encodeOptional<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value {
            try encode(value, forKey: key)
        } else if case .record(let record)? = state, !record.acceptsNull(key.stringValue, in: context.graph) {
            return
        } else {
            try encodeNil(forKey: key)
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type,
        forKey key: Key
    )
        -> KeyedEncodingContainer<NestedKey>
    {
        nestedEncoder(for: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nestedEncoder(for: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        nestedEncoder(named: "super")
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        nestedEncoder(for: key)
    }

    private func nestedEncoder(for key: Key) -> AvroEncodingContext {
        nestedEncoder(named: key.stringValue)
    }

    private func nestedEncoder(named name: String) -> AvroEncodingContext {
        do {
            switch state {
            case .record(let record)?: return try record.nested(name, in: context)
            case .map(let map)?: return map.nested(key: name, in: context)
            case nil: throw AvroError.typeMismatch("the container could not be opened")
            }
        } catch {
            context.deferredError = context.deferredError ?? error
            return context.child(node: context.node)
        }
    }
}
