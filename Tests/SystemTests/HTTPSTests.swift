import Foundation
import PlatformTestSupport
import Testing
import TestSupport

/// The three executables serving HTTPS (`TLS_CERT_FILE`, `TLS_KEY_FILE`) with a certificate made for
/// the test: the services reach the https registry trusting it (`SCHEMA_REGISTRY_CA_FILE`), an order
/// goes through end to end with keys, plain HTTP and clients that do not trust the certificate get no
/// answer, and a TLS setting that cannot be used stops each executable with one line.
@Suite struct HTTPSTests {
    @Test func thePlatformServesHTTPSOnlyAndAnOrderGoesThrough() async throws {
        let certificate = try await TestCertificate.make()
        defer { certificate.remove() }
        var options = HTTPSecurityTests.secured
        options.tls = certificate
        // Starting at all proves the Cart Service reached the https registry (its schema id) and answers
        // a create-order over https.
        let system = try await RunningSystem.start(options)
        let registry = HTTPTestClient(baseURL: system.registryURL, tlsConfiguration: system.cart.tlsConfiguration)
        #expect(system.cart.baseURL.hasPrefix("https://") && system.registryURL.hasPrefix("https://"))
        for client in [system.cart, system.orders] {
            #expect(try await client.get("/health").status == 200, "\(client.baseURL)")
        }
        #expect(try await registry.get("/").status == 200)

        let created = try await system.cart.post("/create-order", json: #"{"orderId": "TLS-1", "itemsCount": 2}"#)
        #expect(created.status == 201, "\(created.body)")
        #expect(
            try await system.cart.with(headers: []).post("/create-order", json: #"{"orderId": "TLS-2", "itemsCount": 1}"#).status == 401)
        // The Order Service decodes it with the schema it read from the https registry.
        try await waitUntil("TLS-1 in the Order Service", timeout: hangDeadline) {
            (try? await system.orders.get("/order-details?orderId=TLS-1", timeout: .seconds(5)))?.status == 200
        }

        for port in [system.cart.port, system.orders.port, HTTPTestClient(baseURL: system.registryURL).port] {
            await #expect(throws: (any Error).self, "plain HTTP answered on \(port)") {
                try await HTTPTestClient(port: port).get("/health", timeout: .seconds(10))
            }
        }
        // A client with the system's trust roots refuses the self-signed certificate.
        await #expect(throws: (any Error).self) {
            try await HTTPTestClient(baseURL: system.cart.baseURL).get("/health", timeout: .seconds(10))
        }
        await system.stop()
    }

    @Test(arguments: KafkaSecurityTests.Executable.allCases)
    func anUnusableTLSSettingStopsTheExecutableWithOneLine(executable: KafkaSecurityTests.Executable) async throws {
        let certificate = try await TestCertificate.make()
        defer { certificate.remove() }
        let missing = "/nonexistent/\(UUID().uuidString.prefix(8))/cert.pem"
        let cases: [([String: String], String)] = [
            (["TLS_CERT_FILE": certificate.certificateFile.path], "TLS_CERT_FILE is set but TLS_KEY_FILE is not"),
            (["TLS_CERT_FILE": missing, "TLS_KEY_FILE": certificate.keyFile.path], "TLS_CERT_FILE=\(missing) cannot be read"),
        ]
        for (settings, expected) in cases {
            let database = FileManager.default.temporaryDirectory
                .appendingPathComponent("order-platform-tests/tls-\(UUID().uuidString.prefix(8)).sqlite")
            let process = ManagedProcess(
                executable: executable.url(in: try Binaries.locate()), arguments: [],
                environment: settings.merging([
                    executable.portSetting: "\(try freePort())", "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",
                    "ORDER_DB_PATH": database.path,
                ]) { $1 },
                logName: "\(executable.rawValue)-tls")
            try process.start()
            try await waitUntil("\(executable.rawValue) to stop", timeout: hangDeadline) { !process.isRunning }
            #expect(process.exitCode != 0)
            let log = try String(contentsOf: process.logFile, encoding: .utf8)
            let lines = log.split(separator: "\n").filter { $0.contains("TLS_") }
            #expect(lines.count == 1 && lines[0].contains(expected), "\(log)")
            #expect(!FileManager.default.fileExists(atPath: database.path), "the Order Service opened its store before refusing")
        }
    }
}
