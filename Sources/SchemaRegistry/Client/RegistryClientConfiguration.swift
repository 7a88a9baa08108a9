import Foundation
import NIOSSL

/// Settings of a ``RegistryClient``.
public struct RegistryClientConfiguration: Sendable {
    /// Where the registry listens, without a trailing slash: `http://127.0.0.1:8081`.
    ///
    /// Default: `http://127.0.0.1:8081`
    public var baseURL: String

    /// The longest a request may take, connecting included. A registry that does not answer in time is
    /// reported as `.unreachable`, so a service can answer 503 within a bounded time instead of hanging.
    /// A refused connection is retried by the HTTP client's pool until this deadline, so a registry that
    /// is down costs the full timeout: keep it short where a caller waits.
    ///
    /// Default: 5 seconds
    public var requestTimeout: Duration

    /// How many entries each cache (schema by id, id by subject and schema) keeps. Ids and schemas never
    /// change once registered, so entries do not expire; past the capacity an arbitrary entry makes room.
    ///
    /// Default: 1000
    public var cacheCapacity: Int

    /// The largest answer body read; larger ones fail with `.unexpectedResponse`.
    ///
    /// Default: 16 MiB
    public var maximumResponseSize: Int

    /// `user:password` sent with every request as HTTP basic auth, Confluent's `basic.auth.user.info`;
    /// empty sends none. Never logged.
    ///
    /// Default: none
    public var basicAuthUserInfo: String

    /// TLS for an `https` registry, e.g. trust roots holding the CA of a registry whose certificate
    /// the system does not trust (a private CA); `nil` uses AsyncHTTPClient's default, the system's
    /// trust roots. Ignored for `http`.
    ///
    /// Default: `nil`
    public var tlsConfiguration: TLSConfiguration?

    public init(
        baseURL: String = "http://127.0.0.1:8081",
        requestTimeout: Duration = .seconds(5),
        cacheCapacity: Int = 1000,
        maximumResponseSize: Int = 16 << 20,
        basicAuthUserInfo: String = "",
        tlsConfiguration: TLSConfiguration? = nil
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.requestTimeout = requestTimeout
        self.cacheCapacity = cacheCapacity
        self.maximumResponseSize = maximumResponseSize
        self.basicAuthUserInfo = basicAuthUserInfo
        self.tlsConfiguration = tlsConfiguration
    }

    /// The `Authorization` value for ``basicAuthUserInfo``, or `nil` when it is empty.
    var authorization: String? {
        basicAuthUserInfo.isEmpty ? nil : "Basic " + Data(basicAuthUserInfo.utf8).base64EncodedString()
    }
}
