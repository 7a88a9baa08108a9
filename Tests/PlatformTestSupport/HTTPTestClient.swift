import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// What a service answered, with the body parsed as a JSON object when it is one.
public struct HTTPAnswer: Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: String

    /// The body as a JSON object (empty when it is not one).
    public var json: [String: any Sendable] {
        ((try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: any Sendable]) ?? [:]
    }

    /// The `errors` list of a failure body.
    public var errors: [String]? { json["errors"] as? [String] }
}

/// Sends real HTTP requests over a socket to a service under test.
public struct HTTPTestClient: Sendable {
    public let baseURL: String
    /// Sent with every request: credentials, for a service with API keys.
    public let headers: [(name: String, value: String)]
    /// For an `https` service: the TLS configuration trusting its certificate.
    public let tlsConfiguration: TLSConfiguration?

    public init(baseURL: String, headers: [(name: String, value: String)] = [], tlsConfiguration: TLSConfiguration? = nil) {
        self.baseURL = baseURL
        self.headers = headers
        self.tlsConfiguration = tlsConfiguration
    }

    public init(port: Int, headers: [(name: String, value: String)] = []) {
        self.init(baseURL: "http://127.0.0.1:\(port)", headers: headers)
    }

    /// A client of `https://127.0.0.1:port` that trusts only the CA certificates of `caFile`.
    public init(httpsPort port: Int, caFile: URL, headers: [(name: String, value: String)] = []) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caFile.path))
        self.init(baseURL: "https://127.0.0.1:\(port)", headers: headers, tlsConfiguration: tls)
    }

    /// The same client, sending `headers` instead.
    public func with(headers: [(name: String, value: String)]) -> HTTPTestClient {
        HTTPTestClient(baseURL: baseURL, headers: headers, tlsConfiguration: tlsConfiguration)
    }

    /// The same client, sending `key` as `X-API-Key`.
    public func with(apiKey key: String) -> HTTPTestClient {
        with(headers: [("X-API-Key", key)])
    }

    public func get(_ path: String, timeout: Duration = .seconds(30)) async throws -> HTTPAnswer {
        try await send(.GET, path, body: nil, timeout: timeout)
    }

    public func post(_ path: String, json: String, timeout: Duration = .seconds(30)) async throws -> HTTPAnswer {
        try await send(.POST, path, body: json, timeout: timeout)
    }

    public func put(_ path: String, json: String, timeout: Duration = .seconds(30)) async throws -> HTTPAnswer {
        try await send(.PUT, path, body: json, timeout: timeout)
    }

    public func send(_ method: HTTPMethod, _ path: String, body: String?, timeout: Duration) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.tlsConfiguration = tlsConfiguration
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .milliseconds(timeout.milliseconds))
        let bytes = try await response.body.collect(upTo: 16 << 20)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return HTTPAnswer(status: Int(response.status.code), headers: headers, body: String(buffer: bytes))
    }
}

extension Duration {
    fileprivate var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
