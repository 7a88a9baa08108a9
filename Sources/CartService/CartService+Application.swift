import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import ServiceSupport

/// Builds the Cart Service's HTTP application around a publisher.
///
/// Tests pass a publisher of their own; the executable passes the Kafka one (and its services, so
/// that the producer starts before the server and is flushed after it stops).
public func buildCartApplication(
    configuration: CartServiceConfiguration,
    publisher: any OrderEventPublisher,
    services: [any Service] = [],
    logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: ErrorBodyMiddleware())
    CartRoutes<BasicRequestContext>(
        publisher: publisher,
        limits: configuration.limits,
        generator: OrderGenerator(currency: configuration.currency),
        clock: { Date() }
    ).register(on: router)
    router.answerUnservedMethodsWithMethodNotAllowed()
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cart-service"),
        services: services,
        onServerRunning: onServerRunning,
        logger: logger)
}
