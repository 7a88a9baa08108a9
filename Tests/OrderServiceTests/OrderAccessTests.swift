import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OrderService
import PlatformTestSupport
import ServiceSupport
import Testing

/// Who may read: with API keys and tokens configured, queries and dead-letter reads need the reader
/// role (or admin), anything else admin; health and the API description stay open.
@Suite struct OrderAccessTests {
    let database: TemporaryDatabase
    let store: FaultyOrderStore

    init() throws {
        database = try TemporaryDatabase()
        store = FaultyOrderStore(inner: try SQLiteOrderStore(path: database.path, logger: testLogger))
    }

    func statuses(_ requests: [(HTTPRequest.Method, String, [(String, String)])]) async throws -> [HTTPResponse.Status] {
        let app = buildOrderApplication(
            configuration: OrderServiceConfiguration(), store: store, deadLetters: DeadLetterIndex(), status: ConsumerStatusBoard(),
            access: try await TestCredentials.accessControl(realm: OrderServiceRuntime.realm), logger: testLogger)
        return try await app.test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for (method, path, pairs) in requests {
                var headers = HTTPFields()
                for (name, value) in pairs { headers.append(HTTPField(name: try #require(HTTPField.Name(name)), value: value)) }
                statuses.append(try await client.execute(uri: path, method: method, headers: headers) { $0.status })
            }
            return statuses
        }
    }

    static let reads = [
        "/dlq/stats", "/dlq/messages?limit=5", "/getAllOrderIdsFromTopic?topic=order-events", "/order-details?orderId=NOPE",
    ]

    @Test(arguments: reads)
    func readsNeedTheReaderRole(path: String) async throws {
        let found: HTTPResponse.Status = path.hasPrefix("/order-details") ? .notFound : .ok
        let token = try await TestTokens.hs256(.valid(scope: "orders:read"))
        let statuses = try await statuses([
            (.get, path, []),
            (.get, path, [("X-API-Key", TestCredentials.writerKey)]),
            (.get, path, [("X-API-Key", TestCredentials.readerKey)]),
            (.get, path, [("Authorization", "Bearer \(TestCredentials.adminKey)")]),
            (.get, path, [("Authorization", "Bearer \(token)")]),
        ])
        #expect(statuses == [.unauthorized, .forbidden, found, found, found])
    }

    @Test func otherMethodsNeedAdmin() async throws {
        let statuses = try await statuses([
            (.post, "/dlq/messages", [("X-API-Key", TestCredentials.readerKey)]),
            (.post, "/dlq/messages", [("X-API-Key", TestCredentials.adminKey)]),
        ])
        #expect(statuses == [.forbidden, .methodNotAllowed])
    }

    @Test func healthAndTheAPIDescriptionStayOpen() async throws {
        let statuses = try await statuses([(.get, "/health", []), (.get, "/openapi.json", [])])
        #expect(!statuses.contains(.unauthorized) && !statuses.contains(.forbidden))
        #expect(statuses[1] == .ok)
    }
}
