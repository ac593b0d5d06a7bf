#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (and benchmarks): never an office's server.
#   scripts/pg_cluster.sh start DIR   initdb in DIR (trust auth, 127.0.0.1, a free port), start it,
#                                     print the server URL (postgresql://resettle@127.0.0.1:PORT/postgres)
#   scripts/pg_cluster.sh stop DIR    stop it (immediate) and remove DIR
# initdb and pg_ctl refuse to run as root: as root the cluster runs as the system user
# resettle-pg (created by scripts/system_deps.sh, or here when missing).
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?cluster folder}
bin=${PG_BIN:-}
if [ -z "$bin" ]; then
    for v in 17 16 15 14 13; do
        [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ] && bin="/usr/lib/postgresql/$v/bin" && break
    done
fi
[ -z "$bin" ] && bin=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")
if [ ! -x "$bin/pg_ctl" ]; then
    echo "PostgreSQL (pg_ctl, initdb) is not installed: run scripts/system_deps.sh" >&2
    exit 1
fi
as_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u resettle-pg -- "$@"
    else
        "$@"
    fi
}
case "$cmd" in
start)
    if [ "$(id -u)" = "0" ] && ! id resettle-pg >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin resettle-pg
    fi
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" = "0" ] && chown resettle-pg "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U resettle --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    # fsync off: a test cluster that dies is thrown away anyway; max_connections for -n 2 plus the
    # concurrency test's ten clerks.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgresql://resettle@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
