extension AvroDecoder {
    /// Decodes a single-object message, checking that it was written with this decoder's writer schema.
    public func decodeSingleObject<T: Decodable>(_ type: T.Type, from message: [UInt8]) throws -> T {
        let fingerprint = try AvroSingleObject.fingerprint(of: message)
        let expected = plan.writer.schema.rabinFingerprint
        guard fingerprint == expected else {
            throw AvroError.incompatible(
                "message was written with schema fingerprint \(String(fingerprint, radix: 16)), not \(String(expected, radix: 16))"
            )
        }
        return try message.withUnsafeBytes { buffer in
            try decode(type, from: UnsafeRawBufferPointer(rebasing: buffer[AvroSingleObject.headerSize...]))
        }
    }
}
