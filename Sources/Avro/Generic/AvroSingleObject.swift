/// Single-object encoding: the two marker bytes `C3 01`, the schema's CRC-64-AVRO fingerprint (8 bytes,
/// little-endian), then the datum. Lets a reader find the writer's schema by fingerprint.
public enum AvroSingleObject {
    public static let marker: [UInt8] = [0xC3, 0x01]
    static let headerSize = 10

    /// The header for data written with `schema`.
    public static func header(for schema: AvroSchema) -> [UInt8] {
        marker + schema.fingerprint(.rabin)
    }

    /// The writer schema's fingerprint in a single-object message, or an error when the message does
    /// not start with the marker and a full fingerprint.
    public static func fingerprint(of message: [UInt8]) throws(AvroError) -> UInt64 {
        guard message.count >= headerSize, message[0] == marker[0], message[1] == marker[1] else {
            throw .malformed("not a single-object encoded message (no C3 01 header)")
        }
        return (0..<8).reduce(UInt64(0)) { $0 | UInt64(message[2 + $1]) << (8 * UInt64($1)) }
    }
}
