import CRdKafka
import Dispatch
import Logging
import Synchronization

/// Owns one `rd_kafka_t` handle, its main event queue and the thread that drains it.
///
/// All C calls of the module go through this type and its extensions. `@unchecked Sendable` because it
/// holds C handles: librdkafka's handle and queue functions are thread-safe, and the handles stay valid
/// until `deinit`, which runs only when no Swift reference (and hence no call in progress) remains.
final class RDKafkaClient: @unchecked Sendable {
    enum ClientType {
        case producer, consumer

        var cValue: rd_kafka_type_t { self == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER }
    }

    /// Events to route to the main queue besides logs and errors, which always are.
    struct Events: OptionSet {
        let rawValue: Int32

        static let deliveryReports = Events(rawValue: RD_KAFKA_EVENT_DR)
        static let statistics = Events(rawValue: RD_KAFKA_EVENT_STATS)
        static let offsetCommits = Events(rawValue: RD_KAFKA_EVENT_OFFSET_COMMIT)
    }

    let kafka: OpaquePointer
    let mainQueue: OpaquePointer
    /// The consumer group's queue (messages and rebalances); `nil` for producers.
    let consumerQueue: OpaquePointer?
    let logger: Logger
    let type: ClientType
    private let poller: RDKafkaEventPoller
    /// Topic handles cached by name so that producing does not look a topic up per message.
    private let topicHandles = Mutex<[String: SendableOpaquePointer]>([:])
    /// A queue of its own for calls that block (flush, commit, admin requests, watermark queries), so
    /// that they never occupy a thread of Swift's cooperative pool.
    private let blockingQueue: DispatchQueue
    /// Kept alive for as long as librdkafka may call back with it (see `RDKafkaRebalanceContext`).
    private let callbackContext: (any AnyObject & Sendable)?
    private let destroyFlags: Mutex<Int32> = Mutex(0)

    private init(
        kafka: OpaquePointer,
        type: ClientType,
        handler: any RDKafkaEventHandler,
        callbackContext: (any AnyObject & Sendable)?,
        logger: Logger
    ) {
        self.kafka = kafka
        self.type = type
        self.logger = logger
        self.callbackContext = callbackContext
        self.mainQueue = rd_kafka_queue_get_main(kafka)
        self.consumerQueue = type == .consumer ? rd_kafka_queue_get_consumer(kafka) : nil
        self.blockingQueue = DispatchQueue(label: "kafka.blocking.\(String(cString: rd_kafka_name(kafka)))")
        self.poller = RDKafkaEventPoller(
            kafka: SendableOpaquePointer(kafka),
            queue: SendableOpaquePointer(mainQueue),
            handler: handler,
            logger: logger
        )
    }

    /// Creates the handle. `events` are routed to the main queue (logs and errors always are); `configure`
    /// may set callbacks on the configuration before the handle exists.
    static func make(
        type: ClientType,
        properties: [String: String],
        events: Events,
        handler: any RDKafkaEventHandler,
        callbackContext: (any AnyObject & Sendable)? = nil,
        logger: Logger,
        configure: (OpaquePointer) -> Void = { _ in }
    ) throws(KafkaError) -> RDKafkaClient {
        try KafkaLibraryVersion.checkLoaded()
        var properties = properties
        properties["log.queue"] = "true"  // logs become events of the main queue, never a C callback
        let conf = try RDKafkaConfig.make(properties)
        rd_kafka_conf_set_events(conf, events.rawValue | RD_KAFKA_EVENT_LOG | RD_KAFKA_EVENT_ERROR)
        configure(conf)

        var errorText = [CChar](repeating: 0, count: 512)
        guard let kafka = rd_kafka_new(type.cValue, conf, &errorText, errorText.count) else {
            // rd_kafka_new only frees the rd_kafka_conf_t upon success.
            rd_kafka_conf_destroy(conf)
            let reason = String(cBuffer: errorText)
            throw .configuration("rd_kafka_new failed: \(reason)")
        }
        rd_kafka_set_log_queue(kafka, nil)  // NULL = the main queue
        let client = RDKafkaClient(
            kafka: kafka, type: type, handler: handler, callbackContext: callbackContext, logger: logger
        )
        client.poller.start(name: "rdkafka-events")
        return client
    }

    deinit {
        // rd_kafka_destroy joins librdkafka's threads, which can take a while: do it on a dispatch thread so
        // that releasing a client never blocks a thread of Swift's cooperative pool. Nothing else can use
        // the handles any more, and the callback context travels along so it outlives the handle.
        let handles = Handles(
            kafka: SendableOpaquePointer(kafka),
            mainQueue: SendableOpaquePointer(mainQueue),
            consumerQueue: consumerQueue.map(SendableOpaquePointer.init),
            topics: topicHandles.withLock { Array($0.values) },
            flags: destroyFlags.withLock { $0 }
        )
        let poller = self.poller
        let context = callbackContext
        DispatchQueue.global().async {
            poller.stop()
            handles.destroy()
            withExtendedLifetime(context) {}
        }
    }

    /// Everything `deinit` destroys, in the order librdkafka requires.
    private struct Handles: Sendable {
        let kafka: SendableOpaquePointer
        let mainQueue: SendableOpaquePointer
        let consumerQueue: SendableOpaquePointer?
        let topics: [SendableOpaquePointer]
        let flags: Int32

        func destroy() {
            for topic in topics { rd_kafka_topic_destroy(topic.pointer) }
            // It's crucial to destroy the queue references BEFORE the handle they belong to.
            if let consumerQueue { rd_kafka_queue_destroy(consumerQueue.pointer) }
            rd_kafka_queue_destroy(mainQueue.pointer)
            rd_kafka_destroy_flags(kafka.pointer, flags)
        }
    }

    /// The name librdkafka gave the handle, e.g. `rdkafka#producer-1`.
    var name: String { String(cString: rd_kafka_name(kafka)) }

    /// Makes `deinit` skip the blocking consumer close (used when the consumer was never closed).
    func skipConsumerCloseOnDestroy() {
        destroyFlags.withLock { $0 = RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE }
    }

    /// Stops the event thread after it has served the queue; later events stay queued until destroy.
    func stopEventPolling() {
        poller.stop()
    }

    /// The topic handle for `topic`, created on first use and destroyed with the client.
    func topicHandle(_ topic: String) throws(KafkaError) -> OpaquePointer {
        let result: Result<OpaquePointer, KafkaError> = topicHandles.withLock { handles in
            if let handle = handles[topic] { return .success(handle.pointer) }
            guard let handle = rd_kafka_topic_new(kafka, topic, nil) else {
                return .failure(.rdKafka(rd_kafka_last_error(), context: "creating a handle for topic '\(topic)'"))
            }
            handles[topic] = SendableOpaquePointer(handle)
            return .success(handle)
        }
        return try result.get()
    }

    /// Runs a blocking C call on this client's blocking queue and returns its result.
    func runBlocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            blockingQueue.async { continuation.resume(returning: body()) }
        }
    }

    /// The fatal error the handle has raised, if any (idempotent producer sequence broken, consumer fenced).
    func fatalError() -> KafkaError? {
        var reason = [CChar](repeating: 0, count: 512)
        let code = rd_kafka_fatal_error(kafka, &reason, reason.count)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        let text = String(cBuffer: reason)
        return .rdKafka(code, context: "the client raised a fatal error: \(text)", isFatal: true)
    }
}
