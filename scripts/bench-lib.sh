# Shared prologue of the benchmark drivers (sourced, not run): paths, a scratch folder, clean-up of every
# process started, free ports, and starting the broker and the registry. After sourcing:
#   $root $bin $results $python $work   and   start_tansu / start_registry / track PID / free_port / wait_port
# BIN_DIR: the release products (default .build/release); BENCH_RESULTS: where figures go.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${BIN_DIR:-$root/.build/release}"
results="${BENCH_RESULTS:-$root/bench-results}"
python="$root/.deps/venv/bin/python"
work="$(mktemp -d)"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$results"
pids=()

# Kills everything `track`ed (Tansu ignores SIGTERM while clients are connected, hence SIGKILL).
cleanup() { exec 2>/dev/null; for pid in "${pids[@]}"; do kill -9 "$pid" || true; done; wait || true; rm -rf "$work"; }
trap cleanup EXIT
track() { pids+=("$1"); }

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Polls for up to 30 s until something listens on the port.
wait_port() {
    for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
    echo "port $1 never opened" >&2; exit 1
}

require() { for file in "$@"; do [ -x "$file" ] || { echo "missing $file: run 'make bench' (it builds with -c release)" >&2; exit 1; }; done; }

# start_tansu PORT: an in-memory broker, its log in $work/tansu.log.
start_tansu() {
    "$root/.deps/bin/tansu" broker --listener-url "tcp://127.0.0.1:$1" --advertised-listener-url "tcp://127.0.0.1:$1" \
        --storage-engine memory://tansu/ >"$work/tansu.log" 2>&1 &
    track $!; wait_port "$1"
}

# start_registry PORT KAFKA_PORT: the release schema-registry, its log in $work/registry.log.
start_registry() {
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$2" LOG_LEVEL=warning "$bin/schema-registry" --port "$1" >"$work/registry.log" 2>&1 &
    track $!; wait_port "$1"
}
