import Foundation
import HTTPTypes
import Hummingbird

/// What a request offers as its credential, read from `Authorization` or `X-API-Key` before anything
/// is checked.
///
/// A header that is there but unreadable is ``malformed(_:)``, not ``none``, so that the client learns
/// what to fix rather than being told to authenticate when it thinks it did.
enum PresentedCredential: Sendable, Equatable {
    case none
    /// `Authorization: Bearer VALUE`: an API key or a JWT.
    case bearer(String)
    /// `X-API-Key: KEY`.
    case apiKey(String)
    /// `Authorization: Basic base64(user:password)`, Confluent's registry clients' convention.
    case basic(user: String, password: String)
    /// Why the headers cannot be read as a credential; never quotes the header's value.
    case malformed(String)

    init(_ headers: HTTPFields) {
        let authorization = headers[values: .authorization]
        let apiKey = headers[values: .apiKey]
        switch (authorization.count, apiKey.count) {
        case (0, 0): self = .none
        case (0, 1): self = Self.key(apiKey[0])
        case (1, 0): self = Self.authorization(authorization[0])
        default: self = .malformed("send one credential: one Authorization or one X-API-Key header")
        }
    }

    private static func key(_ value: String) -> PresentedCredential {
        let key = value.trimmingCharacters(in: .whitespaces)
        return key.isEmpty ? .malformed("X-API-Key is empty") : .apiKey(key)
    }

    private static func authorization(_ value: String) -> PresentedCredential {
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let scheme = parts.first else { return .malformed("Authorization is empty") }
        let rest = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch scheme.lowercased() {
        case "bearer":
            guard !rest.isEmpty else { return .malformed("Authorization: Bearer needs a token") }
            guard !rest.contains(" ") else { return .malformed("Authorization: Bearer takes one token, without spaces") }
            return .bearer(rest)
        case "basic":
            return basic(rest)
        default:
            // Not quoted: a client that sends a bare key puts it where the scheme belongs.
            return .malformed("Authorization has a scheme that is not supported; use Bearer")
        }
    }

    private static func basic(_ encoded: String) -> PresentedCredential {
        guard !encoded.isEmpty else { return .malformed("Authorization: Basic needs base64(user:password)") }
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8) else {
            return .malformed("Authorization: Basic is not base64 of UTF-8 text")
        }
        guard let colon = text.firstIndex(of: ":") else {
            return .malformed("Authorization: Basic must encode user:password")
        }
        return .basic(user: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }
}
