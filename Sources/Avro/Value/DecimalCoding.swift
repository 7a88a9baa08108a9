import Foundation

/// Conversions between Swift `Decimal` and Avro's decimal representation (a two's-complement big-endian
/// unscaled integer). Foundation keeps `Decimal`'s mantissa internal on Linux, so the fast path reads
/// the documented `NSDecimal` memory layout after checking, once, that it is the layout in use; if it
/// ever is not, the slow path goes through `description`, which is always correct.
enum DecimalCoding {
    // MARK: Decimal → unscaled integer

    /// The unscaled value of `value` at `scale`: exact, or an error if `value` has more fraction digits
    /// than `scale`, more digits than `precision`, or does not fit 128 bits.
    static func unscaled(_ value: Decimal, scale: Int, precision: Int) throws(AvroError) -> Int128 {
        guard !value.isNaN else { throw .typeMismatch("NaN is not a decimal value") }
        let (magnitude, exponent, isNegative) = components(of: value)
        var unscaled = magnitude
        let shift = exponent + scale
        if shift > 0 {
            for _ in 0..<shift {
                let (product, overflow) = unscaled.multipliedReportingOverflow(by: 10)
                guard !overflow else { throw .typeMismatch("decimal \(value) does not fit precision \(precision)") }
                unscaled = product
            }
        } else if shift < 0 {
            for _ in 0 ..< -shift {
                let (quotient, remainder) = unscaled.quotientAndRemainder(dividingBy: 10)
                guard remainder == 0 else {
                    throw .typeMismatch("decimal \(value) has more than \(scale) fraction digits")
                }
                unscaled = quotient
            }
        }
        guard digitCount(unscaled) <= precision, unscaled <= UInt128(Int128.max) else {
            throw .typeMismatch("decimal \(value) does not fit precision \(precision)")
        }
        return isNegative ? -Int128(unscaled) : Int128(unscaled)
    }

    /// Magnitude, exponent and sign: `value = ±magnitude × 10^exponent`.
    static func components(of value: Decimal) -> (magnitude: UInt128, exponent: Int, isNegative: Bool) {
        if isLayoutKnown {
            return withUnsafeBytes(of: value) { raw in
                var magnitude: UInt128 = 0
                let length = min(Int(raw[1] >> 4), 8)
                for word in stride(from: length - 1, through: 0, by: -1) {
                    let low = UInt128(raw[4 + 2 * word]), high = UInt128(raw[5 + 2 * word])
                    magnitude = magnitude << 16 | high << 8 | low
                }
                return (magnitude, Int(Int8(bitPattern: raw[0])), raw[1] & 0x08 != 0 && magnitude != 0)
            }
        }
        return componentsFromDescription(of: value)
    }

    /// Whether `Decimal`'s bytes are `NSDecimal`'s: exponent byte, then length (high nibble) and sign
    /// (bit 3), two reserved bytes, eight little-endian 16-bit mantissa words.
    static let isLayoutKnown: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let probe = Decimal(sign: .minus, exponent: -3, significand: Decimal(UInt64(0x0001_0002_0003)))
        return withUnsafeBytes(of: probe) { raw in
            Int8(bitPattern: raw[0]) == -3 && raw[1] >> 4 == 3 && raw[1] & 0x08 != 0
                && Array(raw[4..<12]) == [3, 0, 2, 0, 1, 0, 0, 0] && Array(raw[12..<20]).allSatisfy { $0 == 0 }
        }
    }()

    private static func componentsFromDescription(of value: Decimal) -> (UInt128, Int, Bool) {
        var magnitude: UInt128 = 0
        var exponent = 0
        var seenPoint = false
        var isNegative = false
        for byte in value.description.utf8 {
            switch byte {
            case UInt8(ascii: "-"): isNegative = true
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                if overflow { exponent += seenPoint ? 0 : 1; continue }
                magnitude = product + UInt128(byte - UInt8(ascii: "0"))
                if seenPoint { exponent -= 1 }
            default: continue
            }
        }
        return (magnitude, exponent, isNegative && magnitude != 0)
    }

    static func digitCount(_ value: UInt128) -> Int {
        var count = 1
        var rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    /// Appends the minimal-length big-endian two's complement of `unscaled` the way fastavro and the
    /// Apache Python library size it: `(bitLength(|x|) + 8) / 8` bytes.
    static func appendTwosComplement(_ unscaled: Int128, to output: inout [UInt8]) {
        let count = byteCount(unscaled)
        for index in stride(from: count - 1, through: 0, by: -1) {
            output.append(UInt8(truncatingIfNeeded: unscaled >> (8 * index)))
        }
    }

    static func byteCount(_ unscaled: Int128) -> Int {
        let magnitude = unscaled.magnitude
        let bitLength = 128 - magnitude.leadingZeroBitCount
        return (bitLength + 8) / 8
    }

    /// Appends `unscaled` sign-extended to exactly `size` bytes, or throws if it does not fit.
    static func appendFixed(_ unscaled: Int128, size: Int, to output: inout [UInt8]) throws(AvroError) {
        let needed = minimalTwosComplementCount(unscaled)
        guard needed <= size else { throw .typeMismatch("decimal does not fit a fixed of \(size) bytes") }
        let fill: UInt8 = unscaled < 0 ? 0xFF : 0
        for _ in 0..<(size - min(size, 16)) { output.append(fill) }
        for index in stride(from: min(size, 16) - 1, through: 0, by: -1) {
            output.append(UInt8(truncatingIfNeeded: unscaled >> (8 * index)))
        }
    }

    private static func minimalTwosComplementCount(_ value: Int128) -> Int {
        let significantBits = value < 0 ? 128 - (~value).leadingZeroBitCount : 128 - value.leadingZeroBitCount
        return significantBits / 8 + 1
    }

    // MARK: unscaled integer → Decimal

    /// Reads a big-endian two's-complement integer of any length that fits in 128 bits.
    static func unscaled(fromTwosComplement bytes: UnsafeRawBufferPointer) throws(AvroError) -> Int128 {
        guard let first = bytes.first else { return 0 }
        let fill: UInt8 = first & 0x80 != 0 ? 0xFF : 0
        var start = 0
        // Leading sign-extension bytes beyond 16 are allowed as long as they are pure sign extension.
        while bytes.count - start > 16 {
            guard bytes[start] == fill else { throw .typeMismatch("decimal value does not fit 128 bits") }
            start += 1
        }
        var value: Int128 = first & 0x80 != 0 ? -1 : 0
        for index in start..<bytes.count {
            value = value << 8 | Int128(bytes[index])
        }
        if bytes.count - start == 16, (value < 0) != (fill == 0xFF) {
            throw .typeMismatch("decimal value does not fit 128 bits")
        }
        return value
    }

    static func decimal(unscaled: Int128, scale: Int) -> Decimal {
        let magnitude = unscaled.magnitude
        let significand: Decimal
        if magnitude <= UInt128(UInt64.max) {
            significand = Decimal(UInt64(magnitude))
        } else {
            let high = Decimal(UInt64(magnitude >> 64)), low = Decimal(UInt64(truncatingIfNeeded: magnitude))
            let twoToThe32 = Decimal(UInt64(1) << 32)
            significand = high * twoToThe32 * twoToThe32 + low
        }
        return Decimal(sign: unscaled < 0 ? .minus : .plus, exponent: -scale, significand: significand)
    }
}
