/// Who a request was authenticated as: what it may do, and a name that rate limiting counts it under.
public struct Principal: Sendable, Hashable {
    /// `key 2`, or `token <issuer>/<subject>`; never a secret, so it may be logged.
    public let label: String
    public let roles: AccessRoles
}
