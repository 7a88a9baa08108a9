import Foundation
import PlatformTestSupport
import TestSupport

/// The whole platform as `make run` starts it, but on free ports: a Tansu broker and the
/// `schema-registry`, `order-service` and `cart-service` executables of this build, each a real process
/// talking over real sockets. `stop()` ends them in reverse order; a failing test leaves nothing behind
/// either (each process is killed when released).
final class RunningSystem: Sendable {
    let broker: TansuBroker
    let registry: ManagedProcess
    let orderService: ManagedProcess
    let cartService: ManagedProcess
    let registryURL: String
    let cart: HTTPTestClient
    let orders: HTTPTestClient
    /// The Order Service's SQLite file: it survives a restart of the service.
    let orderDatabase: URL

    struct Options {
        /// `CART_PUBLISH_TIMEOUT`, seconds.
        var publishTimeout = 2
        /// `CART_HEALTH_INTERVAL`, seconds.
        var healthInterval = 0.2
        /// More settings of the Order Service (`ORDER_OFFSET_RESET_POLICY`, ...).
        var orderSettings: [String: String] = [:]
    }

    private init(
        broker: TansuBroker, registry: ManagedProcess, registryURL: String, orderService: ManagedProcess,
        cartService: ManagedProcess, cartPort: Int, orderPort: Int, orderDatabase: URL
    ) {
        self.broker = broker
        self.registry = registry
        self.registryURL = registryURL
        self.orderService = orderService
        self.cartService = cartService
        self.cart = HTTPTestClient(port: cartPort)
        self.orders = HTTPTestClient(port: orderPort)
        self.orderDatabase = orderDatabase
    }

    /// Starts everything, each process once what it needs answers, and returns when an order can be
    /// created (the Cart Service has registered the schema).
    static func start(_ options: Options = Options()) async throws -> RunningSystem {
        let binaries = try Binaries.locate()
        let broker = try await TansuBroker.start()
        let registryPort = try freePort()
        let cartPort = try freePort()
        let orderPort = try freePort()
        let registryURL = "http://127.0.0.1:\(registryPort)"
        let kafka = ["KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers, "LOG_LEVEL": "info"]
        let registry = ManagedProcess(
            executable: binaries.registry, arguments: [],
            environment: kafka.merging(["SCHEMA_REGISTRY_PORT": "\(registryPort)"]) { $1 }, logName: "schema-registry")
        let database = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests/orders-\(UUID().uuidString.prefix(8)).sqlite")
        let services = kafka.merging(["SCHEMA_REGISTRY_URL": registryURL]) { $1 }
        let orderService = ManagedProcess(
            executable: binaries.orderService, arguments: [],
            environment: services.merging([
                "ORDER_PORT": "\(orderPort)", "ORDER_DB_PATH": database.path, "KAFKA_SESSION_TIMEOUT": "6",
                "ORDER_RETRY_DELAYS": "0.2,0.2,0.2",
            ]) { $1 }.merging(options.orderSettings) { $1 },
            logName: "order-service")
        let cartService = ManagedProcess(
            executable: binaries.cartService, arguments: [],
            environment: services.merging([
                "CART_PORT": "\(cartPort)", "CART_PUBLISH_TIMEOUT": "\(options.publishTimeout)",
                "CART_HEALTH_INTERVAL": "\(options.healthInterval)",
            ]) { $1 },
            logName: "cart-service")
        let system = RunningSystem(
            broker: broker, registry: registry, registryURL: registryURL, orderService: orderService,
            cartService: cartService, cartPort: cartPort, orderPort: orderPort, orderDatabase: database)
        do {
            try registry.start()
            try await system.waitForHTTP(registry, port: registryPort, path: "/subjects")
            try orderService.start()
            try await system.waitForHTTP(orderService, port: orderPort, path: "/health")
            try cartService.start()
            try await system.waitForHTTP(cartService, port: cartPort, path: "/health")
            try await waitUntil("the Cart Service to publish (schema registered)", timeout: .seconds(30), pollEvery: .milliseconds(100)) {
                let answer = try await system.cart.post("/create-order", json: #"{"orderId": "WARM-UP", "itemsCount": 1}"#)
                return answer.status == 201
            }
            return system
        } catch {
            await system.stop()
            throw error
        }
    }

    /// Waits until `process` answers `path` on `port` with any HTTP status, or fails with its log.
    func waitForHTTP(_ process: ManagedProcess, port: Int, path: String, timeout: Duration = .seconds(30)) async throws {
        let client = HTTPTestClient(port: port)
        try await waitUntil("\(process.executable.lastPathComponent) on port \(port)", timeout: timeout, pollEvery: .milliseconds(100)) {
            guard process.isRunning else {
                throw TestSupportError(description: "\(process.executable.lastPathComponent) exited:\n\(process.logTail())")
            }
            return (try? await client.get(path, timeout: .seconds(2))) != nil
        }
    }

    /// Starts the Order Service again (after `crash()` or `stop()`), with the same store.
    func restartOrderService() async throws {
        try orderService.start()
        try await waitForHTTP(orderService, port: orders.port, path: "/health")
    }

    func stop() async {
        await cartService.stop()
        await orderService.stop()
        await registry.stop()
        await broker.stop()
        try? FileManager.default.removeItem(at: orderDatabase)
        for suffix in ["-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: orderDatabase.path + suffix)
        }
    }

    /// The logs of every process, for a failure message.
    func logs() -> String {
        [registry, orderService, cartService].map { "== \($0.executable.lastPathComponent)\n\($0.logTail(lines: 30))" }
            .joined(separator: "\n")
    }
}

/// The executables under test: the ones this build made, beside the test bundle.
struct Binaries {
    let registry: URL
    let orderService: URL
    let cartService: URL

    static func locate() throws -> Binaries {
        let folder = ProjectPaths.buildProducts
        let binaries = Binaries(
            registry: folder.appendingPathComponent("schema-registry"),
            orderService: folder.appendingPathComponent("order-service"),
            cartService: folder.appendingPathComponent("cart-service"))
        for binary in [binaries.registry, binaries.orderService, binaries.cartService]
        where !FileManager.default.isExecutableFile(atPath: binary.path) {
            throw TestSupportError(
                description: "\(binary.path) is missing: build with `swift build --build-tests` (make test does)")
        }
        return binaries
    }
}

extension HTTPTestClient {
    /// The port of `baseURL`.
    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }
}
