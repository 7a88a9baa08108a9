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
        /// More settings of the Cart Service.
        var cartSettings: [String: String] = [:]
        /// Settings of all three processes (`API_KEYS`, `KAFKA_STATISTICS_INTERVAL`, ...).
        var sharedSettings: [String: String] = [:]
        /// What the test's clients of the Cart and Order services send with every request (credentials).
        var cartHeaders: [(name: String, value: String)] = []
        var orderHeaders: [(name: String, value: String)] = []
        /// Serves all three over HTTPS with this certificate (`TLS_CERT_FILE`, `TLS_KEY_FILE`), the services
        /// trusting it for the registry (`SCHEMA_REGISTRY_CA_FILE`) and the test's clients too.
        var tls: TestCertificate?

        /// The settings that ``tls`` adds to every process.
        var tlsSettings: [String: String] {
            guard let tls else { return [:] }
            return [
                "TLS_CERT_FILE": tls.certificateFile.path, "TLS_KEY_FILE": tls.keyFile.path,
                "SCHEMA_REGISTRY_CA_FILE": tls.certificateFile.path,
            ]
        }

        /// A client of the service on `port`: https trusting ``tls`` when it is set.
        func client(port: Int, headers: [(name: String, value: String)]) throws -> HTTPTestClient {
            guard let tls else { return HTTPTestClient(port: port, headers: headers) }
            return try HTTPTestClient(httpsPort: port, caFile: tls.certificateFile, headers: headers)
        }
    }

    private init(
        broker: TansuBroker, registry: ManagedProcess, registryURL: String, orderService: ManagedProcess,
        cartService: ManagedProcess, cart: HTTPTestClient, orders: HTTPTestClient, orderDatabase: URL
    ) {
        self.broker = broker
        self.registry = registry
        self.registryURL = registryURL
        self.orderService = orderService
        self.cartService = cartService
        self.cart = cart
        self.orders = orders
        self.orderDatabase = orderDatabase
    }

    /// Starts everything, each process once what it needs answers, and returns when an order can be
    /// created (the Cart Service has registered the schema).
    static func start(_ options: Options = Options()) async throws -> RunningSystem {
        let binaries = try Binaries.locate()
        let broker = try await TansuBroker.start()
        let database = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests/orders-\(UUID().uuidString.prefix(8)).sqlite")
        let kafka = ["KAFKA_BOOTSTRAP_SERVERS": broker.bootstrapServers, "LOG_LEVEL": "info"]
            .merging(options.tlsSettings) { $1 }.merging(options.sharedSettings) { $1 }
        let system: RunningSystem
        do {
            // Processes started here are killed when released, should a later one fail to start.
            let (registry, registryPort) = try await launch(binaries.registry, environment: kafka, portSetting: "SCHEMA_REGISTRY_PORT")
            let registryURL = "\(options.tls == nil ? "http" : "https")://127.0.0.1:\(registryPort)"
            let services = kafka.merging(["SCHEMA_REGISTRY_URL": registryURL]) { $1 }
            let orderSettings = [
                "ORDER_DB_PATH": database.path, "KAFKA_SESSION_TIMEOUT": "6", "ORDER_RETRY_DELAYS": "0.2,0.2,0.2",
            ].merging(options.orderSettings) { $1 }
            let (orderService, orderPort) = try await launch(
                binaries.orderService, environment: services.merging(orderSettings) { $1 }, portSetting: "ORDER_PORT")
            let cartSettings = [
                "CART_PUBLISH_TIMEOUT": "\(options.publishTimeout)", "CART_HEALTH_INTERVAL": "\(options.healthInterval)",
            ].merging(options.cartSettings) { $1 }
            let (cartService, cartPort) = try await launch(
                binaries.cartService, environment: services.merging(cartSettings) { $1 }, portSetting: "CART_PORT")
            system = RunningSystem(
                broker: broker, registry: registry, registryURL: registryURL, orderService: orderService,
                cartService: cartService, cart: try options.client(port: cartPort, headers: options.cartHeaders),
                orders: try options.client(port: orderPort, headers: options.orderHeaders), orderDatabase: database)
        } catch {
            await broker.stop()
            throw error
        }
        do {
            try await waitUntil("the Cart Service to publish (schema registered)", timeout: .seconds(30), pollEvery: .milliseconds(100)) {
                let answer = try? await system.cart.post(
                    "/create-order", json: #"{"orderId": "WARM-UP", "itemsCount": 1}"#, timeout: .seconds(5))
                return answer?.status == 201
            }
            return system
        } catch {
            await system.stop()
            throw error
        }
    }

    /// Starts `executable` with its port setting on a free port and returns once it serves there.
    /// Another process may take the port between picking and binding: then it tries another one.
    static func launch(_ executable: URL, environment: [String: String], portSetting: String) async throws -> (ManagedProcess, Int) {
        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = try freePort()
            let process = ManagedProcess(
                executable: executable, arguments: [], environment: environment.merging([portSetting: "\(port)"]) { $1 },
                logName: executable.lastPathComponent)
            try process.start()
            do {
                try await waitUntilServing(process, port: port)
                return (process, port)
            } catch {
                lastError = error
                await process.stop()
            }
        }
        throw lastError ?? TestSupportError(description: "\(executable.lastPathComponent) did not start")
    }

    /// Waits until `process` itself says that it listens on `port` (for the `earlierStarts + 1`-th
    /// time), or fails with its log. Asking the port is not enough: another process may have it.
    static func waitUntilServing(_ process: ManagedProcess, port: Int, earlierStarts: Int = 0) async throws {
        let name = process.executable.lastPathComponent
        try await waitUntil("\(name) on port \(port)", timeout: .seconds(30), pollEvery: .milliseconds(50)) {
            guard process.isRunning else {
                throw TestSupportError(description: "\(name) exited:\n\(process.logTail())")
            }
            return listeningLines(of: process, port: port) > earlierStarts
        }
    }

    /// How often the process logged Hummingbird's "listening on" line for `port`.
    static func listeningLines(of process: ManagedProcess, port: Int) -> Int {
        let log = (try? String(contentsOf: process.logFile, encoding: .utf8)) ?? ""
        return log.components(separatedBy: "listening on 127.0.0.1:\(port)").count - 1
    }

    /// Starts the Order Service again (after `crash()` or `stop()`), with the same store.
    func restartOrderService() async throws {
        let earlierStarts = Self.listeningLines(of: orderService, port: orders.port)
        try orderService.start()
        try await Self.waitUntilServing(orderService, port: orders.port, earlierStarts: earlierStarts)
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
