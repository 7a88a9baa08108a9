#!/usr/bin/env bash
# The Avro benchmark: fastavro and Swift on the seed's order event in the same run. Builds nothing:
# `make bench` (or `swift build -c release`) has built `avro-benchmark` into $BIN_DIR.
# Writes bench-results/avro.txt and bench-results/avro.json. BENCH_SECONDS sets the time per figure.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bin_dir="${BIN_DIR:-$root/.build/release}"
python="$root/.deps/venv/bin/python"
seconds="${BENCH_SECONDS:-3}"
results="$root/bench-results"

[ -x "$bin_dir/avro-benchmark" ] || { echo "bench.sh: $bin_dir/avro-benchmark not found; run swift build -c release" >&2; exit 1; }
[ -x "$python" ] || { echo "bench.sh: $python not found; run scripts/setup.sh" >&2; exit 1; }

mkdir -p "$results"
"$python" "$root/scripts/avro/bench_fastavro.py" --seconds "$seconds" >"$results/avro-fastavro.json"
"$bin_dir/avro-benchmark" --fastavro "$results/avro-fastavro.json" --output-dir "$results" --seconds "$seconds"
