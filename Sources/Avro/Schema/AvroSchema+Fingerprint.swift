import Crypto

/// The fingerprint algorithms the specification names.
public enum AvroFingerprintAlgorithm: String, Sendable, CaseIterable {
    /// CRC-64-AVRO, the 64-bit Rabin fingerprint used by single-object encoding.
    case rabin
    case md5
    case sha256
}

extension AvroSchema {
    /// The CRC-64-AVRO (Rabin) fingerprint of the Parsing Canonical Form.
    public var rabinFingerprint: UInt64 { AvroRabin.fingerprint(Array(canonicalForm.utf8)) }

    /// The fingerprint of the Parsing Canonical Form as bytes: Rabin as 8 bytes little-endian (the order
    /// single-object encoding and Java's `SchemaNormalization` use), MD5 as 16 and SHA-256 as 32 bytes.
    public func fingerprint(_ algorithm: AvroFingerprintAlgorithm) -> [UInt8] {
        let canonical = Array(canonicalForm.utf8)
        switch algorithm {
        case .rabin:
            let value = AvroRabin.fingerprint(canonical)
            return (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        case .md5: return Array(Insecure.MD5.hash(data: canonical))
        case .sha256: return Array(SHA256.hash(data: canonical))
        }
    }
}

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
