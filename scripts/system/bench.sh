#!/usr/bin/env bash
# Whole-system load benchmark (issue 7): Tansu, schema registry, Order Service and Cart Service, the
# release binaries on free ports on this machine, loaded through POST /create-order (201 = acks=all).
#   a. throughput at 64 connections (wrk, create-order.lua); every answer must be 201;
#   b. HTTP latency p50/p99 at a paced ~1,000 req/s: wrk, 20 connections each pausing 13 ms after an
#      answer (closed loop: the rate is 20 / (13 ms + latency), about 1,000/s at 7 ms; printed);
#   c. during (b), visibility.py: up to 30 orders/s of its own from 3 threads, each order polled on
#      /order-details every ~1 ms until 200; p50/p99 of "201 -> visible";
#   d. Order Service lag during (a) and (b): log end of order-events minus stored orders, sampled every
#      0.25 s (visibility.py), and how long it takes to reach 0 once the load stops;
#   e. peak RSS (VmHWM) of each process.
# Reports, never asserts a timing: it fails only when something breaks (a non-201 answer, an order
# never visible, a process that died). BIN_DIR: release products (default .build/release);
# BENCH_DURATION: each wrk run (default 15s). Writes bench-results/system.txt.
source "$(dirname "$0")/../bench-lib.sh"
require "$bin/schema-registry" "$bin/cart-service" "$bin/order-service"
duration="${BENCH_DURATION:-15s}"
fail() { echo "system bench: $*" >&2; for log in "$work"/*.log; do echo "--- $log" >&2; tail -5 "$log" >&2; done; exit 1; }
alive() { for name in "${!proc[@]}"; do kill -0 "${proc[$name]}" 2>/dev/null || fail "$name died"; done; }
declare -A proc

kafka=$(free_port); registry=$(free_port); orders=$(free_port); cart=$(free_port)
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka" SCHEMA_REGISTRY_URL="http://127.0.0.1:$registry" LOG_LEVEL=warning
start_tansu "$kafka"; proc[tansu]=${pids[-1]}
start_registry "$registry" "$kafka"; proc[schema-registry]=${pids[-1]}
"$bin/cart-service" --port "$cart" >"$work/cart.log" 2>&1 &
proc[cart-service]=$!; track $!; wait_port "$cart"
KAFKA_SESSION_TIMEOUT=6 ORDER_DB_PATH="$work/orders.sqlite" "$bin/order-service" --port "$orders" >"$work/order.log" 2>&1 &
proc[order-service]=$!; track $!; wait_port "$orders"

# Warm-up: one order through the whole chain (the Cart Service creates the topics, the Order Service
# joins its group), 60 s at most.
for i in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$cart/create-order" \
        -H 'Content-Type: application/json' -d '{"orderId": "WARM-UP", "itemsCount": 1}')
    [ "$code" = 201 ] && break; [ "$i" = 600 ] && fail "no 201 from the Cart Service"; sleep 0.1
done
for i in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$orders/order-details?orderId=WARM-UP")
    [ "$code" = 200 ] && break; [ "$i" = 600 ] && fail "the warm-up order never became visible"; sleep 0.1
done

# sampler RATE OUT, always in the background: exec makes its pid the python process (killed on exit)
sampler() { exec "$python" "$root/scripts/system/visibility.py" --cart-port "$cart" --orders-port "$orders" \
    --bootstrap "$KAFKA_BOOTSTRAP_SERVERS" --duration "${duration%s}" --rate "$1" >"$2"; }
run_wrk() {  # run_wrk CONNECTIONS DELAY_MS RUN: prints the RESULT line; fails on any non-201 answer
    local out
    out=$(WRK_DELAY_MS="$2" WRK_RUN="$3" wrk -t2 -c"$1" -d"$duration" --latency \
        -s "$root/scripts/cart-service/create-order.lua" "http://127.0.0.1:$cart")
    grep -q '^NON201 0$' <<<"$out" || fail "answers other than 201: $(grep -E '^(RESULT|NON201)' <<<"$out" | tr '\n' ' ')"
    grep '^RESULT' <<<"$out"
}

echo "[bench] a. throughput, 64 connections, $duration (lag sampled alongside)..."
sampler 0 "$work/lag-a.json" & sampler_pid=$!; track $sampler_pid
throughput=$(run_wrk 64 0 1)
wait "$sampler_pid" || fail "the lag sampler failed after (a): $(cat "$work/lag-a.json")"
alive

echo "[bench] b-d. paced ~1,000 req/s, $duration, with the visibility sampler..."
sampler 30 "$work/paced.json" & sampler_pid=$!; track $sampler_pid
paced=$(run_wrk 20 13 2)
wait "$sampler_pid" || fail "the visibility sampler failed: $(cat "$work/paced.json")"
alive

rss() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
{
    echo "# Whole system (Tansu, registry, Cart and Order Service, release), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at start $load"
    echo "a. create-order, 64 connections, $duration: $throughput    (target >= 7000 req/s, every answer 201)"
    echo "b. create-order, paced 20 connections x 13 ms pause, $duration: $paced    (target p99 <= 20 ms at 1000 req/s)"
    "$python" - "$work/lag-a.json" "$work/paced.json" <<'PY'
import json, sys
a, b = (json.load(open(path)) for path in sys.argv[1:3])
v, p = b["visible_ms"], b["post_ms"]
print(f"c. 201 -> visible in /order-details, {v['n']} orders (3 threads) during (b): p50 {v['p50']:.1f} ms, p99 {v['p99']:.1f} ms,"
      f" max {v['max']:.1f} ms    (target p99 <= 50 ms; their POST: p50 {p['p50']:.1f} ms, p99 {p['p99']:.1f} ms)")
for name, run in (("during (a)", a), ("during (b)", b)):
    l = run["lag_events"]
    print(f"d. Order Service lag {name} (log end - stored orders, every 0.25 s): mean {run['lag_mean']:.0f}, p99 {l['p99']},"
          f" max {l['max']} events; /health lag max {run['health_lag_max']}; 0 again {run['drain_s']:.2f} s after the load stopped")
PY
    printf 'e. peak RSS (VmHWM): '
    for name in tansu schema-registry cart-service order-service; do printf '%s %s MiB  ' "$name" "$(rss "${proc[$name]}")"; done
    echo "   (target < 150 MB each)"
} | tee "$results/system.txt"
