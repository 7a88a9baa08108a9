import CZlib

/// Raw deflate through zlib (window bits −15: no zlib header or trailer, as Avro's `deflate` codec
/// specifies), and zlib's CRC-32 for the snappy codec.
enum Deflate {
    static func compress(_ input: [UInt8]) throws(AvroError) -> [UInt8] {
        var stream = z_stream()
        let version = zlibVersion()
        guard
            deflateInit2_(
                &stream,
                Z_DEFAULT_COMPRESSION,
                Z_DEFLATED,
                -15,
                8,
                Z_DEFAULT_STRATEGY,
                version,
                Int32(MemoryLayout<z_stream>.size)
            ) == Z_OK
        else { throw .codec("deflateInit2 failed") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: max(bound, 16))
        let status = input.withUnsafeBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer in
                // zlib does not write through next_in; the mutable pointer type is only its C signature.
                stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .codec("deflate failed with status \(status)") }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }

    /// Inflates `input`, refusing to produce more than `limit` bytes (a compression bomb stops there).
    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(AvroError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .codec("inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        stream.avail_in = uInt(input.count)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(max(input.count * 4, 4096), 1 << 20))
        while true {
            let (status, produced) = chunk.withUnsafeMutableBytes { buffer in
                stream.next_out = buffer.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(buffer.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.avail_out))
            }
            guard output.count + produced <= limit else {
                throw .limitExceeded("decompressed block exceeds the limit of \(limit) bytes")
            }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                return output
            case Z_OK:
                continue
            case Z_BUF_ERROR where produced > 0:
                continue
            default:
                throw .codec("invalid deflate data (status \(status))")
            }
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { buffer in
            UInt32(
                truncatingIfNeeded: CZlib.crc32(0, buffer.bindMemory(to: Bytef.self).baseAddress, uInt(buffer.count))
            )
        }
    }
}
