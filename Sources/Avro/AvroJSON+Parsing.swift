extension AvroJSON {
    /// The deepest nesting of arrays and objects the parser accepts: each level is a stack frame, and
    /// no schema or datum a person writes comes near it.
    public static let defaultMaximumDepth = 256

    /// Parses one JSON text. Besides standard JSON it accepts the literals `NaN`, `Infinity` and
    /// `-Infinity`, which Python's `json` module (and so fastavro) writes for non-finite floats.
    public init(parsing text: String, maximumDepth: Int = AvroJSON.defaultMaximumDepth) throws(AvroError) {
        var copy = text
        self = try copy.withAvroUTF8 { (bytes) throws(AvroError) in
            try AvroJSON(parsing: bytes, maximumDepth: maximumDepth)
        }
    }

    /// Parses one JSON text from UTF-8 bytes.
    public init(parsing bytes: [UInt8], maximumDepth: Int = AvroJSON.defaultMaximumDepth) throws(AvroError) {
        self = try bytes.withAvroBytes { (buffer) throws(AvroError) in
            try AvroJSON(parsing: buffer, maximumDepth: maximumDepth)
        }
    }

    init(parsing bytes: UnsafeRawBufferPointer, maximumDepth: Int) throws(AvroError) {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        parser.skipWhitespace()
        self = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.isAtEnd else { throw .invalidJSON("unexpected text after the JSON value", offset: parser.index) }
    }
}
