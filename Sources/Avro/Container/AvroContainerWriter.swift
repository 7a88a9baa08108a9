/// Writes an object container file in memory: header (magic, metadata with the schema and codec, sync
/// marker), then blocks of datums, each followed by the sync marker.
public struct AvroContainerWriter: Sendable {
    public let schema: AvroSchema
    public let codec: AvroContainerCodec
    public let syncMarker: [UInt8]
    /// How many datums go into one block before it is compressed and written. Default: 1000.
    public var datumsPerBlock: Int = 1000

    private let datumWriter: AvroDatumWriter
    private let encoder: AvroEncoder
    private var output: [UInt8] = []
    private var block: [UInt8] = []
    private var blockCount = 0

    /// - Parameters:
    ///   - metadata: extra header entries; keys starting with `avro.` are reserved and rejected.
    ///   - syncMarker: 16 bytes; random by default. Pass one for reproducible output.
    public init(
        schema: AvroSchema,
        codec: AvroContainerCodec = .null,
        metadata: [String: [UInt8]] = [:],
        syncMarker: [UInt8]? = nil
    ) throws(AvroError) {
        self.schema = schema
        self.codec = codec
        let marker = syncMarker ?? (0..<16).map { _ in UInt8.random(in: 0...255) }
        guard marker.count == 16 else { throw .invalidContainer("a sync marker has 16 bytes, not \(marker.count)") }
        for key in metadata.keys where key.hasPrefix("avro.") {
            throw .invalidContainer("metadata key '\(key)' is reserved")
        }
        self.syncMarker = marker
        self.datumWriter = try AvroDatumWriter(schema: schema)
        self.encoder = try AvroEncoder(schema: schema)
        writeHeader(metadata: metadata)
    }

    private mutating func writeHeader(metadata: [String: [UInt8]]) {
        output.append(contentsOf: AvroContainerReader.magic)
        var entries = metadata
        entries["avro.schema"] = Array(schema.jsonText.utf8)
        entries["avro.codec"] = Array(codec.rawValue.utf8)
        output.appendLong(Int64(entries.count))
        for key in entries.keys.sorted() {
            output.appendString(key)
            output.appendBytes(entries[key] ?? [])
        }
        output.append(0)
        output.append(contentsOf: syncMarker)
    }

    /// Appends a generic value.
    public mutating func append(_ value: AvroValue) throws(AvroError) {
        try datumWriter.encode(value, into: &block)
        try datumAdded()
    }

    /// Appends a Swift value through ``AvroEncoder``.
    public mutating func append<T: Encodable>(_ value: T) throws {
        try encoder.encode(value, into: &block)
        try datumAdded()
    }

    /// Appends a datum already in the binary encoding of ``schema`` (not checked).
    public mutating func appendEncoded(_ datum: [UInt8]) throws(AvroError) {
        block.append(contentsOf: datum)
        try datumAdded()
    }

    private mutating func datumAdded() throws(AvroError) {
        blockCount += 1
        if blockCount >= datumsPerBlock { try flush() }
    }

    /// Writes the pending datums as a block.
    public mutating func flush() throws(AvroError) {
        guard blockCount > 0 else { return }
        let compressed = try codec.compress(block)
        output.appendLong(Int64(blockCount))
        output.appendLong(Int64(compressed.count))
        output.append(contentsOf: compressed)
        output.append(contentsOf: syncMarker)
        block.removeAll(keepingCapacity: true)
        blockCount = 0
    }

    /// Flushes and returns the whole file.
    public mutating func finish() throws(AvroError) -> [UInt8] {
        try flush()
        return output
    }
}
