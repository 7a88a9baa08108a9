extension AvroDatumReader {
    /// Decodes a single-object message, checking that it was written with this reader's writer schema.
    public func decodeSingleObject(_ message: [UInt8]) throws(AvroError) -> AvroValue {
        let fingerprint = try AvroSingleObject.fingerprint(of: message)
        let expected = plan.writer.schema.rabinFingerprint
        guard fingerprint == expected else {
            throw .incompatible(
                "message was written with schema fingerprint \(String(fingerprint, radix: 16)), not \(String(expected, radix: 16))"
            )
        }
        return try message.withAvroBytes { (buffer) throws(AvroError) in
            try decode(UnsafeRawBufferPointer(rebasing: buffer[AvroSingleObject.headerSize...]))
        }
    }
}
