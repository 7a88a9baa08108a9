/// Confluent's framing of a Kafka record value: magic byte 0, the schema id as a 4-byte big-endian integer,
/// then the Avro binary body.
///
/// Every Confluent client (Java, confluent-kafka-python, Go, .NET) reads and writes this framing, which is
/// what lets their consumers read what our services produce and the reverse.
public enum RegistryWireFormat {
    /// The only framing version there is.
    public static let magicByte: UInt8 = 0
    /// Magic byte plus schema id.
    public static let headerSize = 5

    /// Prefixes `body` with the magic byte and `schemaID`.
    public static func frame(schemaID: SchemaID, body: some Collection<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(headerSize + body.count)
        appendHeader(schemaID: schemaID, to: &bytes)
        bytes.append(contentsOf: body)
        return bytes
    }

    /// Appends the 5-byte header, for encoders that write the body straight after it.
    public static func appendHeader(schemaID: SchemaID, to bytes: inout [UInt8]) {
        let id = UInt32(bitPattern: schemaID.rawValue)
        bytes.append(magicByte)
        bytes.append(UInt8(truncatingIfNeeded: id >> 24))
        bytes.append(UInt8(truncatingIfNeeded: id >> 16))
        bytes.append(UInt8(truncatingIfNeeded: id >> 8))
        bytes.append(UInt8(truncatingIfNeeded: id))
    }

    /// Splits framed bytes into schema id and body.
    ///
    /// - Throws: ``RegistryError`` `.truncatedFrame` for fewer than 5 bytes, `.unknownMagicByte` when the
    ///   first byte is not 0. Both are permanent: such a record is dead-lettered, not retried.
    public static func parse(_ bytes: [UInt8]) throws(RegistryError) -> (schemaID: SchemaID, body: ArraySlice<UInt8>) {
        guard bytes.count >= headerSize else { throw .truncatedFrame(count: bytes.count) }
        let start = bytes.startIndex
        guard bytes[start] == magicByte else { throw .unknownMagicByte(bytes[start]) }
        var id: UInt32 = 0
        for index in (start + 1)..<(start + headerSize) {
            id = id << 8 | UInt32(bytes[index])
        }
        return (SchemaID(rawValue: Int32(bitPattern: id)), bytes[(start + headerSize)...])
    }
}
