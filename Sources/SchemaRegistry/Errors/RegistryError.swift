/// The one error type of the `SchemaRegistry` module, thrown by the client, the serde and the server's
/// domain layer alike.
///
/// A struct with codes rather than an enum, so that codes can be added without breaking anyone's
/// exhaustive `switch` (swift-kafka-client's reason). Callers decide with ``code`` and ``isTransient``:
/// a transient error (registry unreachable, timed out, store failing) is worth retrying and the services
/// answer 503 for it; a permanent one (schema rejected, not found, bytes not in the wire format) fails the
/// same way again and belongs in a 4xx or the dead-letter topic.
///
/// `description` reads `RegistryError.<code>: <message> [error_code <n>] <file>:<line>`.
public struct RegistryError: Error, Sendable, CustomStringConvertible {
    public let code: Code
    /// Confluent's `error_code`: 40401, 42201, 409 … Set for errors that a registry answered, and for
    /// the server's own errors, which it sends in this field.
    public let errorCode: Int?
    /// The HTTP status a registry answered with, when the error came from a response.
    public let httpStatus: Int?
    /// The human-readable reason without code and location, suitable for an HTTP body.
    public let message: String
    private let file: String
    private let line: UInt

    package init(
        code: Code,
        message: String,
        errorCode: Int? = nil,
        httpStatus: Int? = nil,
        file: String,
        line: UInt
    ) {
        self.code = code
        self.message = message
        self.errorCode = errorCode ?? code.defaultErrorCode
        self.httpStatus = httpStatus
        self.file = file
        self.line = line
    }

    /// Whether the same call may succeed later unchanged: the registry could not be reached, timed out, or
    /// failed on its side (5xx). Schema rejections, unknown ids and malformed bytes are not transient.
    public var isTransient: Bool {
        if code.isTransient { return true }
        if let httpStatus, httpStatus >= 500 || httpStatus == 408 || httpStatus == 429 { return true }
        return false
    }

    public var description: String {
        var text = "RegistryError.\(code): \(message)"
        if let errorCode { text += " [error_code \(errorCode)]" }
        return text + " \(file):\(line)"
    }
}
