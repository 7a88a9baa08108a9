#!/usr/bin/env bash
# Whole-system load benchmark, on the system as a user starts it: scripts/run.sh (what `make run`
# runs) with its processes, log level (info), log format and output handling (each service writes its
# own prefixed lines, tee keeps them in a file), only on free ports and with its logs in a scratch
# folder instead of .run/. Loaded through POST /create-order (201 = acks=all).
#   a. throughput at 64 connections (wrk, create-order.lua); every answer must be 201; the CPU each
#      process used meanwhile, and the Cart Service's CPU per create-order;
#   b. HTTP latency p50/p99 at a paced ~1,000 req/s: wrk, 20 connections each pausing 13 ms after an
#      answer (closed loop: the rate is 20 / (13 ms + latency), about 1,000/s at 7 ms; printed);
#   c. during (b), visibility.py: up to 30 orders/s of its own from 3 threads, each order polled on
#      /order-details every ~1 ms until 200; p50/p99 of "201 -> visible";
#   d. Order Service lag during (a) and (b): log end of order-events minus stored orders, sampled every
#      0.25 s (visibility.py), and how long it takes to reach 0 once the load stops;
#   e. peak RSS (VmHWM) of each process;
# b–c, a and f each run on a freshly started system (Tansu's in-memory log slows down as it grows).
#   f. the same throughput as (a) with LOG_LEVEL=warning (no per-request lines): what info logging costs;
#   g. the HTTP ceiling: http-baseline, a bare Hummingbird POST /create-order that decodes the same JSON
#      and answers 201 without Kafka, under the same load as (a).
# Reports, never asserts a timing: it fails only when something breaks (a non-201 answer, an order
# never visible, a process that died). BIN_DIR: release products (default .build/release);
# BENCH_DURATION: each wrk run (default 15s). Writes bench-results/system.txt.
#   h. what tracing costs (BENCH_ONLY=tracing runs only this): (a)'s load with no OTEL_* variable (tracing
#      off), with spans exported to an OTLP/HTTP receiver (scripts/otlp/receiver.py, on the same cores),
#      and with OTEL_EXPORTER_OTLP_ENDPOINT at a port where nothing listens; each on a fresh system,
#      interleaved over BENCH_ROUNDS rounds (default 2). Writes bench-results/tracing.txt.
source "$(dirname "$0")/../bench-lib.sh"
require "$bin/schema-registry" "$bin/cart-service" "$bin/order-service" "$bin/http-baseline"
duration="${BENCH_DURATION:-15s}"
fail() { echo "system bench: $*" >&2; tail -20 "$work/run.out" >&2 2>/dev/null; exit 1; }
alive() { for name in "${!proc[@]}"; do kill -0 "${proc[$name]}" 2>/dev/null || fail "$name died"; done; }
declare -A proc

kafka=$(free_port); registry=$(free_port); orders=$(free_port); cart=$(free_port)
unset KAFKA_BOOTSTRAP_SERVERS SCHEMA_REGISTRY_URL

# start_system [VARIABLE=VALUE…]: scripts/run.sh as `make run` starts it, until it prints "ready";
# fills proc[] with the pids of its processes.
start_system() {
    rm -rf "$work/run" "$work/run.out"; mkdir -p "$work/run"
    env "$@" KAFKA_PORT="$kafka" SCHEMA_REGISTRY_PORT="$registry" CART_PORT="$cart" ORDER_PORT="$orders" \
        RUN_DIR="$work/run" BIN_DIR="$bin" "$root/scripts/run.sh" >"$work/run.out" 2>&1 &
    runner=$!; track "$runner"
    for i in $(seq 1 900); do
        grep -q 'ready:' "$work/run.out" && break
        kill -0 "$runner" 2>/dev/null || fail "scripts/run.sh stopped before it was ready"
        [ "$i" = 900 ] && fail "scripts/run.sh was not ready within 90 s"
        sleep 0.1
    done
    proc=()
    for pid in $(pgrep -P "$runner"); do
        name=$(cat "/proc/$pid/comm")
        case "$name" in tansu | schema-registry | cart-service | order-service) proc[$name]=$pid; track "$pid" ;; esac
    done
    [ ${#proc[@]} = 4 ] || fail "expected 4 processes under scripts/run.sh, found: ${!proc[*]}"
}

# stop_system: Ctrl-C as a user stops it, then whatever is left is killed.
stop_system() {
    kill -INT "$runner" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$runner" 2>/dev/null || break; sleep 0.1; done
    for pid in "$runner" "${proc[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    wait "$runner" 2>/dev/null || true
}

warm_up() {  # one order through the whole chain, 60 s at most
    for i in $(seq 1 600); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$cart/create-order" \
            -H 'Content-Type: application/json' -d '{"orderId": "WARM-UP", "itemsCount": 1}')
        [ "$code" = 201 ] && break; [ "$i" = 600 ] && fail "no 201 from the Cart Service"; sleep 0.1
    done
    for i in $(seq 1 600); do
        code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$orders/order-details?orderId=WARM-UP")
        [ "$code" = 200 ] && break; [ "$i" = 600 ] && fail "the warm-up order never became visible"; sleep 0.1
    done
}

# h. tracing off / on (exported to a receiver) / on (endpoint closed), interleaved on fresh systems.
tracing_bench() {
    local receiver closed round off exported refused
    receiver=$(free_port); closed=$(free_port)
    "$python" "$root/scripts/otlp/receiver.py" "$receiver" /dev/null >"$work/receiver.log" 2>&1 &
    track $!; wait_port "$receiver"
    {
        echo "# Tracing off vs on, create-order at 64 connections, $duration per run, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at start $load"
        for round in $(seq 1 "${BENCH_ROUNDS:-2}"); do
            echo "[bench] h. round $round: tracing off..." >&2
            start_system; warm_up; off=$(run_wrk 64 0 $((round * 10 + 1))); alive; stop_system
            echo "[bench] h. round $round: tracing on, exported to the receiver..." >&2
            start_system OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$receiver"
            warm_up; exported=$(run_wrk 64 0 $((round * 10 + 2))); alive; stop_system
            echo "[bench] h. round $round: tracing on, endpoint closed..." >&2
            start_system OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$closed"
            warm_up; refused=$(run_wrk 64 0 $((round * 10 + 3))); alive; stop_system
            echo "h. round $round, tracing off:               $off"
            echo "h. round $round, tracing on, to a receiver: $exported    (on / off = $(ratio "$exported" "$off"))"
            echo "h. round $round, tracing on, endpoint closed: $refused    (on / off = $(ratio "$refused" "$off"))"
        done
        echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    } | tee "$results/tracing.txt"
}
rps() { sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$1"; }
ratio() { awk -v a="$(rps "$1")" -v b="$(rps "$2")" 'BEGIN { printf "%.2f", a / b }'; }

# sampler RATE OUT, always in the background: exec makes its pid the python process (killed on exit)
sampler() { exec "$python" "$root/scripts/system/visibility.py" --cart-port "$cart" --orders-port "$orders" \
    --bootstrap "127.0.0.1:$kafka" --duration "${duration%s}" --rate "$1" >"$2"; }
run_wrk() {  # run_wrk CONNECTIONS DELAY_MS RUN [PORT]: prints the RESULT line; fails on any non-201 answer
    local out
    out=$(WRK_DELAY_MS="$2" WRK_RUN="$3" wrk -t2 -c"$1" -d"$duration" --latency \
        -s "$root/scripts/cart-service/create-order.lua" "http://127.0.0.1:${4:-$cart}")
    grep -q '^NON201 0$' <<<"$out" || fail "answers other than 201: $(grep -E '^(RESULT|NON201)' <<<"$out" | tr '\n' ' ')"
    grep '^RESULT' <<<"$out"
}

# cpu_ticks: utime + stime of every process of the system, by name (clock ticks, 100 per second).
declare -A ticks
cpu_ticks() { for name in "${!proc[@]}"; do ticks[$name]=$(awk '{print $14 + $15}' "/proc/${proc[$name]}/stat"); done; }
requests() { sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$1"; }

if [ "${BENCH_ONLY:-}" = tracing ]; then tracing_bench; exit 0; fi

start_system
warm_up
echo "[bench] b-d. paced ~1,000 req/s, $duration, with the visibility sampler..."
sampler 30 "$work/paced.json" & sampler_pid=$!; track $sampler_pid
paced=$(run_wrk 20 13 2)
wait "$sampler_pid" || fail "the visibility sampler failed: $(cat "$work/paced.json")"
alive
stop_system

# Each measurement starts from a fresh `make run`, as a user measuring it would: Tansu's in-memory
# storage gets slower as its log grows (README, Performance), so a run after another measures the
# broker's history as much as the services.
echo "[bench] a. throughput, 64 connections, $duration (lag sampled alongside)..."
start_system
warm_up
sampler 0 "$work/lag-a.json" & sampler_pid=$!; track $sampler_pid
cpu_ticks; declare -A before; for name in "${!ticks[@]}"; do before[$name]=${ticks[$name]}; done
throughput=$(run_wrk 64 0 1)
cpu_ticks
wait "$sampler_pid" || fail "the lag sampler failed after (a): $(cat "$work/lag-a.json")"
alive
seconds=${duration%s}
shares=""
for name in tansu schema-registry cart-service order-service; do
    used=$(( ${ticks[$name]} - ${before[$name]} ))
    shares+="$name $(( used / seconds )) %  "
done
cart_used=$(( ${ticks[cart-service]} - ${before[cart-service]} ))
cart_us=$(( cart_used * 10000 / $(requests "$throughput") ))

rss() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
peaks=""
for name in tansu schema-registry cart-service order-service; do peaks+="$name $(rss "${proc[$name]}") MiB  "; done
stop_system

echo "[bench] f. throughput with LOG_LEVEL=warning, 64 connections, $duration..."
start_system LOG_LEVEL=warning
warm_up
quiet=$(run_wrk 64 0 3)
alive
stop_system

echo "[bench] g. the HTTP ceiling: http-baseline, 64 connections, $duration..."
baseline_port=$(free_port)
"$bin/http-baseline" "$baseline_port" >"$work/baseline.log" 2>&1 &
track $!; wait_port "$baseline_port"
baseline=$(run_wrk 64 0 4 "$baseline_port")

{
    echo "# Whole system as make run starts it (scripts/run.sh, LOG_LEVEL=info, release), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average at start $load"
    echo "a. create-order, 64 connections, $duration: $throughput    (target >= 7000 req/s, p99 <= 20 ms, every answer 201)"
    echo "a. CPU during (a), % of one core: $shares; Cart Service $cart_us us of CPU per create-order"
    echo "b. create-order, paced 20 connections x 13 ms pause, $duration: $paced    (target p99 <= 10 ms at 1000 req/s)"
    "$python" - "$work/lag-a.json" "$work/paced.json" <<'PY'
import json, sys
a, b = (json.load(open(path)) for path in sys.argv[1:3])
v, p = b["visible_ms"], b["post_ms"]
print(f"c. 201 -> visible in /order-details, {v['n']} orders (3 threads) during (b): p50 {v['p50']:.1f} ms, p99 {v['p99']:.1f} ms,"
      f" max {v['max']:.1f} ms    (target p99 <= 30 ms; their POST: p50 {p['p50']:.1f} ms, p99 {p['p99']:.1f} ms)")
for name, run in (("during (a)", a), ("during (b)", b)):
    l = run["lag_events"]
    print(f"d. Order Service lag {name} (log end - stored orders, every 0.25 s): mean {run['lag_mean']:.0f}, p99 {l['p99']},"
          f" max {l['max']} events; /health lag max {run['health_lag_max']}; 0 again {run['drain_s']:.2f} s after the load stopped")
PY
    echo "e. peak RSS (VmHWM): $peaks  (target < 150 MB each)"
    echo "f. the same as (a) with LOG_LEVEL=warning: $quiet    (a / f = $(ratio "$throughput" "$quiet"): what info logging costs)"
    echo "g. http-baseline (bare Hummingbird POST, JSON decoded, 201, no Kafka), 64 connections: $baseline    (g / a = $(ratio "$baseline" "$throughput"), target <= 2)"
} | tee "$results/system.txt"
tracing_bench
