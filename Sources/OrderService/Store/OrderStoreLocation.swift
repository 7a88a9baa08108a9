import Foundation

/// Where the Order Service keeps its store (`ORDER_STORE_URL`): an SQLite file for one instance, or a
/// PostgreSQL database that several instances can share.
public enum OrderStoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// `sqlite:PATH`: the embedded store in one file.
    case sqlite(path: String)
    /// `postgres://user:password@host:port/database[?sslmode=disable|prefer|require]`.
    case postgres(PostgresStoreAddress)

    /// Reads `sqlite:PATH`, `postgres://…` or `postgresql://…`; `nil` for anything else.
    public init?(url text: String) {
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            // `sqlite:///var/lib/x.sqlite` as well as `sqlite:/var/lib/x.sqlite`.
            if path.hasPrefix("//") { path.removeFirst(2) }
            guard !path.isEmpty else { return nil }
            self = .sqlite(path: path)
            return
        }
        guard let address = PostgresStoreAddress(url: text) else { return nil }
        self = .postgres(address)
    }

    /// The URL with any password masked: what logs, `--help` and error messages show.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let address): address.description
        }
    }
}

/// A PostgreSQL server and database. Its `description` never shows the password.
public struct PostgresStoreAddress: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` names it.
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// Default: `prefer`, libpq's default (TLS when the server offers it).
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// `postgres://user:password@host:port/database?sslmode=…`; user, host and database are required, and
    /// percent-escapes in the user and password are decoded.
    init?(url text: String) {
        guard let components = URLComponents(string: text),
            components.scheme == "postgres" || components.scheme == "postgresql",
            let host = components.host, !host.isEmpty,
            let user = components.user, !user.isEmpty
        else { return nil }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { return nil }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value.flatMap(TLSMode.init(rawValue:)) else { return nil }
            tls = value
        }
        guard let port = components.port ?? 5432 as Int?, (1...65_535).contains(port) else { return nil }
        self.init(host: host, port: port, user: user, password: components.password, database: database, tls: tls)
    }

    public var description: String {
        let credentials = password == nil ? user : "\(user):***"
        let query = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        return "postgres://\(credentials)@\(host):\(port)/\(database)\(query)"
    }
}
