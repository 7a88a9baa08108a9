#!/usr/bin/env bash
# `make bench`: runs every benchmark program against the release build and collects the figures in
# bench-results/. Each part has its own driver script; they start what they need on free ports.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
export BIN_DIR="${BIN_DIR:-$root/.build/release}"
export BENCH_RESULTS="$root/bench-results"
mkdir -p "$BENCH_RESULTS"

drivers=(
    scripts/kafka/bench.sh
    scripts/avro/bench.sh
    scripts/registry/bench.sh
    scripts/cart-service/bench.sh
    scripts/security/bench.sh
    scripts/order-service/bench.sh
    scripts/system/bench.sh
)

failed=()
for driver in "${drivers[@]}"; do
    [ -x "$root/$driver" ] || continue
    printf '\n== %s ==\n' "$driver"
    if ! "$root/$driver"; then failed+=("$driver"); fi
done

printf '\nFigures written to %s:\n' "$BENCH_RESULTS"
ls -1 "$BENCH_RESULTS"
if [ ${#failed[@]} -gt 0 ]; then
    printf 'These benchmarks failed: %s\n' "${failed[*]}"
    exit 1
fi
