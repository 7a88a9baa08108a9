import JWTKit

/// The claims of an access token that decide whether it is accepted and what it grants.
///
/// jwt-kit checks only the signature here; ``BearerTokenVerifier`` checks the claims against its own
/// clock and settings, so that tests can move time and an absent `exp` gets its own answer.
struct AccessTokenClaims: JWTPayload {
    var exp: ExpirationClaim?
    var nbf: NotBeforeClaim?
    var iss: IssuerClaim?
    var aud: AudienceClaim?
    var sub: SubjectClaim?
    /// OAuth2's space-separated scopes (RFC 8693 §4.2).
    var scope: String?

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
