import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// An async client of a Confluent-compatible Schema Registry: ours, Confluent's, Karapace.
///
/// Reads of immutable facts (schema by id, id of a registered schema) are cached, so a serializer that
/// registered its schema once at start-up never asks again, and a deserializer asks once per writer id.
/// Every request is bounded by ``RegistryClientConfiguration/requestTimeout``.
///
/// Errors are ``RegistryError``: `.unreachable` and other ``RegistryError/isTransient`` errors mean
/// "try later" (a service answers 503); the others mean the registry said no.
///
/// ```swift
/// let client = RegistryClient(configuration: .init(baseURL: "http://127.0.0.1:8081"), logger: logger)
/// let id = try await client.register(schemaText, subject: .topicValue("order-events"))
/// ```
public final class RegistryClient: Sendable {
    public let configuration: RegistryClientConfiguration
    let httpClient: HTTPClient
    let logger: Logger
    let schemasByID: RegistryCache<SchemaID, String>
    let idsBySchema: RegistryCache<SubjectSchemaKey, SchemaID>
    let registeredBySchema: RegistryCache<SubjectSchemaKey, RegisteredSchema>

    /// - Parameter httpClient: shared by default; the caller owns one it passes and shuts it down.
    public init(configuration: RegistryClientConfiguration, httpClient: HTTPClient = .shared, logger: Logger) {
        self.configuration = configuration
        self.httpClient = httpClient
        var logger = logger
        logger[metadataKey: RegistryLoggingKeys.url] = "\(configuration.baseURL)"
        self.logger = logger
        self.schemasByID = RegistryCache(capacity: configuration.cacheCapacity)
        self.idsBySchema = RegistryCache(capacity: configuration.cacheCapacity)
        self.registeredBySchema = RegistryCache(capacity: configuration.cacheCapacity)
    }
}

// MARK: - Requests

extension RegistryClient {
    /// Sends one request without a body and decodes a success answer as `Response`.
    func send<Response: Decodable>(
        _ method: HTTPMethod,
        _ path: String,
        query: [(String, String)] = [],
        as type: Response.Type
    ) async throws(RegistryError) -> Response {
        try await send(method, path, query: query, bodyBytes: nil, as: type)
    }

    /// Sends one request with a JSON body and decodes a success answer as `Response`.
    func send<Response: Decodable>(
        _ method: HTTPMethod,
        _ path: String,
        query: [(String, String)] = [],
        body: some Encodable,
        as type: Response.Type
    ) async throws(RegistryError) -> Response {
        let bytes: [UInt8]
        do {
            bytes = Array(try JSONEncoder().encode(body))
        } catch {
            throw .serialization("cannot encode request body: \(error)")
        }
        return try await send(method, path, query: query, bodyBytes: bytes, as: type)
    }

    private func send<Response: Decodable>(
        _ method: HTTPMethod,
        _ path: String,
        query: [(String, String)],
        bodyBytes: [UInt8]?,
        as type: Response.Type
    ) async throws(RegistryError) -> Response {
        let (status, bytes) = try await exchange(method, path, query: query, body: bodyBytes)
        guard (200..<300).contains(status) else { throw Self.errorAnswer(status: status, bytes: bytes) }
        do {
            return try JSONDecoder().decode(Response.self, from: Data(bytes))
        } catch {
            throw .unexpectedResponse(
                "cannot decode \(Response.self) from \(method) \(path): \(error)",
                httpStatus: status
            )
        }
    }

    /// Sends the request and collects the answer; any failure to get an answer is `.unreachable`.
    private func exchange(
        _ method: HTTPMethod,
        _ path: String,
        query: [(String, String)],
        body: [UInt8]?
    ) async throws(RegistryError) -> (status: Int, bytes: [UInt8]) {
        var request = HTTPClientRequest(url: configuration.baseURL + path + Self.queryString(query))
        request.method = method
        // Per request rather than per client, so that the shared client (and its pool) serves it too;
        // the pool keeps connections of different TLS configurations apart.
        request.tlsConfiguration = configuration.tlsConfiguration
        request.headers.add(name: "Accept", value: RegistryMediaType.accept)
        if let authorization = configuration.authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let body {
            request.headers.add(name: "Content-Type", value: RegistryMediaType.v1)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await httpClient.execute(request, timeout: TimeAmount(configuration.requestTimeout))
            let buffer = try await response.body.collect(upTo: configuration.maximumResponseSize)
            return (Int(response.status.code), Array(buffer.readableBytesView))
        } catch let error as NIOTooManyBytesError {
            throw .unexpectedResponse("answer to \(method) \(path) is too large: \(error)")
        } catch {
            logger.debug("Registry request failed", error: error, metadata: ["path": "\(path)"])
            throw .unreachable("\(method) \(path): \(error)")
        }
    }

    /// A registry's error answer, `{"error_code": …, "message": …}`, or whatever it sent instead.
    static func errorAnswer(status: Int, bytes: [UInt8]) -> RegistryError {
        if let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(bytes)) {
            return .answered(httpStatus: status, errorCode: body.errorCode, message: body.message)
        }
        let text = String(decoding: bytes.prefix(500), as: UTF8.self)
        return .answered(httpStatus: status, errorCode: status, message: "HTTP \(status): \(text)")
    }

    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        return "?" + query.map { "\($0.0)=\(percentEncoded($0.1))" }.joined(separator: "&")
    }

    /// Escapes one path segment or query value (subjects may hold `/`, spaces, anything).
    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func subjectPath(_ subject: Subject) -> String {
        "/subjects/\(percentEncoded(subject.rawValue))"
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
