import Crypto

/// The fingerprint algorithms the specification names.
public enum AvroFingerprintAlgorithm: String, Sendable, CaseIterable {
    /// CRC-64-AVRO, the 64-bit Rabin fingerprint used by single-object encoding.
    case rabin
    case md5
    case sha256
}
