#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder,
# listen on a free loopback port, run as a non-root user (PostgreSQL refuses root).
#   scripts/pg-cluster.sh start DIR   -> prints the URL (postgresql://postgres@127.0.0.1:PORT/ormsh)
#   scripts/pg-cluster.sh stop DIR    -> stops the server and removes DIR
set -euo pipefail

action=${1:?usage: pg-cluster.sh start|stop DIR}
dir=${2:?usage: pg-cluster.sh start|stop DIR}

pg_bin() {
    local name=$1
    for candidate in /usr/lib/postgresql/*/bin/"$name"; do
        [ -x "$candidate" ] && { echo "$candidate"; return; }
    done
    command -v "$name"
}

# Runs a command as the cluster's owner: ourselves when not root, else the postgres user.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        local owner=${ORMSH_PG_USER:-postgres}
        runuser -u "$owner" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 - <<'PY' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

case "$action" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown "${ORMSH_PG_USER:-postgres}" "$dir"; fi
    chmod 700 "$dir"
    port=$(free_port)
    as_owner "$(pg_bin initdb)" -D "$dir/data" -A trust -U postgres --locale=C.UTF-8 \
        -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$(pg_bin pg_ctl)" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$(pg_bin psql)" -h 127.0.0.1 -p "$port" -U postgres -q -c 'create database ormsh' \
        postgres >/dev/null
    echo "$port" >"$dir/port"
    echo "postgresql://postgres@127.0.0.1:$port/ormsh"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$(pg_bin pg_ctl)" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg-cluster.sh start|stop DIR" >&2
    exit 2
    ;;
esac
