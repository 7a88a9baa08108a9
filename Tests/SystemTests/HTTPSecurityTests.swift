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
        cartSettings: ["SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO": "cart-service:\(TestCredentials.adminKey)"],
        sharedSettings: ["API_KEYS": TestCredentials.apiKeys, "JWT_HS256_SECRET": TestTokens.secret],
        cartHeaders: writer, orderHeaders: reader)

    @Test func aSecuredPlatformServesWritersAndReadersAndGuardsTheRegistry() async throws {
        // Starting at all proves the Cart Service registered the schema with its admin registry key: it
        // waits for a 201, which needs the schema id.
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
        let register = try await registry.with(apiKey: TestCredentials.writerKey).post(
            "/subjects/other-value/versions", json: #"{"schema": "\"string\""}"#)
        #expect(register.status == 403, "a writer registered a schema: \(register.body)")
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

    /// Registering is for admins: a Cart Service whose registry key is only a writer's finds the schema
    /// an admin registered (a lookup is a read) and publishes; for a schema nobody registered it says
    /// clearly what to do, at error level, and keeps trying.
    @Test func aCartServiceWithAWriterRegistryKeyLooksTheSchemaUp() async throws {
        let system = try await RunningSystem.start(Self.secured)
        let writerCart = HTTPSecurityTests.cartSettings(system, registryKey: TestCredentials.writerKey)
        let (cart, port) = try await RunningSystem.launch(
            try Binaries.locate().cartService, environment: writerCart, portSetting: "CART_PORT")
        let client = HTTPTestClient(port: port, headers: Self.writer)
        try await waitUntil("the writer's Cart Service to publish", timeout: hangDeadline) {
            (try? await client.post("/create-order", json: #"{"orderId": "LOOKED-UP", "itemsCount": 1}"#, timeout: .seconds(5)))?
                .status == 201
        }
        await cart.stop()

        // Another topic, whose subject nobody registered.
        var unregistered = writerCart
        unregistered["ORDER_TOPIC"] = "orders-unregistered"
        unregistered["ORDER_DLQ_TOPIC"] = "orders-unregistered-dlq"
        let (refused, _) = try await RunningSystem.launch(
            try Binaries.locate().cartService, environment: unregistered, portSetting: "CART_PORT")
        try await waitUntil("the refusal in the log", timeout: hangDeadline) {
            let log = (try? String(contentsOf: refused.logFile, encoding: .utf8)) ?? ""
            return log.split(separator: "\n").contains { line in
                line.contains(" error ") && line.contains("refused to register the order event schema under orders-unregistered-value")
                    && line.contains("register it as an admin")
            }
        }
        #expect(refused.isRunning)
        await refused.stop()
        await system.stop()
    }

    /// A second Cart Service's environment for `system`, with `registryKey` for the registry.
    static func cartSettings(_ system: RunningSystem, registryKey: String) -> [String: String] {
        [
            "KAFKA_BOOTSTRAP_SERVERS": system.broker.bootstrapServers, "SCHEMA_REGISTRY_URL": system.registryURL,
            "API_KEYS": TestCredentials.apiKeys, "SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO": "cart-service:\(registryKey)",
            "CART_HEALTH_INTERVAL": "0.2",
        ]
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
