/// One reason why data written with one schema cannot be read with another.
///
/// ``kind`` uses the names of Apache Avro's Java `SchemaCompatibility` (which Confluent's Schema Registry
/// reports), and ``location`` is a JSON-pointer-like path into the reader's schema as Java writes it
/// (`/fields/1/type/items`), so a registry can answer in Confluent's format. ``path`` is the readable form
/// (`OrderEvent.payload(CreateOrderPayload).items[].price`).
public struct AvroIncompatibility: Sendable, Hashable, CustomStringConvertible {
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Named types (record, enum, fixed) whose names and aliases do not match.
        public static let nameMismatch = Kind(rawValue: "NAME_MISMATCH")
        /// Two fixed types of different sizes.
        public static let fixedSizeMismatch = Kind(rawValue: "FIXED_SIZE_MISMATCH")
        /// The writer's enum has symbols the reader's lacks, and the reader's has no default.
        public static let missingEnumSymbols = Kind(rawValue: "MISSING_ENUM_SYMBOLS")
        /// A reader field that the writer lacks has no default.
        public static let readerFieldMissingDefaultValue = Kind(rawValue: "READER_FIELD_MISSING_DEFAULT_VALUE")
        /// The types differ and no promotion applies.
        public static let typeMismatch = Kind(rawValue: "TYPE_MISMATCH")
        /// The reader's union has no branch for a type the writer may write.
        public static let missingUnionBranch = Kind(rawValue: "MISSING_UNION_BRANCH")
    }

    public let kind: Kind
    /// Readable path in the reader's schema.
    public let path: String
    /// Java-style location in the reader's schema, `/` for the root.
    public let location: String
    public let message: String

    public var description: String {
        path.isEmpty ? "\(kind): \(message)" : "\(kind) at \(path): \(message)"
    }
}
