/// A cursor over binary Avro input. Every read checks the bytes left first and throws instead of trapping;
/// varints are bounded to 10 bytes (5 for `int`), lengths to what is left and to ``AvroLimits``.
///
/// The buffer is borrowed: a reader lives only inside the `withUnsafeBytes` call that made it.
struct AvroByteReader {
    let bytes: UnsafeRawBufferPointer
    var position: Int
    let limits: AvroLimits
    /// What is left of the datum-wide budget for zero-size collection items.
    var emptyItemBudget: Int

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0, limits: AvroLimits) {
        self.bytes = bytes
        self.position = position
        self.limits = limits
        self.emptyItemBudget = limits.maxCollectionSize
    }

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position >= bytes.count }

    @inline(__always)
    mutating func readByte() throws(AvroError) -> UInt8 {
        guard position < bytes.count else { throw .truncated("input ends early", offset: position) }
        let byte = bytes[position]
        position += 1
        return byte
    }

    /// A zig-zag varint of at most 10 bytes whose tenth byte carries only the 64th bit.
    @inline(__always)
    mutating func readLong() throws(AvroError) -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    @inline(__always)
    mutating func readVarint() throws(AvroError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else {
                throw .truncated("varint runs past the end of the input", offset: start)
            }
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                guard shift < 63 || byte <= 1 else { throw .malformed("varint does not fit 64 bits", offset: start) }
                return result
            }
            shift += 7
            guard shift <= 63 else { throw .malformed("varint longer than 10 bytes", offset: start) }
        }
    }

    /// An `int`: a varint whose value must fit 32 bits.
    @inline(__always)
    mutating func readInt() throws(AvroError) -> Int32 {
        let start = position
        let value = try readLong()
        guard let result = Int32(exactly: value) else {
            throw .malformed("int value \(value) out of range", offset: start)
        }
        return result
    }

    mutating func readBoolean() throws(AvroError) -> Bool {
        let start = position
        switch try readByte() {
        case 0: return false
        case 1: return true
        default: throw .malformed("boolean byte is neither 0 nor 1", offset: start)
        }
    }

    mutating func readFloat() throws(AvroError) -> Float {
        guard remaining >= 4 else { throw .truncated("float needs 4 bytes", offset: position) }
        let bits = bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)
        position += 4
        return Float(bitPattern: UInt32(littleEndian: bits))
    }

    mutating func readDouble() throws(AvroError) -> Double {
        guard remaining >= 8 else { throw .truncated("double needs 8 bytes", offset: position) }
        let bits = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    /// A `bytes`/`string` length: not negative, not past the end, within ``AvroLimits/maxLength``.
    @inline(__always)
    mutating func readLength() throws(AvroError) -> Int {
        let start = position
        let length = try readLong()
        guard length >= 0 else { throw .malformed("negative length \(length)", offset: start) }
        guard length <= remaining else {
            throw .truncated("length \(length) exceeds the \(remaining) bytes left", offset: start)
        }
        guard length <= limits.maxLength else {
            throw .limitExceeded("length \(length) exceeds the limit of \(limits.maxLength)", offset: start)
        }
        return Int(length)
    }

    /// A view of the next `count` bytes, which the caller has checked are there.
    @inline(__always)
    mutating func take(_ count: Int) -> UnsafeRawBufferPointer {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
        position += count
        return slice
    }

    mutating func readBytes() throws(AvroError) -> [UInt8] {
        let length = try readLength()
        return [UInt8](take(length))
    }

    mutating func readString() throws(AvroError) -> String {
        let start = position
        let length = try readLength()
        return try Self.string(take(length), offset: start)
    }

    /// Validated UTF-8. ASCII, the common case, is checked eight bytes at a time and needs no further
    /// validation; anything else goes through the standard library's validating initializer.
    @inline(__always)
    static func string(_ bytes: UnsafeRawBufferPointer, offset: Int) throws(AvroError) -> String {
        if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(offset: offset) }
        return string
    }

    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var accumulated: UInt64 = 0
        while index + 8 <= bytes.count {
            accumulated |= bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            accumulated |= UInt64(bytes[index])
            index += 1
        }
        return accumulated & 0x8080_8080_8080_8080 == 0
    }

    mutating func readFixed(_ size: Int) throws(AvroError) -> [UInt8] {
        guard size <= remaining else { throw .truncated("fixed of \(size) bytes runs past the end", offset: position) }
        return [UInt8](take(size))
    }

    mutating func skip(_ count: Int) throws(AvroError) {
        guard count <= remaining else { throw .truncated("input ends early", offset: position) }
        position += count
    }

    mutating func skipBytes() throws(AvroError) {
        position += try readLength()
    }

    /// The item count of the next array or map block (0 ends the collection). A negative count is
    /// followed by the block's size in bytes, which is read and checked. `total` is the number of items
    /// read so far; the result keeps the whole collection within the limits.
    mutating func readBlockCount(total: Int, itemsCanBeEmpty: Bool) throws(AvroError) -> (count: Int, byteSize: Int?) {
        let start = position
        var count = try readLong()
        var byteSize: Int?
        if count < 0 {
            guard count != .min else { throw .malformed("block count out of range", offset: start) }
            count = -count
            let sizeStart = position
            let size = try readLong()
            guard size >= 0, size <= remaining else {
                throw .malformed("invalid block size \(size)", offset: sizeStart)
            }
            byteSize = Int(size)
        }
        guard count <= limits.maxCollectionSize - total else {
            throw .limitExceeded("collection exceeds the limit of \(limits.maxCollectionSize) items", offset: start)
        }
        if itemsCanBeEmpty {
            guard count <= emptyItemBudget else {
                throw .limitExceeded("more than \(limits.maxCollectionSize) zero-size items", offset: start)
            }
            emptyItemBudget -= Int(count)
        } else {
            guard count <= remaining else {
                throw .truncated("block of \(count) items exceeds the \(remaining) bytes left", offset: start)
            }
        }
        return (Int(count), byteSize)
    }
}
