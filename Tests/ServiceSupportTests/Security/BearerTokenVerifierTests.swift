import Foundation
import JWTKit
import PlatformTestSupport
import ServiceSettings
import Testing

@testable import ServiceSupport

/// Tokens signed by the test with jwt-kit: accepted with their scopes' roles when valid; refused,
/// each with its own reason, when expired, not yet valid, wrongly signed, for another audience or
/// issuer, without expiry, or not a JWT.
@Suite struct BearerTokenVerifierTests {
    let now = Date(timeIntervalSince1970: 1_900_000_000)

    func verifier(issuer: String? = "https://issuer.test", audience: String? = "orders-api") async throws -> BearerTokenVerifier {
        let now = self.now
        return try await .hs256(secret: TestTokens.secret, issuer: issuer, audience: audience, now: { now })
    }

    @Test func aValidTokenGrantsItsScopes() async throws {
        let token = try await TestTokens.hs256(.valid(scope: "openid orders:read orders:write", now: now))
        let principal = try await verifier().verify(token)
        #expect(principal.roles == [.reader, .writer])
        #expect(principal.label == "token https://issuer.test/client-7")
    }

    @Test func aTokenWithoutOurScopesGrantsNothing() async throws {
        let token = try await TestTokens.hs256(.valid(scope: "profile", now: now))
        #expect(try await verifier().verify(token).roles == [])
    }

    @Test func issuerAndAudienceAreCheckedOnlyWhenSet() async throws {
        var claims = TestTokenClaims.valid(now: now)
        claims.iss = "https://elsewhere.test"
        claims.aud = "another-api"
        let token = try await TestTokens.hs256(claims)
        #expect(try await verifier(issuer: nil, audience: nil).verify(token).roles == .writer)
    }

    @Test(arguments: [
        ("expired", BearerTokenVerifier.Rejection.expired),
        ("expiring now", .expired),
        ("not yet valid", .notYetValid),
        ("no expiry", .noExpiry),
        ("wrong issuer", .wrongIssuer),
        ("wrong audience", .wrongAudience),
        ("no audience", .wrongAudience),
    ])
    func claimsThatDoNotHoldAreRefused(variant: String, rejection: BearerTokenVerifier.Rejection) async throws {
        var claims = TestTokenClaims.valid(now: now)
        switch variant {
        case "expired": claims.exp = ExpirationClaim(value: now.addingTimeInterval(-1))
        case "expiring now": claims.exp = ExpirationClaim(value: now)
        case "not yet valid": claims.nbf = NotBeforeClaim(value: now.addingTimeInterval(60))
        case "no expiry": claims.exp = nil
        case "wrong issuer": claims.iss = "https://issuer.test/"
        case "wrong audience": claims.aud = AudienceClaim(value: ["orders-api-2", "billing"])
        case "no audience": claims.aud = nil
        default: Issue.record("unknown case \(variant)")
        }
        let token = try await TestTokens.hs256(claims)
        await #expect(throws: rejection) { try await verifier().verify(token) }
    }

    @Test func aTokenSignedWithAnotherSecretIsRefused() async throws {
        let token = try await TestTokens.hs256(.valid(now: now), secret: "another-secret-of-at-least-32-bytes!")
        await #expect(throws: BearerTokenVerifier.Rejection.badSignature) { try await verifier().verify(token) }
    }

    @Test func aTamperedPayloadIsRefused() async throws {
        let token = try await TestTokens.hs256(.valid(scope: "orders:read", now: now))
        let parts = token.split(separator: ".")
        let admin = try await TestTokens.hs256(.valid(scope: "orders:admin", now: now)).split(separator: ".")
        let forged = [parts[0], admin[1], parts[2]].joined(separator: ".")
        await #expect(throws: BearerTokenVerifier.Rejection.badSignature) { try await verifier().verify(forged) }
    }

    @Test func anUnsignedTokenIsRefused() async throws {
        let header = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString()
        let token = try await TestTokens.hs256(.valid(scope: "orders:admin", now: now))
        let unsigned = "\(header).\(token.split(separator: ".")[1])."
        await #expect(throws: BearerTokenVerifier.Rejection.self) { try await verifier().verify(unsigned) }
    }

    @Test(arguments: ["a.b.c", "not-a-jwt", "..", "e30.e30.e30"])
    func textThatIsNoJWTIsRefused(token: String) async throws {
        await #expect(throws: BearerTokenVerifier.Rejection.self) { try await verifier().verify(token) }
    }

    @Test func aShortSecretIsRefusedAtStartUp() async {
        await #expect(throws: SettingProblem.self) { try await BearerTokenVerifier.hs256(secret: "too-short") }
    }

    @Test func jwksKeysVerifyTheirTokensByKid() async throws {
        let (key, jwks) = try TestTokens.es256Key(kid: "k1")
        let now = self.now
        let verifier = try await BearerTokenVerifier.jwks(jwks, issuer: "https://issuer.test", audience: "orders-api", now: { now })
        let token = try await TestTokens.es256(.valid(scope: "orders:admin", now: now), key: key, kid: "k1")
        #expect(try await verifier.verify(token).roles == .admin)

        let (otherKey, _) = try TestTokens.es256Key(kid: "k2")
        let unknown = try await TestTokens.es256(.valid(now: now), key: otherKey, kid: "k2")
        await #expect(throws: BearerTokenVerifier.Rejection.self) { try await verifier.verify(unknown) }
        let impostor = try await TestTokens.es256(.valid(now: now), key: otherKey, kid: "k1")
        await #expect(throws: BearerTokenVerifier.Rejection.badSignature) { try await verifier.verify(impostor) }
        // An HS256 token made with the public key as its secret must not pass as the RSA/EC key's.
        let (x, _) = try #require(key.parameters)
        let confused = try await TestTokens.hs256(.valid(now: now), secret: String(repeating: x, count: 2))
        await #expect(throws: BearerTokenVerifier.Rejection.self) { try await verifier.verify(confused) }
    }

    @Test func aJWKSThatIsNotOneIsRefusedAtStartUp() async {
        await #expect(throws: SettingProblem.self) { try await BearerTokenVerifier.jwks(#"{"keys": [{"kty": "EC"}]}"#) }
        await #expect(throws: SettingProblem.self) { try await BearerTokenVerifier.jwks("not json") }
    }
}
