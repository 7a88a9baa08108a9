import HTTPTypes
import Hummingbird

/// Who may call a service: its API keys and its token verifier, and how it answers those it refuses.
///
/// Off when it holds neither keys nor a verifier: then every request is served, as on a developer's
/// machine, and a service bound to a non-loopback address refuses to start unless told that this is
/// meant (``HTTPSecuritySettings/checkExposure(host:hostVariable:)``).
public struct AccessControl: Sendable {
    public let keyring: APIKeyring
    public let tokens: BearerTokenVerifier?
    /// Names the service in `WWW-Authenticate`, so a client can tell which credentials to send.
    public let realm: String
    /// Whether `Authorization: Basic` is accepted, with an API key as the password: Confluent's
    /// registry clients send only that (`basic.auth.user.info`). The user name is not checked.
    public let acceptsBasic: Bool

    public init(keyring: APIKeyring = APIKeyring(), tokens: BearerTokenVerifier? = nil, realm: String, acceptsBasic: Bool = false) {
        self.keyring = keyring
        self.tokens = tokens
        self.realm = realm
        self.acceptsBasic = acceptsBasic
    }

    public var isEnabled: Bool { !keyring.isEmpty || tokens != nil }

    /// The outcome of reading a request's credential.
    enum Outcome: Sendable {
        case authenticated(Principal)
        /// No credential, or one that is refused: the reason is the client's answer.
        case refused(reason: String, Refusal)
    }

    /// Why a request is refused, as RFC 6750 §3.1 tells clients in `WWW-Authenticate`.
    enum Refusal: Sendable {
        /// No credential at all: the challenge carries no error.
        case missing
        /// Headers that cannot be read as a credential (`invalid_request`).
        case malformed
        /// A credential that is unknown, expired or wrongly signed (`invalid_token`).
        case invalid
    }

    func authenticate(_ headers: HTTPFields) async -> Outcome {
        switch PresentedCredential(headers) {
        case .none:
            return .refused(reason: "Authentication required: send an API key or a bearer token", .missing)
        case .malformed(let reason):
            return .refused(reason: "Malformed credentials: \(reason)", .malformed)
        case .apiKey(let key):
            return keyOutcome(key)
        case .basic(_, let password) where acceptsBasic:
            return keyOutcome(password)
        case .basic:
            return .refused(reason: "Malformed credentials: Basic is not accepted here; use Bearer", .malformed)
        case .bearer(let value):
            if let match = keyring.match(value) { return .authenticated(Principal(label: match.label, roles: match.roles)) }
            guard let tokens, value.split(separator: ".", omittingEmptySubsequences: false).count == 3 else {
                return .refused(reason: "Invalid credentials: unknown API key", .invalid)
            }
            do {
                return .authenticated(try await tokens.verify(value))
            } catch {
                return .refused(reason: "Invalid token: \(error.rawValue)", .invalid)
            }
        }
    }

    private func keyOutcome(_ key: String) -> Outcome {
        guard let match = keyring.match(key) else {
            return .refused(reason: "Invalid credentials: unknown API key", .invalid)
        }
        return .authenticated(Principal(label: match.label, roles: match.roles))
    }

    /// The challenges of a 401 (RFC 6750 §3), with the error code when a credential was offered.
    func challenges(for refusal: Refusal) -> HTTPFields {
        var fields = HTTPFields()
        let error =
            switch refusal {
            case .missing: ""
            case .malformed: ", error=\"invalid_request\""
            case .invalid: ", error=\"invalid_token\""
            }
        fields.append(HTTPField(name: .wwwAuthenticate, value: "Bearer realm=\"\(realm)\"\(error)"))
        if acceptsBasic { fields.append(HTTPField(name: .wwwAuthenticate, value: "Basic realm=\"\(realm)\"")) }
        return fields
    }
}
