/// The Snappy block format (no framing), for the container files' `snappy` codec: a varint of the
/// uncompressed length, then literals and back-references. Decompression checks every length and
/// offset against the input and the output so far.
enum Snappy {
    // MARK: Decompression

    static func decompress(_ input: UnsafeRawBufferPointer, limit: Int) throws(AvroError) -> [UInt8] {
        var position = 0
        let length = try readLength(input, &position)
        guard length <= limit else { throw .limitExceeded("decompressed block exceeds the limit of \(limit) bytes") }
        var output: [UInt8] = []
        output.reserveCapacity(length)
        while position < input.count {
            let tag = input[position]
            position += 1
            switch tag & 0x03 {
            case 0: try literal(tag, input, &position, &output, length)
            case 1:
                guard position < input.count else { throw .codec("snappy copy runs past the end") }
                let count = Int((tag >> 2) & 0x07) + 4
                let offset = Int(tag >> 5) << 8 | Int(input[position])
                position += 1
                try copy(offset: offset, count: count, &output, length)
            case 2:
                let offset = try readLittleEndian(input, &position, bytes: 2)
                try copy(offset: offset, count: Int(tag >> 2) + 1, &output, length)
            default:
                let offset = try readLittleEndian(input, &position, bytes: 4)
                try copy(offset: offset, count: Int(tag >> 2) + 1, &output, length)
            }
        }
        guard output.count == length else { throw .codec("snappy block is shorter than its stated length") }
        return output
    }

    private static func readLength(_ input: UnsafeRawBufferPointer, _ position: inout Int) throws(AvroError) -> Int {
        var result = 0
        var shift = 0
        while true {
            guard position < input.count, shift <= 28 else { throw .codec("invalid snappy length") }
            let byte = input[position]
            position += 1
            result |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private static func readLittleEndian(
        _ input: UnsafeRawBufferPointer,
        _ position: inout Int,
        bytes: Int
    ) throws(AvroError) -> Int {
        guard input.count - position >= bytes else { throw .codec("snappy tag runs past the end") }
        var value = 0
        for index in 0..<bytes { value |= Int(input[position + index]) << (8 * index) }
        position += bytes
        return value
    }

    private static func literal(
        _ tag: UInt8,
        _ input: UnsafeRawBufferPointer,
        _ position: inout Int,
        _ output: inout [UInt8],
        _ length: Int
    ) throws(AvroError) {
        var count = Int(tag >> 2)
        if count >= 60 {
            count = try readLittleEndian(input, &position, bytes: count - 59)
        }
        count += 1
        guard count <= input.count - position, count <= length - output.count else {
            throw .codec("snappy literal runs past the end")
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[position..<(position + count)]))
        position += count
    }

    private static func copy(offset: Int, count: Int, _ output: inout [UInt8], _ length: Int) throws(AvroError) {
        guard offset > 0, offset <= output.count, count <= length - output.count else {
            throw .codec("invalid snappy back-reference")
        }
        let start = output.count - offset
        for index in 0..<count { output.append(output[start + index]) }
    }

    // MARK: Compression

    /// Greedy LZ77 with a hash table of 4-byte sequences, emitting the standard tags.
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 2 + 16)
        var length = input.count
        while length >= 0x80 {
            output.append(UInt8(truncatingIfNeeded: length) | 0x80)
            length >>= 7
        }
        output.append(UInt8(length))
        guard input.count >= 8 else {
            emitLiteral(input[...], to: &output)
            return output
        }
        var table = [Int](repeating: -1, count: 1 << 14)
        var position = 0
        var literalStart = 0
        while position + 4 <= input.count {
            let key = load32(input, position)
            let slot = Int((key &* 0x1E35_A7BD) >> 18)
            let candidate = table[slot]
            table[slot] = position
            if candidate >= 0, position - candidate <= 0xFFFF, load32(input, candidate) == key {
                emitLiteral(input[literalStart..<position], to: &output)
                var matched = 4
                while position + matched < input.count, input[candidate + matched] == input[position + matched] {
                    matched += 1
                }
                emitCopy(offset: position - candidate, count: matched, to: &output)
                position += matched
                literalStart = position
            } else {
                position += 1
            }
        }
        emitLiteral(input[literalStart...], to: &output)
        return output
    }

    private static func load32(_ input: [UInt8], _ position: Int) -> UInt32 {
        UInt32(input[position]) | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2]) << 16 | UInt32(
            input[position + 3]
        ) << 24
    }

    private static func emitLiteral(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        let count = bytes.count - 1
        if count < 60 {
            output.append(UInt8(count << 2))
        } else {
            var extra: [UInt8] = []
            var rest = count
            while rest > 0 {
                extra.append(UInt8(truncatingIfNeeded: rest))
                rest >>= 8
            }
            output.append(UInt8((59 + extra.count) << 2))
            output.append(contentsOf: extra)
        }
        output.append(contentsOf: bytes)
    }

    private static func emitCopy(offset: Int, count: Int, to output: inout [UInt8]) {
        var rest = count
        while rest > 0 {
            let chunk = rest > 64 ? (rest - 64 >= 4 ? 64 : 60) : rest
            output.append(UInt8((chunk - 1) << 2 | 0x02))
            output.append(UInt8(truncatingIfNeeded: offset))
            output.append(UInt8(truncatingIfNeeded: offset >> 8))
            rest -= chunk
        }
    }
}
