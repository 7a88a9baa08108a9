/// Keyed container over a record (keys are reader field names) or a map (keys are map keys).
struct AvroKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    enum Storage {
        case record(RecordDecodingState)
        case map(MapDecodingState)
    }

    let context: AvroDecodingContext
    let storage: Storage

    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] {
        switch storage {
        case .record(let state): state.plan.record.fieldNames.compactMap { Key(stringValue: $0) }
        case .map(let state): state.keys.compactMap { Key(stringValue: $0) }
        }
    }

    func contains(_ key: Key) -> Bool {
        switch storage {
        case .record(let state): state.plan.record.fieldIndex[key.stringValue] != nil
        case .map(let state): state.offset(of: key.stringValue) != nil
        }
    }

    /// Runs `body` with the input at the value for `key` and `step` its plan step; `nil` if there is no
    /// such key. A reader field filled from its default is read from the default's binary form.
    private func withValue<T>(for key: Key, _ body: (AvroDecodingContext, Int) throws -> T) throws -> T? {
        do {
            switch storage {
            case .map(let state):
                guard let offset = state.offset(of: key.stringValue) else { return nil }
                context.input.position = offset
                defer { context.input.position = state.end }
                return try body(context, state.values)
            case .record(let state):
                guard let index = state.readerIndex(of: key.stringValue) else { return nil }
                switch state.plan.readerFields[index] {
                case .fromWriter(let position, let step):
                    return try state.withWriterField(position, in: context) { try body(context, step) }
                case .fromDefault(_, let bytes):
                    return try withDefault(bytes, node: state.plan.record.fieldNodes[index], body)
                }
            }
        } catch let error as AvroError {
            throw error.prefixed(key.stringValue)
        }
    }

    private func withDefault<T>(_ bytes: [UInt8], node: Int, _ body: (AvroDecodingContext, Int) throws -> T) throws -> T {
        let defaults = context.defaults
        guard let step = defaults.identityStepForNode?[node] else { throw AvroError.unsupported("no plan for defaults") }
        return try bytes.withUnsafeBytes { buffer in
            let child = AvroDecodingContext(plan: defaults, defaults: defaults, input: AvroByteReader(buffer, limits: context.input.limits))
            return try body(child, step)
        }
    }

    private func require<T>(_ key: Key, _ body: (AvroDecodingContext, Int) throws -> T) throws -> T {
        guard let value = try withValue(for: key, body) else {
            throw AvroError.missingField(key.stringValue).prefixed(key.stringValue)
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try withValue(for: key) { context, step in
            let start = context.input.position
            let isNull = try context.peekNull(step: step)
            if !isNull { context.input.position = start }
            return isNull
        } ?? true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try require(key) { try $0.decodeValue(type, step: $1) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try require(key) { try $0.decodeValue(type, step: $1) } }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optional(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optional(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optional(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optional(type, key) }

    /// A missing key or a null value is `nil`; the union index is read once.
    private func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        let value: T?? = try withValue(for: key) { context, step in
            try context.decodeOptional(type, step: step)
        }
        return value ?? nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try childDecoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try childDecoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else { throw AvroError.unsupported("no key named 'super'") }
        return try childDecoder(for: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try childDecoder(for: key)
    }

    /// A decoder of its own for one value, which this container skips: the input is immutable, so the
    /// child can read it at its own pace while this container carries on.
    private func childDecoder(for key: Key) throws -> AvroDecodingContext {
        if case .record(let state) = storage, let index = state.plan.record.fieldIndex[key.stringValue],
            case .fromDefault = state.plan.readerFields[index]
        {
            throw AvroError.unsupported("a nested container cannot read the default of field '\(key.stringValue)'")
        }
        return try require(key) { context, step in
            let child = AvroDecodingContext(plan: context.plan, defaults: context.defaults, input: context.input)
            child.step = step
            child.depth = context.depth
            try child.settle()
            try context.plan.writer.skipValue(context.plan.steps[step].writer, in: &context.input, depth: context.depth)
            return child
        }
    }
}
