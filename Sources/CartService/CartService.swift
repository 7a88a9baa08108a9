import Hummingbird
import Kafka
import Logging
import NIOCore
import Prometheus
import SchemaRegistry
import ServiceLifecycle
import ServiceSupport

/// The Cart Service wired to Kafka and the Schema Registry, as the executable and the end-to-end
/// tests run it.
public enum CartService {
    /// Names the service in `WWW-Authenticate`, so a client can tell which credentials to send.
    public static let realm = "cart-service"

    /// The application with its Kafka producer and publisher as services: `runService()` starts them
    /// before the server and, on SIGTERM/SIGINT, stops the server first (in-flight requests are
    /// answered) and flushes the producer last.
    ///
    /// - Parameter metrics: the registry that `GET /metrics` shows; the producer's statistics gauges go
    ///   there too.
    /// - Throws: ``ServiceSettings/SettingError`` when the host is exposed without credentials, or a
    ///   credentials, certificate or key file cannot be used; Kafka's error when a client cannot be made.
    public static func makeApplication(
        configuration: CartServiceConfiguration,
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        try configuration.http.checkExposure(host: configuration.host, hostVariable: "CART_HOST")
        let server = try configuration.http.makeServer()
        let registryTLS = try PEMFile.clientConfiguration(
            trusting: configuration.schemaRegistryCAFile, variable: "SCHEMA_REGISTRY_CA_FILE")
        let access = try await configuration.http.makeAccessControl(realm: realm)
        let servers = configuration.bootstrapServers.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: servers)
        producerConfiguration.connection.clientID = "cart-service"
        producerConfiguration.connection.statisticsInterval = configuration.kafkaStatisticsInterval
        // librdkafka gives up on the message when we answer 503, so it is not sent again behind the
        // client's back. One already sent may still have been stored by the broker: the 503 tells the
        // client which case it is (`eventStored`: `no` or `unknown`).
        producerConfiguration.deliveryTimeout = configuration.publishTimeout
        // Every request waits for its acknowledgement, so the linger is added to each answer's time; under
        // load batches form anyway while earlier requests are in flight. 1 ms halves the latency at a
        // paced 1,000 req/s against librdkafka's 5 ms (README, Performance); KAFKA_CONFIG_LINGER_MS overrides.
        producerConfiguration.lingerTime = .milliseconds(1)
        // Topics are created with their partitions by the publisher, never implicitly by a send.
        producerConfiguration.isTopicAutoCreationEnabled = false
        producerConfiguration.additionalConfig = configuration.kafkaProperties
        var adminConfiguration = KafkaAdminConfiguration(bootstrapServers: servers)
        adminConfiguration.connection.clientID = "cart-service-admin"
        adminConfiguration.additionalConfig = configuration.kafkaProperties

        let producer = try KafkaProducer(
            configuration: producerConfiguration, logger: logger, metricsFactory: PrometheusMetricsFactory(registry: metrics))
        let admin = try KafkaAdmin(configuration: adminConfiguration, logger: logger)
        let registry = RegistryClient(
            configuration: RegistryClientConfiguration(
                baseURL: configuration.schemaRegistryURL, requestTimeout: configuration.publishTimeout,
                basicAuthUserInfo: configuration.schemaRegistryUserInfo, tlsConfiguration: registryTLS),
            logger: logger)
        let publisher = try KafkaOrderEventPublisher(
            configuration: configuration, producer: producer, admin: admin, registry: registry, logger: logger)
        return buildCartApplication(
            configuration: configuration, publisher: publisher, access: access, rateLimiter: configuration.http.makeRateLimiter(),
            services: [producer, publisher], metrics: metrics, server: server, logger: logger, onServerRunning: onServerRunning)
    }
}
