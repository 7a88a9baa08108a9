import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// The platform secured as README's "Securing it" shows: `API_KEYS` in all three executables, the
/// services reaching the registry with HTTP basic auth, and a non-loopback address refused without
/// credentials.
@Suite struct HTTPSecurityTests {
    static let writer = [(name: "X-API-Key", value: TestCredentials.writerKey)]
    static let reader = [(name: "Authorization", value: "Bearer \(TestCredentials.readerKey)")]

    static let secured = RunningSystem.Options(
        orderSettings: ["SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO": "order-service:\(TestCredentials.readerKey)"],
        cartSettings: ["SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO": "cart-service:\(TestCredentials.writerKey)"],
        sharedSettings: ["API_KEYS": TestCredentials.apiKeys, "JWT_HS256_SECRET": TestTokens.secret],
        cartHeaders: writer, orderHeaders: reader)

    @Test func aSecuredPlatformServesWritersAndReadersAndGuardsTheRegistry() async throws {
        // Starting at all proves the Cart Service registered the schema with its writer key: it waits
        // for a 201, which needs the schema id.
        let system = try await RunningSystem.start(Self.secured)
        let created = try await system.cart.post("/create-order", json: #"{"orderId": "SECURE-1", "itemsCount": 2}"#)
        #expect(created.status == 201, "\(created.body)")
        let stranger = try await system.cart.with(headers: []).post("/create-order", json: #"{"orderId": "SECURE-2", "itemsCount": 1}"#)
        #expect(stranger.status == 401)
        #expect(stranger.headers["www-authenticate"] == #"Bearer realm="cart-service""#)
        #expect(
            try await system.cart.with(apiKey: TestCredentials.readerKey).put(
                "/update-order", json: #"{"orderId": "SECURE-1", "status": "confirmed"}"#
            ).status == 403)

        // The Order Service decodes the event only with the schema it read from the registry with its
        // reader key.
        try await waitUntil("SECURE-1 in the Order Service", timeout: hangDeadline) {
            (try? await system.orders.get("/order-details?orderId=SECURE-1", timeout: .seconds(5)))?.status == 200
        }
        #expect(try await system.orders.with(headers: []).get("/dlq/stats").status == 401)
        #expect(try await system.orders.with(headers: []).get("/openapi.json").status == 200)

        let registry = HTTPTestClient(baseURL: system.registryURL)
        let delete = try await registry.send(.DELETE, "/subjects/order-events-value", body: nil, timeout: .seconds(10))
        #expect(delete.status == 401, "\(delete.body)")
        #expect(delete.json["error_code"] as? Int == 401)
        let byWriter = try await registry.with(headers: [("Authorization", TestCredentials.basic(key: TestCredentials.writerKey))])
            .send(.DELETE, "/subjects/order-events-value", body: nil, timeout: .seconds(10))
        #expect(byWriter.status == 403)
        let subjects = try await registry.with(apiKey: TestCredentials.readerKey).get("/subjects")
        #expect(subjects.body.contains("order-events-value"), "\(subjects.body)")

        await system.stop()
        for process in [system.registry, system.orderService, system.cartService] {
            let log = try String(contentsOf: process.logFile, encoding: .utf8)
            for secret in [TestCredentials.writerKey, TestCredentials.readerKey, TestCredentials.adminKey, TestTokens.secret] {
                #expect(!log.contains(secret), "\(process.executable.lastPathComponent) logged a credential")
            }
        }
    }

    @Test(arguments: KafkaSecurityTests.Executable.allCases)
    func anExposedAddressWithoutCredentialsRefusesToStart(executable: KafkaSecurityTests.Executable) async throws {
        let hostSetting = executable.portSetting.replacingOccurrences(of: "_PORT", with: "_HOST")
        let database = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests/exposed-\(UUID().uuidString.prefix(8)).sqlite")
        let process = ManagedProcess(
            executable: executable.url(in: try Binaries.locate()), arguments: [],
            environment: [
                hostSetting: "0.0.0.0", executable.portSetting: "\(try freePort())", "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",
                "ORDER_DB_PATH": database.path,
            ],
            logName: "\(executable.rawValue)-exposed")
        try process.start()
        try await waitUntil("\(executable.rawValue) to stop", timeout: hangDeadline) { !process.isRunning }
        #expect(process.exitCode != 0)
        let log = try String(contentsOf: process.logFile, encoding: .utf8)
        #expect(log.contains("\(hostSetting)=0.0.0.0 is reachable from other machines but no credentials are configured"), "\(log)")
        #expect(!FileManager.default.fileExists(atPath: database.path), "the Order Service opened its store before refusing")
    }
}
