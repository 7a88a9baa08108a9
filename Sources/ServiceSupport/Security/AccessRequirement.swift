/// What a request needs to be served: nothing (health checks, the API description), or one of some
/// roles.
public enum AccessRequirement: Sendable, Hashable {
    /// Served to anyone, even with authentication on, and never rate limited: load balancers and
    /// monitoring poll these without credentials.
    case open
    /// A credential holding any of these roles, or ``AccessRoles/admin``.
    case anyOf(AccessRoles)

    /// Needs exactly `role` (or admin).
    public static func role(_ role: AccessRoles) -> AccessRequirement { .anyOf(role) }

    /// Whether a credential with `roles` meets it.
    public func isMet(by roles: AccessRoles) -> Bool {
        switch self {
        case .open: true
        case .anyOf(let required): roles.contains(.admin) || !roles.isDisjoint(with: required)
        }
    }

    /// The paths every service leaves open.
    public static let openPaths: Set<String> = ["/health", "/metrics", "/openapi.json"]
}
