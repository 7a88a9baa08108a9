/// What a credential may do. A set, because one API key may be listed under several roles and one
/// token may carry several scopes.
///
/// The roles do not nest, except ``admin``: a producer holding ``writer`` cannot read orders, and a
/// dashboard holding ``reader`` cannot publish, so a leaked key exposes only what its holder needed.
public struct AccessRoles: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Order Service queries, `/dlq/*` reads, registry reads.
    public static let reader = AccessRoles(rawValue: 1 << 0)
    /// Cart Service `POST /create-order` and `PUT /update-order`; registering a schema at the registry.
    public static let writer = AccessRoles(rawValue: 1 << 1)
    /// Everything, registry deletes, config and mode included.
    public static let admin = AccessRoles(rawValue: 1 << 2)

    /// Each role with the name operators write in `API_KEYS` and the OAuth2 scope that grants it.
    static let named: [(role: AccessRoles, name: String, scope: String)] = [
        (.reader, "reader", "orders:read"),
        (.writer, "writer", "orders:write"),
        (.admin, "admin", "orders:admin"),
    ]

    /// The role named `name` (`reader`, `writer`, `admin`, any case), or `nil`.
    public init?(name: some StringProtocol) {
        guard let entry = Self.named.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = entry.role
    }

    /// The roles that a token's `scope` claim grants: space-separated scopes, of which `orders:read`,
    /// `orders:write` and `orders:admin` count and any other is ignored (a token is often shared with
    /// other APIs' scopes).
    public init(scopes: some StringProtocol) {
        self = []
        for scope in scopes.split(whereSeparator: \.isWhitespace) {
            if let entry = Self.named.first(where: { $0.scope == scope }) { insert(entry.role) }
        }
    }

    public var description: String {
        let names = Self.named.filter { contains($0.role) }.map(\.name)
        return names.isEmpty ? "none" : names.joined(separator: "+")
    }
}
