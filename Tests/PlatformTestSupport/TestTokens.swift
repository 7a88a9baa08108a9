import Foundation
import JWTKit

/// Access tokens made the way an issuer makes them, with jwt-kit, to check the services against.
public struct TestTokenClaims: JWTPayload {
    public var exp: ExpirationClaim?
    public var nbf: NotBeforeClaim?
    public var iss: IssuerClaim?
    public var aud: AudienceClaim?
    public var sub: SubjectClaim?
    public var scope: String?

    public init(
        exp: ExpirationClaim? = nil, nbf: NotBeforeClaim? = nil, iss: IssuerClaim? = nil, aud: AudienceClaim? = nil,
        sub: SubjectClaim? = nil, scope: String? = nil
    ) {
        self.exp = exp
        self.nbf = nbf
        self.iss = iss
        self.aud = aud
        self.sub = sub
        self.scope = scope
    }

    public func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// A token valid for an hour from `now`, for `orders-api`, from `https://issuer.test`.
    public static func valid(scope: String = "orders:write", now: Date = Date()) -> TestTokenClaims {
        TestTokenClaims(
            exp: ExpirationClaim(value: now.addingTimeInterval(3600)), iss: "https://issuer.test", aud: "orders-api", sub: "client-7",
            scope: scope)
    }

    /// The same token, expired a minute ago.
    public static func expired(scope: String = "orders:write", now: Date = Date()) -> TestTokenClaims {
        var claims = valid(scope: scope, now: now)
        claims.exp = ExpirationClaim(value: now.addingTimeInterval(-60))
        return claims
    }
}

/// Signs test tokens.
public enum TestTokens {
    /// The secret the services under test are given as `JWT_HS256_SECRET`.
    public static let secret = "a-test-secret-of-at-least-32-bytes!!"

    public static func hs256(_ claims: TestTokenClaims, secret: String = secret) async throws -> String {
        try await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256).sign(claims)
    }

    /// A new P-256 key, and the JWKS document that publishes its public half under `kid`.
    public static func es256Key(kid: String) throws -> (key: ES256PrivateKey, jwks: String) {
        let key = ES256PrivateKey()
        guard let (x, y) = key.parameters else { throw JWTError.generic(identifier: "test", reason: "no parameters") }
        let jwks = #"{"keys": [{"kty": "EC", "crv": "P-256", "alg": "ES256", "use": "sig", "kid": "\#(kid)", "x": "\#(x)", "y": "\#(y)"}]}"#
        return (key, jwks)
    }

    public static func es256(_ claims: TestTokenClaims, key: ES256PrivateKey, kid: String) async throws -> String {
        try await JWTKeyCollection().add(ecdsa: key, kid: JWKIdentifier(string: kid)).sign(claims, kid: JWKIdentifier(string: kid))
    }
}
