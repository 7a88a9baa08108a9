import CartService
import Foundation
import Logging
import PlatformTestSupport
import Testing
import TestSupport

/// The Cart Service against a real broker and a real Schema Registry, over real sockets.
@Suite(.serialized) struct CartServiceIntegrationTests {
    /// A broker, a registry and the Cart Service on free ports; `stop()` ends them in reverse order.
    struct Platform {
        let broker: TansuBroker
        let registry: InProcessRegistry
        let cart: RunningServices
        let client: HTTPTestClient
        let configuration: CartServiceConfiguration

        static func start(publishTimeout: Duration = .seconds(2)) async throws -> Platform {
            let broker = try await TansuBroker.start()
            let registry = try await InProcessRegistry.start(bootstrapServers: broker.bootstrapServers)
            var configuration = CartServiceConfiguration()
            configuration.port = 0
            configuration.bootstrapServers = broker.bootstrapServers
            configuration.schemaRegistryURL = registry.url
            configuration.publishTimeout = publishTimeout
            configuration.healthCheckInterval = .milliseconds(200)
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let app = try await CartService.makeApplication(configuration: configuration, logger: .quiet) { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
            }
            let cart = RunningServices([app])
            guard let port = await first(of: ports, within: .seconds(30)) else {
                throw TestSupportError(description: "the Cart Service did not start")
            }
            let client = HTTPTestClient(port: port)
            // Ready once the schema is registered: until then publishing answers 503 on purpose.
            try await waitUntil("the Cart Service to publish", timeout: .seconds(30)) {
                try await client.post("/create-order", json: #"{"orderId": "WARM-UP", "itemsCount": 1}"#).status == 201
            }
            return Platform(broker: broker, registry: registry, cart: cart, client: client, configuration: configuration)
        }

        func stop() async {
            await cart.stop()
            await registry.stop()
            await broker.stop()
        }
    }

    /// What confluent-kafka-python's AvroDeserializer makes of every record on the topic.
    static func readWithConfluentPython(bootstrap: String, registry: String, count: Int) async throws -> [[String: Any]] {
        let script = """
            import json, sys
            from confluent_kafka import Consumer, TopicPartition
            from confluent_kafka.schema_registry import SchemaRegistryClient
            from confluent_kafka.schema_registry.avro import AvroDeserializer
            from confluent_kafka.serialization import SerializationContext, MessageField
            bootstrap, registry, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
            deserialize = AvroDeserializer(SchemaRegistryClient({"url": registry}))
            consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "python-check", "enable.auto.commit": False})
            consumer.assign([TopicPartition("order-events", p, 0) for p in range(3)])
            records = []
            for _ in range(200):
                message = consumer.poll(0.2)
                if message is None or message.error():
                    if len(records) >= wanted: break
                    continue
                event = deserialize(message.value(), SerializationContext(message.topic(), MessageField.VALUE))
                payload = event["payload"]
                records.append({"key": message.key().decode(), "partition": message.partition(), "offset": message.offset(),
                    "eventType": event["eventType"], "orderId": event["orderId"],
                    "total": str(payload.get("totalAmount")) if "totalAmount" in payload else None,
                    "status": payload["status"], "items": len(payload.get("items", []))})
            print(json.dumps(records))
            """
        let result = try await runPython(script: script, arguments: [bootstrap, registry, String(count)], timeout: .seconds(90))
        guard result.status == 0 else { throw TestSupportError(description: "python failed: \(result.stderrText)") }
        return (try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]]) ?? []
    }

    @Test func publishedEventsAreReadByConfluentClientsWithStableKeysAndPartitions() async throws {
        let platform = try await Platform.start()
        let created = try await platform.client.post("/create-order", json: #"{"orderId": "ORDER-001", "itemsCount": 3}"#)
        #expect(created.status == 201)
        let order = try #require(created.json["order"] as? [String: Any])
        let createdEvent = try #require(created.json["event"] as? [String: Any])
        let updated = try await platform.client.put("/update-order", json: #"{"orderId": "ORDER-001", "status": "confirmed"}"#)
        #expect(updated.status == 200)
        let updatedEvent = try #require(updated.json["event"] as? [String: Any])
        // One key, one partition, in order.
        #expect(createdEvent["partition"] as? Int == updatedEvent["partition"] as? Int)
        #expect((createdEvent["offset"] as? Int ?? -1) < (updatedEvent["offset"] as? Int ?? -1))

        let records = try await Self.readWithConfluentPython(
            bootstrap: platform.broker.bootstrapServers, registry: platform.registry.url, count: 3)
        let mine = records.filter { $0["key"] as? String == "ORDER-001" }
        #expect(mine.count == 2)
        let create = try #require(mine.first)
        #expect(create["eventType"] as? String == "CREATE")
        #expect(create["orderId"] as? String == "ORDER-001")
        #expect(create["partition"] as? Int == createdEvent["partition"] as? Int)
        #expect(create["offset"] as? Int == createdEvent["offset"] as? Int)
        #expect(create["items"] as? Int == 3)
        #expect(create["status"] as? String == "new")
        // The total the client saw is the exact decimal on the wire.
        let total = try #require(order["totalAmount"] as? NSNumber)
        #expect(Decimal(string: create["total"] as? String ?? "") == Decimal(string: total.stringValue))
        let update = try #require(mine.last)
        #expect(update["eventType"] as? String == "UPDATE")
        #expect(update["status"] as? String == "confirmed")
        await platform.stop()
    }

    /// With the broker down, `/create-order` answers 503, bounded by the publish timeout: the check is that
    /// it answers 503 rather than hanging (deadline: publish timeout + ``hangDeadline``). How long it took
    /// is reported, not judged: a loaded CI runner takes several times the timeout.
    @Test func brokerOutageAnswers503AndRecoversByItself() async throws {
        let platform = try await Platform.start(publishTimeout: .seconds(2))
        await platform.broker.stop()

        let deadline = platform.configuration.publishTimeout + hangDeadline
        let client = platform.client
        let clock = ContinuousClock()
        let started = clock.now
        let refused = try await withHangDeadline("POST /create-order with the broker down", deadline: deadline) {
            try await client.post("/create-order", json: #"{"orderId": "DOWN-1", "itemsCount": 1}"#, timeout: deadline)
        }
        let waited = clock.now - started
        #expect(refused.status == 503, "answered \(refused.status) after \(waited) (publish timeout 2 s): \(refused.body)")
        #expect(refused.headers["retry-after"] != nil)
        #expect(refused.errors?.first?.contains("Service Unavailable") == true)
        // Nothing reached a broker: the event certainly was not stored.
        #expect(refused.json["eventStored"] as? String == "no", "\(refused.body)")

        try await waitUntil("/health to report the broker down", timeout: .seconds(15)) {
            let health = try await platform.client.get("/health")
            return health.status == 503 && health.json["kafka"] as? String == "disconnected"
        }

        try await platform.broker.restart()
        // The restarted broker is empty: the publisher recreates the topics, and the producer replaces its
        // idempotent handle after the timed-out send (the broker forgot its producer ID).
        try await waitUntil("publishing to resume after the broker restarted", timeout: .seconds(20), pollEvery: .milliseconds(250)) {
            try await platform.client.post("/create-order", json: #"{"orderId": "BACK-1", "itemsCount": 1}"#).status == 201
        }
        try await waitUntil("/health to report the broker up", timeout: .seconds(10)) {
            try await platform.client.get("/health").status == 200
        }
        await platform.stop()
    }
}
