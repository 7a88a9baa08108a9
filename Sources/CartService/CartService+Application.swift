import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import ServiceSupport

/// Builds the Cart Service's HTTP application around a publisher.
///
/// Tests pass a publisher of their own; the executable passes the Kafka one (and its services, so
/// that the producer starts before the server and is flushed after it stops), and the access control
/// and rate limiter that the configuration describes (both off when not given).
public func buildCartApplication(
    configuration: CartServiceConfiguration,
    publisher: any OrderEventPublisher,
    access: AccessControl = AccessControl(realm: CartService.realm),
    rateLimiter: RateLimiter? = nil,
    services: [any Service] = [],
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router(context: ServiceRequestContext.self)
    router.add(middleware: ErrorBodyMiddleware())
    router.addAccessControl(access, policy: CartRoutes<ServiceRequestContext>.accessPolicy, rateLimiter: rateLimiter)
    CartRoutes<ServiceRequestContext>(
        publisher: publisher,
        limits: configuration.limits,
        generator: OrderGenerator(currency: configuration.currency),
        clock: { Date() }
    ).register(on: router)
    router.answerUnservedMethodsWithMethodNotAllowed()
    return Application(
        router: router,
        server: configuration.http.server,
        configuration: configuration.http.applicationConfiguration(
            host: configuration.host, port: configuration.port, serverName: "cart-service", logger: logger),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
}
