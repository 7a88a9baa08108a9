#!/usr/bin/env bash
# Schema Registry benchmark: GET /schemas/ids/{id} and register-existing throughput with wrk against the
# release `schema-registry` over a real Tansu broker, then the serde's cached paths (RegistryBenchmark).
# Assumes `swift build -c release` was done; BIN_DIR points at its products (default .build/release).
# Starts everything on free ports and stops it on exit. Writes bench-results/registry.txt.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${BIN_DIR:-$root/.build/release}"
results="${BENCH_RESULTS:-$root/bench-results}"
duration="${BENCH_DURATION:-5s}"
connections="${BENCH_CONNECTIONS:-32}"
mkdir -p "$results"
out="$results/registry.txt"
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

port="$(free_port)"
SCHEMA_REGISTRY_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" LOG_LEVEL=warning \
    "$bin/schema-registry" >"$work/registry.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
wait_for "schema-registry" curl -sf "$url/mode"

schema='{"type":"record","name":"Order","namespace":"bench","fields":[{"name":"id","type":"string"},{"name":"qty","type":"int"}]}'
body="$(python3 -c 'import json,sys; print(json.dumps({"schema": sys.argv[1]}))' "$schema")"
id="$(curl -sf -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' -d "$body" "$url/subjects/bench-value/versions" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"

cat >"$work/register.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
wrk.body = [[$body]]
LUA

summary() {  # summary NAME WRK-OUTPUT-FILE
    local requests latency errors
    requests="$(awk '/Requests\/sec/ {print $2}' "$2")"
    latency="$(awk '/^    Latency/ {print $2}' "$2")"
    errors="$(awk '/Non-2xx/ {print $NF}' "$2")"
    printf '%s: %s req/s, mean latency %s, non-2xx %s (wrk -t2 -c%s -d%s)\n' "$1" "$requests" "$latency" "${errors:-0}" "$connections" "$duration"
}

{
    echo "Schema Registry benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
    wrk -t2 -c"$connections" -d"$duration" "$url/schemas/ids/$id" >"$work/get.txt"
    summary "GET /schemas/ids/$id" "$work/get.txt"
    wrk -t2 -c"$connections" -d"$duration" -s "$work/register.lua" "$url/subjects/bench-value/versions" >"$work/register.txt"
    summary "POST /subjects/bench-value/versions (already registered)" "$work/register.txt"
    "$bin/RegistryBenchmark" --registry-url "$url" --iterations "${BENCH_ITERATIONS:-200000}"
} | tee "$out"
