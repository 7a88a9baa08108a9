import ServiceSettings

/// Who may call a service and how much: the same variables in every executable, so that one
/// environment secures the whole platform. Everything is off by default, so that the walkthrough's
/// curl commands work on 127.0.0.1 with no configuration; a non-loopback address refuses to start
/// without credentials configured (``checkExposure(host:hostVariable:)``).
public struct HTTPSecuritySettings: Sendable {
    /// `API_KEYS`: `role=key` pairs. Default: none.
    public var apiKeys = APIKeyring()
    /// `API_KEYS_FILE`: more pairs, one per line, read at start-up. Default: none.
    public var apiKeysFile = ""
    /// `JWT_HS256_SECRET`: the secret that signs accepted tokens. Default: none.
    public var jwtHS256Secret = ""
    /// `JWT_JWKS_FILE`: a JWKS document of the public keys that sign accepted tokens. Default: none.
    public var jwtJWKSFile = ""
    /// `JWT_ISSUER`: the `iss` a token must carry; empty accepts any. Default: none.
    public var jwtIssuer = ""
    /// `JWT_AUDIENCE`: a value a token's `aud` must hold; empty accepts any. Default: none.
    public var jwtAudience = ""
    /// `ALLOW_UNAUTHENTICATED`: serve a non-loopback address without credentials anyway. Default: false.
    public var allowsUnauthenticated = false
    /// `RATE_LIMIT_RPS`: sustained requests per second per client; 0 turns rate limiting off.
    /// Default: 0, because the right figure depends on the clients: behind a proxy without
    /// authentication, every client shares the proxy's address and so one bucket.
    public var rateLimitPerSecond: Double = 0
    /// `RATE_LIMIT_BURST`: requests a client may make at once; 0 means twice the rate (at least 1).
    /// Default: 0.
    public var rateLimitBurst = 0
    /// `HTTP_MAX_CONNECTIONS`: open connections at most; more wait in the listen backlog. Default: 1000.
    public var maximumConnections = 1000
    /// `HTTP_IDLE_TIMEOUT`: a connection with no request for this long is closed. Longer than the
    /// 60 s for which HTTP clients' pools usually keep idle connections, so that a pool does not reuse a
    /// connection the server is closing. Default: 75 s.
    public var idleTimeout: Duration = .seconds(75)
    /// `HTTP_MAX_HEADER_BYTES`: the largest request head (all header fields); larger answers 400 and
    /// the connection is closed. Default: 16 KiB, room for any JWT.
    public var maximumHeaderBytes = 16 << 10
    /// `TLS_CERT_FILE`: the server's PEM certificate, followed by its intermediates; with
    /// ``tlsKeyFile`` the server answers HTTPS only. Default: none (plain HTTP, for 127.0.0.1 or behind
    /// a TLS-terminating proxy).
    public var tlsCertificateFile = ""
    /// `TLS_KEY_FILE`: the unencrypted PEM private key of ``tlsCertificateFile``. Default: none.
    public var tlsKeyFile = ""

    public init() {}

    /// Whether any credential is configured, so that authentication is on.
    public var isAuthenticationConfigured: Bool {
        !apiKeys.isEmpty || !apiKeysFile.isEmpty || !jwtHS256Secret.isEmpty || !jwtJWKSFile.isEmpty
    }

    /// The burst in force: ``rateLimitBurst``, or twice the rate.
    public var effectiveBurst: Int {
        rateLimitBurst > 0 ? rateLimitBurst : max(1, Int((rateLimitPerSecond * 2).rounded(.up)))
    }

    /// The rate limiter these settings ask for, or `nil` when rate limiting is off.
    public func makeRateLimiter() -> RateLimiter? {
        rateLimitPerSecond > 0 ? RateLimiter(rate: rateLimitPerSecond, burst: effectiveBurst) : nil
    }
}
