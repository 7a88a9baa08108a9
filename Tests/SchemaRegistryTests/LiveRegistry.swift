import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SchemaRegistry
import SchemaRegistryServer
import ServiceSupport
import Testing

/// Runs `body` with a client of a real registry server (in-memory storage) listening on a free port.
/// - Parameters:
///   - http: the server's access settings (API keys, …); open by default.
///   - userInfo: the client's `user:password` for HTTP basic auth; none by default.
func withLiveRegistry<T: Sendable>(
    http: HTTPSecuritySettings = HTTPSecuritySettings(),
    userInfo: String = "",
    _ body: @escaping @Sendable (_ client: RegistryClient, _ baseURL: String) async throws -> T
) async throws -> T {
    let configuration = RegistryServerConfiguration(port: 0, storage: .memory, http: http)
    let app = try await buildApplication(configuration: configuration, logger: Logger(label: "registry-test"))
    return try await app.test(.live) { testClient in
        let port = try #require(testClient.port)
        let baseURL = "http://127.0.0.1:\(port)"
        let client = RegistryClient(
            configuration: RegistryClientConfiguration(baseURL: baseURL, requestTimeout: .seconds(5), basicAuthUserInfo: userInfo),
            logger: Logger(label: "registry-client-test")
        )
        return try await body(client, baseURL)
    }
}

/// Schemas and values shared by the client and serde tests.
enum Fixtures {
    static let orderV1 = #"""
        {"type":"record","name":"Order","namespace":"test","fields":[
          {"name":"id","type":"string"},{"name":"qty","type":"int"}]}
        """#
    /// v1 plus a field with a default: a v2 reader reads v1 data.
    static let orderV2 = #"""
        {"type":"record","name":"Order","namespace":"test","fields":[
          {"name":"id","type":"string"},{"name":"qty","type":"long"},
          {"name":"note","type":"string","default":"none"}]}
        """#

    struct OrderV1: Codable, Equatable, Sendable {
        var id: String
        var qty: Int32
    }

    struct OrderV2: Codable, Equatable, Sendable {
        var id: String
        var qty: Int64
        var note: String
    }
}
