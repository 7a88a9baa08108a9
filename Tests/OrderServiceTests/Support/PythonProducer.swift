import Foundation
import TestSupport

/// Produces records with confluent-kafka's `AvroSerializer` (the client people already use), so that
/// the service is tested against bytes it did not write itself.
///
/// Each record is a JSON line: `create`/`update` events (serialized with the order event schema,
/// registered under `order-events-value`), `other` (a valid Avro record of another schema, registered
/// under `other-value`), `framed` (magic byte, a given schema id, a given body) or `raw` bytes.
enum PythonProducer {
    struct Record: Encodable {
        var kind: String
        var orderId: String?
        var key: String?
        var status: String?
        var total: String?
        var partition: Int?
        /// base64, for `raw` and as the body of `framed`.
        var value: String?
        var magic: Int?
        var schemaId: Int?

        static func create(_ id: String, total: String = "99.98", partition: Int? = nil) -> Record {
            Record(kind: "create", orderId: id, key: id, status: "new", total: total, partition: partition)
        }

        static func update(_ id: String, to status: String, partition: Int? = nil) -> Record {
            Record(kind: "update", orderId: id, key: id, status: status, partition: partition)
        }

        static func raw(_ bytes: [UInt8], key: String) -> Record {
            Record(kind: "raw", key: key, value: Data(bytes).base64EncodedString())
        }

        /// An UPDATE's body after a header of our choosing: magic byte and schema id.
        static func framed(magic: Int, schemaId: Int?, key: String) -> Record {
            Record(kind: "framed", orderId: key, key: key, status: "confirmed", magic: magic, schemaId: schemaId)
        }

        static func otherSchema(key: String) -> Record { Record(kind: "other", key: key) }
    }

    /// Produces the records in order (idempotent producer, acks=all) and returns how many.
    @discardableResult
    static func produce(
        _ records: [Record], bootstrapServers: String, registryURL: String, topic: String = "order-events",
        rate: Int? = nil
    ) async throws -> Int {
        let encoder = JSONEncoder()
        var input = Data()
        for record in records {
            input.append(try encoder.encode(record))
            input.append(0x0A)
        }
        let result = try await runPython(
            script: script,
            arguments: [
                bootstrapServers, registryURL, topic, ProjectPaths.root.appendingPathComponent("schemas/order-event.avsc").path,
                String(rate ?? 0),
            ],
            stdin: input, timeout: .seconds(120))
        guard result.status == 0, let count = Int(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw FixtureError(description: "producer failed (\(result.status)): \(result.stderrText)")
        }
        return count
    }

    static let script = #"""
        import base64, datetime, decimal, json, struct, sys, time
        from confluent_kafka import Producer
        from confluent_kafka.schema_registry import SchemaRegistryClient
        from confluent_kafka.schema_registry.avro import AvroSerializer
        from confluent_kafka.serialization import SerializationContext, MessageField

        bootstrap, registry_url, topic, schema_path, rate = sys.argv[1:6]
        rate = int(rate)
        registry = SchemaRegistryClient({"url": registry_url})
        order_schema = open(schema_path).read()
        orders = AvroSerializer(registry, order_schema)
        other_schema = json.dumps({"type": "record", "name": "Other", "namespace": "test", "fields": [{"name": "x", "type": "int"}]})
        other = AvroSerializer(registry, other_schema)
        producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "linger.ms": 5})
        context = SerializationContext(topic, MessageField.VALUE)
        other_context = SerializationContext("other", MessageField.VALUE)
        now = datetime.datetime(2026, 1, 30, 15, 0, 0, tzinfo=datetime.timezone.utc)
        failures = []

        def event(r):
            if r["kind"] == "create":
                total = decimal.Decimal(r["total"])
                payload = ("io.orderplatform.events.CreateOrderPayload", {
                    "customerId": "CUST-PY", "orderDate": now,
                    "items": [{"itemId": "ITEM-1", "quantity": 1, "price": total}],
                    "totalAmount": total, "currency": "USD", "status": r["status"]})
                kind = "CREATE"
            else:
                payload = ("io.orderplatform.events.UpdateOrderPayload", {"status": r["status"]})
                kind = "UPDATE"
            return {"eventType": kind, "orderId": r["orderId"], "timestamp": now, "payload": payload}

        def value(r):
            kind = r["kind"]
            if kind in ("create", "update"):
                return orders(event(r), context)
            if kind == "raw":
                return base64.b64decode(r["value"])
            if kind == "other":
                return other({"x": 42}, other_context)
            if kind == "framed":
                good = orders(event(r), context)
                schema_id = r["schemaId"] if r.get("schemaId") is not None else struct.unpack(">I", good[1:5])[0]
                return bytes([r["magic"]]) + struct.pack(">I", schema_id) + good[5:]
            raise ValueError(kind)

        def delivered(error, message):
            if error is not None:
                failures.append(str(error))

        count = 0
        started = time.monotonic()
        for line in sys.stdin:
            r = json.loads(line)
            key = r.get("key")
            args = {"key": key.encode() if key is not None else None, "value": value(r), "on_delivery": delivered}
            if r.get("partition") is not None:
                args["partition"] = r["partition"]
            while True:
                try:
                    producer.produce(topic, **args)
                    break
                except BufferError:
                    producer.poll(0.05)
            producer.poll(0)
            count += 1
            if rate > 0:
                ahead = count / rate - (time.monotonic() - started)
                if ahead > 0:
                    time.sleep(ahead)
        remaining = producer.flush(60)
        if remaining or failures:
            print(f"{remaining} undelivered, failures: {failures[:5]}", file=sys.stderr)
            sys.exit(1)
        print(count)
        """#
}
