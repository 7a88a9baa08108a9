import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import ServiceSupport

/// Builds the Order Service's HTTP application over a store, a dead-letter index and a status board.
///
/// Tests pass their own store and fill the index and board themselves; ``OrderServiceRuntime`` passes
/// the real ones and the consumer services, so that they run in one `ServiceGroup` with the server.
///
/// - Parameter metrics: what `GET /metrics` shows; the consumer lag in it is read from `status` on each
///   scrape.
public func buildOrderApplication(
    configuration: OrderServiceConfiguration,
    store: any OrderStore,
    deadLetters: DeadLetterIndex,
    status: ConsumerStatusBoard,
    services: [any Service] = [],
    metrics: OrderServiceMetrics = OrderServiceMetrics(),
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router()
    router.addRequestMetrics(metrics.registry)
    router.add(middleware: ErrorBodyMiddleware())
    OrderRoutes<BasicRequestContext>(
        store: store,
        deadLetters: deadLetters,
        status: status,
        topic: configuration.topic,
        deadLetterTopic: configuration.deadLetterTopic,
        maximumPageSize: configuration.maximumPageSize
    ).register(on: router)
    router.addMetricsEndpoint(metrics.registry) {
        metrics.updateConsumerLag(status.snapshot(deadLetterReaderCaughtUp: true).partitions)
    }
    router.answerUnservedMethodsWithMethodNotAllowed()
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "order-service"),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
}
