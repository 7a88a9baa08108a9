import NIOSSL
import PostgresNIO

extension PostgresOrderStore {
    static func connectionConfiguration(_ address: PostgresStoreAddress) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS =
            switch address.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        return PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls)
    }

    static func clientConfiguration(_ address: PostgresStoreAddress) throws(OrderStoreError) -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS =
            switch address.tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        return PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: tls)
    }

    /// One line an operator can act on: which server, what went wrong, what to check. Never the password.
    static func startError(_ error: any Error, address: PostgresStoreAddress) -> OrderStoreError {
        let store = "PostgreSQL at \(address.host):\(address.port)"
        guard let error = error as? PSQLError else {
            return .unavailable("cannot use \(store): \(error)")
        }
        switch error.serverInfo?[.sqlState] {
        case "28P01", "28000":
            return .unavailable(
                "\(store) refused user '\(address.user)': \(error.serverInfo?[.message] ?? "authentication failed"); check the user and password of ORDER_STORE_URL"
            )
        case "3D000":
            return .unavailable(
                "\(store) has no database '\(address.database)'; create it (createdb \(address.database)) or fix ORDER_STORE_URL")
        case nil where error.code == .connectionError:
            return .unavailable(
                "cannot reach \(store) (\(error.underlying.map { "\($0)" } ?? "connection failed")); is the server running and ORDER_STORE_URL's host and port right?"
            )
        default:
            return .unavailable("cannot use \(store): \(OrderStoreError.wrapping(postgres: error).reason)")
        }
    }
}
