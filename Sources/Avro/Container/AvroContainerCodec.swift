/// The compression codec of an object container file's blocks (`avro.codec` in the header).
public struct AvroContainerCodec: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard ["null", "deflate", "snappy"].contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    private init(_ rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// No compression.
    public static let null = AvroContainerCodec("null")
    /// Raw deflate (RFC 1951, no zlib header), as the specification requires.
    public static let deflate = AvroContainerCodec("deflate")
    /// Snappy, followed by the big-endian CRC-32 of the uncompressed block.
    public static let snappy = AvroContainerCodec("snappy")

    func compress(_ block: [UInt8]) throws(AvroError) -> [UInt8] {
        switch rawValue {
        case "deflate": return try Deflate.compress(block)
        case "snappy":
            var output = Snappy.compress(block)
            let checksum = Deflate.crc32(block)
            for shift in stride(from: 24, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: checksum >> UInt32(shift)))
            }
            return output
        default: return block
        }
    }

    func decompress(_ block: UnsafeRawBufferPointer, limit: Int) throws(AvroError) -> [UInt8] {
        switch rawValue {
        case "deflate": return try Deflate.decompress(block, limit: limit)
        case "snappy":
            guard block.count >= 4 else { throw .codec("snappy block shorter than its checksum") }
            let body = UnsafeRawBufferPointer(rebasing: block[..<(block.count - 4)])
            let output = try Snappy.decompress(body, limit: limit)
            let expected = block[(block.count - 4)...].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard Deflate.crc32(output) == expected else { throw .codec("snappy block checksum mismatch") }
            return output
        default:
            guard block.count <= limit else {
                throw .limitExceeded("block of \(block.count) bytes exceeds the limit of \(limit)")
            }
            return [UInt8](block)
        }
    }
}
