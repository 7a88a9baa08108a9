import Foundation
import ServiceSupport

/// One API key per role, as the tests configure every service with them (`API_KEYS`).
public enum TestCredentials {
    public static let writerKey = "writer-key-0123456789"
    public static let readerKey = "reader-key-0123456789"
    public static let adminKey = "admin-key-0123456789"

    /// The `API_KEYS` value of these keys.
    public static let apiKeys = "writer=\(writerKey),reader=\(readerKey),admin=\(adminKey)"

    /// Access control with these keys and the tokens of ``TestTokens/secret`` for `orders-api` from
    /// `https://issuer.test`.
    public static func accessControl(realm: String, acceptsBasic: Bool = false) async throws -> AccessControl {
        var settings = HTTPSecuritySettings()
        settings.apiKeys = try APIKeyring(pairs: apiKeys)
        settings.jwtHS256Secret = TestTokens.secret
        settings.jwtIssuer = "https://issuer.test"
        settings.jwtAudience = "orders-api"
        return try await settings.makeAccessControl(realm: realm, acceptsBasic: acceptsBasic)
    }

    /// `Authorization: Basic base64(user:key)`.
    public static func basic(user: String = "client", key: String) -> String {
        "Basic " + Data("\(user):\(key)".utf8).base64EncodedString()
    }
}
