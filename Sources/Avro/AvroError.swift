/// The one error type of the `Avro` module.
///
/// A struct rather than an enum so that new codes can be added without breaking anyone's exhaustive
/// `switch` (swift-kafka-client's reason). Match on ``code`` (`error.code == .truncated`).
///
/// ``path`` names where in the schema the failure happened (`OrderEvent.payload(CreateOrderPayload).items[].price`)
/// and ``offset`` the byte offset in the input when there is one. ``message`` is what a user should see
/// (it is what `avro-tool` prints and what a service can put in a 400 body); `description` adds the code
/// and the place in this module that raised the error, which is what a bug report needs.
public struct AvroError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public let code: Code
    /// Why it failed, without path, offset or location.
    public let reason: String
    /// Where in the schema or datum: record and field names, `[]` for array items, `{}` for map values
    /// and `(Branch)` for a union branch. Empty when the failure concerns the whole input.
    public internal(set) var path: String
    /// The byte offset in the binary input at which decoding failed, when decoding binary data.
    public internal(set) var offset: Int?
    private let file: String
    private let line: UInt

    /// `path: reason (at byte N)`: one line for a log, a 400 body or `avro-tool`'s stderr.
    public var message: String {
        var text = path.isEmpty ? reason : "\(path): \(reason)"
        if let offset { text += " (at byte \(offset))" }
        return text
    }

    public var description: String { "AvroError.\(code): \(message) \(file):\(line)" }

    init(_ code: Code, _ reason: String, path: String = "", offset: Int? = nil, file: String, line: UInt) {
        self.code = code
        self.reason = reason
        self.path = path
        self.offset = offset
        self.file = file
        self.line = line
    }

    /// Adds an outer path component, so that nested decoders report the full path without paying for
    /// path bookkeeping on the success path: each level prepends its part only while the error unwinds.
    func prefixed(_ component: String) -> AvroError {
        var copy = self
        if copy.path.isEmpty {
            copy.path = component
        } else if copy.path.hasPrefix("[") || copy.path.hasPrefix("{") || copy.path.hasPrefix("(") {
            copy.path = component + copy.path
        } else {
            copy.path = component + "." + copy.path
        }
        return copy
    }

    func at(offset: Int) -> AvroError {
        var copy = self
        if copy.offset == nil { copy.offset = offset }
        return copy
    }
}

// MARK: - Error codes

extension AvroError {
    /// The kinds of ``AvroError``. Compare with the static constants; the set may grow.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Backing: String, Sendable {
            case invalidJSON, invalidSchema, truncated, malformed, invalidUTF8, limitExceeded
            case typeMismatch, missingField, incompatibleSchemas, invalidContainer, codec, unsupported
        }

        fileprivate let backing: Backing

        public var description: String { backing.rawValue }

        /// Text that should be JSON is not, or nests deeper than the parser allows.
        public static let invalidJSON = Code(backing: .invalidJSON)
        /// A schema breaks a rule of the specification: unknown type, bad name, duplicate symbol, bad default.
        public static let invalidSchema = Code(backing: .invalidSchema)
        /// The binary input ends before the datum does.
        public static let truncated = Code(backing: .truncated)
        /// The binary input cannot be an encoding of the schema: negative length, overlong varint,
        /// union or enum index out of range, bytes left over.
        public static let malformed = Code(backing: .malformed)
        /// A string's bytes are not valid UTF-8.
        public static let invalidUTF8 = Code(backing: .invalidUTF8)
        /// A length, count or nesting depth exceeds ``AvroLimits``.
        public static let limitExceeded = Code(backing: .limitExceeded)
        /// A value does not fit the schema: wrong kind, out of range, unknown symbol, decimal too precise.
        public static let typeMismatch = Code(backing: .typeMismatch)
        /// A record value lacks a field that has no default.
        public static let missingField = Code(backing: .missingField)
        /// Data written with one schema cannot be read with the other (schema resolution failed).
        public static let incompatibleSchemas = Code(backing: .incompatibleSchemas)
        /// An object container file has a bad header, block or sync marker.
        public static let invalidContainer = Code(backing: .invalidContainer)
        /// A compression codec failed or is not supported.
        public static let codec = Code(backing: .codec)
        /// The operation is valid Avro but this implementation does not do it (for example a Codable
        /// shape that has no Avro counterpart).
        public static let unsupported = Code(backing: .unsupported)
    }
}

// MARK: - Factories

extension AvroError {
    static func invalidJSON(
        _ reason: String,
        offset: Int? = nil,
        file: String = #fileID,
        line: UInt = #line
    )
        -> AvroError
    {
        AvroError(.invalidJSON, reason, offset: offset, file: file, line: line)
    }

    static func invalidSchema(
        _ reason: String,
        path: String = "",
        file: String = #fileID,
        line: UInt = #line
    )
        -> AvroError
    {
        AvroError(.invalidSchema, reason, path: path, file: file, line: line)
    }

    static func truncated(_ reason: String, offset: Int, file: String = #fileID, line: UInt = #line) -> AvroError {
        AvroError(.truncated, reason, offset: offset, file: file, line: line)
    }

    static func malformed(
        _ reason: String,
        offset: Int? = nil,
        file: String = #fileID,
        line: UInt = #line
    )
        -> AvroError
    {
        AvroError(.malformed, reason, offset: offset, file: file, line: line)
    }

    static func invalidUTF8(offset: Int, file: String = #fileID, line: UInt = #line) -> AvroError {
        AvroError(.invalidUTF8, "string is not valid UTF-8", offset: offset, file: file, line: line)
    }

    static func limitExceeded(
        _ reason: String,
        offset: Int? = nil,
        file: String = #fileID,
        line: UInt = #line
    )
        -> AvroError
    {
        AvroError(.limitExceeded, reason, offset: offset, file: file, line: line)
    }

    static func typeMismatch(
        _ reason: String,
        path: String = "",
        file: String = #fileID,
        line: UInt = #line
    )
        -> AvroError
    {
        AvroError(.typeMismatch, reason, path: path, file: file, line: line)
    }

    static func missingField(_ name: String, file: String = #fileID, line: UInt = #line) -> AvroError {
        AvroError(.missingField, "missing required field '\(name)'", file: file, line: line)
    }

    static func incompatible(
        _ reason: String,
        path: String = "",
        file: String = #fileID,
        line: UInt = #line
    )
        -> AvroError
    {
        AvroError(.incompatibleSchemas, reason, path: path, file: file, line: line)
    }

    static func invalidContainer(
        _ reason: String,
        offset: Int? = nil,
        file: String = #fileID,
        line: UInt = #line
    )
        -> AvroError
    {
        AvroError(.invalidContainer, reason, offset: offset, file: file, line: line)
    }

    static func codec(_ reason: String, file: String = #fileID, line: UInt = #line) -> AvroError {
        AvroError(.codec, reason, file: file, line: line)
    }

    static func unsupported(_ reason: String, file: String = #fileID, line: UInt = #line) -> AvroError {
        AvroError(.unsupported, reason, file: file, line: line)
    }
}
