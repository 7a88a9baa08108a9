extension RegistryError {
    /// The kinds of ``RegistryError``. Compare with the static constants; the set may grow.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Backing: String, Sendable {
            case subjectNotFound, versionNotFound, schemaNotFound, subjectSoftDeleted, subjectNotSoftDeleted
            case versionSoftDeleted, versionNotSoftDeleted, subjectCompatibilityNotConfigured
            case invalidSchema, invalidVersion, invalidCompatibilityLevel, incompatibleSchema
            case badRequest, routeNotFound, payloadTooLarge, storeError, storeTimeout, notWriter
            case unreachable, unexpectedResponse, unknownMagicByte, truncatedFrame, serialization
            case deserialization
        }

        fileprivate let backing: Backing

        fileprivate init(backing: Backing) {
            self.backing = backing
        }

        public var description: String { backing.rawValue }

        // Answers of a registry, with Confluent's error codes.

        /// 40401: the subject has no live version (or never existed).
        public static let subjectNotFound = Code(backing: .subjectNotFound)
        /// 40402: the subject exists but not this version.
        public static let versionNotFound = Code(backing: .versionNotFound)
        /// 40403: no schema has this id, or the subject holds no such schema (lookup).
        public static let schemaNotFound = Code(backing: .schemaNotFound)
        /// 40404: the subject was soft-deleted already; delete it with `permanent=true`.
        public static let subjectSoftDeleted = Code(backing: .subjectSoftDeleted)
        /// 40405: a permanent delete of a subject that was not soft-deleted first.
        public static let subjectNotSoftDeleted = Code(backing: .subjectNotSoftDeleted)
        /// 40406: the version was soft-deleted already.
        public static let versionSoftDeleted = Code(backing: .versionSoftDeleted)
        /// 40407: a permanent delete of a version that was not soft-deleted first.
        public static let versionNotSoftDeleted = Code(backing: .versionNotSoftDeleted)
        /// 40408: the subject has no compatibility level of its own.
        public static let subjectCompatibilityNotConfigured = Code(backing: .subjectCompatibilityNotConfigured)
        /// 42201: the schema text is not a valid schema.
        public static let invalidSchema = Code(backing: .invalidSchema)
        /// 42202: a version that is neither a number in `1...2^31-1` nor `latest`.
        public static let invalidVersion = Code(backing: .invalidVersion)
        /// 42203: a compatibility level that does not exist.
        public static let invalidCompatibilityLevel = Code(backing: .invalidCompatibilityLevel)
        /// 409: the schema breaks the subject's compatibility level.
        public static let incompatibleSchema = Code(backing: .incompatibleSchema)
        /// 400: the request body is not the JSON the endpoint takes.
        public static let badRequest = Code(backing: .badRequest)
        /// 404: no such endpoint.
        public static let routeNotFound = Code(backing: .routeNotFound)
        /// 413: the request body is larger than the server accepts.
        public static let payloadTooLarge = Code(backing: .payloadTooLarge)
        /// 50001: the registry's store (the `_schemas` topic) failed.
        public static let storeError = Code(backing: .storeError)
        /// 50002: the store did not answer in time.
        public static let storeTimeout = Code(backing: .storeTimeout)
        /// 50003: this instance may not write now (another one writes, or it is not ready).
        public static let notWriter = Code(backing: .notWriter)

        // Failures on the client side.

        /// No answer from the registry: connection refused, reset, or timed out. Transient.
        public static let unreachable = Code(backing: .unreachable)
        /// The registry answered something this client does not understand.
        public static let unexpectedResponse = Code(backing: .unexpectedResponse)
        /// The bytes do not start with the wire format's magic byte 0.
        public static let unknownMagicByte = Code(backing: .unknownMagicByte)
        /// Fewer than 5 bytes: no room for the magic byte and the schema id.
        public static let truncatedFrame = Code(backing: .truncatedFrame)
        /// A value does not match the schema it is written with.
        public static let serialization = Code(backing: .serialization)
        /// The Avro body does not decode with its writer schema, or does not resolve to the reader schema.
        public static let deserialization = Code(backing: .deserialization)

        var isTransient: Bool {
            switch backing {
            case .unreachable, .storeError, .storeTimeout, .notWriter: true
            default: false
            }
        }

        /// The `error_code` a registry sends for this kind, when it has one.
        var defaultErrorCode: Int? {
            switch backing {
            case .subjectNotFound: 40401
            case .versionNotFound: 40402
            case .schemaNotFound: 40403
            case .subjectSoftDeleted: 40404
            case .subjectNotSoftDeleted: 40405
            case .versionSoftDeleted: 40406
            case .versionNotSoftDeleted: 40407
            case .subjectCompatibilityNotConfigured: 40408
            case .invalidSchema: 42201
            case .invalidVersion: 42202
            case .invalidCompatibilityLevel: 42203
            case .incompatibleSchema: 409
            case .badRequest: 400
            case .routeNotFound: 404
            case .payloadTooLarge: 413
            case .storeError: 50001
            case .storeTimeout: 50002
            case .notWriter: 50003
            case .unreachable, .unexpectedResponse, .unknownMagicByte, .truncatedFrame, .serialization,
                .deserialization:
                nil
            }
        }

        /// The code for an `error_code` a registry answered with; `nil` for one this module does not know.
        package init?(errorCode: Int) {
            let all: [Backing] = [
                .subjectNotFound, .versionNotFound, .schemaNotFound, .subjectSoftDeleted, .subjectNotSoftDeleted,
                .versionSoftDeleted, .versionNotSoftDeleted, .subjectCompatibilityNotConfigured, .invalidSchema,
                .invalidVersion, .invalidCompatibilityLevel, .incompatibleSchema, .badRequest, .routeNotFound,
                .payloadTooLarge, .storeError, .storeTimeout, .notWriter,
            ]
            guard let backing = all.first(where: { Code(backing: $0).defaultErrorCode == errorCode }) else {
                return nil
            }
            self.backing = backing
        }
    }
}
