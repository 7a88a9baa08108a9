import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// The Kafka security settings reach librdkafka in all three executables: a broker that requires SASL
/// and refuses the credentials gets a clear error in the log, at error level, without the password,
/// and the process keeps running (the Cart Service's `/health` answers 503) rather than hanging; an unknown
/// `KAFKA_CONFIG_<PROPERTY>` stops the process at start-up, naming the property.
@Suite struct KafkaSecurityTests {
    enum Executable: String, CaseIterable, CustomTestStringConvertible {
        case cart = "cart-service"
        case order = "order-service"
        case registry = "schema-registry"

        var testDescription: String { rawValue }

        var portSetting: String {
            switch self {
            case .cart: "CART_PORT"
            case .order: "ORDER_PORT"
            case .registry: "SCHEMA_REGISTRY_PORT"
            }
        }

        func url(in binaries: Binaries) -> URL {
            switch self {
            case .cart: binaries.cartService
            case .order: binaries.orderService
            case .registry: binaries.registry
            }
        }
    }

    static let password = "pw-\(UUID().uuidString.prefix(12))"

    static func environment(bootstrap: String) -> [String: String] {
        let database = FileManager.default.temporaryDirectory
            .appendingPathComponent("order-platform-tests/security-\(UUID().uuidString.prefix(8)).sqlite")
        return [
            "KAFKA_BOOTSTRAP_SERVERS": bootstrap, "SCHEMA_REGISTRY_URL": "http://127.0.0.1:1", "ORDER_DB_PATH": database.path,
            "KAFKA_SECURITY_PROTOCOL": "sasl_plaintext", "KAFKA_SASL_MECHANISM": "scram-sha-512",
            "KAFKA_SASL_USERNAME": "alice", "KAFKA_SASL_PASSWORD": password,
        ]
    }

    @Test(arguments: Executable.allCases)
    func refusedCredentialsAreReportedClearlyAndNeverLogged(executable: Executable) async throws {
        let broker = try await TansuBroker.start(requiresAuthentication: true)
        defer { Task { await broker.stop() } }
        let port = try freePort()
        let process = ManagedProcess(
            executable: executable.url(in: try Binaries.locate()), arguments: [],
            environment: Self.environment(bootstrap: broker.bootstrapServers).merging([executable.portSetting: "\(port)"]) { $1 },
            logName: "\(executable.rawValue)-sasl")
        try process.start()
        try await waitUntil("the security error in the log", timeout: hangDeadline) {
            let log = (try? String(contentsOf: process.logFile, encoding: .utf8)) ?? ""
            return log.split(separator: "\n").contains { line in
                line.contains(" error ") && line.contains("Kafka refused the connection's security") && line.contains("SASL")
            }
        }
        if executable == .cart {
            // It serves, and says that it cannot publish, instead of hanging its clients.
            try await waitUntil("/health answering 503", timeout: hangDeadline) {
                (try? await HTTPTestClient(port: port).get("/health", timeout: .seconds(5)))?.status == 503
            }
        }
        #expect(process.isRunning, "\(process.logTail())")
        await process.stop()
        let log = try String(contentsOf: process.logFile, encoding: .utf8)
        #expect(!log.contains(Self.password), "the SASL password was logged")
    }

    @Test(arguments: Executable.allCases)
    func anUnknownKafkaPropertyStopsTheProcessNamingIt(executable: Executable) async throws {
        var environment = Self.environment(bootstrap: "127.0.0.1:1")
        environment["KAFKA_SECURITY_PROTOCOL"] = nil
        environment["KAFKA_CONFIG_NO_SUCH_THING"] = "1"
        let process = ManagedProcess(
            executable: executable.url(in: try Binaries.locate()), arguments: [],
            environment: environment.merging([executable.portSetting: "\(try freePort())"]) { $1 },
            logName: "\(executable.rawValue)-unknown-property")
        try process.start()
        try await waitUntil("\(executable.rawValue) to stop", timeout: hangDeadline) { !process.isRunning }
        #expect(process.exitCode != 0)
        let log = try String(contentsOf: process.logFile, encoding: .utf8)
        #expect(log.contains("no.such.thing"), "\(log)")
    }
}
