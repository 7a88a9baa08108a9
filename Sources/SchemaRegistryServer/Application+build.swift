import Hummingbird
import HummingbirdCore
import Logging
import Prometheus
import SchemaRegistry
import ServiceLifecycle
import ServiceSupport

/// Builds the registry server: the store (reading its topic as a service) and the HTTP API, which
/// starts answering only once the store has read the topic to its end, behind the access control and
/// rate limiter that the configuration describes.
///
/// - Throws: ``ServiceSettings/SettingError`` when the host is exposed without credentials, or a
///   credentials, certificate or key file cannot be used; the log's error when its Kafka clients cannot be made.
///
/// ```swift
/// let app = try await buildApplication(configuration: configuration, logger: logger)
/// try await app.runService()
/// ```
///
/// - Parameter metrics: the registry that `GET /metrics` shows; the Kafka clients' statistics gauges go
///   there too.
public func buildApplication(
    configuration: RegistryServerConfiguration,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    logger: Logger,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    try configuration.http.checkExposure(host: configuration.host, hostVariable: "SCHEMA_REGISTRY_HOST")
    let server = try configuration.http.makeServer()
    let access = try await configuration.http.makeAccessControl(realm: RegistryAccessPolicy.realm, acceptsBasic: true)
    let log = try makeLog(configuration.storage, metrics: metrics, logger: logger)
    return buildApplication(
        configuration: configuration, log: log, access: access, rateLimiter: configuration.http.makeRateLimiter(),
        metrics: RegistryMetrics(registry: metrics), server: server, logger: logger,
        onServerRunning: onServerRunning)
}

/// The same over a given log, so that tests can restart a registry on the log of the previous one;
/// `server` is plain HTTP with the configuration's limits unless the caller made another.
func buildApplication(
    configuration: RegistryServerConfiguration,
    log: any RegistryLog,
    access: AccessControl = AccessControl(realm: RegistryAccessPolicy.realm, acceptsBasic: true),
    rateLimiter: RateLimiter? = nil,
    metrics: RegistryMetrics = RegistryMetrics(),
    server: HTTPServerBuilder? = nil,
    logger: Logger,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) -> Application<RouterResponder<ServiceRequestContext>> {
    let store = RegistryStore(
        log: log, format: AvroSchemaFormat(), timeout: configuration.storeTimeout, metrics: metrics, logger: logger)
    let router = buildRouter(store: store, maximumBodySize: configuration.maximumBodySize, access: access, rateLimiter: rateLimiter)
    var app = Application(
        router: router,
        server: server ?? configuration.http.server,
        configuration: configuration.http.applicationConfiguration(
            host: configuration.host, port: configuration.port, serverName: "schema-registry", logger: logger),
        services: [store],
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
    app.beforeServerStarts {
        logger.info("Reading the schemas topic before serving")
        try await cancelWhenGracefulShutdown { try await store.waitUntilCaughtUp() }
        logger.info("Schemas topic read; serving", metadata: ["port": "\(configuration.port)"])
    }
    return app
}

/// The router alone, for in-process tests (`app.test(.router)`) with any store. `GET /metrics` shows the
/// store's metrics registry.
func buildRouter(
    store: RegistryStore, maximumBodySize: Int, access: AccessControl = AccessControl(realm: RegistryAccessPolicy.realm),
    rateLimiter: RateLimiter? = nil
) -> Router<ServiceRequestContext> {
    let router = Router(context: ServiceRequestContext.self)
    router.addRequestMetrics(store.metrics.registry)
    router.middlewares.add(RegistryErrorMiddleware())
    router.addAccessControl(access, policy: RegistryAccessPolicy.policy, rateLimiter: rateLimiter)
    RegistryController(store: store, maximumBodySize: maximumBodySize).addRoutes(to: router)
    router.addMetricsEndpoint(store.metrics.registry) { store.metrics.show(await store.state) }
    return router
}

private func makeLog(_ storage: RegistryStorage, metrics: PrometheusCollectorRegistry, logger: Logger) throws -> any RegistryLog {
    switch storage.backing {
    case .memory:
        logger.warning("Schemas are kept in memory only and are lost when the registry stops")
        return InMemoryRegistryLog()
    case .kafka(let settings):
        return try KafkaRegistryLog(settings: settings, metricsFactory: PrometheusMetricsFactory(registry: metrics), logger: logger)
    }
}
