import Foundation
import Hummingbird
import NIOCore
import SchemaRegistry

extension Request {
    /// Reads and decodes a JSON body of at most `limit` bytes.
    ///
    /// - Throws: `.payloadTooLarge` (413) past the limit, `.badRequest` (400) for malformed JSON, and
    ///   `invalid(reason)` for well-formed JSON of the wrong shape (a register body without `schema`
    ///   is 42201 in Confluent's API, a config body without a level 42203).
    mutating func decodeRegistryBody<T: Decodable>(
        as type: T.Type,
        limit: Int,
        invalid: (String) -> RegistryError
    ) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw RegistryError.payloadTooLarge(limit: limit)
        }
        let data = Data(buffer.readableBytesView)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw RegistryError.badRequest("Malformed JSON: \(context.debugDescription)")
        } catch let error as DecodingError {
            throw invalid(Self.describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        @unknown default: "\(error)"
        }
    }

    /// A query flag such as `?permanent=true`.
    func flag(_ name: String) -> Bool {
        uri.queryParameters.get(name).map { $0.lowercased() == "true" } ?? false
    }
}

extension Parameters {
    /// The `{subject}` path segment, percent-decoded (subjects may contain anything).
    func subject() throws -> Subject {
        let raw = try require("subject")
        return Subject(raw.removingPercentEncoding ?? raw)
    }

    /// The `{version}` path segment: a number in `1...2^31-1`, `latest` or `-1`.
    ///
    /// - Throws: `.invalidVersion` (42202) otherwise.
    func version() throws -> SchemaVersion {
        let raw = try require("version")
        guard let version = SchemaVersion(parsing: raw) else { throw RegistryError.invalidVersion(raw) }
        return version
    }

    /// The `{id}` path segment. Confluent answers a non-number with 404 and a number without a schema
    /// with 40403; both are "schema not found" to a client.
    func schemaID() throws -> SchemaID {
        let raw = try require("id")
        guard let value = Int(raw), let id = SchemaID(validating: value) else { throw RegistryError.schemaNotFound() }
        return id
    }
}
