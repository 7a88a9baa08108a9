#!/usr/bin/env bash
# Order Service catch-up benchmark: with BENCH_EVENTS (default 200,000) valid CREATE events already in
# order-events, how fast the release `order-service` applies them, and its peak RSS (VmHWM).
#   1. starts Tansu (memory) and the schema registry on free ports;
#   2. preload.py registers the order event schema and produces the events (fastavro, Confluent wire
#      format, 3 partitions);
#   3. starts `order-service` on a fresh SQLite file and polls /health until `orders_in_memory` (stored
#      orders) reaches BENCH_EVENTS; reports events/s from process start (includes the consumer group
#      join, about half of KAFKA_SESSION_TIMEOUT=6 on Tansu) and from the first stored order.
# BIN_DIR: where the release products are (default .build/release). Writes bench-results/order-service.txt.
source "$(dirname "$0")/../bench-lib.sh"
require "$bin/order-service" "$bin/schema-registry"
events="${BENCH_EVENTS:-200000}"

kafka=$(free_port); registry=$(free_port); orders=$(free_port)
start_tansu "$kafka"
start_registry "$registry" "$kafka"

echo "[bench] producing $events CREATE events..."
"$python" "$root/scripts/order-service/preload.py" "127.0.0.1:$kafka" "http://127.0.0.1:$registry" \
    "$root/schemas/order-event.avsc" "$events" >/dev/null

echo "[bench] starting order-service, waiting until $events orders are stored..."
start=$(date +%s.%N)
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka" SCHEMA_REGISTRY_URL="http://127.0.0.1:$registry" LOG_LEVEL=warning \
    KAFKA_SESSION_TIMEOUT=6 ORDER_DB_PATH="$work/orders.sqlite" "$bin/order-service" --port "$orders" >"$work/order.log" 2>&1 &
order_pid=$!; track $order_pid
# Prints "first_stored_s caught_up_s" (seconds since $start); fails after 600 s or if the service exits.
timing=$("$python" - "$orders" "$events" "$start" "$order_pid" <<'PY'
import json, os, sys, time, urllib.request
port, events, start, pid = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
first = None
while time.time() - start < 600:
    if not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split()[2] == "Z":
        sys.exit("order-service exited")
    try:
        stored = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2)).get("orders_in_memory") or 0
    except OSError:
        stored = 0  # not listening yet, or 503 while starting
    now = time.time() - start
    if stored > 0 and first is None:
        first = now
    if stored >= events:
        print(f"{first:.3f} {now:.3f}")
        sys.exit(0)
    time.sleep(0.05)
sys.exit("order-service did not catch up within 600 s")
PY
) || { echo "order-service failed; its log:" >&2; tail -20 "$work/order.log" >&2; exit 1; }
read -r first total <<<"$timing"
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$order_pid/status")
health=$(curl -s "http://127.0.0.1:$orders/health")
dlq=$(curl -s "http://127.0.0.1:$orders/dlq/stats")

{
    echo "# Order Service catch-up, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at start $load"
    echo "events: $events CREATEs pre-loaded in order-events (3 partitions), fresh SQLite store, ORDER_BATCH_SIZE default"
    awk -v n="$events" -v f="$first" -v t="$total" 'BEGIN {
        printf "from process start: %.2f s, %.0f events/s (includes the group join, first order stored after %.2f s)\n", t, n / t, f
        printf "from first stored order: %.2f s, %.0f events/s\n", t - f, n / (t - f) }'
    echo "order-service peak RSS (VmHWM): $((rss_kb / 1024)) MiB"
    echo "dead letters: $dlq"
    echo "targets: >= 20000 events/s; < 150 MB RSS"
} | tee "$results/order-service.txt"
grep -q '"status":"healthy"\|"status": "healthy"' <<<"$health" || { echo "order-service unhealthy after catch-up: $health" >&2; exit 1; }
