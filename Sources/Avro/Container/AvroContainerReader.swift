/// Reads an object container file held in memory: checks the header, then each block's count, size,
/// codec and sync marker before decoding its datums. Datums can be read as written or resolved to a
/// reader's schema.
public struct AvroContainerReader: Sendable {
    static let magic: [UInt8] = [0x4F, 0x62, 0x6A, 0x01]

    /// The writer's schema, from the header.
    public let schema: AvroSchema
    /// The writer's schema exactly as stored in the header.
    public let schemaText: String
    public let codec: AvroContainerCodec
    /// Every header entry, `avro.schema` and `avro.codec` included.
    public let metadata: [String: [UInt8]]
    public let syncMarker: [UInt8]
    public let limits: AvroLimits

    private let bytes: [UInt8]
    private let firstBlock: Int
    private let graph: SchemaGraph

    public init(bytes: [UInt8], limits: AvroLimits = .default) throws(AvroError) {
        self.bytes = bytes
        self.limits = limits
        let header = try bytes.withAvroBytes { (buffer) throws(AvroError) in try Self.readHeader(buffer, limits: limits)
        }
        guard let schemaBytes = header.metadata["avro.schema"] else {
            throw .invalidContainer("header has no avro.schema")
        }
        guard let text = String(validating: schemaBytes, as: UTF8.self) else {
            throw .invalidContainer("avro.schema is not UTF-8")
        }
        let codecName = header.metadata["avro.codec"].flatMap { String(validating: $0, as: UTF8.self) } ?? "null"
        guard let codec = AvroContainerCodec(rawValue: codecName) else {
            throw .codec("unsupported codec '\(codecName)'")
        }
        self.schemaText = text
        self.schema = try AvroSchema(parsing: text)
        self.graph = try SchemaGraph(schema)
        self.codec = codec
        self.metadata = header.metadata
        self.syncMarker = header.sync
        self.firstBlock = header.end
    }

    private static func readHeader(
        _ buffer: UnsafeRawBufferPointer,
        limits: AvroLimits
    ) throws(AvroError)
        -> (metadata: [String: [UInt8]], sync: [UInt8], end: Int)
    {
        var input = AvroByteReader(buffer, limits: limits)
        guard buffer.count >= 4, Array(input.take(4)) == magic else {
            throw .invalidContainer("not an Avro object container file")
        }
        var metadata: [String: [UInt8]] = [:]
        var total = 0
        while true {
            let (count, _) = try input.readBlockCount(total: total, itemsCanBeEmpty: false)
            if count == 0 { break }
            total += count
            for _ in 0..<count {
                let key = try input.readString()
                metadata[key] = try input.readBytes()
            }
        }
        let sync = try input.readFixed(16)
        return (metadata, sync, input.position)
    }

    /// The decompressed blocks with their datum counts, after checking sizes, sync markers and limits.
    public func blocks() throws(AvroError) -> [(data: [UInt8], count: Int)] {
        try bytes.withAvroBytes { (buffer) throws(AvroError) in
            var input = AvroByteReader(buffer, position: firstBlock, limits: limits)
            var blocks: [(data: [UInt8], count: Int)] = []
            while !input.isAtEnd {
                let start = input.position
                let count = try input.readLong()
                let size = try input.readLong()
                guard count >= 0, size >= 0, size <= input.remaining else {
                    throw .invalidContainer("invalid block header", offset: start)
                }
                let compressed = input.take(Int(size))
                guard try input.readFixed(16) == syncMarker else {
                    throw .invalidContainer("sync marker mismatch", offset: input.position - 16)
                }
                let block = try codec.decompress(compressed, limit: limits.maxBlockSize)
                // Datums of at least one byte cannot outnumber the bytes; zero-byte datums count against the limit.
                guard count <= (rootCanBeEmpty ? limits.maxCollectionSize : block.count) else {
                    throw .limitExceeded("block claims \(count) datums in \(block.count) bytes", offset: start)
                }
                blocks.append((block, Int(count)))
            }
            return blocks
        }
    }

    /// Every datum as a generic value, resolved to `readerSchema` when one is given.
    public func values(readerSchema: AvroSchema? = nil) throws(AvroError) -> [AvroValue] {
        let reader: AvroDatumReader
        if let readerSchema {
            reader = try AvroDatumReader(writerSchema: schema, readerSchema: readerSchema, limits: limits)
        } else {
            reader = try AvroDatumReader(schema: schema, limits: limits)
        }
        var values: [AvroValue] = []
        for (data, count) in try blocks() {
            try data.withAvroBytes { (buffer) throws(AvroError) in
                var input = AvroByteReader(buffer, limits: limits)
                for _ in 0..<count { values.append(try reader.decode(from: &input)) }
                guard input.isAtEnd else {
                    throw .invalidContainer("block has \(input.remaining) bytes after its datums")
                }
            }
        }
        return values
    }

    /// Every datum as a Swift value, resolved to `readerSchema` when one is given.
    public func decode<T: Decodable>(_ type: T.Type, readerSchema: AvroSchema? = nil) throws -> [T] {
        let decoder =
            try readerSchema.map { try AvroDecoder(writerSchema: schema, readerSchema: $0, limits: limits) }
            ?? AvroDecoder(schema: schema, limits: limits)
        var result: [T] = []
        for datum in try datums() {
            result.append(try decoder.decode(type, from: datum))
        }
        return result
    }

    /// The binary encoding of each datum, found by skipping through the blocks with the schema.
    public func datums() throws(AvroError) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for (data, count) in try blocks() {
            try data.withAvroBytes { (buffer) throws(AvroError) in
                var input = AvroByteReader(buffer, limits: limits)
                for _ in 0..<count {
                    let start = input.position
                    try graph.skipValue(graph.root, in: &input, depth: 0)
                    result.append([UInt8](UnsafeRawBufferPointer(rebasing: buffer[start..<input.position])))
                }
                guard input.isAtEnd else {
                    throw .invalidContainer("block has \(input.remaining) bytes after its datums")
                }
            }
        }
        return result
    }

    private var rootCanBeEmpty: Bool { graph[graph.root].canBeEmpty }
}
