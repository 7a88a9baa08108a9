import Foundation

/// Swift types with a logical-type meaning, read from the current (settled) step: `Decimal`, `Date`,
/// `UUID`, ``AvroDuration``, and `Data` / `[UInt8]` from bytes or fixed.
extension AvroDecodingContext {
    static func isSpecial<T>(_ type: T.Type) -> Bool {
        type == Decimal.self || type == Date.self || type == UUID.self || type == Data.self || type == byteArrayType
            || type == AvroDuration.self
    }

    /// `[UInt8].self`, fetched once: as a generic type its metadata is otherwise looked up in the runtime's
    /// cache on every comparison.
    static let byteArrayType: Any.Type = [UInt8].self

    /// Reads a value of one of the special types (``isSpecial(_:)`` is true for `T`). Kept out of line:
    /// its `T?` would otherwise make every `decodeValue` call fetch `Optional<T>`'s metadata.
    ///
    /// For the trivial types the result is returned with `unsafeBitCast`, which is sound because `T` is
    /// checked to be that very type; it saves boxing into `Any` and a dynamic cast per value.
    @inline(never)
    func decodeSpecial<T>(_ type: T.Type) throws -> T {
        if type == Decimal.self { return unsafeBitCast(try readDecimal(), to: type) }
        if type == Date.self { return unsafeBitCast(try readDate(), to: type) }
        if type == UUID.self { return unsafeBitCast(try readUUID(), to: type) }
        if type == AvroDuration.self { return unsafeBitCast(try readDuration(), to: type) }
        return try decodeByteContainer(type)
    }

    /// `Data` or `[UInt8]`; out of line for the same reason as ``decodeSpecial(_:)``.
    @inline(never)
    private func decodeByteContainer<T>(_ type: T.Type) throws -> T {
        guard let bytes = try readBytes() else { throw mismatch("bytes or fixed") }
        let value: Any = type == Data.self ? Data(bytes) : bytes
        guard let typed = value as? T else { throw AvroError.unsupported("cannot read \(type) here") }
        return typed
    }

    private var readerNode: SchemaNode { plan.reader[plan.steps[step].reader] }

    /// The raw bytes of a bytes or fixed value (`nil` if the value is neither, so that a Swift
    /// `[UInt8]` can still come from an array of ints).
    private func readBytes() throws -> [UInt8]? {
        switch kind {
        case .bytes, .promote(.stringToBytes): return try input.readBytes()
        case .fixed(let size): return try input.readFixed(size)
        default: return nil
        }
    }

    private func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) throws -> R? {
        let length: Int
        switch kind {
        case .bytes, .promote(.stringToBytes): length = try input.readLength()
        case .fixed(let size):
            guard size <= input.remaining else {
                throw AvroError.truncated("fixed runs past the end", offset: input.position)
            }
            length = size
        default: return nil
        }
        return try body(input.take(length))
    }

    private func readDecimal() throws -> Decimal {
        guard case .decimal(_, let scale)? = readerNode.logicalType else {
            throw mismatch("Decimal (a decimal logical type)")
        }
        let start = input.position
        guard let unscaled = try withRawBytes({ try DecimalCoding.unscaled(fromTwosComplement: $0) }) else {
            throw mismatch("Decimal")
        }
        guard unscaled.magnitude <= Self.maximumDecimalMantissa else {
            throw AvroError.typeMismatch("decimal value has more digits than Swift's Decimal holds").at(offset: start)
        }
        return DecimalCoding.decimal(unscaled: unscaled, scale: scale)
    }

    /// 2^128 − 1 is more than `Decimal`'s 38 significant digits guarantee; keep to what it holds exactly.
    private static let maximumDecimalMantissa: UInt128 = 99_999_999_999_999_999_999_999_999_999_999_999_999

    private func readDate() throws -> Date {
        let unitsPerSecond: Double
        switch readerNode.logicalType {
        case .timestampMillis?, .localTimestampMillis?: unitsPerSecond = 1e3
        case .timestampMicros?, .localTimestampMicros?: unitsPerSecond = 1e6
        case .timestampNanos?, .localTimestampNanos?: unitsPerSecond = 1e9
        case .date?: unitsPerSecond = 1.0 / 86_400
        default: throw mismatch("Date (a date or timestamp logical type)")
        }
        let count: Int64
        switch kind {
        case .int, .promote(.intToLong): count = Int64(try input.readInt())
        case .long: count = try input.readLong()
        default: throw mismatch("Date")
        }
        return Date(timeIntervalSince1970: Double(count) / unitsPerSecond)
    }

    private func readUUID() throws -> UUID {
        let start = input.position
        switch kind {
        case .string, .promote(.bytesToString):
            let text = try input.readString()
            guard let uuid = UUID(uuidString: text) else {
                throw AvroError.typeMismatch("'\(text)' is not a UUID").at(offset: start)
            }
            return uuid
        case .fixed(16):
            let b = try input.readFixed(16)
            return UUID(
                uuid: (
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
                )
            )
        default:
            throw mismatch("UUID")
        }
    }

    private func readDuration() throws -> AvroDuration {
        guard case .fixed(12) = kind, let duration = AvroDuration(bytes: try input.readFixed(12)) else {
            throw mismatch("AvroDuration (a fixed of 12 bytes)")
        }
        return duration
    }
}
