#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite and the benchmarks: a new data folder under a
# temporary directory, owned by an unprivileged user (the current one, or "postgres"/"nobody" when
# run as root), listening on 127.0.0.1 and a socket in the same folder only, trusting local users.
#
#   tools/pg_test_cluster.sh start [PORT]   prints the URL to put in SALESDESK_TEST_DB
#   tools/pg_test_cluster.sh stop           stops it and removes its folder
#
# Needs Debian's "postgresql" package (or any PostgreSQL 15+ with initdb/pg_ctl on PATH or in
# /usr/lib/postgresql/*/bin). Nothing outside the folder is touched; no system service is used.
set -euo pipefail

ACTION="${1:-start}"
PORT="${2:-${SALESDESK_PG_PORT:-54329}}"
ROOT="${SALESDESK_PG_ROOT:-${TMPDIR:-/tmp}/salesdesk-pg-$PORT}"

# Debian keeps the server's programs out of PATH, in /usr/lib/postgresql/<major>/bin: the newest there,
# else whatever PATH has.
BIN=""
NEWEST="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -n "$NEWEST" ]; then BIN="$NEWEST/"; fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    local owner="postgres"
    getent passwd postgres >/dev/null || owner="nobody"
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

case "$ACTION" in
  start)
    if [ -f "$ROOT/data/postmaster.pid" ] && as_owner "${BIN}pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then
      echo "postgresql+psycopg://salesdesk@127.0.0.1:$PORT/salesdesk_test"
      exit 0
    fi
    rm -rf "$ROOT"
    mkdir -p "$ROOT"
    chmod 0755 "$ROOT"
    if [ "$(id -u)" = "0" ]; then
      owner="postgres"; getent passwd postgres >/dev/null || owner="nobody"
      chown "$owner" "$ROOT"
    fi
    as_owner "${BIN}initdb" -D "$ROOT/data" -U salesdesk -A trust -E UTF8 --locale=C.UTF-8 >"$ROOT/initdb.log" 2>&1 \
      || { cat "$ROOT/initdb.log" >&2; exit 1; }
    # Speed over durability: the cluster is thrown away after the run.
    as_owner "${BIN}pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w -o \
      "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null || { cat "$ROOT/server.log" >&2; exit 1; }
    as_owner "${BIN}createdb" -h "$ROOT" -p "$PORT" -U salesdesk salesdesk_test
    echo "postgresql+psycopg://salesdesk@127.0.0.1:$PORT/salesdesk_test"
    ;;
  stop)
    if [ -d "$ROOT/data" ]; then
      as_owner "${BIN}pg_ctl" -D "$ROOT/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$ROOT"
    ;;
  *)
    echo "usage: $0 start [PORT] | stop" >&2
    exit 2
    ;;
esac
