#!/usr/bin/env bash
# Kafka client throughput: the Swift `Kafka` module against confluent-kafka-python, on one Tansu broker
# that this script starts on a free port and stops again. Both clients use the same librdkafka settings
# (acks=all, idempotent, 300-byte values).
#
#   swift build -c release            # first
#   scripts/kafka/bench.sh [--messages N]
#
# BIN_DIR: where kafka-benchmark is (default .build/release). Results: bench-results/kafka.txt.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bin_dir="${BIN_DIR:-$root/.build/release}"
python="$root/.deps/venv/bin/python"
tansu="$root/.deps/bin/tansu"
results="$root/bench-results/kafka.txt"
messages=1000000
value_size=300

while [ $# -gt 0 ]; do
    case "$1" in
        --messages) messages="$2"; shift 2 ;;
        --messages=*) messages="${1#*=}"; shift ;;
        *) echo "usage: $0 [--messages N]" >&2; exit 2 ;;
    esac
done

for required in "$bin_dir/kafka-benchmark" "$python" "$tansu"; do
    [ -x "$required" ] || { echo "missing $required (run scripts/setup.sh and swift build -c release)" >&2; exit 1; }
done

port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="$(mktemp -t tansu-bench.XXXXXX.log)"
"$tansu" broker --listener-url "tcp://127.0.0.1:$port" --advertised-listener-url "tcp://127.0.0.1:$port" \
    --storage-engine memory://tansu/ >"$log" 2>&1 &
tansu_pid=$!
trap 'kill "$tansu_pid" 2>/dev/null; wait "$tansu_pid" 2>/dev/null || true; rm -f "$log"' EXIT

"$python" - "$port" <<'PY'
import socket, sys, time
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit("tansu did not start listening")
PY

echo "[bench] tansu on 127.0.0.1:$port, $messages messages of $value_size bytes"
echo "[bench] swift (kafka-benchmark)..."
swift_json="$("$bin_dir/kafka-benchmark" --bootstrap-servers "127.0.0.1:$port" --messages "$messages" \
    --value-size "$value_size" --topic bench-swift)"
echo "[bench] python (confluent-kafka)..."
python_json="$("$python" "$root/scripts/kafka/bench.py" --bootstrap-servers "127.0.0.1:$port" --messages "$messages" \
    --value-size "$value_size" --topic bench-python)"

mkdir -p "$(dirname "$results")"
"$python" - "$swift_json" "$python_json" "$messages" "$value_size" <<'PY' | tee "$results"
import json, sys, datetime
swift = json.loads(sys.argv[1])["figures"]
python = json.loads(sys.argv[2])["figures"]
print(f"Kafka client benchmark, {datetime.datetime.now().isoformat(timespec='seconds')}")
print(f"broker: tansu (memory), {sys.argv[3]} messages of {sys.argv[4]} bytes, acks=all, idempotent, 3 partitions")
print(f"{'':28}{'swift':>14}{'python':>14}{'swift/python':>14}")
for key, label in [("producer_msgs_per_s", "producer (msg/s)"), ("consumer_msgs_per_s", "consumer (msg/s)")]:
    print(f"{label:28}{swift[key]:>14,.0f}{python[key]:>14,.0f}{swift[key] / python[key]:>13.2f}x")
print(f"{'swift consumer, one by one':28}{swift['consumer_each_msgs_per_s']:>14,.0f}  (consumer.messages; the row above is consumer.batches)")
if "send_await_msgs_per_s" in swift:
    print(f"{'swift send() awaited (msg/s)':28}{swift['send_await_msgs_per_s']:>14,.0f}  (1000 concurrent senders, each awaiting its ack)")
PY
