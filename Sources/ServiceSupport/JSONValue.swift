import Foundation
import Hummingbird
import NIOCore

/// A parsed JSON value that keeps numbers exact (`Decimal`) and types distinct, so that validation
/// can say precisely what is wrong with a field ("must be an integer", not "could not decode").
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The JSON type's name, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// The value as an integer, when it is a number without a fractional part that fits in `Int`.
    public var integer: Int? {
        guard case .number(let value) = self, value == value.rounded(scale: 0), value.magnitude < 1_000_000_000_000_000 else {
            return nil
        }
        return NSDecimalNumber(decimal: value).intValue
    }
}

extension Decimal {
    /// This value rounded to `scale` decimals, half up.
    func rounded(scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}

extension Request {
    /// The body as a JSON object, or a 4xx ``APIError`` that says why not (415 for another content
    /// type, 413 past `maximumSize`, 400 for malformed JSON or a body that is not an object).
    public func jsonObject(maximumSize: Int) async throws -> [String: JSONValue] {
        if let contentType = headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
            throw APIError(.unsupportedMediaType, errors: ["Content-Type must be application/json, not '\(contentType)'"])
        }
        let buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: maximumSize)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, errors: ["Request body is larger than \(maximumSize) bytes"])
        }
        let value: JSONValue
        do {
            value = try buffer.withUnsafeReadableBytes { bytes throws(JSONValue.ParseError) in try JSONValue(parsing: bytes) }
        } catch {
            throw APIError.badRequest(["Malformed JSON body: expected a JSON object such as {\"orderId\": \"ORDER-001\"}"])
        }
        guard case .object(let object) = value else {
            throw APIError.badRequest(["Request body must be a JSON object, not \(value.typeName)"])
        }
        return object
    }
}
