import Kafka
import Logging
import OrderEvents
import SchemaRegistry
import ServiceLifecycle
import ServiceSupport
import Synchronization
import Tracing

/// Publishes order events to Kafka in the Confluent wire format, with the schema id from the registry.
///
/// Its `run()` prepares what publishing needs and keeps trying until it has it, saying so in the log:
/// the topics (created if missing) and the schema id (registered once, then cached, so a registry
/// outage later does not stop publishing). Until then `publish` answers "unavailable" (503) rather than
/// waiting. It also checks the broker every `healthCheckInterval`, so `/health` costs no round trip.
public final class KafkaOrderEventPublisher: OrderEventPublisher, Service {
    private let producer: KafkaProducer
    private let admin: KafkaAdmin
    private let topics: PlatformTopics
    private let serializer: RegistrySerializer
    private let codec: OrderEventCodec
    private let configuration: CartServiceConfiguration
    private let logger: Logger
    private let state = Mutex<(schemaID: SchemaID?, isBrokerReachable: Bool)>((nil, false))
    private let lastTopicCheck = Mutex<ContinuousClock.Instant?>(nil)
    /// Asks ``run()`` to check the topics again; holds at most one request, as one check serves all.
    private let topicChecks = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))

    /// - Parameter producer: must run in the same service group (it is listed after this publisher,
    ///   so that on shutdown the server stops first and the producer flushes last).
    public init(
        configuration: CartServiceConfiguration, producer: KafkaProducer, admin: KafkaAdmin,
        registry: RegistryClient, logger: Logger
    ) throws {
        self.configuration = configuration
        self.producer = producer
        self.admin = admin
        self.topics = PlatformTopics(
            admin: admin, topic: configuration.topic, deadLetterTopic: configuration.deadLetterTopic, logger: logger)
        self.codec = try OrderEventCodec()
        self.serializer = try RegistrySerializer(client: registry, schema: OrderEventSchema.json, topic: configuration.topic)
        self.logger = logger
    }

    public var isBrokerReachable: Bool { state.withLock { $0.isBrokerReachable } }

    /// Until the schema is registered (or found) in the registry, every publish answers 503.
    public var isReadyToPublish: Bool { state.withLock { $0.schemaID != nil } }

    public var queuedEventCount: Int { producer.queuedMessageCount }

    public func publish(_ event: OrderEvent) async throws(PublishError) -> PublishedEvent {
        guard let schemaID = state.withLock({ $0.schemaID }) else {
            throw PublishError(.unavailable, "the order event schema is not registered yet (Schema Registry unreachable?)")
        }
        var value: [UInt8] = []
        value.reserveCapacity(64 + 48 * (event.itemCount))
        RegistryWireFormat.appendHeader(schemaID: schemaID, to: &value)
        do {
            try codec.encode(event, into: &value)
        } catch {
            throw PublishError(.rejected, "the event does not fit the order event schema: \(error)")
        }
        guard configuration.isTracingEnabled else { return try await send(event, value: value, headers: []) }
        return try await sendTraced(event, value: value)
    }

    /// Sends under a producer span, child of the request's, whose context goes into the record's
    /// `traceparent` and `tracestate` headers: the Order Service continues the trace from there.
    private func sendTraced(_ event: OrderEvent, value: [UInt8]) async throws(PublishError) -> PublishedEvent {
        let span = startSpan("send \(configuration.topic)", ofKind: .producer)
        defer { span.end() }
        span.updateAttributes { attributes in
            attributes["messaging.system"] = "kafka"
            attributes["messaging.operation.type"] = "send"
            attributes["messaging.destination.name"] = configuration.topic
            attributes["messaging.kafka.message.key"] = event.orderId.rawValue
            attributes["order.id"] = event.orderId.rawValue
            attributes["order.event"] = event.eventType.rawValue
        }
        var headers: [KafkaHeader] = []
        InstrumentationSystem.instrument.inject(span.context, into: &headers, using: KafkaHeaderInjector())
        do {
            let published = try await send(event, value: value, headers: headers)
            span.attributes["messaging.destination.partition.id"] = String(published.partition)
            span.attributes["messaging.kafka.offset"] = Int(published.offset)
            return published
        } catch {
            span.recordError(error)
            span.setStatus(SpanStatus(code: .error, message: error.message))
            throw error
        }
    }

    private func send(_ event: OrderEvent, value: [UInt8], headers: [KafkaHeader]) async throws(PublishError) -> PublishedEvent {
        do {
            let report = try await producer.send(
                topic: configuration.topic, key: Array(event.orderId.rawValue.utf8), value: value, headers: headers)
            return PublishedEvent(topic: report.topic, partition: report.partition.rawValue, offset: report.offset.rawValue)
        } catch let error as KafkaError {
            if error.code != .shutdown { recheckTopicsSoon() }
            throw PublishError(
                error.isRetriable || error.code == .shutdown ? .unavailable : .rejected, "Kafka: \(error.message)",
                mayHaveBeenStored: error.deliveryStatus == .possiblyPersisted)
        } catch {
            throw PublishError(.unavailable, "Kafka: \(error)")
        }
    }

    public func run() async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.prepare() }
            group.addTask { try await self.watchBroker() }
            group.addTask { await self.checkTopicsWhenAsked() }
        }
    }

    /// Topics, then the schema id; each retried with a capped backoff until it works or the service stops.
    private func prepare() async throws {
        try await retryUntilDone("ensure the topics \(configuration.topic) and \(configuration.deadLetterTopic)") {
            try await topics.ensure()
        }
        let id = try await retryUntilDone("register the order event schema at \(configuration.schemaRegistryURL)") {
            do throws(RegistryError) {
                return try await serializer.prepare()
            } catch let error where error.httpStatus == 403 {
                throw SchemaRegistrationRefused(subject: serializer.subject, registry: configuration.schemaRegistryURL, cause: error)
            }
        }
        state.withLock { $0.schemaID = id }
        logger.info("ready to publish", metadata: ["schema.id": "\(id.rawValue)", "kafka.topic": "\(configuration.topic)"])
    }

    private func watchBroker() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let reachable = (try? await admin.metadata(timeout: .seconds(2))) != nil
            let changed = state.withLock { state in
                defer { state.isBrokerReachable = reachable }
                return state.isBrokerReachable != reachable
            }
            if changed {
                if reachable {
                    logger.info("Kafka broker reachable", metadata: ["kafka.bootstrap": "\(configuration.bootstrapServers)"])
                    // A broker that comes back may have lost its topics (a development broker keeps them in
                    // memory); recreating them here lets publishing resume without a restart.
                    do { try await topics.ensure() } catch { logger.warning("cannot check the topics", error: error) }
                } else {
                    logger.warning("Kafka broker unreachable", metadata: ["kafka.bootstrap": "\(configuration.bootstrapServers)"])
                }
            }
            try? await Task.sleep(for: configuration.healthCheckInterval)
        }
    }

    /// A failed send may mean that the topic is gone (a broker that restarted without its data): the
    /// producer does not create topics by itself (they would get the broker's default partitions), so
    /// the publisher creates what is missing, at most once per health interval.
    private func recheckTopicsSoon() {
        let now = ContinuousClock.now
        let due = lastTopicCheck.withLock { last in
            guard last.map({ now - $0 >= configuration.healthCheckInterval }) ?? true else { return false }
            last = now
            return true
        }
        if due { topicChecks.continuation.yield() }
    }

    /// Runs the checks that ``recheckTopicsSoon()`` asks for, in the publisher's own task group, so
    /// that none outlives the service. A failed check is logged; the next failed send asks again.
    private func checkTopicsWhenAsked() async {
        await cancelWhenGracefulShutdown {
            for await _ in self.topicChecks.stream {
                do {
                    try await self.topics.ensure()
                } catch {
                    self.logger.warning("cannot check the topics", error: error)
                }
            }
        }
    }

    private func retryUntilDone<T: Sendable>(_ what: String, _ attempt: () async throws -> T) async throws -> T {
        var delay = Duration.milliseconds(250)
        while true {
            do {
                return try await attempt()
            } catch {
                try Task.checkCancellation()
                if Task.isShuttingDownGracefully { throw CancellationError() }
                if error is SchemaRegistrationRefused {
                    // Not transient: nothing changes until an admin acts, so it is an error, not a warning.
                    logger.error("cannot \(what): an admin must register it; retrying in \(delay)", error: error)
                } else {
                    logger.warning("cannot \(what) yet; retrying in \(delay)", error: error)
                }
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}

extension OrderEvent {
    fileprivate var itemCount: Int {
        if case .create(let payload) = payload { return payload.items.count }
        return 0
    }
}

/// The registry let the Cart Service look its schema up but not register it: the schema is not
/// registered yet, and its credential lacks the role to register (admin, at our registry). Retried, so
/// that publishing starts as soon as an admin registers the schema.
struct SchemaRegistrationRefused: Error, CustomStringConvertible {
    let subject: Subject
    let registry: String
    let cause: RegistryError

    var description: String {
        "the Schema Registry at \(registry) refused to register the order event schema under \(subject) (403: \(cause.message)):"
            + " register it as an admin (e.g. make run with an admin key once), or give the Cart Service an admin"
            + " registry credential in SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO"
    }
}
