# Sourced by .ci/run: a throw-away PostgreSQL cluster on 127.0.0.1 for the backend tests.
# Debian's server binaries, a cluster in a temp dir owned by the postgres user, a free port,
# trust authentication on loopback only; stopped and deleted when the CI script exits.
# Exports BULLETIN_TEST_PG_URL, which tests/backends.py reads.

start_test_postgres() {
  local bin port
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ] || ! id postgres >/dev/null 2>&1; then
    echo "PostgreSQL server not installed" >&2
    return 1
  fi
  PG_TMP=$(mktemp -d /tmp/bulletin-pg.XXXXXX)
  chown postgres "$PG_TMP"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  su postgres -s /bin/sh -c "'$bin/initdb' -D '$PG_TMP/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >"$PG_TMP.initdb.log" 2>&1
  # Durability is not what these tests measure: fsync off keeps the suite fast.
  su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$PG_TMP/data' -l '$PG_TMP/server.log' -w -o \
    \"-h 127.0.0.1 -p $port -k '$PG_TMP' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
  PG_BIN=$bin
  trap stop_test_postgres EXIT
  export BULLETIN_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the backend tests"
}

stop_test_postgres() {
  if [ -n "${PG_TMP:-}" ]; then
    su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_TMP/data' -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$PG_TMP" "$PG_TMP.initdb.log"
  fi
}
