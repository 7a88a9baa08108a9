#!/usr/bin/env bash
# `make run`: starts the platform on this machine and stops everything it started on Ctrl-C.
# Logs go to the terminal, each line prefixed with its process, and to .run/<name>.log.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
deps="$root/.deps"
run_dir="$root/.run"
kafka_port="${KAFKA_PORT:-9092}"
mkdir -p "$run_dir"

say() { printf '[run] %s\n' "$*"; }
children=()

stop_all() {
    trap - INT TERM EXIT
    if [ ${#children[@]} -gt 0 ]; then
        say "stopping ${#children[@]} process(es)"
        # Reverse start order: services before the broker they use.
        for (( i=${#children[@]}-1; i>=0; i-- )); do kill -TERM "${children[$i]}" 2>/dev/null || true; done
        wait 2>/dev/null || true
    fi
    say "stopped"
}
trap stop_all INT TERM EXIT

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

prefix_lines() { while IFS= read -r line; do printf '%-8s| %s\n' "$1" "$line"; done; }

# Starts a process in the background with prefixed output, also kept in .run/NAME.log.
start() {
    local name="$1"; shift
    # Process substitution keeps $! the process itself, so stop_all signals it and not a subshell.
    "$@" > >(prefix_lines "$name" | tee "$run_dir/$name.log") 2>&1 &
    children+=("$!")
}

wait_for_port() {
    local name="$1" port="$2" deadline=$((SECONDS + ${3:-30}))
    until port_taken "$port"; do
        if [ $SECONDS -ge $deadline ]; then say "$name did not open port $port; see $run_dir/$name.log"; exit 1; fi
        sleep 0.2
    done
}

if port_taken "$kafka_port"; then
    say "port $kafka_port is taken: is another 'make run' (or a Kafka broker) running? Stop it or set KAFKA_PORT."
    exit 1
fi

start tansu "$deps/bin/tansu" broker \
    --listener-url "tcp://127.0.0.1:$kafka_port" --advertised-listener-url "tcp://127.0.0.1:$kafka_port" \
    --storage-engine memory://tansu/
wait_for_port tansu "$kafka_port"
"$deps/venv/bin/python" "$root/scripts/ensure_topics.py" "127.0.0.1:$kafka_port" | sed 's/^/[run] /'

say "ready: Kafka broker (Tansu, in-memory storage) at 127.0.0.1:$kafka_port"
say "press Ctrl-C to stop"
wait
