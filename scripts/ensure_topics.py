"""Creates the platform's topics with the seed's settings, if they don't exist yet.

Idempotent: an existing topic is left as it is. Used by scripts/run.sh until the services ensure
their own topics at start-up.
"""
import sys

from confluent_kafka.admin import AdminClient, NewTopic

TOPICS = [
    NewTopic("order-events", num_partitions=3, replication_factor=1,
             config={"retention.ms": "604800000"}),
    NewTopic("order-events-dlq", num_partitions=1, replication_factor=1,
             config={"retention.ms": "2592000000"}),
    NewTopic("_schemas", num_partitions=1, replication_factor=1,
             config={"cleanup.policy": "compact"}),
]


def main() -> int:
    bootstrap = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:9092"
    admin = AdminClient({"bootstrap.servers": bootstrap})
    existing = admin.list_topics(timeout=10).topics
    wanted = [topic for topic in TOPICS if topic.topic not in existing]
    for name, future in (admin.create_topics(wanted, request_timeout=10).items() if wanted else []):
        try:
            future.result()
            print(f"created topic {name}")
        except Exception as error:  # a topic created concurrently is fine
            if "TOPIC_ALREADY_EXISTS" not in str(error):
                print(f"cannot create topic {name}: {error}", file=sys.stderr)
                return 1
    for topic in TOPICS:
        if topic.topic in existing:
            print(f"topic {topic.topic} exists")
    return 0


if __name__ == "__main__":
    sys.exit(main())
