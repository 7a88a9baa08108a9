import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import ServiceSupport

/// Builds the Cart Service's HTTP application around a publisher.
///
/// Tests pass a publisher of their own; the executable passes the Kafka one (and its services, so
/// that the producer starts before the server and is flushed after it stops), and the access control
/// and rate limiter that the configuration describes (both off when not given).
///
/// - Parameters:
///   - metrics: the registry that `GET /metrics` shows and the service's metrics go to; the executable
///     passes the one it bootstrapped `MetricsSystem` with, a test one of its own.
///   - server: the HTTP server, as ``ServiceSupport/HTTPSecuritySettings/makeServer()`` made it (HTTPS
///     when configured); by default plain HTTP with the configuration's limits, for tests.
public func buildCartApplication(
    configuration: CartServiceConfiguration,
    publisher: any OrderEventPublisher,
    access: AccessControl = AccessControl(realm: CartService.realm),
    rateLimiter: RateLimiter? = nil,
    services: [any Service] = [],
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    server: HTTPServerBuilder? = nil,
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router(context: ServiceRequestContext.self)
    if configuration.isTracingEnabled {
        // First, so that the request's span covers everything after it, refusals and errors included, and
        // is the current context when the publisher writes the record's trace headers.
        router.add(middleware: TracingMiddleware())
    }
    router.addRequestMetrics(metrics)
    router.add(middleware: ErrorBodyMiddleware())
    router.addAccessControl(access, policy: CartRoutes<ServiceRequestContext>.accessPolicy, rateLimiter: rateLimiter)
    let cartMetrics = CartMetrics(registry: metrics)
    CartRoutes<ServiceRequestContext>(
        publisher: publisher,
        limits: configuration.limits,
        generator: OrderGenerator(currency: configuration.currency),
        clock: { Date() },
        metrics: cartMetrics
    ).register(on: router)
    router.addMetricsEndpoint(metrics) { cartMetrics.producerQueue.set(Int64(publisher.queuedEventCount)) }
    router.answerUnservedMethodsWithMethodNotAllowed()
    return Application(
        router: router,
        server: server ?? configuration.http.server,
        configuration: configuration.http.applicationConfiguration(
            host: configuration.host, port: configuration.port, serverName: "cart-service", logger: logger),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
}
