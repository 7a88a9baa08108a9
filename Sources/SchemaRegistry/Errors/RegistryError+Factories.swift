/// Factories: every error captures the `#fileID` and `#line` where it was created. `package` so that the
/// server's domain layer throws the very same errors, with Confluent's messages.
extension RegistryError {
    package static func subjectNotFound(_ subject: Subject, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .subjectNotFound, message: "Subject '\(subject)' not found.", file: file, line: line)
    }

    package static func versionNotFound(_ version: SchemaVersion, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .versionNotFound, message: "Version \(version) not found.", file: file, line: line)
    }

    package static func schemaNotFound(_ id: SchemaID? = nil, file: String = #fileID, line: UInt = #line) -> Self {
        let message = id.map { "Schema \($0) not found" } ?? "Schema not found"
        return Self(code: .schemaNotFound, message: message, file: file, line: line)
    }

    package static func subjectSoftDeleted(_ subject: Subject, file: String = #fileID, line: UInt = #line) -> Self {
        Self(
            code: .subjectSoftDeleted,
            message: "Subject '\(subject)' was soft deleted. Set permanent=true to delete permanently",
            file: file,
            line: line
        )
    }

    package static func subjectNotSoftDeleted(_ subject: Subject, file: String = #fileID, line: UInt = #line) -> Self {
        Self(
            code: .subjectNotSoftDeleted,
            message: "Subject '\(subject)' was not deleted first before being permanently deleted",
            file: file,
            line: line
        )
    }

    package static func versionSoftDeleted(
        _ subject: Subject,
        _ version: SchemaVersion,
        file: String = #fileID,
        line: UInt = #line
    ) -> Self {
        Self(
            code: .versionSoftDeleted,
            message: "Subject '\(subject)' Version \(version) was soft deleted. Set permanent=true to delete permanently",
            file: file,
            line: line
        )
    }

    package static func versionNotSoftDeleted(
        _ subject: Subject,
        _ version: SchemaVersion,
        file: String = #fileID,
        line: UInt = #line
    ) -> Self {
        Self(
            code: .versionNotSoftDeleted,
            message: "Subject '\(subject)' Version \(version) was not deleted first before being permanently deleted",
            file: file,
            line: line
        )
    }

    package static func subjectCompatibilityNotConfigured(
        _ subject: Subject,
        file: String = #fileID,
        line: UInt = #line
    ) -> Self {
        Self(
            code: .subjectCompatibilityNotConfigured,
            message: "Subject '\(subject)' does not have subject-level compatibility configured",
            file: file,
            line: line
        )
    }

    package static func invalidSchema(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .invalidSchema, message: "Invalid schema: \(reason)", file: file, line: line)
    }

    package static func invalidVersion(_ text: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(
            code: .invalidVersion,
            message: "The specified version '\(text)' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"",
            file: file,
            line: line
        )
    }

    package static func invalidCompatibilityLevel(_ text: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(
            code: .invalidCompatibilityLevel,
            message: "Invalid compatibility level '\(text)'. Valid values are none, backward, forward, full, "
                + "backward_transitive, forward_transitive, and full_transitive",
            file: file,
            line: line
        )
    }

    package static func incompatibleSchema(
        _ subject: Subject,
        messages: [String],
        file: String = #fileID,
        line: UInt = #line
    ) -> Self {
        Self(
            code: .incompatibleSchema,
            message: "Schema being registered is incompatible with an earlier schema for subject \"\(subject)\", "
                + "details: [\(messages.joined(separator: ", "))]",
            file: file,
            line: line
        )
    }

    package static func badRequest(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .badRequest, message: reason, file: file, line: line)
    }

    package static func routeNotFound(file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .routeNotFound, message: "HTTP 404 Not Found", file: file, line: line)
    }

    package static func payloadTooLarge(limit: Int, file: String = #fileID, line: UInt = #line) -> Self {
        Self(
            code: .payloadTooLarge,
            message: "Request body is larger than the limit of \(limit) bytes",
            file: file,
            line: line
        )
    }

    package static func storeError(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .storeError, message: "Error in the backend data store: \(reason)", file: file, line: line)
    }

    package static func storeTimeout(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .storeTimeout, message: "Operation timed out: \(reason)", file: file, line: line)
    }

    package static func notWriter(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .notWriter, message: reason, file: file, line: line)
    }

    static func unreachable(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .unreachable, message: "Schema Registry unreachable: \(reason)", file: file, line: line)
    }

    static func unexpectedResponse(
        _ reason: String,
        httpStatus: Int? = nil,
        file: String = #fileID,
        line: UInt = #line
    ) -> Self {
        Self(code: .unexpectedResponse, message: reason, httpStatus: httpStatus, file: file, line: line)
    }

    /// An error body a registry answered with, `{"error_code": …, "message": …}`.
    static func answered(
        httpStatus: Int,
        errorCode: Int,
        message: String,
        file: String = #fileID,
        line: UInt = #line
    ) -> Self {
        let code = Code(errorCode: errorCode) ?? Code(errorCode: httpStatus) ?? .unexpectedResponse
        return Self(code: code, message: message, errorCode: errorCode, httpStatus: httpStatus, file: file, line: line)
    }

    static func unknownMagicByte(_ byte: UInt8, file: String = #fileID, line: UInt = #line) -> Self {
        Self(
            code: .unknownMagicByte,
            message: "Unknown magic byte \(byte): not in the Confluent wire format",
            file: file,
            line: line
        )
    }

    static func truncatedFrame(count: Int, file: String = #fileID, line: UInt = #line) -> Self {
        Self(
            code: .truncatedFrame,
            message: "\(count) bytes are too few for the wire format (magic byte and 4-byte schema id)",
            file: file,
            line: line
        )
    }

    static func serialization(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .serialization, message: reason, file: file, line: line)
    }

    static func deserialization(_ reason: String, file: String = #fileID, line: UInt = #line) -> Self {
        Self(code: .deserialization, message: reason, file: file, line: line)
    }
}
