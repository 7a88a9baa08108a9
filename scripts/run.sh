#!/usr/bin/env bash
# `make run`: starts the whole platform on this machine and stops everything it started on Ctrl-C.
#
#   Tansu broker :9092 → Schema Registry :8081 → Cart Service :8000 → Order Service :8001
#
# Each process starts once what it needs answers. Logs go to the terminal, each line prefixed with
# its process, and to .run/<name>.log. The services prefix their own lines (LOG_LABEL), so nothing in
# the log path reads their output line by line; only the broker's lines pass through awk. With KAFKA_BOOTSTRAP_SERVERS set, no broker is started; with
# SCHEMA_REGISTRY_URL set, no registry: the services use the ones given. With ORDER_STORE=postgres (and
# no ORDER_STORE_URL), a PostgreSQL 15 server is started too, its data kept in .run/postgres, and the
# Order Service stores there; with ORDER_STORE_URL set, the Order Service uses that store.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
deps="$root/.deps"
bin="${BIN_DIR:-$root/.build/release}"
run_dir="${RUN_DIR:-$root/.run}"
mkdir -p "$run_dir"

kafka_port="${KAFKA_PORT:-9092}"
registry_port="${SCHEMA_REGISTRY_PORT:-8081}"
cart_port="${CART_PORT:-8000}"
order_port="${ORDER_PORT:-8001}"

say() { printf '[run]     %s\n' "$*"; }

# With TLS_CERT_FILE and TLS_KEY_FILE every service answers HTTPS only. The readiness probes below
# skip verification (-k: they send no credential and only ask /health on this machine); the printed
# curl lines trust the CA file, the certificate itself when it is self-signed.
scheme=http; probe_tls=(); try_tls=""
if [ -n "${TLS_CERT_FILE:-}" ]; then
    scheme=https; probe_tls=(-k); try_tls=" --cacert ${SCHEMA_REGISTRY_CA_FILE:-$TLS_CERT_FILE}"
fi

# key_header ROLE: the -H option with the key of ROLE (writer or reader) from API_KEYS, a placeholder when
# the keys are only in API_KEYS_FILE, nothing when authentication is off. Never the admin key.
key_header() {
    local pair
    IFS=',' read -ra pairs <<<"${API_KEYS:-}"
    for pair in "${pairs[@]}"; do
        pair="${pair#"${pair%%[![:space:]]*}"}"
        if [ "${pair%%=*}" = "$1" ]; then printf " -H 'X-API-Key: %s'" "${pair#*=}"; return; fi
    done
    if [ -n "${API_KEYS:-}${API_KEYS_FILE:-}${JWT_HS256_SECRET:-}${JWT_JWKS_FILE:-}" ]; then
        printf " -H 'X-API-Key: <%s key>'" "$1"
    fi
}
children=()

stop_all() {
    trap - INT TERM EXIT
    if [ ${#children[@]} -gt 0 ]; then
        say "stopping ${#children[@]} process(es)"
        # Reverse start order: the services before the registry and broker they use.
        for (( i=${#children[@]}-1; i>=0; i-- )); do
            kill -TERM "${children[$i]}" 2>/dev/null || true
            wait "${children[$i]}" 2>/dev/null || true
        done
    fi
    say "stopped"
}
trap stop_all INT TERM EXIT

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prefixes each line with NAME, reading in blocks (awk), for a program that cannot prefix its own lines.
prefix_lines() { awk -v prefix="$(printf '%-8s | ' "$1")" '{ print prefix $0; fflush() }'; }

# Starts one of our services in the background; it prefixes its own lines (LOG_LABEL), which are also
# kept in .run/NAME.log.
start() {
    local name="$1"; shift
    # Process substitution keeps $! the process itself, so stop_all signals it and not a subshell.
    LOG_LABEL="$name" "$@" > >(tee "$run_dir/$name.log") 2>&1 &
    children+=("$!")
}

# The same for a program that writes its own format (the broker): awk prefixes its lines.
start_prefixed() {
    local name="$1"; shift
    "$@" > >(prefix_lines "$name" | tee "$run_dir/$name.log") 2>&1 &
    children+=("$!")
}

wait_for_port() {
    local name="$1" port="$2" deadline=$((SECONDS + ${3:-60}))
    until port_taken "$port"; do
        if ! kill -0 "${children[-1]}" 2>/dev/null; then say "$name exited; see $run_dir/$name.log"; exit 1; fi
        if [ $SECONDS -ge $deadline ]; then say "$name did not open port $port; see $run_dir/$name.log"; exit 1; fi
        sleep 0.1
    done
    say "$name is up on port $port"
}

check_free() {
    local name="$1" port="$2" variable="$3"
    if port_taken "$port"; then
        say "port $port ($name) is taken: is another 'make run' running? Stop it, or set $variable to another port."
        exit 1
    fi
}

for product in schema-registry cart-service order-service; do
    [ -x "$bin/$product" ] || { say "$bin/$product is missing: run 'make run' (it builds), not scripts/run.sh alone"; exit 1; }
done

embedded_broker=false
if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then embedded_broker=true; check_free "Kafka broker" "$kafka_port" KAFKA_PORT; fi
if [ -z "${SCHEMA_REGISTRY_URL:-}" ]; then check_free "Schema Registry" "$registry_port" SCHEMA_REGISTRY_PORT; fi
check_free "Cart Service" "$cart_port" CART_PORT
check_free "Order Service" "$order_port" ORDER_PORT

if $embedded_broker; then
    export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port"
    start_prefixed tansu "$deps/bin/tansu" broker \
        --listener-url "tcp://127.0.0.1:$kafka_port" --advertised-listener-url "tcp://127.0.0.1:$kafka_port" \
        --storage-engine memory://tansu/
    wait_for_port tansu "$kafka_port"
    # The embedded broker keeps its data in memory: each run starts empty, so the Order Service's
    # store from the previous run is reset instead of stopping on offsets the broker no longer has.
    export ORDER_OFFSET_RESET_POLICY="${ORDER_OFFSET_RESET_POLICY:-reset-store}"
    # A short session timeout: the broker delays a group's first join by about half of it.
    export KAFKA_SESSION_TIMEOUT="${KAFKA_SESSION_TIMEOUT:-6}"
fi

if [ -z "${SCHEMA_REGISTRY_URL:-}" ]; then
    export SCHEMA_REGISTRY_URL="$scheme://127.0.0.1:$registry_port"
    start registry "$bin/schema-registry" --port "$registry_port"
    wait_for_port registry "$registry_port"
fi

# PostgreSQL for the Order Service's store: Debian's server (scripts/setup.sh installs it), data in
# .run/postgres (kept between runs, like .run/orders.sqlite), as the `postgres` user when run as root
# (PostgreSQL refuses root). setpriv execs, so the process stop_all signals is the server itself.
start_postgres() {
    local pg_bin=/usr/lib/postgresql/15/bin data="$run_dir/postgres" as_server=()
    [ -x "$pg_bin/postgres" ] || { say "PostgreSQL 15 is missing: run scripts/setup.sh"; exit 1; }
    [ "$(id -u)" -eq 0 ] && as_server=(setpriv --reuid=postgres --regid=postgres --init-groups --)
    if [ ! -f "$data/PG_VERSION" ]; then
        say "creating a PostgreSQL cluster in $data"
        mkdir -p "$data"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
        printf 'orders' >"$run_dir/postgres-password"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$run_dir/postgres-password"
        "${as_server[@]}" "$pg_bin/initdb" --no-sync -D "$data" -U orders --pwfile "$run_dir/postgres-password" \
            --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C >"$run_dir/postgres-initdb.log"
        rm -f "$run_dir/postgres-password"
    fi
    start_prefixed postgres "${as_server[@]}" "$pg_bin/postgres" -D "$data" -p "$postgres_port" -k "$data" \
        -c listen_addresses=127.0.0.1
    local deadline=$((SECONDS + 60))
    until "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$postgres_port"; do
        if ! kill -0 "${children[-1]}" 2>/dev/null; then say "postgres exited; see $run_dir/postgres.log"; exit 1; fi
        [ $SECONDS -lt $deadline ] || { say "postgres did not start; see $run_dir/postgres.log"; exit 1; }
        sleep 0.1
    done
    "$pg_bin/psql" -qAt -h "$data" -p "$postgres_port" -U orders -d postgres \
        -c "SELECT 1 FROM pg_database WHERE datname = 'orders'" | grep -q 1 \
        || "$pg_bin/createdb" -h "$data" -p "$postgres_port" -U orders orders
    say "postgres is up on port $postgres_port"
    export ORDER_STORE_URL="postgres://orders:orders@127.0.0.1:$postgres_port/orders?sslmode=disable"
}

postgres_port="${POSTGRES_PORT:-5433}"
if [ "${ORDER_STORE:-sqlite}" = postgres ] && [ -z "${ORDER_STORE_URL:-}" ]; then
    check_free "PostgreSQL" "$postgres_port" POSTGRES_PORT
    start_postgres
fi

export ORDER_DB_PATH="${ORDER_DB_PATH:-$run_dir/orders.sqlite}"
start cart "$bin/cart-service" --port "$cart_port"
wait_for_port cart "$cart_port"
# Ready means an order can be published: broker reachable and the event schema registered.
deadline=$((SECONDS + 60))
until curl -sf "${probe_tls[@]}" -o /dev/null "$scheme://127.0.0.1:$cart_port/health"; do
    [ $SECONDS -lt $deadline ] || { say "cart did not become healthy; see $run_dir/cart.log"; exit 1; }
    sleep 0.1
done
start order "$bin/order-service" --port "$order_port"
wait_for_port order "$order_port"
# ... and its consumer has its partitions (the broker delays a group's first join by a few seconds).
deadline=$((SECONDS + 60))
until curl -s "${probe_tls[@]}" "$scheme://127.0.0.1:$order_port/health" | grep -q '"consumer":"running"'; do
    [ $SECONDS -lt $deadline ] || { say "order did not start consuming; see $run_dir/order.log"; exit 1; }
    sleep 0.1
done

# The store as the Order Service shows it: a URL's credentials are not printed.
store_shown="${ORDER_STORE_URL:-sqlite:$ORDER_DB_PATH}"
case "$store_shown" in *://*@*) store_shown="${store_shown%%://*}://…@${store_shown#*@}" ;; esac
cat <<READY | prefix_lines run
ready:
  Cart Service     $scheme://127.0.0.1:$cart_port    (POST /create-order, PUT /update-order, GET /health)
  Order Service    $scheme://127.0.0.1:$order_port    (GET /order-details?orderId=…, /dlq/stats, /dlq/messages, /health)
  Schema Registry  $SCHEMA_REGISTRY_URL
  Kafka            $KAFKA_BOOTSTRAP_SERVERS$($embedded_broker && echo " (Tansu, in memory)")
  Order store      $store_shown
  logs             $run_dir/*.log
try:
  curl$try_tls -X POST $scheme://127.0.0.1:$cart_port/create-order$(key_header writer) -H 'Content-Type: application/json' -d '{"orderId": "ORDER-001", "itemsCount": 3}'
  curl$try_tls '$scheme://127.0.0.1:$order_port/order-details?orderId=ORDER-001'$(key_header reader)
press Ctrl-C to stop
READY
wait
