import Crypto

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
