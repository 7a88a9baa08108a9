import Foundation
import ServiceSettings

extension HTTPSecuritySettings {
    /// The access control these settings describe, with `API_KEYS_FILE` and `JWT_JWKS_FILE` read now.
    ///
    /// - Throws: ``SettingError`` naming the variable, for a file that cannot be read or holds something
    ///   unusable, a secret too short, or both kinds of token key at once.
    public func makeAccessControl(realm: String, acceptsBasic: Bool = false) async throws(SettingError) -> AccessControl {
        var keyring = apiKeys
        if !apiKeysFile.isEmpty {
            let text = try Self.read(apiKeysFile, variable: "API_KEYS_FILE")
            do {
                keyring = keyring.merging(try APIKeyring(lines: text))
            } catch {
                throw SettingError("API_KEYS_FILE \(apiKeysFile) is not valid: \(error.reason)")
            }
        }
        return AccessControl(keyring: keyring, tokens: try await makeTokenVerifier(), realm: realm, acceptsBasic: acceptsBasic)
    }

    private func makeTokenVerifier() async throws(SettingError) -> BearerTokenVerifier? {
        let issuer = jwtIssuer.isEmpty ? nil : jwtIssuer
        let audience = jwtAudience.isEmpty ? nil : jwtAudience
        switch (jwtHS256Secret.isEmpty, jwtJWKSFile.isEmpty) {
        case (true, true):
            return nil
        case (false, false):
            throw SettingError("JWT_HS256_SECRET and JWT_JWKS_FILE are both set: tokens are signed one way, set one")
        case (false, true):
            do {
                return try await .hs256(secret: jwtHS256Secret, issuer: issuer, audience: audience)
            } catch {
                throw SettingError("JWT_HS256_SECRET is not valid: \(error.reason)")
            }
        case (true, false):
            let text = try Self.read(jwtJWKSFile, variable: "JWT_JWKS_FILE")
            do {
                return try await .jwks(text, issuer: issuer, audience: audience)
            } catch {
                throw SettingError("JWT_JWKS_FILE \(jwtJWKSFile) is not valid: \(error.reason)")
            }
        }
    }

    private static func read(_ path: String, variable: String) throws(SettingError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SettingError("\(variable)=\(path) cannot be read: \(error.localizedDescription)")
        }
    }
}
