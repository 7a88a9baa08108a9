/// Keyed container over a record (keys are reader field names) or a map (keys are map keys).
///
/// The hot path is deliberately non-generic up to the last call: ``locate(_:)`` finds where a key's
/// value is, and the typed methods read it. Generic helpers returning `T?` or taking closures would make
/// the runtime look up generic metadata on every field.
struct AvroKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    typealias Storage = KeyedDecodingStorage
    typealias Location = KeyedValueLocation

    /// The only stored property, so that copying the container in generic code is one retain.
    let storage: Storage

    init(storage: Storage) {
        self.storage = storage
    }

    /// The decoder, which the state objects hold (the state lives only while its value is decoded, so
    /// the reference back does not outlive the value).
    private var context: AvroDecodingContext {
        switch storage {
        case .record(let state): state.context
        case .map(let state): state.context
        }
    }

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

    private func locate(_ key: Key) -> Location {
        switch storage {
        case .map(let state):
            guard let offset = state.offset(of: key.stringValue) else { return .absent }
            return .mapValue(state: state, offset: offset)
        case .record(let state):
            guard let index = state.readerIndex(of: key.stringValue) else { return .absent }
            switch state.plan.readerFields[index] {
            case .fromWriter(let position, let step): return .writerField(state: state, position: position, step: step)
            case .fromDefault(let value, let bytes):
                return .defaultValue(value: value, bytes: bytes, node: state.plan.record.fieldNodes[index])
            }
        }
    }

    /// Runs `body` with the context (input at the value) and plan step for `key`, which must be present.
    /// A record field the writer wrote, the common case, takes the first branch and touches only
    /// trivially copyable tables.
    private func read<R>(_ key: Key, _ body: (AvroDecodingContext, Int) throws -> R) throws -> R {
        if case .record(let state) = storage, let index = state.readerIndex(of: key.stringValue) {
            let position = state.plan.writerPositions[index]
            if position >= 0 {
                let context = state.context
                do {
                    let isInSequence = try state.moveTo(position, in: context)
                    let value = try body(context, state.plan.readerSteps[index])
                    state.moved(from: position, isInSequence: isInSequence, in: context)
                    return value
                } catch let error as AvroError {
                    throw error.prefixed(key.stringValue)
                }
            }
        }
        do {
            switch locate(key) {
            case .absent:
                throw AvroError.missingField(key.stringValue)
            case .writerField(let state, let position, let step):
                let context = state.context
                let isInSequence = try state.moveTo(position, in: context)
                let value = try body(context, step)
                state.moved(from: position, isInSequence: isInSequence, in: context)
                return value
            case .mapValue(let state, let offset):
                let context = state.context
                context.input.position = offset
                defer { context.input.position = state.end }
                return try body(context, state.values)
            case .defaultValue(_, let bytes, let node):
                return try withDefault(bytes: bytes, node: node, body)
            }
        } catch let error as AvroError {
            throw error.prefixed(key.stringValue)
        }
    }

    /// Runs `body` on a context of its own over a default's binary form, read with the reader's node.
    private func withDefault<R>(bytes: [UInt8], node: Int, _ body: (AvroDecodingContext, Int) throws -> R) throws -> R {
        let context = self.context
        let defaults = context.defaults
        guard let step = defaults.identityStepForNode?[node] else {
            throw AvroError.unsupported("no plan for defaults")
        }
        return try bytes.withUnsafeBytes { buffer in
            try body(
                AvroDecodingContext(
                    plan: defaults,
                    defaults: defaults,
                    input: AvroByteReader(buffer, limits: context.input.limits)
                ),
                step
            )
        }
    }

    /// `nil` for a missing key or a null value; the union index is read only once.
    private func optionalValue<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        do {
            switch locate(key) {
            case .absent:
                return nil
            case .writerField(let state, let position, let step):
                let context = state.context
                let isInSequence = try state.moveTo(position, in: context)
                let start = context.input.position
                if try context.peekNull(step: step) {
                    state.moved(from: position, isInSequence: isInSequence, in: context)
                    return nil
                }
                context.input.position = start
                let value = try context.decodeValue(type, step: step)
                state.moved(from: position, isInSequence: isInSequence, in: context)
                return value
            case .mapValue(let state, let offset):
                let context = state.context
                context.input.position = offset
                defer { context.input.position = state.end }
                return try context.decodeOptional(type, step: state.values)
            case .defaultValue(let value, let bytes, let node):
                if case .null = value.unwrapped { return nil }
                return try withDefault(bytes: bytes, node: node) { try $0.decodeOptional(type, step: $1) }
            }
        } catch let error as AvroError {
            throw error.prefixed(key.stringValue)
        }
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        switch locate(key) {
        case .absent: return true
        case .writerField(let state, let position, let step):
            let context = state.context
            let isInSequence = try state.moveTo(position, in: context)
            let start = context.input.position
            if try context.peekNull(step: step) {
                state.moved(from: position, isInSequence: isInSequence, in: context)
                return true
            }
            context.input.position = start
            state.stay(isInSequence: isInSequence, in: context)
            return false
        case .mapValue(let state, let offset):
            let context = state.context
            context.input.position = offset
            defer { context.input.position = state.end }
            return try context.peekNull(step: state.values)
        case .defaultValue(let value, _, _):
            if case .null = value.unwrapped { return true }
            return false
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readBool() } }
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readString() } }
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readDouble() } }
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readFloat() } }
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try read(key) { try $0.decodePrimitive(step: $1) { try $0.readInteger(type) } }
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try read(key) { try $0.decodeValue(type, step: $1) }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optionalValue(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optionalValue(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optionalValue(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try optionalValue(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optionalValue(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optionalValue(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalValue(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try optionalValue(type, key) }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type,
        forKey key: Key
    ) throws
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
        let step: Int
        switch locate(key) {
        case .absent: throw AvroError.missingField(key.stringValue)
        case .defaultValue:
            throw AvroError.unsupported("a nested container cannot read the default of field '\(key.stringValue)'")
        case .writerField(let state, let position, let fieldStep):
            let isInSequence = try state.moveTo(position, in: context)
            step = fieldStep
            let child = try makeChild(step: step)
            try context.plan.writer.skipValue(context.plan.writerNodes[step], in: &context.input, depth: context.depth)
            state.moved(from: position, isInSequence: isInSequence, in: context)
            return child
        case .mapValue(let state, let offset):
            context.input.position = offset
            defer { context.input.position = state.end }
            return try makeChild(step: state.values)
        }
    }

    private func makeChild(step: Int) throws -> AvroDecodingContext {
        let child = AvroDecodingContext(plan: context.plan, defaults: context.defaults, input: context.input)
        child.step = step
        child.depth = context.depth
        try child.settle()
        return child
    }
}
