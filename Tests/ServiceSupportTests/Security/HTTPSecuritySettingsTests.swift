import Foundation
import ServiceSettings
import Testing

@testable import ServiceSupport

/// The variables every executable shares: read and checked at start-up, secrets never echoed, and a
/// non-loopback address refused without credentials.
@Suite struct HTTPSecuritySettingsTests {
    struct Example: Sendable {
        var http = HTTPSecuritySettings()
    }

    static let table = SettingsTable<Example>(Setting.httpSecurity(\.http))
    static let key = "w-0123456789abcdef"

    @Test func variablesAreRead() throws {
        let example = try Self.table.read(
            environment: [
                "API_KEYS": "writer=\(Self.key)", "JWT_ISSUER": "https://issuer.test", "RATE_LIMIT_RPS": "2.5",
                "HTTP_MAX_CONNECTIONS": "50", "HTTP_IDLE_TIMEOUT": "30", "HTTP_MAX_HEADER_BYTES": "8192", "ALLOW_UNAUTHENTICATED": "TRUE",
            ], over: Example())
        #expect(example.http.apiKeys.match(Self.key)?.roles == .writer)
        #expect(example.http.jwtIssuer == "https://issuer.test")
        #expect(example.http.rateLimitPerSecond == 2.5)
        #expect(example.http.effectiveBurst == 5)
        #expect(example.http.maximumConnections == 50)
        #expect(example.http.idleTimeout == .seconds(30))
        #expect(example.http.maximumHeaderBytes == 8192)
        #expect(example.http.allowsUnauthenticated)
        #expect(example.http.isAuthenticationConfigured)
    }

    @Test func defaultsLeaveEverythingOpenAndUnlimited() {
        let settings = HTTPSecuritySettings()
        #expect(!settings.isAuthenticationConfigured)
        #expect(settings.makeRateLimiter() == nil)
        var limited = settings
        limited.rateLimitPerSecond = 0.2
        #expect(limited.effectiveBurst == 1)
        limited.rateLimitBurst = 7
        #expect(limited.makeRateLimiter()?.burst == 7)
    }

    @Test func aBadKeyListNamesTheProblemButNotTheKeys() {
        let secret = "s3cret-0123456789abcdef"
        do {
            _ = try Self.table.read(environment: ["API_KEYS": "writer=\(secret),owner=\(secret)"], over: Example())
            Issue.record("an unknown role was accepted")
        } catch {
            #expect(error.description == "API_KEYS is not valid: entry 2 has an unknown role 'owner'; expected reader, writer or admin")
        }
        do {
            _ = try Self.table.read(environment: [:], arguments: ["--api-keys", "root=\(secret)"], over: Example())
            Issue.record("an unknown role was accepted")
        } catch {
            #expect(!error.description.contains(secret))
            #expect(error.description.hasPrefix("--api-keys (API_KEYS) is not valid: entry 1 has an unknown role 'root'"))
        }
    }

    @Test func helpShowsNoSecret() throws {
        let example = try Self.table.read(
            environment: ["API_KEYS": "writer=\(Self.key)", "JWT_HS256_SECRET": "a-test-secret-of-at-least-32-bytes!!"], over: Example())
        let help = Self.table.help(defaults: example)
        #expect(!help.contains(Self.key))
        #expect(!help.contains("a-test-secret"))
        #expect(help.contains("(default: 1 key)") && help.contains("(default: (set))"))
        let values = Self.table.values(of: example).map(\.value).joined(separator: " ")
        #expect(!values.contains(Self.key))
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.10.0.1", true), ("localhost", true), ("::1", true), ("[::1]", true),
        ("0.0.0.0", false), ("::", false), ("10.0.0.5", false), ("127.0.0", false), ("127.0.0.1.example.com", false), ("", false),
    ])
    func loopbackAddresses(host: String, isLoopback: Bool) {
        #expect(HTTPSecuritySettings.isLoopback(host) == isLoopback)
    }

    @Test func anExposedAddressNeedsCredentialsOrConsent() throws {
        var settings = HTTPSecuritySettings()
        try settings.checkExposure(host: "127.0.0.1", hostVariable: "CART_HOST")
        #expect(throws: SettingError.self) { try settings.checkExposure(host: "0.0.0.0", hostVariable: "CART_HOST") }
        do {
            try settings.checkExposure(host: "0.0.0.0", hostVariable: "CART_HOST")
        } catch {
            #expect(error.description.hasPrefix("CART_HOST=0.0.0.0 is reachable from other machines but no credentials are configured"))
            #expect(!error.description.contains("\n"))
        }
        settings.allowsUnauthenticated = true
        try settings.checkExposure(host: "0.0.0.0", hostVariable: "CART_HOST")
        settings.allowsUnauthenticated = false
        settings.jwtHS256Secret = "a-test-secret-of-at-least-32-bytes!!"
        try settings.checkExposure(host: "0.0.0.0", hostVariable: "CART_HOST")
    }

    @Test func aKeysFileAddsItsKeys() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("api-keys-\(UUID().uuidString).txt")
        try "# operators\nadmin=a-0123456789abcdef\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var settings = HTTPSecuritySettings()
        settings.apiKeys = try APIKeyring(pairs: "writer=\(Self.key)")
        settings.apiKeysFile = file.path
        let access = try await settings.makeAccessControl(realm: "test")
        #expect(access.isEnabled)
        #expect(access.keyring.match("a-0123456789abcdef")?.roles == .admin)
        #expect(access.keyring.match(Self.key)?.roles == .writer)
    }

    @Test func unusableFilesAndSecretsStopTheStart() async throws {
        var missing = HTTPSecuritySettings()
        missing.apiKeysFile = "/nonexistent/keys"
        await #expect(throws: SettingError.self) { try await missing.makeAccessControl(realm: "test") }
        var short = HTTPSecuritySettings()
        short.jwtHS256Secret = "short"
        await #expect(throws: SettingError.self) { try await short.makeAccessControl(realm: "test") }
        var both = HTTPSecuritySettings()
        both.jwtHS256Secret = "a-test-secret-of-at-least-32-bytes!!"
        both.jwtJWKSFile = "/etc/jwks.json"
        await #expect(throws: SettingError.self) { try await both.makeAccessControl(realm: "test") }
    }
}
