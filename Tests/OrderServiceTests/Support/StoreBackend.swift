import Foundation
import Synchronization
@testable import OrderService
import TestSupport
import Testing

/// The stores the behavioural tests run against: each test runs once per backend.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty store of this backend, and `reopen`, which opens the same store
    /// again as a restarted process would; removes everything afterwards.
    func withStore(
        _ body: (_ store: any OrderStore, _ reopen: () async throws -> any OrderStore) async throws -> Void
    ) async throws {
        switch self {
        case .sqlite:
            let database = try TemporaryDatabase()
            defer { database.cleanUp() }
            let store = try SQLiteOrderStore(path: database.path, logger: testLogger)
            try await body(store) { try SQLiteOrderStore(path: database.path, logger: testLogger) }
        case .postgres:
            let server = try await PostgresServer.start()
            defer { server.stop() }
            try await withStore(url: server.url(), body)
        }
    }

    /// PostgreSQL stores opened on `url`, which run (their pools work only while `run()` runs) until
    /// `body` returns.
    func withStore(
        url: String,
        _ body: (_ store: any OrderStore, _ reopen: () async throws -> any OrderStore) async throws -> Void
    ) async throws {
        guard case .postgres(let address) = OrderStoreLocation(url: url) else {
            throw TestSupportError(description: "not a PostgreSQL URL: \(url)")
        }
        // Each store's pool runs in a task of its own until the test is over (a task group cannot be
        // added to from `reopen`, which the body may call at any time).
        let runners = Mutex<[Task<Void, any Error>]>([])
        defer { runners.withLock { $0.forEach { $0.cancel() } } }
        let open = { () async throws -> any OrderStore in
            let store = try await PostgresOrderStore(address: address, logger: testLogger)
            runners.withLock { $0.append(Task { try await store.run() }) }
            return store
        }
        try await body(try await open(), open)
    }
}
