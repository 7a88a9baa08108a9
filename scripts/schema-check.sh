#!/usr/bin/env bash
# `make schema-check`: every schema in schemas/ against the versions already released in
# schemas/released/<name>/v*.avsc, at FULL_TRANSITIVE: producers and consumers of this platform are
# upgraded independently, so a new version must read every released version's data (BACKWARD) and
# be readable by every released consumer (FORWARD). Fails, naming the field, on an incompatible change.
# To release a version: copy schemas/<name>.avsc to schemas/released/<name>/v<N+1>.avsc.
# AVRO_TOOL: the avro-tool binary (default .build/debug/avro-tool, which `make test` builds first).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tool="${AVRO_TOOL:-$root/.build/debug/avro-tool}"
[ -x "$tool" ] || { echo "schema-check: $tool is missing: run 'swift build' first" >&2; exit 1; }
status=0
for schema in "$root"/schemas/*.avsc; do
    name="$(basename "$schema" .avsc)"
    released=("$root/schemas/released/$name"/v*.avsc)
    if [ ! -e "${released[0]}" ]; then
        echo "schema-check: $name has no released version yet (schemas/released/$name/v1.avsc)"
        continue
    fi
    # Oldest first: v1, v2, … v10 in numeric order.
    mapfile -t ordered < <(printf '%s\n' "${released[@]}" | sort -V)
    "$tool" compatibility --level FULL_TRANSITIVE --schema-file "$schema" "${ordered[@]}" || status=1
done
exit $status
