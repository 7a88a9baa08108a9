import ServiceSettings

extension HTTPSecuritySettings {
    /// Refuses to serve an address that other machines reach without authentication, unless
    /// `ALLOW_UNAUTHENTICATED=true` says that this is meant (a network policy or a proxy does the
    /// checking): an open registry lets anyone delete the order schema, an open Cart Service lets
    /// anyone publish.
    public func checkExposure(host: String, hostVariable: String) throws(SettingError) {
        guard !isAuthenticationConfigured, !allowsUnauthenticated, !Self.isLoopback(host) else { return }
        throw SettingError(
            "\(hostVariable)=\(host) is reachable from other machines but no credentials are configured: set API_KEYS, "
                + "API_KEYS_FILE, JWT_HS256_SECRET or JWT_JWKS_FILE, or ALLOW_UNAUTHENTICATED=true to serve it open")
    }

    /// `localhost`, `::1` and 127.0.0.0/8: addresses no other machine can connect to.
    static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
