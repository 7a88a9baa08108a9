#!/usr/bin/env bash
# Kafka client throughput: the Swift `Kafka` module against confluent-kafka-python, with the same
# librdkafka settings (acks=all, idempotent, 300-byte values), in BENCH_ROUNDS rounds (default 3).
# Each round starts a fresh Tansu broker on a free port and runs both clients, in alternating order;
# the report gives each round's ratios and their medians, because one run on a shared machine varies
# by several percent.
#
#   scripts/kafka/bench.sh [--messages N]      # after swift build -c release (make bench does both)
#
# BIN_DIR: where kafka-benchmark is (default .build/release). Results: bench-results/kafka.txt.
source "$(dirname "$0")/../bench-lib.sh"
require "$bin/kafka-benchmark" "$python" "$root/.deps/bin/tansu"
messages=1000000
value_size=300
rounds="${BENCH_ROUNDS:-3}"

while [ $# -gt 0 ]; do
    case "$1" in
        --messages) messages="$2"; shift 2 ;;
        --messages=*) messages="${1#*=}"; shift ;;
        *) echo "usage: $0 [--messages N]" >&2; exit 2 ;;
    esac
done

run_swift() {
    "$bin/kafka-benchmark" --bootstrap-servers "127.0.0.1:$1" --messages "$messages" --value-size "$value_size" \
        --topic bench-swift >>"$work/swift.jsonl"
}
run_python() {
    "$python" "$root/scripts/kafka/bench.py" --bootstrap-servers "127.0.0.1:$1" --messages "$messages" \
        --value-size "$value_size" --topic bench-python >>"$work/python.jsonl"
}

for round in $(seq 1 "$rounds"); do
    port=$(free_port)
    start_tansu "$port"
    echo "[bench] round $round/$rounds: tansu on 127.0.0.1:$port, $messages messages of $value_size bytes"
    if [ $((round % 2)) -eq 1 ]; then run_swift "$port"; run_python "$port"; else run_python "$port"; run_swift "$port"; fi
    kill -9 "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
done

"$python" - "$work/swift.jsonl" "$work/python.jsonl" "$messages" "$value_size" "$load" <<'PY' | tee "$results/kafka.txt"
import json, statistics, sys, datetime
swift = [json.loads(line)["figures"] for line in open(sys.argv[1])]
python = [json.loads(line)["figures"] for line in open(sys.argv[2])]
median = lambda values: statistics.median(values)
print(f"Kafka client benchmark, {datetime.datetime.now().isoformat(timespec='seconds')}, load average at start {sys.argv[5]}")
print(f"broker: tansu (memory), {sys.argv[3]} messages of {sys.argv[4]} bytes, acks=all, idempotent, 3 partitions;"
      f" {len(swift)} rounds, medians (each round's ratio in brackets)")
print(f"{'':28}{'swift':>14}{'python':>14}{'swift/python':>14}")
for key, label in [("producer_msgs_per_s", "producer (msg/s)"), ("consumer_msgs_per_s", "consumer (msg/s)"),
                   ("consumer_steady_msgs_per_s", "consumer after 1st batch")]:
    ratios = [s[key] / p[key] for s, p in zip(swift, python)]
    rounds = ", ".join(f"{ratio:.2f}" for ratio in ratios)
    print(f"{label:28}{median([s[key] for s in swift]):>14,.0f}{median([p[key] for p in python]):>14,.0f}"
          f"{median(ratios):>13.2f}x  [{rounds}]")
print(f"{'consumer start (s)':28}{median([s['consumer_first_batch_s'] for s in swift]):>14.3f}"
      f"{median([p['consumer_first_batch_s'] for p in python]):>14.3f}  (assign to first batch, in the consumer row)")
print(f"{'swift consumer, one by one':28}{median([s['consumer_each_msgs_per_s'] for s in swift]):>14,.0f}"
      "  (consumer.messages; the row above is consumer.batches, as Python's consume(1000))")
if all("send_await_msgs_per_s" in s for s in swift):
    print(f"{'swift send() awaited':28}{median([s['send_await_msgs_per_s'] for s in swift]):>14,.0f}"
          "  msg/s, 1000 concurrent senders, each awaiting its ack")
PY
