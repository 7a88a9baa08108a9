#!/usr/bin/env bash
# Cart Service benchmark: POST /create-order against the release build, broker and registry on this
# machine, every answer a 201 after the broker's acknowledgement (acks=all, idempotent producer).
#   1. throughput at 64 connections (wrk), 2. latency at a paced ~1,000 req/s, 3. RSS of the service.
# Assumes `swift build -c release` was done. Writes bench-results/cart-service.txt.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${BIN_DIR:-$root/.build/release}"
results="${BENCH_RESULTS:-$root/bench-results}"
duration="${BENCH_DURATION:-15s}"
work="$(mktemp -d)"
mkdir -p "$results"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

free_port() { "$root/.deps/venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened" >&2; exit 1; }

kafka=$(free_port); registry=$(free_port); cart=$(free_port)
"$root/.deps/bin/tansu" broker --listener-url "tcp://127.0.0.1:$kafka" --advertised-listener-url "tcp://127.0.0.1:$kafka" >"$work/tansu.log" 2>&1 &
pids+=($!); wait_port "$kafka"
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka" "$bin/schema-registry" --port "$registry" --log-level warning >"$work/registry.log" 2>&1 &
pids+=($!); wait_port "$registry"
KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka" SCHEMA_REGISTRY_URL="http://127.0.0.1:$registry" LOG_LEVEL=warning \
    "$bin/cart-service" --port "$cart" >"$work/cart.log" 2>&1 &
cart_pid=$!; pids+=($cart_pid); wait_port "$cart"
for _ in $(seq 1 300); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$cart/create-order" \
        -H 'Content-Type: application/json' -d '{"orderId": "WARM-UP", "itemsCount": 1}')
    [ "$code" = 201 ] && break; sleep 0.1
done

run_wrk() { wrk -t2 -c"$1" -d"$duration" --latency -s "$root/scripts/cart-service/create-order.lua" "http://127.0.0.1:$cart" | grep '^RESULT'; }
throughput=$(WRK_DELAY_MS=0 run_wrk 64)
paced=$(WRK_DELAY_MS=10 run_wrk 10)
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$cart_pid/status")

{
    echo "# Cart Service, POST /create-order (201 after acks=all), $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, broker and registry on the same machine"
    echo "throughput, 64 connections, $duration: $throughput"
    echo "paced, 10 connections x 100 req/s, $duration: $paced"
    echo "cart-service peak RSS: $((rss_kb / 1024)) MiB"
    echo "targets: >= 7000 req/s at 64 connections; p99 <= 20 ms at 1000 req/s"
} | tee "$results/cart-service.txt"
