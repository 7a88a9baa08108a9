import CartService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceSupport
import TestSupport
import Testing

/// `/openapi.json` tells the truth: every documented operation is routed, every route is documented, and
/// real answers (success, validation failure, broker down) have a documented status and carry the
/// fields their documented schema requires. schemathesis fuzzes the running service from the same document.
@Suite struct CartOpenAPITests {
    let publisher = RecordingPublisher()
    let app: any ApplicationProtocol

    init() {
        app = buildCartApplication(configuration: CartServiceConfiguration(), publisher: publisher, logger: Logger(label: "test"))
    }

    /// One request per documented operation, and what a valid and an invalid one answer.
    static let probes: [(method: HTTPRequest.Method, path: String, body: String?)] = [
        (.post, "/create-order", #"{"orderId": "O-1", "itemsCount": 2}"#),
        (.post, "/create-order", #"{"itemsCount": 0}"#),
        (.put, "/update-order", #"{"orderId": "O-1", "status": "confirmed"}"#),
        (.put, "/update-order", #"{"orderId": "", "status": "new"}"#),
        (.get, "/health", nil),
        (.get, "/openapi.json", nil),
        (.get, "/metrics", nil),
    ]

    @Test func everyOperationIsRoutedAndEveryRouteDocumented() async throws {
        let document = try await self.document()
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let probed = Set(Self.probes.map { "\($0.method.rawValue) \($0.path)" })
        #expect(documented == probed)
        for probe in Self.probes {
            let answer = try await send(probe.method, probe.path, body: probe.body)
            #expect(answer.status != .notFound && answer.status != .methodNotAllowed, "\(probe.method) \(probe.path)")
        }
    }

    /// The document leaves open exactly what the access policy leaves open, so that a client generated
    /// from it sends a credential wherever one is needed and nowhere else.
    @Test func theOpenOperationsAreThoseTheAccessPolicyLeavesOpen() async throws {
        let document = try await self.document()
        #expect(document["security"] != nil)
        #expect(OpenAPISecurity.openPaths(in: document) == AccessRequirement.openPaths)
    }

    /// A method the path does not serve answers 405 with `Allow` and the errors body, not 404.
    @Test func anUnservedMethodAnswers405WithAllow() async throws {
        for (method, path, allow) in [
            (HTTPRequest.Method.get, "/create-order", "POST"), (.delete, "/update-order", "PUT"), (.trace, "/health", "GET"),
        ] {
            let (status, allowed, json) = try await app.test(.router) { client in
                try await client.execute(uri: path, method: method) { response in
                    let json = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any]
                    return (response.status, response.headers[.allow], json ?? [:])
                }
            }
            #expect(status == .methodNotAllowed, "\(method) \(path)")
            #expect(allowed == allow, "\(method) \(path)")
            #expect((json["errors"] as? [String])?.isEmpty == false, "\(method) \(path)")
        }
    }

    @Test func answersHaveADocumentedStatusAndTheirSchemasRequiredFields() async throws {
        let document = try await self.document()
        for probe in Self.probes {
            try await check(probe, against: document)
        }
        publisher.fail(with: PublishError(.unavailable, "broker down"))
        publisher.setReachable(false)
        for probe in Self.probes where probe.method != .get {
            try await check(probe, against: document)
        }
        try await check((.get, "/health", nil), against: document)
    }

    private func check(_ probe: (method: HTTPRequest.Method, path: String, body: String?), against document: [String: Any]) async throws {
        let answer = try await send(probe.method, probe.path, body: probe.body)
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let operation = try #require(paths[probe.path]?[probe.method.rawValue.lowercased()] as? [String: Any])
        let responses = try #require(operation["responses"] as? [String: Any])
        let label = "\(probe.method) \(probe.path) answered \(answer.status.code)"
        let response = try #require(responses[String(answer.status.code)] as? [String: Any], "\(label): not documented")
        // `/metrics` answers Prometheus's text format, which CartMetricsTests parses.
        if (response["content"] as? [String: Any])?["text/plain"] != nil { return }
        // Every other answer of this API is JSON: a response without a schema, or with a `$ref` that leads
        // nowhere, is a broken document, not a reason to check nothing.
        let documented = Self.schema(of: response, in: document)
        let schema = try #require(documented, "\(label): no JSON schema documented")
        for field in schema["required"] as? [String] ?? [] {
            #expect(answer.json[field] != nil, "\(label): no '\(field)' in \(answer.json)")
        }
    }

    /// The response's JSON schema, following `$ref`s to components; nil when there is none or a `$ref`
    /// does not resolve.
    static func schema(of response: [String: Any], in document: [String: Any]) -> [String: Any]? {
        var node: [String: Any]? = response
        if let ref = response["$ref"] as? String { node = resolve(ref, in: document) }
        let content = node?["content"] as? [String: Any]
        let json = content?["application/json"] as? [String: Any]
        guard let schema = json?["schema"] as? [String: Any] else { return nil }
        guard let ref = schema["$ref"] as? String else { return schema }
        return resolve(ref, in: document)
    }

    static func resolve(_ ref: String, in document: [String: Any]) -> [String: Any]? {
        var node: Any = document
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func document() async throws -> [String: Any] {
        let answer = try await send(.get, "/openapi.json", body: nil)
        #expect(answer.status == .ok)
        #expect(answer.json["openapi"] as? String == "3.0.3")
        return answer.json
    }

    private func send(
        _ method: HTTPRequest.Method, _ path: String, body: String?
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any]) {
        try await app.test(.router) { client in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
                response in
                let json = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any]
                return (response.status, json ?? [:])
            }
        }
    }
}
