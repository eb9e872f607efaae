# shellcheck shell=sh
# tests/lib/servers.sh: throwaway PostgreSQL 15 and MariaDB servers for tests.
# POSIX sh. Contract (docs/CONTRACTS.md):
#
#   . "$top_srcdir/tests/lib/servers.sh"
#   pg_start      # exports PGHOST (socket dir), PGPORT, PGUSER, PGDATABASE;
#                 # puts the server's psql/createdb first in PATH
#   pg_stop
#   maria_start   # sets MARIA_SOCKET, MARIA_DB
#   maria_sql DB < file.sql     # the mariadb client on that socket
#   maria_stop
#
# Each server lives in its own folder under /tmp (short path: unix socket
# names are limited to about 100 bytes), listens on a unix socket in that
# folder only (no TCP), runs with durability off (fsync etc.: it is thrown
# away), and is stopped and removed by *_stop, by an exit trap when the test
# ends, and by a watchdog process if the test is killed without running its
# traps. Start-up takes a few seconds.
#
# Return status of pg_start / maria_start:
#   0   started;
#   77  server programs not installed and CI is not "true": the caller skips
#       (prints TAP SKIP lines); SERVER_SKIP_REASON says why;
#   under CI=true a missing server, and anywhere a server that is installed
#   but fails to start, is a hard error: "Bail out!" (TAP) and exit 1, with
#   the tail of the server log as diagnostics.
#
# As root (CI runs as root) the servers run as the `postgres` / `mysql`
# system users, since initdb and mariadbd refuse to run as root.

if [ -z "${_SERVERS_SH_LOADED:-}" ]; then
_SERVERS_SH_LOADED=1

# shellcheck source=tap.sh disable=SC1091
. "${top_srcdir:-.}/tests/lib/tap.sh"

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
# Where to look for mariadbd, mariadb-install-db, mariadb, mariadb-admin.
MARIA_BINDIRS=${MARIA_BINDIRS:-/usr/sbin /usr/bin /usr/libexec}
SERVER_TMPROOT=${SERVER_TMPROOT:-/tmp}
SERVER_SKIP_REASON=
_pg_dir=
_pg_user=
_pg_watchdog=
_maria_dir=
_maria_user=
_maria_pid=
_maria_watchdog=
_srv_trap_set=

# ---- shared helpers ------------------------------------------------------

# _srv_unavailable REASON: a server program is missing.
_srv_unavailable() {
    if [ "${CI:-}" = true ]; then
        diag "$1"
        bail_out "$1 (CI=true: live tests must not be skipped)"
    fi
    # shellcheck disable=SC2034 # read by the test that called pg_start / maria_start
    SERVER_SKIP_REASON=$1
    return 77
}

# _srv_fail REASON LOGFILE...: an installed server did not start.
_srv_fail() {
    _srv_reason=$1
    shift
    for _srv_log in "$@"; do
        if [ -s "$_srv_log" ]; then
            diag "--- last lines of $_srv_log:"
            tail -n 25 "$_srv_log" | sed 's/^/# /'
        fi
    done
    _srv_cleanup_all
    bail_out "$_srv_reason"
}

# _srv_as USER CMD...: run CMD as USER (plain call when that is us already).
_srv_as() {
    _srv_u=$1
    shift
    if [ "$_srv_u" = "$(id -un)" ]; then
        "$@"
    else
        runuser -u "$_srv_u" -- "$@"
    fi
}

# _srv_find PROG DIR...: print the first executable DIR/PROG, else PROG on PATH.
_srv_find() {
    _srv_p=$1
    shift
    for _srv_d in "$@"; do
        if [ -x "$_srv_d/$_srv_p" ]; then
            echo "$_srv_d/$_srv_p"
            return 0
        fi
    done
    command -v "$_srv_p" 2>/dev/null
}

# _srv_watchdog CMD: a background process that runs CMD once this test shell
# ($$) has gone, in case it was killed without running its exit trap (kill
# -9, a harness timeout). Its file descriptors point to /dev/null so that it
# never holds the test's output pipe open. Prints the watchdog's pid.
_srv_watchdog() {
    (
        trap '' HUP INT
        trap 'exit 0' TERM
        _srv_parent=$$
        while kill -0 "$_srv_parent" 2>/dev/null; do
            sleep 1
        done
        eval "$1"
    ) </dev/null >/dev/null 2>&1 &
    echo $!
}

_srv_cleanup_all() {
    pg_stop
    maria_stop
}

_srv_install_trap() {
    if [ -z "$_srv_trap_set" ]; then
        _srv_trap_set=1
        at_exit _srv_cleanup_all
    fi
}

# _srv_wait_gone PID SECONDS: wait until PID has exited; true if it has.
_srv_wait_gone() {
    _srv_i=0
    while kill -0 "$1" 2>/dev/null; do
        if [ "$_srv_i" -ge $(($2 * 10)) ]; then
            return 1
        fi
        sleep 0.1
        _srv_i=$((_srv_i + 1))
    done
    return 0
}

# ---- PostgreSQL ------------------------------------------------------------

pg_start() {
    if [ -n "$_pg_dir" ]; then
        return 0
    fi
    if [ ! -x "$PG_BINDIR/initdb" ] || [ ! -x "$PG_BINDIR/pg_ctl" ] || [ ! -x "$PG_BINDIR/postgres" ]; then
        _srv_unavailable "PostgreSQL 15 server not found in $PG_BINDIR (install the Debian package postgresql-15)"
        return $?
    fi
    if [ "$(id -u)" = 0 ]; then
        if ! id postgres >/dev/null 2>&1; then
            _srv_unavailable "running as root but there is no 'postgres' user to run initdb as (install postgresql-15)"
            return $?
        fi
        _pg_user=postgres
    else
        _pg_user=$(id -un)
    fi
    _srv_install_trap
    _pg_dir=$(mktemp -d "$SERVER_TMPROOT/sqlshift-pg.XXXXXX") || bail_out "mktemp failed"
    chmod 755 "$_pg_dir"
    if [ "$_pg_user" != "$(id -un)" ]; then
        chown "$_pg_user": "$_pg_dir"
    fi
    # The port only names the socket file (.s.PGSQL.PORT): no TCP listener.
    PGPORT=$((20000 + $$ % 30000))
    PGHOST=$_pg_dir
    PGUSER=postgres
    PGDATABASE=sqlshift_test
    # SIGQUIT to the postmaster is an immediate shutdown (works as root too).
    _pg_watchdog=$(_srv_watchdog "kill -QUIT \$(head -n 1 '$_pg_dir/data/postmaster.pid'); sleep 2; rm -rf '$_pg_dir'")

    # Run from the server folder: the system user may not be allowed into
    # the caller's working directory.
    if ! (cd "$_pg_dir" && _srv_as "$_pg_user" "$PG_BINDIR/initdb" -D "$_pg_dir/data" \
            --username=postgres --auth=trust --encoding=UTF8 --locale=C \
            --no-sync --no-instructions >"$_pg_dir/initdb.log" 2>&1); then
        _srv_fail "initdb failed" "$_pg_dir/initdb.log"
    fi
    cat >>"$_pg_dir/data/postgresql.conf" <<EOF
# sqlshift test server: socket only, durability off (the data is thrown away)
listen_addresses = ''
unix_socket_directories = '$_pg_dir'
port = $PGPORT
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 30
shared_buffers = 32MB
logging_collector = off
log_min_messages = warning
EOF
    if ! (cd "$_pg_dir" && _srv_as "$_pg_user" "$PG_BINDIR/pg_ctl" -D "$_pg_dir/data" \
            -l "$_pg_dir/server.log" -w -t 60 start >"$_pg_dir/pg_ctl.log" 2>&1); then
        _srv_fail "PostgreSQL did not start" "$_pg_dir/pg_ctl.log" "$_pg_dir/server.log"
    fi
    if ! "$PG_BINDIR/pg_isready" -q -h "$PGHOST" -p "$PGPORT" -t 30; then
        _srv_fail "PostgreSQL is not accepting connections" "$_pg_dir/server.log"
    fi
    PATH=$PG_BINDIR:$PATH
    export PGHOST PGPORT PGUSER PGDATABASE PATH
    if ! "$PG_BINDIR/createdb" "$PGDATABASE" >"$_pg_dir/createdb.log" 2>&1; then
        _srv_fail "createdb $PGDATABASE failed" "$_pg_dir/createdb.log" "$_pg_dir/server.log"
    fi
    return 0
}

pg_stop() {
    if [ -z "$_pg_dir" ]; then
        return 0
    fi
    if [ -f "$_pg_dir/data/postmaster.pid" ]; then
        # immediate: no checkpoint, the data is about to be deleted.
        (cd "$_pg_dir" && _srv_as "$_pg_user" "$PG_BINDIR/pg_ctl" -D "$_pg_dir/data" \
            -m immediate -w -t 30 stop >/dev/null 2>&1) || true
    fi
    if [ -n "$_pg_watchdog" ]; then
        kill "$_pg_watchdog" 2>/dev/null || true
        _pg_watchdog=
    fi
    rm -rf "$_pg_dir"
    _pg_dir=
    unset PGHOST PGPORT PGUSER PGDATABASE
    return 0
}

# ---- MariaDB ---------------------------------------------------------------

_maria_client() {
    # shellcheck disable=SC2086 # a list of folders
    _srv_find mariadb $MARIA_BINDIRS
}

maria_start() {
    if [ -n "$_maria_dir" ]; then
        return 0
    fi
    # shellcheck disable=SC2086 # a list of folders
    _maria_mysqld=$(_srv_find mariadbd $MARIA_BINDIRS) || _maria_mysqld=
    # shellcheck disable=SC2086
    _maria_install=$(_srv_find mariadb-install-db $MARIA_BINDIRS) || _maria_install=
    # shellcheck disable=SC2086
    _maria_admin=$(_srv_find mariadb-admin $MARIA_BINDIRS) || _maria_admin=
    if [ -z "$_maria_mysqld" ] || [ -z "$_maria_install" ]; then
        _srv_unavailable "MariaDB server (mariadbd, mariadb-install-db) not found (install the Debian package mariadb-server)"
        return $?
    fi
    if [ -z "$_maria_admin" ] || [ -z "$(_maria_client)" ]; then
        _srv_unavailable "MariaDB client (mariadb, mariadb-admin) not found (install the Debian package mariadb-client)"
        return $?
    fi
    if [ "$(id -u)" = 0 ]; then
        if id mysql >/dev/null 2>&1; then _maria_user=mysql; else _maria_user=root; fi
    else
        _maria_user=$(id -un)
    fi
    _srv_install_trap
    _maria_dir=$(mktemp -d "$SERVER_TMPROOT/sqlshift-maria.XXXXXX") || bail_out "mktemp failed"
    chmod 755 "$_maria_dir"
    if [ "$_maria_user" != "$(id -un)" ]; then
        chown "$_maria_user": "$_maria_dir"
    fi
    MARIA_SOCKET=$_maria_dir/sock
    MARIA_DB=sqlshift_test
    export MARIA_SOCKET MARIA_DB

    # Server options shared by the bootstrap and the server: small, fast,
    # no durability, UTF-8 by default (--no-defaults leaves latin1).
    set -- --datadir="$_maria_dir/data" --user="$_maria_user" \
        --tmpdir="$_maria_dir" --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci --innodb-buffer-pool-size=64M \
        --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=0 \
        --innodb-doublewrite=0 --innodb-use-native-aio=0 --skip-log-bin
    if ! (cd "$_maria_dir" && "$_maria_install" --no-defaults \
            --auth-root-authentication-method=normal --skip-test-db \
            --skip-name-resolve "$@" >"$_maria_dir/install.log" 2>&1); then
        _srv_fail "mariadb-install-db failed" "$_maria_dir/install.log"
    fi
    (cd "$_maria_dir" && exec "$_maria_mysqld" --no-defaults "$@" \
        --socket="$MARIA_SOCKET" --skip-networking \
        --pid-file="$_maria_dir/mariadbd.pid" --log-error="$_maria_dir/error.log" \
        --log-bin-trust-function-creators=1 --innodb-fast-shutdown=2 \
        </dev/null >"$_maria_dir/stdout.log" 2>&1) &
    _maria_pid=$!
    _maria_watchdog=$(_srv_watchdog "kill -9 $_maria_pid; rm -rf '$_maria_dir'")
    _srv_i=0
    until "$_maria_admin" --no-defaults -uroot --socket="$MARIA_SOCKET" \
            --connect-timeout=2 ping >/dev/null 2>&1; do
        if ! kill -0 "$_maria_pid" 2>/dev/null; then
            _srv_fail "mariadbd exited during start-up" "$_maria_dir/error.log" "$_maria_dir/stdout.log"
        fi
        if [ "$_srv_i" -ge 600 ]; then
            _srv_fail "mariadbd did not answer within 60 s" "$_maria_dir/error.log"
        fi
        sleep 0.1
        _srv_i=$((_srv_i + 1))
    done
    if ! echo "CREATE DATABASE $MARIA_DB" | maria_sql "" >"$_maria_dir/createdb.log" 2>&1; then
        _srv_fail "CREATE DATABASE $MARIA_DB failed" "$_maria_dir/createdb.log" "$_maria_dir/error.log"
    fi
    return 0
}

# maria_sql [DB [CLIENT-OPTION...]] < script: run a script through the
# mariadb client (batch mode: stops at the first error, exit status 1).
# Bounded by SERVER_CLIENT_TIMEOUT seconds (default 300).
maria_sql() {
    _maria_db=${1:-}
    if [ $# -gt 0 ]; then shift; fi
    timeout -k 5 "${SERVER_CLIENT_TIMEOUT:-300}" "$(_maria_client)" --no-defaults \
        -uroot --socket="$MARIA_SOCKET" --default-character-set=utf8mb4 \
        --batch "$@" ${_maria_db:+"$_maria_db"}
}

maria_stop() {
    if [ -z "$_maria_dir" ]; then
        return 0
    fi
    if [ -n "$_maria_pid" ] && kill -0 "$_maria_pid" 2>/dev/null; then
        kill -TERM "$_maria_pid" 2>/dev/null || true
        if ! _srv_wait_gone "$_maria_pid" 20; then
            kill -KILL "$_maria_pid" 2>/dev/null || true
            _srv_wait_gone "$_maria_pid" 5 || true
        fi
        wait "$_maria_pid" 2>/dev/null || true
    fi
    _maria_pid=
    if [ -n "$_maria_watchdog" ]; then
        kill "$_maria_watchdog" 2>/dev/null || true
        _maria_watchdog=
    fi
    rm -rf "$_maria_dir"
    _maria_dir=
    return 0
}
fi
