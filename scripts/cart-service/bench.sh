#!/usr/bin/env bash
# Cart Service benchmark: POST /create-order against the release build, broker and registry on this
# machine, every answer a 201 after the broker's acknowledgement (acks=all, idempotent producer).
#   1. throughput at 64 connections (wrk); 2. latency at about 1,000 req/s (20 connections, each
#   pausing 13 ms after an answer; the rate reached is printed); 3. peak RSS of the service.
# Fails when an answer is not 201. Writes bench-results/cart-service.txt.
source "$(dirname "$0")/../bench-lib.sh"
require "$bin/schema-registry" "$bin/cart-service"
duration="${BENCH_DURATION:-15s}"

kafka=$(free_port); registry=$(free_port); cart=$(free_port)
start_tansu "$kafka"
start_registry "$registry" "$kafka"
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka" SCHEMA_REGISTRY_URL="http://127.0.0.1:$registry" LOG_LEVEL=warning \
    "$bin/cart-service" --port "$cart" >"$work/cart.log" 2>&1 &
cart_pid=$!; track $cart_pid; wait_port "$cart"
for _ in $(seq 1 300); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$cart/create-order" \
        -H 'Content-Type: application/json' -d '{"orderId": "WARM-UP", "itemsCount": 1}')
    [ "$code" = 201 ] && break; sleep 0.1
done

run_wrk() {  # run_wrk CONNECTIONS DELAY_MS RUN: the RESULT line; fails on any answer other than 201
    local out
    out=$(WRK_DELAY_MS="$2" WRK_RUN="$3" wrk -t2 -c"$1" -d"$duration" --latency \
        -s "$root/scripts/cart-service/create-order.lua" "http://127.0.0.1:$cart")
    grep -q '^NON201 0$' <<<"$out" || { echo "answers other than 201: $out" >&2; tail -5 "$work/cart.log" >&2; exit 1; }
    grep '^RESULT' <<<"$out"
}
throughput=$(run_wrk 64 0 1)
paced=$(run_wrk 20 13 2)
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$cart_pid/status")

{
    echo "# Cart Service, POST /create-order (201 after acks=all), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at start $load, broker and registry on the same machine"
    echo "throughput, 64 connections, $duration: $throughput"
    echo "paced, 20 connections each pausing 13 ms, $duration: $paced"
    echo "cart-service peak RSS: $((rss_kb / 1024)) MiB"
    echo "targets: >= 7000 req/s at 64 connections; p99 <= 20 ms at 1000 req/s"
} | tee "$results/cart-service.txt"
