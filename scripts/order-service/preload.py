"""Pre-loads order-events with N valid CREATE events for the Order Service catch-up benchmark.

Creates the topic (3 partitions, as the services do), registers schemas/order-event.avsc under
order-events-value, encodes each event with fastavro and frames it in the Confluent wire format
(magic byte 0, 4-byte big-endian schema id, Avro body), key = orderId. Prints the count produced.

usage: preload.py BOOTSTRAP REGISTRY_URL SCHEMA_PATH COUNT
"""
import datetime
import decimal
import io
import json
import struct
import sys

import fastavro
from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient, NewTopic
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient

TOPIC = "order-events"


def main() -> int:
    bootstrap, registry_url, schema_path, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    admin = AdminClient({"bootstrap.servers": bootstrap})
    topic = NewTopic(TOPIC, num_partitions=3, replication_factor=1, config={"retention.ms": "604800000"})
    for future in admin.create_topics([topic], request_timeout=10).values():
        future.result()

    schema_text = open(schema_path).read()
    schema_id = SchemaRegistryClient({"url": registry_url}).register_schema(
        f"{TOPIC}-value", Schema(schema_text, "AVRO"))
    parsed = fastavro.parse_schema(json.loads(schema_text))
    header = b"\x00" + struct.pack(">I", schema_id)

    now = datetime.datetime.now(datetime.timezone.utc)
    price = decimal.Decimal("19.99")
    failures = []

    def delivered(error, _message):
        if error is not None:
            failures.append(str(error))

    producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True,
                         "linger.ms": 20, "batch.size": 1_000_000})
    buffer = io.BytesIO()
    for n in range(count):
        order_id = f"CATCHUP-{n:07d}"
        event = {"eventType": "CREATE", "orderId": order_id, "timestamp": now, "payload": (
            "io.orderplatform.events.CreateOrderPayload", {
                "customerId": "CUST-BENCH", "orderDate": now,
                "items": [{"itemId": "ITEM-1", "quantity": 2, "price": price}],
                "totalAmount": price * 2, "currency": "USD", "status": "new"})}
        buffer.seek(0)
        buffer.truncate()
        fastavro.schemaless_writer(buffer, parsed, event)
        while True:
            try:
                producer.produce(TOPIC, key=order_id.encode(), value=header + buffer.getvalue(),
                                 on_delivery=delivered)
                break
            except BufferError:
                producer.poll(0.05)
        producer.poll(0)
    remaining = producer.flush(120)
    if remaining or failures:
        print(f"{remaining} undelivered, failures: {failures[:5]}", file=sys.stderr)
        return 1
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
