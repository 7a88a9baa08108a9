import Foundation
import SchemaRegistry
import ServiceSupport
import Testing

/// The client sends `basicAuthUserInfo` as Confluent's clients do, and a registry with API keys
/// accepts it with an API key as the password, refusing the client without it or without the role.
@Suite struct RegistryClientAuthTests {
    static let writerKey = "writer-key-0123456789"
    static let readerKey = "reader-key-0123456789"

    static var http: HTTPSecuritySettings {
        var http = HTTPSecuritySettings()
        http.apiKeys = (try? APIKeyring(pairs: "writer=\(writerKey),reader=\(readerKey)")) ?? APIKeyring()
        return http
    }

    @Test func aWriterRegistersWithBasicAuth() async throws {
        try await withLiveRegistry(http: Self.http, userInfo: "cart:\(Self.writerKey)") { client, _ in
            let id = try await client.register(Fixtures.orderV1, subject: "orders-value")
            #expect(try await client.schema(id: id).contains("Order"))
        }
    }

    @Test(arguments: [("", 401), ("orders:\(readerKey)", 40301), ("cart:wrong-key-0123456789", 401)])
    func othersAreRefused(userInfo: String, errorCode: Int) async throws {
        try await withLiveRegistry(http: Self.http, userInfo: userInfo) { client, _ in
            do {
                _ = try await client.register(Fixtures.orderV1, subject: "orders-value")
                Issue.record("registered with '\(userInfo)'")
            } catch let error as RegistryError {
                #expect(error.errorCode == errorCode, "\(error)")
                #expect(!error.isTransient)
            } catch {
                Issue.record("not a RegistryError: \(error)")
            }
        }
    }
}
