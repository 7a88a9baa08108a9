import HTTPTypes
import Hummingbird
import Logging

/// Refuses, before any handler reads the body, what the service's ``AccessPolicy`` does not allow:
/// 401 without valid credentials, 403 without the role, 429 past the rate limit.
///
/// Rate limiting counts authenticated requests per credential, and everything else (refused
/// credentials included, so keys cannot be guessed at full speed) per client address. Open paths
/// are neither authenticated nor limited.
///
/// - Important: Add it after the error middleware, which gives its refusals the service's error body.
public struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let access: AccessControl
    let policy: AccessPolicy
    let rateLimiter: RateLimiter?

    public init(access: AccessControl, policy: AccessPolicy, rateLimiter: RateLimiter?) {
        self.access = access
        self.policy = policy
        self.rateLimiter = rateLimiter
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requirement = policy.requirement(for: request.method, path: request.uri.path)
        guard requirement != .open else { return try await next(request, context) }
        guard access.isEnabled else {
            return try await serve(request, context: context, as: Self.addressLabel(context), next: next)
        }
        switch await access.authenticate(request.headers) {
        case .refused(let reason, let refusal):
            let limits = try limit(Self.addressLabel(context))
            context.logger.info(
                "request refused: not authenticated", metadata: ["http.path": "\(request.uri.path)", "auth.reason": "\(reason)"])
            throw APIError(.unauthorized, errors: [reason], headers: access.challenges(for: refusal) + limits)
        case .authenticated(let principal):
            guard requirement.isMet(by: principal.roles) else {
                let limits = try limit(principal.label)
                context.logger.info(
                    "request refused: role missing", metadata: ["http.path": "\(request.uri.path)", "auth.principal": "\(principal.label)"])
                throw APIError(
                    .forbidden, errors: [Self.forbidden(request, requirement: requirement, roles: principal.roles)], headers: limits)
            }
            return try await serve(request, context: context, as: principal.label, next: next)
        }
    }

    private func serve(
        _ request: Request, context: Context, as client: String, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let limits = try limit(client)
        var response = try await next(request, context)
        response.headers.append(contentsOf: limits)
        return response
    }

    /// The `RateLimit-*` headers for one more request of `client`; throws 429 past the limit.
    private func limit(_ client: String) throws(APIError) -> HTTPFields {
        guard let rateLimiter else { return [:] }
        let decision = rateLimiter.take(for: client)
        var headers = HTTPFields()
        headers[.rateLimitLimit] = String(decision.limit)
        headers[.rateLimitRemaining] = String(decision.remaining)
        headers[.rateLimitReset] = String(decision.resetSeconds)
        guard decision.isAllowed else {
            headers[.retryAfter] = String(decision.retryAfterSeconds)
            let rate = rateLimiter.rate.formatted(.number.precision(.fractionLength(0...2)))
            throw APIError(
                .tooManyRequests,
                errors: [
                    "Too many requests: at most \(rate) per second, \(decision.limit) at once; retry after \(decision.retryAfterSeconds) s"
                ],
                headers: headers)
        }
        return headers
    }

    private static func addressLabel(_ context: Context) -> String {
        guard let address = (context as? any RemoteAddressRequestContext)?.remoteAddress else { return "address unknown" }
        return "address \(address.ipAddress ?? address.description)"
    }

    private static func forbidden(_ request: Request, requirement: AccessRequirement, roles: AccessRoles) -> String {
        guard case .anyOf(let required) = requirement else { return "Forbidden" }
        let needed = AccessRoles.named.filter { required.contains($0.role) }.map(\.name).joined(separator: " or ")
        return "Forbidden: \(request.method) \(request.uri.path) needs the \(needed) role; these credentials grant \(roles)"
    }
}
