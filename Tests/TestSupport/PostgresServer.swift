import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A throwaway PostgreSQL 15 server (Debian's `postgresql` package, installed by `scripts/setup.sh`) on a
/// free port of 127.0.0.1, its data and unix socket in a temporary folder that ``stop()`` removes.
///
/// PostgreSQL refuses to run as root; when the tests run as root (as here and in CI), the server runs as
/// the `postgres` user that the package creates. Password authentication over TCP is on, so a client
/// goes through the same authentication as against a real server.
/// ```swift
/// let server = try await PostgresServer.start()
/// defer { server.stop() }
/// environment["ORDER_STORE_URL"] = server.url(database: try await server.createDatabase())
/// ```
public final class PostgresServer: Sendable {
    public static let binaries = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin")
    public static let user = "orders"
    public static let password = "orders-test-password"

    public let port: Int
    public let folder: URL
    private let process: ManagedProcess

    private var dataDirectory: URL { folder.appendingPathComponent("data") }

    /// `postgres://orders:…@127.0.0.1:PORT/database?sslmode=disable`.
    public func url(database: String = "orders") -> String {
        "postgres://\(Self.user):\(Self.password)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    private init(port: Int, folder: URL) {
        self.port = port
        self.folder = folder
        let arguments = [
            Self.binaries.appendingPathComponent("postgres").path, "-D", folder.appendingPathComponent("data").path,
            "-p", String(port), "-k", folder.path, "-c", "listen_addresses=127.0.0.1",
            // A test's data need not survive a power cut; the server's own crash safety is not under test.
            "-c", "fsync=off", "-c", "synchronous_commit=off",
        ]
        // setpriv execs the server in place, so the process we signal is the postmaster itself.
        process = ManagedProcess(
            executable: Self.execAsServerUser.executable, arguments: Self.execAsServerUser.prefix + arguments,
            logName: "postgres-\(port)")
    }

    /// Starts a server and returns once it accepts connections, with an empty database `orders`.
    public static func start(timeout: Duration = .seconds(60)) async throws -> PostgresServer {
        guard FileManager.default.isExecutableFile(atPath: binaries.appendingPathComponent("postgres").path) else {
            throw TestSupportError(description: "PostgreSQL 15 is missing in \(binaries.path): run scripts/setup.sh (make test does)")
        }
        let template = try await ClusterTemplate.shared.path()
        var lastError: (any Error)?
        for _ in 0..<3 {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("order-platform-tests/postgres-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let server = PostgresServer(port: try freePort(), folder: folder)
            do {
                try await server.launch(copying: template, timeout: timeout)
                _ = try await server.createDatabase(named: "orders")
                return server
            } catch {
                lastError = error
                server.stop()
            }
        }
        throw lastError ?? TestSupportError(description: "PostgreSQL did not start")
    }

    /// Creates an empty database, `orders_<random>` unless named.
    @discardableResult
    public func createDatabase(named name: String? = nil) async throws -> String {
        let name = name ?? "orders_\(UUID().uuidString.prefix(8).lowercased())"
        try await runAsServerUser(
            Self.binaries.appendingPathComponent("createdb"),
            ["-h", folder.path, "-p", String(port), "-U", Self.user, name])
        return name
    }

    /// Stops the server at once (no waiting for clients) and removes its folder. Safe to call twice.
    public func stop() {
        if process.isRunning {
            // SIGQUIT is PostgreSQL's immediate shutdown: clients still connected do not hold it up.
            process.send(SIGQUIT)
            let deadline = ContinuousClock.now + .seconds(10)
            while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        }
        if process.isRunning { process.send(SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit {
        stop()
    }

    private func launch(copying template: URL, timeout: Duration) async throws {
        try await runCommandChecked(URL(fileURLWithPath: "/bin/cp"), ["-a", template.path, dataDirectory.path])
        if Self.isRoot {
            try await runCommandChecked(URL(fileURLWithPath: "/bin/chown"), ["-R", "postgres:", folder.path])
        }
        try process.start()
        let port = self.port
        try await waitUntil("PostgreSQL on port \(port)", timeout: timeout) {
            guard self.process.isRunning else {
                throw TestSupportError(description: "PostgreSQL exited at start:\n\(self.process.logTail())")
            }
            return try await self.acceptsConnections()
        }
    }

    /// `pg_isready`: true once the server accepts connections, not merely listens.
    private func acceptsConnections() async throws -> Bool {
        let result = try await runCommand(
            Self.binaries.appendingPathComponent("pg_isready"),
            ["-h", "127.0.0.1", "-p", String(port), "-U", Self.user, "-d", "postgres"], timeout: .seconds(10))
        return result.status == 0
    }

    private func runAsServerUser(_ executable: URL, _ arguments: [String]) async throws {
        try await runCommandChecked(Self.runAsServerUser.executable, Self.runAsServerUser.prefix + [executable.path] + arguments)
    }

    static let isRoot = getuid() == 0

    /// `setpriv` as `postgres` when running as root (it execs, not forks), else nothing.
    static var execAsServerUser: (executable: URL, prefix: [String]) {
        isRoot
            ? (URL(fileURLWithPath: "/usr/bin/setpriv"), ["--reuid=postgres", "--regid=postgres", "--init-groups", "--"])
            : (URL(fileURLWithPath: "/usr/bin/env"), [])
    }

    /// `runuser -u postgres --` when running as root, else nothing.
    static var runAsServerUser: (executable: URL, prefix: [String]) {
        isRoot ? (URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--"]) : (URL(fileURLWithPath: "/usr/bin/env"), [])
    }
}

/// One `initdb`, copied by every server: initdb takes seconds on a loaded machine, a copy a fraction of
/// that. Kept between runs in one folder (made under another name, then renamed into place, so a run that
/// races or dies half-way leaves no half-made template behind).
private actor ClusterTemplate {
    static let shared = ClusterTemplate()
    private var made: URL?

    private static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("order-platform-tests/postgres-15-template-v1")

    func path() async throws -> URL {
        if let made { return made }
        let data = Self.folder.appendingPathComponent("data")
        if !FileManager.default.fileExists(atPath: data.appendingPathComponent("PG_VERSION").path) {
            try await make()
        }
        made = data
        return data
    }

    private func make() async throws {
        let staging = Self.folder.deletingLastPathComponent().appendingPathComponent("postgres-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let passwordFile = staging.appendingPathComponent("password")
        try Data(PostgresServer.password.utf8).write(to: passwordFile)
        if PostgresServer.isRoot {
            try await runCommandChecked(URL(fileURLWithPath: "/bin/chown"), ["-R", "postgres:", staging.path])
        }
        try await runCommandChecked(
            PostgresServer.runAsServerUser.executable,
            PostgresServer.runAsServerUser.prefix + [
                PostgresServer.binaries.appendingPathComponent("initdb").path, "--no-sync", "-D",
                staging.appendingPathComponent("data").path, "-U", PostgresServer.user, "--pwfile", passwordFile.path,
                "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C",
            ])
        try FileManager.default.removeItem(at: passwordFile)
        // rename(2) fails when another run put its template in place first: then that one is used.
        _ = rename(staging.path, Self.folder.path)
    }
}

private func runCommandChecked(_ executable: URL, _ arguments: [String]) async throws {
    let result = try await runCommand(executable, arguments, timeout: .seconds(120))
    guard result.status == 0 else {
        throw TestSupportError(
            description:
                "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderrText)")
    }
}
