import Foundation
import Hummingbird
import NIOCore

/// A parsed JSON value that keeps numbers exact (`Decimal`) and types distinct, so that validation
/// can say precisely what is wrong with a field ("must be an integer", not "could not decode").
public enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode(Double.self) {
            // Valid JSON beyond Decimal's exponent range (about 1e±128, e.g. 1e-300): no field accepts
            // such a number, so keep only where it lies, and validation answers with the field's own
            // message, not "malformed JSON".
            let bound = value.magnitude < 1 ? Decimal.zero : Decimal.greatestFiniteMagnitude
            self = .number(value.sign == .minus ? -bound : bound)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

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
            value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError.badRequest(["Malformed JSON body: expected a JSON object such as {\"orderId\": \"ORDER-001\"}"])
        }
        guard case .object(let object) = value else {
            throw APIError.badRequest(["Request body must be a JSON object, not \(value.typeName)"])
        }
        return object
    }
}
