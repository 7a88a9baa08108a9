import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import ServiceSupport

/// Builds the Cart Service's HTTP application around a publisher.
///
/// Tests pass a publisher of their own; the executable passes the Kafka one (and its services, so
/// that the producer starts before the server and is flushed after it stops).
///
/// - Parameter metrics: the registry that `GET /metrics` shows and the service's metrics go to; the
///   executable passes the one it bootstrapped `MetricsSystem` with, a test one of its own.
public func buildCartApplication(
    configuration: CartServiceConfiguration,
    publisher: any OrderEventPublisher,
    services: [any Service] = [],
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router()
    router.addRequestMetrics(metrics)
    router.add(middleware: ErrorBodyMiddleware())
    let cartMetrics = CartMetrics(registry: metrics)
    CartRoutes<BasicRequestContext>(
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
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cart-service"),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
}
