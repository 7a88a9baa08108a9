import Foundation
import JWTKit
import ServiceSettings

/// Accepts JWT bearer tokens signed with the configured key: an HS256 secret shared with the issuer, or
/// the issuer's public keys as a JWKS document (RS256, ES256, EdDSA, …, chosen by each key's `kid`).
///
/// A token is accepted when its signature verifies, `exp` lies ahead (always required: a token that
/// never expires cannot be revoked), `nbf` (if any) has passed, and `iss` and `aud` match the settings
/// when they are set. Its roles come from its `scope` claim (``AccessRoles/init(scopes:)``).
public struct BearerTokenVerifier: Sendable {
    /// Why a token is refused; the text is the client's answer, so it names the failed check but
    /// never the token or its claims.
    public enum Rejection: String, Error, Sendable {
        case malformed = "the token is not a JWT that can be read"
        case badSignature = "the token's signature does not verify"
        case unknownKey = "the token is signed with a key this service does not know (kid)"
        case noExpiry = "the token has no expiry (exp)"
        case expired = "the token has expired"
        case notYetValid = "the token is not valid yet (nbf)"
        case wrongIssuer = "the token's issuer is not the expected one"
        case wrongAudience = "the token is not intended for this service (aud)"
    }

    /// HS256 secrets shorter than SHA-256's output are refused at start-up (RFC 7518 §3.2).
    public static let minimumSecretLength = 32

    let keys: JWTKeyCollection
    let issuer: String?
    let audience: String?
    let now: @Sendable () -> Date

    /// Verifies tokens signed with `secret` (HS256).
    public static func hs256(
        secret: String, issuer: String? = nil, audience: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) async throws(SettingProblem) -> BearerTokenVerifier {
        guard secret.utf8.count >= minimumSecretLength else {
            throw SettingProblem("the secret is shorter than \(minimumSecretLength) bytes")
        }
        let keys = await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return BearerTokenVerifier(keys: keys, issuer: issuer, audience: audience, now: now)
    }

    /// Verifies tokens signed with one of the public keys of `jwks`, a JWKS document.
    public static func jwks(
        _ jwks: String, issuer: String? = nil, audience: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) async throws(SettingProblem) -> BearerTokenVerifier {
        let keys = JWTKeyCollection()
        do {
            try await keys.add(jwksJSON: jwks)
        } catch {
            throw SettingProblem("not a JWKS document of usable keys: \(error)")
        }
        return BearerTokenVerifier(keys: keys, issuer: issuer, audience: audience, now: now)
    }

    /// The principal `token` stands for, or why it is refused.
    func verify(_ token: String) async throws(Rejection) -> Principal {
        let claims: AccessTokenClaims
        do {
            claims = try await keys.verify(token, as: AccessTokenClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch let error as JWTError where [.unknownKID, .noKeyProvided, .missingKIDHeader].contains(error.errorType) {
            throw .unknownKey
        } catch {
            throw .malformed
        }
        try check(claims)
        let label = "token \(claims.iss?.value ?? "")/\(claims.sub?.value ?? "")"
        return Principal(label: label, roles: AccessRoles(scopes: claims.scope ?? ""))
    }

    private func check(_ claims: AccessTokenClaims) throws(Rejection) {
        let now = now()
        guard let expiry = claims.exp?.value else { throw .noExpiry }
        guard now < expiry else { throw .expired }
        if let notBefore = claims.nbf?.value, now < notBefore { throw .notYetValid }
        if let issuer, claims.iss?.value != issuer { throw .wrongIssuer }
        if let audience, !(claims.aud?.value.contains(audience) ?? false) { throw .wrongAudience }
    }
}
