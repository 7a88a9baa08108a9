import Foundation
import Hummingbird
import Kafka
import Logging
import NIOCore
import OrderEvents
import SchemaRegistry
import ServiceLifecycle

/// The whole Order Service, assembled from its configuration: the store, the consumer, the
/// dead-letter outbox and reader, and the HTTP server, in one application whose `runService()` runs
/// them all and shuts them down gracefully on SIGTERM.
public enum OrderServiceRuntime {
    /// Why the service cannot start.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Throws: ``StartError`` when the store cannot be opened or a client cannot be configured
    ///   (e.g. a librdkafka too old). An unreachable broker or registry is not an error: the service
    ///   starts, answers from its store, and connects when they come.
    public static func makeApplication(
        configuration: OrderServiceConfiguration,
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws(StartError) -> some ApplicationProtocol {
        let store: SQLiteOrderStore
        do {
            store = try SQLiteOrderStore(path: configuration.databasePath, logger: logger)
        } catch {
            throw StartError(description: "cannot open the order store at \(configuration.databasePath): \(error)")
        }
        return try makeApplication(configuration: configuration, store: store, logger: logger, onServerRunning: onServerRunning)
    }

    /// The same over a given store (tests inject failures through it).
    public static func makeApplication(
        configuration: OrderServiceConfiguration,
        store: any OrderStore,
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) throws(StartError) -> some ApplicationProtocol {
        let status = ConsumerStatusBoard()
        let deadLetters = DeadLetterIndex()
        let services: [any Service]
        do {
            services = try makeServices(configuration: configuration, store: store, status: status, deadLetters: deadLetters, logger: logger)
        } catch {
            throw StartError(description: "\(error)")
        }
        return buildOrderApplication(
            configuration: configuration, store: store, deadLetters: deadLetters, status: status, services: services,
            logger: logger, onServerRunning: onServerRunning)
    }

    static func makeServices(
        configuration: OrderServiceConfiguration,
        store: any OrderStore,
        status: ConsumerStatusBoard,
        deadLetters: DeadLetterIndex,
        logger: Logger
    ) throws -> [any Service] {
        let registry = RegistryClient(
            configuration: RegistryClientConfiguration(
                baseURL: configuration.schemaRegistryURL, requestTimeout: configuration.registryRequestTimeout),
            logger: logger)
        let pipeline = OrderEventPipeline(
            store: store, decoder: try RegistryOrderEventDecoder(registry: registry, logger: logger),
            lifecycle: OrderLifecycle(shipping: configuration.shipping), policy: configuration.retryPolicy, logger: logger)
        let admin = try KafkaAdmin(configuration: adminConfiguration(configuration), logger: logger)
        let outbox = DeadLetterOutbox(
            store: store, producer: try KafkaProducer(configuration: producerConfiguration(configuration), logger: logger),
            topic: configuration.deadLetterTopic, policy: configuration.retryPolicy, status: status, logger: logger)
        let consumer = OrderConsumer(
            configuration: configuration, pipeline: pipeline, store: store, status: status, outbox: outbox,
            topics: TopicSetup(admin: admin, configuration: configuration, logger: logger), logger: logger)
        let reader = DeadLetterReader(index: deadLetters, admin: admin, configuration: configuration, logger: logger)
        return [outbox, reader, consumer]
    }

    private static func adminConfiguration(_ configuration: OrderServiceConfiguration) -> KafkaAdminConfiguration {
        var admin = KafkaAdminConfiguration(bootstrapServers: configuration.bootstrapServerList)
        admin.connection.clientID = "order-service-admin"
        admin.additionalConfig = configuration.additionalKafkaConfig
        return admin
    }

    private static func producerConfiguration(_ configuration: OrderServiceConfiguration) -> KafkaProducerConfiguration {
        var producer = KafkaProducerConfiguration(bootstrapServers: configuration.bootstrapServerList)
        producer.connection.clientID = "order-service-dlq"
        producer.deliveryTimeout = configuration.deadLetterPublishTimeout
        producer.additionalConfig = configuration.additionalKafkaConfig
        return producer
    }
}

/// Creates the topics the service uses when they are missing, with the seed's settings.
struct TopicSetup: Sendable {
    let admin: KafkaAdmin
    let configuration: OrderServiceConfiguration
    let logger: Logger

    /// Tries until the broker answers (or the task is cancelled): consuming before the topic exists
    /// would only log errors.
    func ensureTopics() async {
        guard configuration.isTopicCreationEnabled else { return }
        let topics = OrderTopics.layout(topic: configuration.topic, deadLetterTopic: configuration.deadLetterTopic).map {
            KafkaNewTopic(name: $0.name, partitionCount: $0.partitionCount, retention: $0.retention)
        }
        var failures = 0
        while !Task.isCancelled {
            do {
                let outcome = try await admin.createTopics(topics)
                for (name, result) in outcome where result == .created {
                    logger.info("topic created", metadata: [OrderServiceLoggingKeys.topic: "\(name)"])
                }
                return
            } catch {
                failures += 1
                logger.warning("cannot create the topics yet, retrying", error: error)
                try? await Task.sleep(for: configuration.retryPolicy.infrastructureDelay(afterFailures: failures))
            }
        }
    }
}
