/// Why a record could not be applied. Each case maps to one handling (``RetryPolicy``).
public enum RecordFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value does not start with the wire format's magic byte 0.
    case wrongMagicByte(UInt8)
    /// The value is shorter than the wire format's 5-byte header.
    case truncatedFrame(byteCount: Int)
    /// The registry has no schema with this id.
    case unknownSchemaID(Int32)
    /// The bytes do not decode as an order event (corrupt, or written with another schema).
    case undecodable(String)
    /// The event breaks a business rule (duplicate CREATE, unknown order, forbidden transition).
    case rejected(String)
    /// Applying the event failed in a way that may pass on a retry.
    case processing(String)
    /// The store, registry or dead-letter topic cannot be reached; nothing is wrong with the record.
    case infrastructure(String)

    /// The `error_message` of the dead letter.
    public var message: String {
        switch self {
        case .wrongMagicByte(let byte):
            "Deserialization failed: wrong magic byte 0x\(String(byte, radix: 16, uppercase: true)) (expected 0x00, the Confluent wire format)"
        case .truncatedFrame(let count):
            "Deserialization failed: \(count) bytes, too short for the Confluent wire format (at least 5)"
        case .unknownSchemaID(let id): "Deserialization failed: unknown schema id \(id)"
        case .undecodable(let reason): "Deserialization failed: \(reason)"
        case .rejected(let reason): reason
        case .processing(let reason): "Processing failed: \(reason)"
        case .infrastructure(let reason): "Infrastructure unavailable: \(reason)"
        }
    }

    public var description: String { message }
}
