#!/usr/bin/env python3
"""fastavro's side of the Avro benchmark: encodes and decodes the seed's order event (a CREATE with three
items and an UPDATE) with `schemaless_writer` / `schemaless_reader`, the functions confluent-kafka's
Avro serializer uses, with the Python values a service would pass (datetime, Decimal).

Prints {"create": {"encode": events/s, "decode": events/s}, "update": {...}} on stdout. Single-threaded and
timed in thread CPU time, so events per second per core."""

import argparse
import datetime
import decimal
import io
import json
import os
import time

import fastavro

# The schema the services register, the same file the Swift side's fixture reads.
SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "schemas", "order-event.avsc")


def events(namespace):
    moment = datetime.datetime(2026, 1, 30, 15, 0, tzinfo=datetime.timezone.utc)
    items = [{"itemId": "ITEM-%d" % i, "quantity": 2, "price": decimal.Decimal("49.99")} for i in range(3)]
    create = {"eventType": "CREATE", "orderId": "ORDER-001", "timestamp": moment,
              "payload": (namespace + ".CreateOrderPayload", {"customerId": "CUST-123", "orderDate": moment, "items": items,
                                                             "totalAmount": decimal.Decimal("299.94"), "currency": "USD", "status": "new"})}
    update = {"eventType": "UPDATE", "orderId": "ORDER-001", "timestamp": moment + datetime.timedelta(hours=1),
              "payload": (namespace + ".UpdateOrderPayload", {"status": "shipped"})}
    return {"create": create, "update": update}


def rate(body, seconds):
    """Events per second of `body`, best of three runs of about `seconds` / 3 each, in this thread's CPU
    time (as the Swift side measures), so that a busy machine does not distort the comparison."""
    count = 1000
    while True:
        start = time.thread_time()
        for _ in range(count):
            body()
        elapsed = time.thread_time() - start
        if elapsed > 0.2:
            break
        count *= 2
    per_run = max(1, int(count * (seconds / 3) / elapsed))
    best = 0.0
    for _ in range(3):
        start = time.thread_time()
        for _ in range(per_run):
            body()
        best = max(best, per_run / (time.thread_time() - start))
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    arguments = parser.parse_args()
    with open(SCHEMA) as handle:
        raw = json.load(handle)
    schema = fastavro.parse_schema(raw)
    results = {"fastavro": fastavro.__version__}
    for name, event in events(raw["namespace"]).items():
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, schema, event)
        data = buffer.getvalue()

        def encode(event=event):
            out = io.BytesIO()
            fastavro.schemaless_writer(out, schema, event)
            return out.getvalue()

        def decode(data=data):
            return fastavro.schemaless_reader(io.BytesIO(data), schema)

        results[name] = {"bytes": len(data), "hex": data.hex(), "encode": rate(encode, arguments.seconds),
                         "decode": rate(decode, arguments.seconds)}
    json.dump(results, __import__("sys").stdout, indent=1)


if __name__ == "__main__":
    main()
