import Foundation
import Kafka
@testable import OrderService
import Testing
import TestSupport

/// ORDER_STORE_URL and what an operator sees when PostgreSQL cannot be used: one line, never the password.
@Suite struct PostgresOrderStoreTests {
    @Test func storeURLsAreReadAndShownWithoutThePassword() throws {
        let location = try #require(OrderStoreLocation(url: "postgres://orders:s%40cret@db.example.com:6543/shop?sslmode=require"))
        guard case .postgres(let address) = location else {
            Issue.record("expected a PostgreSQL address, got \(location)")
            return
        }
        #expect(
            address
                == PostgresStoreAddress(
                    host: "db.example.com", port: 6543, user: "orders", password: "s@cret", database: "shop", tls: .require))
        #expect(location.description == "postgres://orders:***@db.example.com:6543/shop?sslmode=require")
        #expect(
            OrderStoreLocation(url: "postgresql://u@h/d")
                == .postgres(PostgresStoreAddress(host: "h", user: "u", password: nil, database: "d")))
        #expect(OrderStoreLocation(url: "sqlite:/var/lib/orders.sqlite") == .sqlite(path: "/var/lib/orders.sqlite"))
        #expect(OrderStoreLocation(url: "sqlite:///var/lib/orders.sqlite") == .sqlite(path: "/var/lib/orders.sqlite"))
        for refused in [
            "mysql://u:p@h/d", "postgres://h/d", "postgres://u@h/", "postgres://u@h/d?sslmode=maybe", "sqlite:", "orders.sqlite",
        ] {
            #expect(OrderStoreLocation(url: refused) == nil, "\(refused)")
        }
    }

    @Test func theSettingWinsOverTheDatabasePathAndIsNeverEchoed() throws {
        let environment = ["ORDER_DB_PATH": "/tmp/x.sqlite", "ORDER_STORE_URL": "postgres://orders:hunter2@127.0.0.1:5432/orders"]
        let configuration = try OrderServiceConfiguration.settings.read(environment: environment, over: OrderServiceConfiguration())
        #expect(configuration.storeLocation.description == "postgres://orders:***@127.0.0.1:5432/orders")
        #expect(OrderServiceConfiguration().storeLocation == .sqlite(path: "order-service.sqlite"))
        let shown = OrderServiceConfiguration.settings.values(of: configuration).first { $0.variable == "ORDER_STORE_URL" }
        #expect(shown?.value == "postgres://orders:***@127.0.0.1:5432/orders")
        do {
            _ = try OrderServiceConfiguration.settings.read(
                environment: ["ORDER_STORE_URL": "postgres://orders:hunter2@"], over: OrderServiceConfiguration())
            Issue.record("a malformed URL was accepted")
        } catch {
            #expect("\(error)".contains("ORDER_STORE_URL"))
            #expect(!"\(error)".contains("hunter2"))
        }
    }

    @Test func aServerThatIsNotThereIsOneLineNamingIt() async throws {
        let port = try freePort()
        let address = PostgresStoreAddress(
            host: "127.0.0.1", port: port, user: "orders", password: "hunter2", database: "orders", tls: .disable)
        do {
            _ = try await PostgresOrderStore(address: address, logger: testLogger)
            Issue.record("a store opened on a closed port")
        } catch {
            #expect(error.code == .unavailable)
            #expect(error.reason.hasPrefix("cannot reach PostgreSQL at 127.0.0.1:\(port)"))
            #expect(!error.description.contains("hunter2") && !error.description.contains("\n"))
        }
    }

    @Test func aWrongPasswordOrDatabaseIsOneLineSayingWhat() async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        var address = PostgresStoreAddress(
            host: "127.0.0.1", port: server.port, user: PostgresServer.user, password: "wrong-password", database: "orders", tls: .disable)
        do {
            _ = try await PostgresOrderStore(address: address, logger: testLogger)
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.reason.contains("refused user 'orders'"), "\(error)")
            #expect(!error.description.contains("wrong-password"))
        }
        address.password = PostgresServer.password
        address.database = "missing"
        do {
            _ = try await PostgresOrderStore(address: address, logger: testLogger)
            Issue.record("a missing database was accepted")
        } catch {
            #expect(error.reason.contains("has no database 'missing'"), "\(error)")
        }
    }

    @Test func migrationsRunOnceWhenInstancesStartTogether() async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        guard case .postgres(let address) = OrderStoreLocation(url: server.url()) else {
            Issue.record("not a PostgreSQL URL")
            return
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask { _ = try await PostgresOrderStore(address: address, logger: testLogger) }
            }
            try await group.waitForAll()
        }
        let result = try await runCommand(
            PostgresServer.binaries.appendingPathComponent("psql"),
            ["-At", "-c", "SELECT version FROM schema_migrations ORDER BY version", server.url()])
        let expected = PostgresOrderStore.migrations.map { "\($0.version)" }
        #expect(result.stdoutText.split(separator: "\n").map(String.init) == expected, "\(result.stderrText)")
    }

    /// A PostgreSQL that goes away while the service runs is an infrastructure failure (`unavailable`,
    /// retried without end, 503 at the API), never a processing failure, which would end up dead-lettering
    /// the record at hand. Bounded: the pool gives up on a dead server rather than waiting forever.
    @Test func aServerThatGoesAwayMakesTheStoreUnavailable() async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        try await StoreBackend.postgres.withStore(url: server.url()) { store, _ in
            try await store.write { writer in try writer.setNextOffset(1, for: KafkaTopicPartition(topic: "t", partition: 0)) }
            server.stop()
            let failure = try await withHangDeadline("a write to a stopped PostgreSQL") { () async -> (any Error)? in
                do {
                    try await store.write { writer in try writer.setNextOffset(2, for: KafkaTopicPartition(topic: "t", partition: 0)) }
                    return nil
                } catch {
                    return error
                }
            }
            let error = try #require(failure as? OrderStoreError, "\(String(describing: failure))")
            #expect(error.code == .unavailable, "\(error)")
            await #expect(throws: OrderStoreError.self) { _ = try await store.orderCount() }
            do {
                _ = try await store.orderCount()
            } catch {
                #expect((error as? OrderStoreError)?.code == .unavailable, "\(error)")
            }
        }
    }
}
