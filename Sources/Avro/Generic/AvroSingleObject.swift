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

extension AvroDatumWriter {
    /// `value` in single-object encoding.
    public func encodeSingleObject(_ value: AvroValue) throws(AvroError) -> [UInt8] {
        var output = AvroSingleObject.header(for: schema)
        try encode(value, into: &output)
        return output
    }
}

extension AvroEncoder {
    /// `value` in single-object encoding.
    public func encodeSingleObject<T: Encodable>(_ value: T) throws -> [UInt8] {
        var output = AvroSingleObject.header(for: schema)
        try encode(value, into: &output)
        return output
    }
}

extension AvroDatumReader {
    /// Decodes a single-object message, checking that it was written with this reader's writer schema.
    public func decodeSingleObject(_ message: [UInt8]) throws(AvroError) -> AvroValue {
        let fingerprint = try AvroSingleObject.fingerprint(of: message)
        let expected = plan.writer.schema.rabinFingerprint
        guard fingerprint == expected else {
            throw .incompatible("message was written with schema fingerprint \(String(fingerprint, radix: 16)), not \(String(expected, radix: 16))")
        }
        return try message.withAvroBytes { (buffer) throws(AvroError) in
            try decode(UnsafeRawBufferPointer(rebasing: buffer[AvroSingleObject.headerSize...]))
        }
    }
}

extension AvroDecoder {
    /// Decodes a single-object message, checking that it was written with this decoder's writer schema.
    public func decodeSingleObject<T: Decodable>(_ type: T.Type, from message: [UInt8]) throws -> T {
        let fingerprint = try AvroSingleObject.fingerprint(of: message)
        let expected = plan.writer.schema.rabinFingerprint
        guard fingerprint == expected else {
            throw AvroError.incompatible("message was written with schema fingerprint \(String(fingerprint, radix: 16)), not \(String(expected, radix: 16))")
        }
        return try message.withUnsafeBytes { buffer in
            try decode(type, from: UnsafeRawBufferPointer(rebasing: buffer[AvroSingleObject.headerSize...]))
        }
    }
}
