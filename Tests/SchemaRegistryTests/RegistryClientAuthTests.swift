import Foundation
import Logging
import SchemaRegistry
import ServiceSupport
import Testing

/// The client sends `basicAuthUserInfo` as Confluent's clients do, and a registry with API keys
/// accepts it with an API key as the password, refusing the client without it or without the role.
@Suite struct RegistryClientAuthTests {
    static let writerKey = "writer-key-0123456789"
    static let readerKey = "reader-key-0123456789"
    static let adminKey = "admin-key-0123456789"

    static var http: HTTPSecuritySettings {
        var http = HTTPSecuritySettings()
        http.apiKeys = (try? APIKeyring(pairs: "writer=\(writerKey),reader=\(readerKey),admin=\(adminKey)")) ?? APIKeyring()
        return http
    }

    @Test func anAdminRegistersWithBasicAuth() async throws {
        try await withLiveRegistry(http: Self.http, userInfo: "ops:\(Self.adminKey)") { client, _ in
            let id = try await client.register(Fixtures.orderV1, subject: "orders-value")
            #expect(try await client.schema(id: id).contains("Order"))
        }
    }

    /// Registering is for admins; a writer's serializer finds a schema an admin registered by looking
    /// it up, which is a read.
    @Test func aWritersSerializerLooksUpWhatAnAdminRegistered() async throws {
        try await withLiveRegistry(http: Self.http, userInfo: "ops:\(Self.adminKey)") { admin, _ in
            let id = try await admin.register(Fixtures.orderV1, subject: "orders-value")
            let writer = RegistryClient(
                configuration: RegistryClientConfiguration(
                    baseURL: admin.configuration.baseURL, basicAuthUserInfo: "cart:\(Self.writerKey)"),
                logger: Logger(label: "test"))
            let serializer = try RegistrySerializer(client: writer, schema: Fixtures.orderV1, topic: "orders")
            #expect(try await serializer.prepare() == id)
            let unregistered = try RegistrySerializer(client: writer, schema: Fixtures.orderV1, topic: "other")
            await #expect(throws: RegistryError.self) { try await unregistered.prepare() }
        }
    }

    @Test(arguments: [
        ("", 401), ("orders:\(readerKey)", 40301), ("cart:\(writerKey)", 40301), ("cart:wrong-key-0123456789", 401),
    ])
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
