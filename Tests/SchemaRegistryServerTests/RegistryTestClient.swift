import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceSupport

@testable import SchemaRegistryServer

/// A JSON answer: status and parsed body.
struct APIAnswer {
    var status: Int
    var json: Any?
    var text: String
    /// By lowercased name.
    var headers: [String: [String]] = [:]

    var errorCode: Int? { (json as? [String: Any])?["error_code"] as? Int }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var ints: [Int] { json as? [Int] ?? [] }
    var strings: [String] { json as? [String] ?? [] }
    var intValue: Int? { json as? Int }

    func string(_ key: String) -> String? { object[key] as? String }
    func int(_ key: String) -> Int? { object[key] as? Int }
    func bool(_ key: String) -> Bool? { object[key] as? Bool }
}

/// Sends JSON requests through HummingbirdTesting and parses the answers.
struct RegistryTestClient {
    let client: any TestClientProtocol

    /// Sent with every request: `Authorization`, for the access tests.
    var authorization: String?

    init(client: any TestClientProtocol, authorization: String? = nil) {
        self.client = client
        self.authorization = authorization
    }

    func call(_ method: HTTPRequest.Method, _ path: String, body: String? = nil) async throws -> APIAnswer {
        var headers: HTTPFields = [.contentType: "application/vnd.schemaregistry.v1+json"]
        if let authorization { headers[.authorization] = authorization }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let text = String(buffer: response.body)
        let json = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        var fields: [String: [String]] = [:]
        for field in response.headers { fields[field.name.canonicalName, default: []].append(field.value) }
        return APIAnswer(status: Int(response.status.code), json: json, text: text, headers: fields)
    }

    /// The same client, sending `authorization` instead.
    func authorized(_ authorization: String?) -> RegistryTestClient {
        RegistryTestClient(client: client, authorization: authorization)
    }

    /// `POST /subjects/{s}/versions` with `schema` as the JSON string field.
    func register(_ schema: String, subject: String) async throws -> APIAnswer {
        try await call(.post, "/subjects/\(subject)/versions", body: Self.schemaBody(schema))
    }

    static func schemaBody(_ schema: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: ["schema": schema])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }
}

/// Runs `body` against a registry on an in-memory log, in process (no socket).
func withRegistry<T: Sendable>(
    log: any RegistryLog = InMemoryRegistryLog(),
    maximumBodySize: Int = 1 << 20,
    access: AccessControl = AccessControl(realm: RegistryAccessPolicy.realm, acceptsBasic: true),
    _ body: @escaping @Sendable (RegistryTestClient) async throws -> T
) async throws -> T {
    var configuration = RegistryServerConfiguration(port: 0, storage: .memory, maximumBodySize: maximumBodySize)
    configuration.storeTimeout = .seconds(5)
    let app = buildApplication(configuration: configuration, log: log, access: access, logger: Logger(label: "registry-test"))
    return try await app.test(.router) { client in try await body(RegistryTestClient(client: client)) }
}

/// Schemas the tests evolve.
enum Schemas {
    static let v1 = #"{"type":"record","name":"Order","namespace":"test","fields":[{"name":"id","type":"string"}]}"#
    /// v1 plus a field with a default: backward and forward compatible.
    static let v2WithDefault =
        #"{"type":"record","name":"Order","namespace":"test","fields":[{"name":"id","type":"string"},{"name":"note","type":"string","default":""}]}"#
    /// v1 plus a field without a default: forward compatible only.
    static let v2NoDefault =
        #"{"type":"record","name":"Order","namespace":"test","fields":[{"name":"id","type":"string"},{"name":"qty","type":"int"}]}"#
    static let intField = #"{"type":"record","name":"N","fields":[{"name":"n","type":"int"}]}"#
    static let longField = #"{"type":"record","name":"N","fields":[{"name":"n","type":"long"}]}"#
    static let enum2 = #"{"type":"enum","name":"Status","symbols":["NEW","PAID"]}"#
    static let enum3 = #"{"type":"enum","name":"Status","symbols":["NEW","PAID","SHIPPED"]}"#
}
