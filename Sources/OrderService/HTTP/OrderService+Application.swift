import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import ServiceSupport

/// Builds the Order Service's HTTP application over a store, a dead-letter index and a status board.
///
/// Tests pass their own store and fill the index and board themselves; ``OrderServiceRuntime`` passes
/// the real ones and the consumer services, so that they run in one `ServiceGroup` with the server, and
/// the access control and rate limiter that the configuration describes (both off when not given).
///
/// - Parameters:
///   - metrics: what `GET /metrics` shows; the consumer lag in it is read from `status` on each scrape.
///   - server: the HTTP server, as ``ServiceSupport/HTTPSecuritySettings/makeServer()`` made it (HTTPS
///     when configured); by default plain HTTP with the configuration's limits, for tests.
public func buildOrderApplication(
    configuration: OrderServiceConfiguration,
    store: any OrderStore,
    deadLetters: DeadLetterIndex,
    status: ConsumerStatusBoard,
    replayer: DeadLetterReplayer? = nil,
    access: AccessControl = AccessControl(realm: OrderServiceRuntime.realm),
    rateLimiter: RateLimiter? = nil,
    services: [any Service] = [],
    metrics: OrderServiceMetrics = OrderServiceMetrics(),
    server: HTTPServerBuilder? = nil,
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router(context: ServiceRequestContext.self)
    router.addRequestMetrics(metrics.registry)
    router.add(middleware: ErrorBodyMiddleware())
    router.addAccessControl(access, policy: OrderRoutes<ServiceRequestContext>.accessPolicy, rateLimiter: rateLimiter)
    OrderRoutes<ServiceRequestContext>(
        store: store,
        deadLetters: deadLetters,
        status: status,
        topic: configuration.topic,
        deadLetterTopic: configuration.deadLetterTopic,
        maximumPageSize: configuration.maximumPageSize,
        replayer: replayer
    ).register(on: router)
    router.addMetricsEndpoint(metrics.registry) {
        metrics.updateConsumerLag(status.snapshot(deadLetterReaderCaughtUp: true).partitions)
    }
    router.answerUnservedMethodsWithMethodNotAllowed()
    return Application(
        router: router,
        server: server ?? configuration.http.server,
        configuration: configuration.http.applicationConfiguration(
            host: configuration.host, port: configuration.port, serverName: "order-service", logger: logger),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
}
