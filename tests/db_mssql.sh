#!/bin/sh
# tests/db_mssql.sh: the SQL Server side of the live-database commands, as
# far as it can be tested without a SQL Server (none runs here; the README
# says so):
#   - the FreeTDS driver's connection failures (closed port, unknown host,
#     a server that hangs up, one that never answers, TLS, bad URLs): one
#     line naming the server and the cause, exit status 5 (2 for a bad URL),
#     within the connect timeout, no TLS configuration file left behind;
#   - the driver against a minimal TDS server (tests/mssql/fake_tds.c):
#     login, version check, catalogue batches and rows, refused login,
#     unknown database, old version, TLS refused, connection lost and query
#     timeout in the middle of a run;
#   - the catalogue reader on recorded catalogue rows (tests/mssql/
#     catalog.rows) through a driver that replays them: the T-SQL it writes
#     is compared with tests/mssql/expected.sql, the schema filter and a
#     failing sink are checked;
#   - that T-SQL through `sqlshift convert -s tsql -t postgresql` without a
#     parse error, applied to a throwaway PostgreSQL, and the tables read
#     back with their exact column types.
# shellcheck source=setup.sh disable=SC1091
. "${top_srcdir:-$(dirname "$0")/..}/tests/setup.sh"
# shellcheck source=lib/servers.sh disable=SC1091
. "$top_srcdir/tests/lib/servers.sh"

probe=$top_builddir/tests/mssql/mssql_probe
replay=$top_builddir/tests/mssql/mssql_replay
data=$top_srcdir/tests/mssql
[ -x "$probe" ] && [ -x "$replay" ] || bail_out "tests/mssql programs not built (make check builds them)"

mkdir "$tmp/t"
# expect_fail NAME STATUS PATTERN SECONDS PROBE-ARGS...: the probe fails
# with STATUS, prints one line matching PATTERN (ERE), within SECONDS.
expect_fail() {
    name=$1 want=$2 pat=$3 limit=$4
    shift 4
    start=$(date +%s)
    st=0
    TMPDIR=$tmp/t "$probe" "$@" >"$tmp/out" 2>"$tmp/err" || st=$?
    took=$(($(date +%s) - start))
    lines=$(wc -l <"$tmp/out")
    if [ "$st" -eq "$want" ] && [ "$lines" -eq 1 ] && grep -Eq "$pat" "$tmp/out" && [ "$took" -le "$limit" ] &&
        ! sanitizer_report "$tmp/err"; then
        ok "$name: $(cat "$tmp/out")"
    else
        not_ok "$name (exit $st, wanted $want; ${took}s, limit ${limit}s)"
        diag_file "$tmp/out"
        diag_file "$tmp/err"
    fi
}

# ---- connection failures ------------------------------------------------------
expect_fail "closed local port" 5 \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db: cannot connect to 127\.0\.0\.1 port [0-9]+: Connection refused$' 5 \
    'mssql://sa@127.0.0.1:PORT/db' --port closed --connect-timeout 3
expect_fail "unresolvable host" 5 \
    '^sqlshift: mssql://sa@nosuchhost\.invalid/db: cannot connect to nosuchhost\.invalid port 1433: unknown host name$' 15 \
    'mssql://sa@nosuchhost.invalid/db' --connect-timeout 3
expect_fail "server hangs up during login" 5 \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db: cannot connect to 127\.0\.0\.1 port [0-9]+: the server closed the connection' 5 \
    'mssql://sa@127.0.0.1:PORT/db' --port close --connect-timeout 3
expect_fail "server never answers: login timeout" 5 \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db: timed out connecting to 127\.0\.0\.1 port [0-9]+$' 6 \
    'mssql://sa@127.0.0.1:PORT/db' --port silent --connect-timeout 2
expect_fail "tls=require, closed port" 5 \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db\?tls=require&tls-ca=/nonexistent/ca\.pem: cannot connect to 127\.0\.0\.1 port [0-9]+: Connection refused$' 5 \
    'mssql://sa@127.0.0.1:PORT/db?tls=require&tls-ca=/nonexistent/ca.pem' --port closed --connect-timeout 3
if [ -z "$(ls -A "$tmp/t")" ]; then
    ok "the private freetds.conf of a TLS connection is removed"
else
    not_ok "files left in TMPDIR: $(ls -A "$tmp/t")"
fi
expect_fail "unknown tls value" 2 "unknown tls value 'maybe'" 2 'mssql://sa@127.0.0.1:1/db?tls=maybe'
expect_fail "no user in the URL" 2 'mssql:// needs a user' 2 'mssql://127.0.0.1:1/db'
expect_fail "password in the URL refused" 2 'a password in the URL is refused: use SQLSHIFT_PASSWORD' 2 \
    'mssql://sa:secret@127.0.0.1:1/db'
expect_fail "IPv6 address, closed port" 5 '^sqlshift: mssql://sa@\[::1\]:1/db: cannot connect to ::1 port 1: ' 5 \
    'mssql://sa@[::1]:1/db' --connect-timeout 3
expect_fail "socket= refused for SQL Server" 2 'mssql:// connects over TCP only' 2 'mssql://sa@h/db?socket=/tmp/x'
expect_fail "host with a newline cannot reach the TLS configuration" 2 "FreeTDS cannot take" 2 \
    "mssql://sa@bad%0Ahost:1/db?tls=require"

# ---- against a minimal TDS server (tests/mssql/fake_tds.c) ----------------------
# It lets FreeTDS log in and run batches, so the driver's login errors,
# version check, sp_executesql batches, row conversion and mid-run failures
# are exercised; it is not SQL Server.
SQLSHIFT_PASSWORD=secret
export SQLSHIFT_PASSWORD
st=0
"$probe" 'mssql://sa@127.0.0.1:PORT/db' --port fake:ok --connect-timeout 3 --extract >"$tmp/out" 2>"$tmp/err" || st=$?
if [ $st -eq 0 ] && grep -qx 'connected: SQL Server 16.0.4003.1' "$tmp/out" &&
    grep -qxF "CREATE SCHEMA [sales]]'; x];" "$tmp/out" && ! sanitizer_report "$tmp/err"; then
    ok "TDS server: login, version, catalogue through sp_executesql, rows read back (a schema named sales]'; x)"
else
    not_ok "TDS server, normal run: exit $st"
    diag_file "$tmp/out"
    diag_file "$tmp/err"
fi
expect_fail "TDS server: login refused (18456)" 5 \
    "^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db: Login failed for user 'sa'\. \(SQL Server error 18456\)\$" 10 \
    'mssql://sa@127.0.0.1:PORT/db' --port fake:badlogin --connect-timeout 3
expect_fail "TDS server: unknown database (4060)" 5 \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/nosuch: Cannot open database "nosuch" requested by the login\. The login failed\. \(SQL Server error 4060\)$' 10 \
    'mssql://sa@127.0.0.1:PORT/nosuch' --port fake:nodb --connect-timeout 3
expect_fail "TDS server: SQL Server 2008 R2 refused" 5 \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db: SQL Server 10\.50\.6000\.34 is not supported \(SQL Server 2012, version 11, or later is needed\)$' 10 \
    'mssql://sa@127.0.0.1:PORT/db' --port fake:oldversion --connect-timeout 3
expect_fail "TDS server: encryption required, server without TLS" 5 \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db\?tls=require: cannot connect to 127\.0\.0\.1 port [0-9]+ with encryption required' 10 \
    'mssql://sa@127.0.0.1:PORT/db?tls=require' --port fake:ok --connect-timeout 3
# the connection works, then a catalogue query fails: probe prints
# "connected" first, so check the last line
expect_mid_run() {
    name=$1 pat=$2 limit=$3
    shift 3
    start=$(date +%s)
    st=0
    "$probe" "$@" >"$tmp/out" 2>"$tmp/err" || st=$?
    took=$(($(date +%s) - start))
    if [ "$st" -eq 5 ] && [ "$(wc -l <"$tmp/out")" -eq 2 ] && tail -n 1 "$tmp/out" | grep -Eq "$pat" &&
        [ "$took" -le "$limit" ] && ! sanitizer_report "$tmp/err"; then
        ok "$name: $(tail -n 1 "$tmp/out")"
    else
        not_ok "$name (exit $st, ${took}s, limit ${limit}s)"
        diag_file "$tmp/out"
        diag_file "$tmp/err"
    fi
}
expect_mid_run "TDS server goes away mid-run" \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db: lost the connection to 127\.0\.0\.1 port [0-9]+$' 10 \
    'mssql://sa@127.0.0.1:PORT/db' --port fake:drop --connect-timeout 3 --extract
expect_mid_run "TDS server stops answering: query timeout" \
    '^sqlshift: mssql://sa@127\.0\.0\.1:[0-9]+/db: query timed out on 127\.0\.0\.1 port [0-9]+$' 8 \
    'mssql://sa@127.0.0.1:PORT/db' --port fake:hang --connect-timeout 3 --query-timeout 2 --extract
unset SQLSHIFT_PASSWORD

# ---- the catalogue reader on recorded rows ------------------------------------
st=0
"$replay" "$data/catalog.rows" >"$tmp/extracted.sql" 2>"$tmp/replay.err" || st=$?
if [ $st -eq 0 ] && diff -u "$data/expected.sql" "$tmp/extracted.sql" >"$tmp/diff" && ! sanitizer_report "$tmp/replay.err" &&
    grep -qx 'mssql_replay: 25 objects of 25' "$tmp/replay.err"; then
    ok "recorded catalogue rows give the expected T-SQL, as many objects as the count query announced ($(cat "$tmp/replay.err"))"
else
    not_ok "recorded catalogue rows: exit $st or output differs"
    diag_file "$tmp/diff" 60
    diag_file "$tmp/replay.err"
fi

st=0
"$replay" "$data/catalog.rows" --schema sales >"$tmp/sales.sql" 2>"$tmp/replay.err" || st=$?
others=$(grep '^-- object: ' "$tmp/sales.sql" | grep -v '^-- object: [a-z ]* sales\.' || true)
n=$(grep -c '^-- object: [a-z ]* sales\.' "$tmp/sales.sql" || true)
if [ $st -eq 0 ] && [ "$others" = "-- object: property .(database)" ] && [ "$n" -eq 10 ]; then
    ok "the schema filter keeps the 10 objects of schema sales, and the database's own properties"
else
    not_ok "schema filter: exit $st, $n objects in sales; others: $others"
    grep '^-- object: ' "$tmp/sales.sql" | sed 's/^/# /'
fi

st=0
"$replay" "$data/catalog.rows" --schema dbo >"$tmp/dbo.sql" 2>"$tmp/replay.err" || st=$?
grep '^-- object: ' "$tmp/dbo.sql" >"$tmp/dbo.objects" || true
cat >"$tmp/dbo.want" <<'EOF2'
-- object: type dbo.Phone
-- object: sequence dbo.Tickets
-- object: table dbo.Customers
-- object: index dbo.IX_Customers_created (needs dbo.Customers)
-- object: function dbo.fnOrderTotal (needs sales.Orders)
-- object: procedure dbo.GetCustomer (needs dbo.Customers)
-- object: procedure dbo.OldProc
-- object: procedure dbo.Secret 100%
-- object: synonym dbo.Ord
-- object: table dbo.Customers (partitioning on scheme PS_ByYear) (needs dbo.Customers)
-- object: index dbo.IX_Customers_notes (xml index) (needs dbo.Customers)
-- object: function dbo.SplitString (clr table valued function)
-- object: property .(database)
-- object: property dbo.Customers (needs dbo.Customers)
EOF2
if [ $st -eq 0 ] && diff -u "$tmp/dbo.want" "$tmp/dbo.objects" >"$tmp/diff"; then
    ok "the schema filter keeps the objects of schema dbo with their properties"
else
    not_ok "schema filter dbo: exit $st"
    diag_file "$tmp/diff" 30
fi

st=0
"$replay" "$data/catalog.rows" --fail-put 3 >"$tmp/fail.sql" 2>"$tmp/replay.err" || st=$?
if [ $st -eq 1 ] && grep -q 'No space left on device' "$tmp/replay.err" && [ "$(grep -c '^-- object: ' "$tmp/fail.sql")" -eq 2 ]; then
    ok "a failing sink stops the reader with the sink's error after 2 objects"
else
    not_ok "failing sink: exit $st"
    diag_file "$tmp/replay.err"
fi

# ---- converted by the T-SQL front end, applied to PostgreSQL -----------------
st=0
(cd "$data" && "$SQLSHIFT" convert -s tsql -t postgresql expected.sql) >"$tmp/pg.sql" 2>"$tmp/convert.err" || st=$?
if [ $st -eq 0 ] && ! grep -q 'SS0[0-9][0-9][0-9]' "$tmp/convert.err" && ! sanitizer_report "$tmp/convert.err"; then
    ok "the extracted T-SQL converts without input or parse errors"
else
    not_ok "convert of the extracted T-SQL: exit $st"
    diag_file "$tmp/convert.err" 30
fi

if grep -q 'high\[SS4006\].*\[dbo\]\.\[Secret 100%%\] was not extracted' "$tmp/convert.err"; then
    ok "a routine the server gave no text for is an action item after convert, not a silent gap"
else
    not_ok "the unextracted routine dbo.Secret is not reported by convert"
    diag_file "$tmp/convert.err" 30
fi

# (with dbo.Secret above: 4 RAISERRORs kept as items)
n=$(grep -c 'high\[SS4006\].*RAISERROR' "$tmp/convert.err" || true)
if [ "$n" -eq 4 ]; then
    ok "what the reader does not script (XML index, partitioning, CLR function) is 3 action items after convert"
else
    not_ok "unscripted features: $n RAISERROR action items after convert, want 4"
    diag_file "$tmp/convert.err" 30
fi

if pg_start; then
    createdb mssql_extract
    if psql -X -q -v ON_ERROR_STOP=1 -d mssql_extract -f "$tmp/pg.sql" >"$tmp/apply" 2>&1; then
        ok "the converted objects are accepted by PostgreSQL"
    else
        not_ok "PostgreSQL rejected the converted objects"
        diag_file "$tmp/apply" 20
    fi
    psql -X -q -At -d mssql_extract >"$tmp/columns" 2>&1 <<'SQL'
SELECT n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
       || CASE WHEN a.attidentity <> '' THEN ' identity' ELSE '' END
       || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END
FROM pg_attribute AS a JOIN pg_class AS c ON c.oid = a.attrelid JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname IN ('public', 'sales') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY n.nspname, c.relname, a.attnum;
SQL
    cat >"$tmp/columns.want" <<'EOF2'
public.customers.id integer not null identity
public.customers.name character varying(100) not null
public.customers.phone phone
public.customers.created_at timestamp(3) without time zone not null
public.customers.balance numeric(12,2)
public.customers.photo bytea
public.customers.notes text
sales.odd]; 'name.a;b integer not null
sales.odd]; 'name.it's character(5)
sales.orders.id integer not null identity
sales.orders.customer_id integer not null
sales.orders.qty integer
sales.orders.price numeric(19,4)
sales.orders.total numeric generated
sales.orders.status character varying(10) not null
sales.orders.ordered_on date not null
EOF2
    if diff -u "$tmp/columns.want" "$tmp/columns" >"$tmp/diff"; then
        ok "every extracted table is on PostgreSQL with the expected columns and types (read back)"
    else
        not_ok "tables on PostgreSQL differ from the extracted ones"
        diag_file "$tmp/diff" 40
    fi
    n=$(psql -X -At -d mssql_extract -c "SELECT count(*) FROM pg_indexes WHERE indexname IN ('ix_orders_open', 'ix_customers_created')
        UNION ALL SELECT count(*) FROM pg_constraint WHERE conname IN ('fk_orders_customers', 'ck_orders_qty', 'PK_odd]')
        UNION ALL SELECT count(*) FROM pg_views WHERE viewname = 'openorders'" | tr '\n' ' ')
    if [ "$n" = "2 3 1 " ]; then
        ok "indexes, foreign key, check, the bracketed primary key and the view are there"
    else
        not_ok "indexes / constraints / view counts: $n (wanted 2 3 1)"
    fi
    pg_stop
else
    skip "PostgreSQL not available: $SERVER_SKIP_REASON" 3
fi

done_testing
