#!/usr/bin/env python3
"""Producer and consumer throughput of confluent-kafka-python, with the settings of kafka-benchmark.

Prints one JSON line, as Benchmarks/KafkaBenchmark does; scripts/kafka/bench.sh compares the two.
Settings: acks=all, enable.idempotence=true, linger.ms=5, queue.buffering.max.messages=100000,
batch.num.messages=10000, message.timeout.ms=30000 (the Swift producer's defaults); the consumer
reads with enable.auto.offset.store=false and fetch.queue.backoff.ms=50 (the Swift consumer's defaults).
"""
import argparse
import json
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bootstrap-servers", default="127.0.0.1:9092")
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--value-size", type=int, default=300)
    parser.add_argument("--partitions", type=int, default=3)
    parser.add_argument("--topic", default="bench-python")
    return parser.parse_args()


def create_topic(args):
    admin = AdminClient({"bootstrap.servers": args.bootstrap_servers})
    future = admin.create_topics([NewTopic(args.topic, num_partitions=args.partitions, replication_factor=1)])
    try:
        future[args.topic].result(timeout=10)
    except KafkaException as error:
        if error.args[0].code() != 36:  # TOPIC_ALREADY_EXISTS
            raise


def measure_produce(args):
    producer = Producer({
        "bootstrap.servers": args.bootstrap_servers,
        "client.id": "bench-python-producer",
        "acks": "all",
        "enable.idempotence": True,
        "linger.ms": 5,
        "queue.buffering.max.messages": 100_000,
        "batch.num.messages": 10_000,
        "message.timeout.ms": 30_000,
    })
    value = b"x" * args.value_size
    failures = 0

    def on_delivery(error, _message):
        nonlocal failures
        if error is not None:
            failures += 1

    start = time.perf_counter()
    sent = 0
    while sent < args.messages:
        try:
            producer.produce(args.topic, value=value, on_delivery=on_delivery)
            sent += 1
        except BufferError:
            producer.poll(0.001)  # the queue drains as acknowledgements arrive
    remaining = producer.flush(120)
    elapsed = time.perf_counter() - start
    if remaining or failures:
        raise RuntimeError(f"{remaining} unflushed, {failures} failed deliveries")
    return args.messages / elapsed


def measure_consume(args):
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap_servers,
        "client.id": "bench-python-consumer",
        "group.id": "bench-python",
        "enable.auto.commit": False,
        # The Swift consumer's settings that differ from librdkafka's defaults.
        "enable.auto.offset.store": False,
        "fetch.queue.backoff.ms": 50,
    })
    consumer.assign([TopicPartition(args.topic, partition, OFFSET_BEGINNING) for partition in range(args.partitions)])
    start = time.perf_counter()
    first = None
    count = 0
    size = 0
    while count < args.messages:
        for message in consumer.consume(num_messages=1000, timeout=1.0):
            if message.error() is None:
                count += 1
                size += len(message.value())
        if first is None and count > 0:
            first = (time.perf_counter() - start, count)
    elapsed = time.perf_counter() - start
    consumer.close()
    if size != args.messages * args.value_size:
        raise RuntimeError(f"read {size} bytes")
    return {
        "consumer_msgs_per_s": count / elapsed,
        "consumer_first_batch_s": first[0],
        "consumer_steady_msgs_per_s": (count - first[1]) / (elapsed - first[0]),
    }


def main():
    args = parse_arguments()
    create_topic(args)
    produced = measure_produce(args)
    figures = {
        "messages": float(args.messages),
        "producer_msgs_per_s": produced,
        "producer_mb_per_s": produced * args.value_size / 1_000_000,
        **measure_consume(args),
    }
    print(json.dumps({"client": "python", "figures": figures}, sort_keys=True))


if __name__ == "__main__":
    main()
