import Hummingbird

extension Router {
    /// Enforces `access` and `rateLimiter` on the routes by `policy`. Adds nothing when both are off, so
    /// that an unconfigured service pays nothing per request.
    ///
    /// - Important: Call it after adding the error middleware, which gives the refusals the service's
    ///   error body.
    public func addAccessControl(_ access: AccessControl, policy: AccessPolicy, rateLimiter: RateLimiter?) {
        guard access.isEnabled || rateLimiter != nil else { return }
        add(middleware: AccessMiddleware(access: access, policy: policy, rateLimiter: rateLimiter))
    }
}
