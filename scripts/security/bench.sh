#!/usr/bin/env bash
# What security costs create-order, on one Cart Service build, broker and registry on this machine:
#   open   the defaults (no keys, no rate limit, plain HTTP);
#   keyed  API_KEYS set and RATE_LIMIT_RPS=1000000 (never refuses): every request authenticated (SHA-256
#          of the key, constant-time compare) and counted in its token bucket;
#   tls    the defaults over HTTPS (TLS_CERT_FILE/TLS_KEY_FILE, a P-256 certificate made here).
# The three run side by side (three cart-service processes, each idle while another is measured) and
# are measured in interleaved rounds (open, keyed, tls, open, …), so that the machine's other load falls
# on all three alike; each figure is the median of BENCH_ROUNDS rounds (default 3) of BENCH_DURATION
# (default 10s), 64 connections. Fails when an answer is not 201. Writes bench-results/security.txt.
source "$(dirname "$0")/../bench-lib.sh"
require "$bin/schema-registry" "$bin/cart-service"
duration="${BENCH_DURATION:-10s}"
rounds="${BENCH_ROUNDS:-3}"
key="bench-writer-key-0123456789"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=localhost \
    -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

kafka=$(free_port); registry=$(free_port)
start_tansu "$kafka"
start_registry "$registry" "$kafka"

declare -A port url
# start_cart NAME [VARIABLE=VALUE…]: a cart-service with these settings, once it answers 201.
start_cart() {
    local name="$1"; shift
    port[$name]=$(free_port)
    env "$@" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka" SCHEMA_REGISTRY_URL="http://127.0.0.1:$registry" LOG_LEVEL=warning \
        CART_PORT="${port[$name]}" "$bin/cart-service" >"$work/cart-$name.log" 2>&1 &
    track $!; wait_port "${port[$name]}"
    local scheme=http; [ "$name" = tls ] && scheme=https
    url[$name]="$scheme://127.0.0.1:${port[$name]}"
    for i in $(seq 1 300); do
        code=$(curl -s -k -o /dev/null -w '%{http_code}' -X POST "${url[$name]}/create-order" -H "X-API-Key: $key" \
            -H 'Content-Type: application/json' -d '{"orderId": "WARM-UP", "itemsCount": 1}')
        [ "$code" = 201 ] && return; [ "$i" = 300 ] && { echo "no 201 from the $name Cart Service" >&2; exit 1; }
        sleep 0.1
    done
}
start_cart open
start_cart keyed API_KEYS="writer=$key" RATE_LIMIT_RPS=1000000
# A build from before TLS (BIN_DIR of an older checkout) measures open and keyed only.
names="open keyed"
if "$bin/cart-service" --help | grep -q TLS_CERT_FILE; then
    start_cart tls TLS_CERT_FILE="$work/cert.pem" TLS_KEY_FILE="$work/key.pem"; names+=" tls"
fi

run_wrk() {  # run_wrk NAME RUN: requests per second; fails on any answer other than 201
    local out
    out=$(WRK_API_KEY="$key" WRK_RUN="$2" wrk -t2 -c64 -d"$duration" --latency \
        -s "$root/scripts/cart-service/create-order.lua" "${url[$1]}")
    grep -q '^NON201 0$' <<<"$out" || { echo "$1: answers other than 201: $out" >&2; exit 1; }
    grep '^RESULT' <<<"$out" | sed -E 's/.*rps=([0-9.]+).*/\1/'
}
declare -A figures
for round in $(seq 1 "$rounds"); do
    for name in $names; do
        echo "[bench] round $round, $name..."
        figures[$name]+="$(run_wrk "$name" "$round$RANDOM") "
    done
done
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
open_rps=$(median "${figures[open]}"); keyed_rps=$(median "${figures[keyed]}")
{
    echo "# Security's cost, Cart Service POST /create-order (201 after acks=all), 64 connections, $rounds interleaved rounds of $duration, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $load at start, $load_end at end"
    echo "open (defaults): median $open_rps req/s  (rounds: ${figures[open]})"
    echo "keyed (API_KEYS + RATE_LIMIT_RPS=1000000): median $keyed_rps req/s  (rounds: ${figures[keyed]})  keyed / open = $(ratio "$keyed_rps" "$open_rps")"
    if [ -n "${figures[tls]:-}" ]; then
        tls_rps=$(median "${figures[tls]}")
        echo "tls (HTTPS, P-256): median $tls_rps req/s  (rounds: ${figures[tls]})  tls / open = $(ratio "$tls_rps" "$open_rps")"
    fi
} | tee "$results/security.txt"
