import Foundation
import Hummingbird
import HummingbirdCore
import Kafka
import Logging
import NIOCore
import NIOSSL
import OrderEvents
import Prometheus
import SchemaRegistry
import ServiceLifecycle
import ServiceSupport

/// The whole Order Service, assembled from its configuration: the store, the consumer, the
/// dead-letter outbox and reader, and the HTTP server, in one application whose `runService()` runs
/// them all and shuts them down gracefully on SIGTERM.
public enum OrderServiceRuntime {
    /// Names the service in `WWW-Authenticate`, so a client can tell which credentials to send.
    public static let realm = "order-service"

    /// Why the service cannot start.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Parameter metrics: the registry that `GET /metrics` shows; the Kafka clients' statistics
    ///   gauges go there too.
    /// - Throws: ``StartError`` when the host is exposed without credentials, a credentials file cannot
    ///   be used, the store cannot be opened or a client cannot be configured (e.g. a librdkafka too
    ///   old). An unreachable broker or registry is not an error: the service starts, answers from its
    ///   store, and connects when they come.
    public static func makeApplication(
        configuration: OrderServiceConfiguration,
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) async throws(StartError) -> some ApplicationProtocol {
        // Before the store is opened, so that a refused configuration leaves no file behind.
        _ = try checkHTTP(configuration)
        let store = try await openStore(configuration.storeLocation, logger: logger)
        return try await makeApplication(
            configuration: configuration, store: store, metrics: metrics, logger: logger, onServerRunning: onServerRunning)
    }

    /// The same over a given store (tests inject failures through it).
    public static func makeApplication(
        configuration: OrderServiceConfiguration,
        store: any OrderStore,
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) async throws(StartError) -> some ApplicationProtocol {
        let (server, registryTLS) = try checkHTTP(configuration)
        let access: AccessControl
        do {
            access = try await configuration.http.makeAccessControl(realm: realm)
        } catch {
            throw StartError(description: error.description)
        }
        let status = ConsumerStatusBoard()
        let deadLetters = DeadLetterIndex()
        let orderMetrics = OrderServiceMetrics(registry: metrics)
        let services: [any Service]
        let replayer: DeadLetterReplayer
        do {
            (services, replayer) = try makeServices(
                configuration: configuration, store: store, status: status, deadLetters: deadLetters, metrics: orderMetrics,
                registryTLS: registryTLS, logger: logger)
        } catch {
            throw StartError(description: "\(error)")
        }
        return buildOrderApplication(
            configuration: configuration, store: store, deadLetters: deadLetters, status: status, replayer: replayer, access: access,
            rateLimiter: configuration.http.makeRateLimiter(), services: services, metrics: orderMetrics, server: server,
            logger: logger, onServerRunning: onServerRunning)
    }

    /// Opens the store the configuration names. An unreachable or refusing PostgreSQL stops the start
    /// with one line, as an SQLite file that cannot be opened does: without its store the service can
    /// neither consume nor answer. Once running, a store that goes away is retried without end.
    private static func openStore(_ location: OrderStoreLocation, logger: Logger) async throws(StartError) -> any OrderStore {
        do {
            switch location {
            case .sqlite(let path): return try SQLiteOrderStore(path: path, logger: logger)
            case .postgres(let address): return try await PostgresOrderStore(address: address, logger: logger)
            }
        } catch {
            throw StartError(description: "cannot open the order store \(location): \(error.reason)")
        }
    }

    /// The exposure check, then the server (HTTPS when configured) and the registry client's TLS, with
    /// their files read now: each refusal is one line naming the variable.
    private static func checkHTTP(
        _ configuration: OrderServiceConfiguration
    ) throws(StartError) -> (server: HTTPServerBuilder, registryTLS: TLSConfiguration?) {
        do {
            try configuration.http.checkExposure(host: configuration.host, hostVariable: "ORDER_HOST")
            let registryTLS = try PEMFile.clientConfiguration(
                trusting: configuration.schemaRegistryCAFile, variable: "SCHEMA_REGISTRY_CA_FILE")
            return (try configuration.http.makeServer(), registryTLS)
        } catch {
            throw StartError(description: error.description)
        }
    }

    static func makeServices(
        configuration: OrderServiceConfiguration,
        store: any OrderStore,
        status: ConsumerStatusBoard,
        deadLetters: DeadLetterIndex,
        metrics: OrderServiceMetrics,
        registryTLS: TLSConfiguration? = nil,
        logger: Logger
    ) throws -> (services: [any Service], replayer: DeadLetterReplayer) {
        let registry = RegistryClient(
            configuration: RegistryClientConfiguration(
                baseURL: configuration.schemaRegistryURL, requestTimeout: configuration.registryRequestTimeout,
                basicAuthUserInfo: configuration.schemaRegistryUserInfo, tlsConfiguration: registryTLS),
            logger: logger)
        let pipeline = OrderEventPipeline(
            store: store,
            decoder: try RegistryOrderEventDecoder(
                registry: registry, unknownSchemaGrace: configuration.unknownSchemaGrace, logger: logger),
            lifecycle: OrderLifecycle(shipping: configuration.shipping), policy: configuration.retryPolicy, metrics: metrics,
            isTracingEnabled: configuration.isTracingEnabled, logger: logger)
        let admin = try KafkaAdmin(configuration: adminConfiguration(configuration), logger: logger)
        // One acks=all producer for dead letters and their replays; the outbox runs it.
        let producer = try KafkaProducer(
            configuration: producerConfiguration(configuration), logger: logger, metricsFactory: metrics.kafkaMetricsFactory)
        let outbox = DeadLetterOutbox(
            store: store,
            producer: producer,
            topic: configuration.deadLetterTopic, policy: configuration.retryPolicy, status: status, logger: logger)
        let reader = DeadLetterReader(
            index: deadLetters, admin: admin, configuration: configuration, metrics: metrics, logger: logger)
        let consumer = OrderConsumer(
            configuration: configuration, pipeline: pipeline, store: store, status: status, outbox: outbox,
            topics: configuration.isTopicCreationEnabled
                ? PlatformTopics(
                    admin: admin, topic: configuration.topic, deadLetterTopic: configuration.deadLetterTopic, logger: logger)
                : nil,
            metrics: metrics,
            onStoreReset: { reader.startOver() },
            logger: logger)
        let replayer = DeadLetterReplayer(
            index: deadLetters, store: store, producer: KafkaReplayProducer(producer: producer), topic: configuration.topic,
            deadLetterTopic: configuration.deadLetterTopic, logger: logger)
        // The store first: a service group stops its services in reverse order, so the store stops last.
        let storeService = (store as? any Service).map { [$0] } ?? []
        return (storeService + [outbox, reader, consumer], replayer)
    }

    private static func adminConfiguration(_ configuration: OrderServiceConfiguration) -> KafkaAdminConfiguration {
        var admin = KafkaAdminConfiguration(bootstrapServers: configuration.bootstrapServerList)
        admin.connection.clientID = "order-service-admin"
        admin.additionalConfig = configuration.kafkaProperties
        return admin
    }

    private static func producerConfiguration(_ configuration: OrderServiceConfiguration) -> KafkaProducerConfiguration {
        var producer = KafkaProducerConfiguration(bootstrapServers: configuration.bootstrapServerList)
        producer.connection.clientID = "order-service-dlq"
        producer.connection.statisticsInterval = configuration.kafkaStatisticsInterval
        producer.deliveryTimeout = configuration.deadLetterPublishTimeout
        producer.additionalConfig = configuration.kafkaProperties
        return producer
    }
}
