import ServiceSettings

extension Setting {
    /// `API_KEYS`, `API_KEYS_FILE`, `JWT_*`, `ALLOW_UNAUTHENTICATED`, `RATE_LIMIT_*`, `HTTP_*` and `TLS_*`: the
    /// same variables in every executable. Keys and secrets are never shown: `--help` and the errors
    /// about them name only the variable.
    public static func httpSecurity(_ keyPath: WritableKeyPath<Target, HTTPSecuritySettings> & Sendable) -> [Setting] {
        func member<Value>(_ path: WritableKeyPath<HTTPSecuritySettings, Value> & Sendable) -> WritableKeyPath<Target, Value> & Sendable {
            appending(keyPath, path)
        }
        return [
            Setting(
                "API_KEYS", flag: "api-keys", member(\.apiKeys),
                help: "API keys and their roles (reader, writer, admin), e.g. writer=KEY1,reader=KEY2; keys of 16+ characters",
                valueName: "role=key,…", isSecret: true, read: { text throws(SettingProblem) in try APIKeyring(pairs: text) },
                format: { $0.isEmpty ? "none" : $0.count == 1 ? "1 key" : "\($0.count) keys" }),
            .text(
                "API_KEYS_FILE", flag: "api-keys-file", member(\.apiKeysFile), help: "file of role=key lines (# comments), read at start-up"
            ),
            Setting(
                "JWT_HS256_SECRET", flag: "jwt-hs256-secret", member(\.jwtHS256Secret),
                help: "secret (32+ bytes) that signs accepted JWT bearer tokens (HS256)", valueName: "text", isSecret: true,
                read: { $0 }, format: { $0.isEmpty ? "none" : "(set)" }),
            .text(
                "JWT_JWKS_FILE", flag: "jwt-jwks-file", member(\.jwtJWKSFile),
                help: "JWKS file of the public keys that sign accepted tokens"),
            .text("JWT_ISSUER", flag: "jwt-issuer", member(\.jwtIssuer), help: "iss that accepted tokens carry; any when empty"),
            .text(
                "JWT_AUDIENCE", flag: "jwt-audience", member(\.jwtAudience), help: "a value that accepted tokens' aud holds; any when empty"
            ),
            .choice(
                "ALLOW_UNAUTHENTICATED", flag: "allow-unauthenticated", member(\.allowsUnauthenticated), ["false": false, "true": true],
                help: "serve a non-loopback address without credentials configured"),
            Setting(
                "RATE_LIMIT_RPS", flag: "rate-limit-rps", member(\.rateLimitPerSecond),
                help: "requests per second per credential (per address when authentication is off); 0 turns it off",
                valueName: "number ≥ 0", parse: { Double($0).flatMap { $0 >= 0 && $0 <= 1_000_000 ? $0 : nil } },
                format: SettingFormat.number),
            .integer(
                "RATE_LIMIT_BURST", flag: "rate-limit-burst", member(\.rateLimitBurst), in: 0...1_000_000,
                help: "requests a client may make at once; 0 for twice the rate"),
            .integer(
                "HTTP_MAX_CONNECTIONS", flag: "max-connections", member(\.maximumConnections), in: 1...1_000_000,
                help: "open connections at most; more wait until one closes"),
            .seconds("HTTP_IDLE_TIMEOUT", flag: "idle-timeout", member(\.idleTimeout), help: "closes a connection idle this long"),
            .integer(
                "HTTP_MAX_HEADER_BYTES", flag: "max-header-bytes", member(\.maximumHeaderBytes), in: 1024...(1 << 20),
                help: "largest request head; larger answers 400 and closes the connection"),
            .text(
                "TLS_CERT_FILE", flag: "tls-cert-file", member(\.tlsCertificateFile),
                help: "PEM certificate (then its intermediates) to serve HTTPS with; needs TLS_KEY_FILE"),
            .text("TLS_KEY_FILE", flag: "tls-key-file", member(\.tlsKeyFile), help: "unencrypted PEM private key of TLS_CERT_FILE"),
        ]
    }
}
