/// Binary Avro primitives appended to a byte array. The encoders reserve capacity up front and append;
/// no `Data`, no per-value allocation.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        append(UInt8(truncatingIfNeeded: rest))
    }

    /// Zig-zag encodes `value` so that small magnitudes of either sign take few bytes.
    @inline(__always)
    mutating func appendLong(_ value: Int64) {
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    @inline(__always)
    mutating func appendInt(_ value: Int32) {
        appendLong(Int64(value))
    }

    @inline(__always)
    mutating func appendBoolean(_ value: Bool) {
        append(value ? 1 : 0)
    }

    mutating func appendFloat(_ value: Float) {
        let bits = value.bitPattern.littleEndian
        Swift.withUnsafeBytes(of: bits) { append(contentsOf: $0) }
    }

    mutating func appendDouble(_ value: Double) {
        let bits = value.bitPattern.littleEndian
        Swift.withUnsafeBytes(of: bits) { append(contentsOf: $0) }
    }

    mutating func appendBytes(_ value: [UInt8]) {
        appendLong(Int64(value.count))
        append(contentsOf: value)
    }

    mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            appendLong(Int64(utf8.count))
            append(contentsOf: utf8)
        }
    }
}
