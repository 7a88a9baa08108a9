import Foundation
import PlatformTestSupport
import ServiceSupport
import Testing

@testable import SchemaRegistryServer

/// Who may change schemas: with API keys configured, reads and lookups need any role, and every change
/// (registering a version, deletes, config and mode) admin; Confluent's clients authenticate with
/// HTTP basic auth, an API key as the password. Refusals keep Confluent's error body.
@Suite struct RegistryAccessTests {
    static let subject = "orders-value"

    static func withSecuredRegistry<T: Sendable>(_ body: @escaping @Sendable (RegistryTestClient) async throws -> T) async throws -> T {
        let access = try await TestCredentials.accessControl(realm: RegistryAccessPolicy.realm, acceptsBasic: true)
        return try await withRegistry(access: access, body)
    }

    static let writer = TestCredentials.basic(user: "cart", key: TestCredentials.writerKey)
    static let reader = TestCredentials.basic(user: "orders", key: TestCredentials.readerKey)
    static let admin = TestCredentials.basic(user: "ops", key: TestCredentials.adminKey)

    @Test func aStrangerCannotDeleteASubject() async throws {
        try await Self.withSecuredRegistry { client in
            #expect(try await client.authorized(Self.admin).register(Schemas.v1, subject: Self.subject).status == 200)
            let refused = try await client.call(.delete, "/subjects/\(Self.subject)")
            #expect(refused.status == 401)
            #expect(refused.errorCode == 401)
            #expect(refused.string("message") == "Authentication required: send an API key or a bearer token")
            #expect(
                refused.headers["www-authenticate"] == [#"Bearer realm="schema-registry""#, #"Basic realm="schema-registry""#])
            #expect(try await client.authorized(Self.reader).call(.get, "/subjects").strings == [Self.subject])
        }
    }

    @Test func onlyAdminsDeleteAndChangeConfig() async throws {
        try await Self.withSecuredRegistry { client in
            #expect(try await client.authorized(Self.admin).register(Schemas.v1, subject: Self.subject).status == 200)
            for credentials in [Self.reader, Self.writer] {
                let delete = try await client.authorized(credentials).call(.delete, "/subjects/\(Self.subject)")
                #expect(delete.status == 403)
                #expect(delete.errorCode == 40301)
                let config = try await client.authorized(credentials).call(.put, "/config", body: #"{"compatibility": "NONE"}"#)
                #expect(config.status == 403)
            }
            #expect(try await client.authorized(Self.admin).call(.put, "/config", body: #"{"compatibility": "NONE"}"#).status == 200)
            #expect(try await client.authorized(Self.admin).call(.delete, "/subjects/\(Self.subject)").status == 200)
        }
    }

    @Test func readersAndWritersReadAndLookUpButDoNotRegister() async throws {
        try await Self.withSecuredRegistry { client in
            for credentials in [Self.reader, Self.writer] {
                let refused = try await client.authorized(credentials).register(Schemas.v1, subject: Self.subject)
                #expect(refused.status == 403)
                #expect(refused.errorCode == 40301)
            }
            #expect(try await client.authorized(Self.reader).call(.get, "/subjects").strings.isEmpty)
            #expect(try await client.authorized(Self.admin).register(Schemas.v1, subject: Self.subject).status == 200)
            let reader = client.authorized(Self.reader)
            #expect(try await reader.register(Schemas.v2WithDefault, subject: Self.subject).status == 403)
            #expect(try await client.authorized(Self.writer).register(Schemas.v2WithDefault, subject: Self.subject).status == 403)
            let writerLookup = try await client.authorized(Self.writer).call(
                .post, "/subjects/\(Self.subject)", body: RegistryTestClient.schemaBody(Schemas.v1))
            #expect(writerLookup.status == 200)
            #expect(try await reader.call(.get, "/schemas/ids/1").status == 200)
            #expect(try await reader.call(.get, "/subjects/\(Self.subject)/versions/latest").status == 200)
            let lookup = try await reader.call(.post, "/subjects/\(Self.subject)", body: RegistryTestClient.schemaBody(Schemas.v1))
            #expect(lookup.status == 200)
            let check = try await reader.call(
                .post, "/compatibility/subjects/\(Self.subject)/versions/latest", body: RegistryTestClient.schemaBody(Schemas.v2WithDefault)
            )
            #expect(check.status == 200)
            #expect(try await client.call(.get, "/").status == 200)
        }
    }

    @Test func bearerKeysAndTokensWorkToo() async throws {
        let token = try await TestTokens.hs256(.valid(scope: "orders:admin"))
        try await Self.withSecuredRegistry { (client: RegistryTestClient) async throws in
            #expect(
                try await client.authorized("Bearer \(TestCredentials.adminKey)").register(Schemas.v1, subject: Self.subject).status == 200
            )
            #expect(try await client.authorized("Bearer \(token)").call(.delete, "/subjects/\(Self.subject)").status == 200)
        }
    }

    @Test(arguments: [
        "Basic", "Basic !!!", "Basic \(Data("no colon".utf8).base64EncodedString())",
        TestCredentials.basic(key: "wrong-key-0123456789"), "Bearer",
    ])
    func badCredentialsChangeNothing(authorization: String) async throws {
        try await Self.withSecuredRegistry { client in
            let answer = try await client.authorized(authorization).register(Schemas.v1, subject: Self.subject)
            #expect(answer.status == 401)
            #expect(answer.errorCode == 401)
            #expect(try await client.authorized(Self.reader).call(.get, "/subjects").strings.isEmpty)
        }
    }
}
