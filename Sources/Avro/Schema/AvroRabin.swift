import Crypto

/// The CRC-64-AVRO Rabin fingerprint of the specification.
enum AvroRabin {
    static let empty: UInt64 = 0xc15d_213a_a4d7_a795

    static let table: [UInt64] = (0..<256).map { index in
        var value = UInt64(index)
        for _ in 0..<8 {
            value = (value >> 1) ^ (empty & (0 &- (value & 1)))
        }
        return value
    }

    static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
        var value = empty
        table.withUnsafeBufferPointer { table in
            for byte in bytes {
                value = (value >> 8) ^ table[Int((value ^ UInt64(byte)) & 0xff)]
            }
        }
        return value
    }
}
