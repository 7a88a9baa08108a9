#!/usr/bin/env bash
# Order Service catch-up benchmark: with BENCH_EVENTS (default 200,000) events already in order-events,
# how fast the release `order-service` applies them from start to caught up, and its peak RSS.
# Assumes `swift build -c release` was done; BIN_DIR points at its products (default .build/release).
# Starts Tansu and the schema registry on free ports and stops them on exit.
# Writes bench-results/order-service.txt.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${BIN_DIR:-$root/.build/release}"
results="${BENCH_RESULTS:-$root/bench-results}"
events="${BENCH_EVENTS:-200000}"
mkdir -p "$results"
out="$results/order-service.txt"
work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_for() {  # wait_for WHAT COMMAND...: polls for up to 30 s
    local what="$1"; shift
    for _ in $(seq 1 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
    echo "timed out waiting for $what" >&2; return 1
}

kafka_port="$(free_port)"
"$root/.deps/bin/tansu" broker --listener-url "tcp://127.0.0.1:$kafka_port" \
    --advertised-listener-url "tcp://127.0.0.1:$kafka_port" --storage-engine memory://tansu/ >"$work/tansu.log" 2>&1 &
pids+=($!)
wait_for "tansu" bash -c "exec 3<>/dev/tcp/127.0.0.1/$kafka_port"

registry_port="$(free_port)"
SCHEMA_REGISTRY_PORT="$registry_port" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" LOG_LEVEL=warning \
    "$bin/schema-registry" >"$work/registry.log" 2>&1 &
pids+=($!)
wait_for "schema-registry" curl -sf "http://127.0.0.1:$registry_port/mode"

{
    echo "Order Service benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
    "$bin/OrderServiceBenchmark" --bootstrap-servers "127.0.0.1:$kafka_port" \
        --registry-url "http://127.0.0.1:$registry_port" --order-service "$bin/order-service" --events "$events"
} | tee "$out"
