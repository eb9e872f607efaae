#!/bin/sh
# tests/db_apply.sh: `sqlshift apply` on a throwaway PostgreSQL 15
# (tests/lib/servers.sh): a converted golden case (--split folder with its
# install.sql), --dry-run, a rejected object with --on-error continue
# (savepoint recovery) and stop (nothing kept), names with quotes and
# semicolons, a query timeout, and connection errors (one line, status 5).
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
# shellcheck source=lib/servers.sh disable=SC1091
. "$top_srcdir/tests/lib/servers.sh"
tmp=${tmp:?tests/setup.sh sets tmp}

st=0
pg_start || st=$?
if [ "$st" -eq 77 ]; then
    skip_all "$SERVER_SKIP_REASON"
fi

# q DB SQL: one value from PostgreSQL (unaligned, no header).
q() {
    psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}
# url DB: the libpq URL of a database of the test server (socket folder).
url() {
    echo "host=$PGHOST port=$PGPORT user=$PGUSER dbname=$1"
}
# one_line FILE: FILE has exactly one line, starting "sqlshift: ".
one_line() {
    [ "$(wc -l <"$1")" -eq 1 ] && grep -q '^sqlshift: ' "$1"
}

# ---- a converted golden case, as a --split folder ---------------------------
case_sql=$top_srcdir/tests/golden/tsql-postgresql/ddl_types.sql
(cd "$(dirname "$case_sql")" && "$SQLSHIFT" convert -q -s tsql -t postgresql --split \
    -o "$tmp/split" ddl_types.sql) || bail_out "convert --split failed"

createdb a1
rc=0
"$SQLSHIFT" apply --to "$(url a1)" "$tmp/split" >"$tmp/a1.out" 2>"$tmp/a1.err" || rc=$?
check "apply of a --split folder: exit 0" [ "$rc" -eq 0 ]
diag_file "$tmp/a1.err"
check "apply: every object reported applied, committed" \
    grep -q 'applied, 0 failed, 0 not applied.*committed$' "$tmp/a1.out"
check "apply: the summary names the table and its source line" \
    grep -q '^applied  *table dbo.Orders (ddl_types.sql:2:1)$' "$tmp/a1.out"
cols=$(q a1 "SELECT string_agg(column_name || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY ordinal_position)
  FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = 'orders'::regclass AND a.attname = c.column_name
  WHERE c.table_name = 'orders'")
check "apply: orders has the converted columns and types" [ "$cols" = "orderid integer, customercode character(5), orderdate timestamp(3) without time zone, shippedat timestamp(3) without time zone, freight numeric(19,4), notes text, isrush boolean, token uuid, photo bytea, total numeric" ]
check "apply: the foreign key and the filtered index exist" \
    [ "$(q a1 "SELECT count(*) FROM pg_constraint WHERE conrelid = 'orderlines'::regclass AND contype = 'f'")/$(q a1 "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_orders_customer'")" = 1/1 ]

# ---- --dry-run ------------------------------------------------------------------
createdb a2
rc=0
"$SQLSHIFT" apply --dry-run --to "$(url a2)" "$tmp/split" >"$tmp/a2.out" 2>"$tmp/a2.err" || rc=$?
check "apply --dry-run: exit 0, rolled back" sh -c "[ $rc -eq 0 ] && grep -q 'rolled back$' '$tmp/a2.out'"
check "apply --dry-run: nothing left in the database" \
    [ "$(q a2 "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")" = 0 ]

# ---- a rejected object: continue and stop ---------------------------------------
cat >"$tmp/broken.sql" <<'EOF'
-- sqlshift 0.1.0: tsql -> postgresql
-- input: broken.sql

-- table dbo.Good1 (broken.sql:1:1)
CREATE TABLE good1 (id integer PRIMARY KEY);

-- view dbo.Broken (broken.sql:5:1)
CREATE VIEW broken AS
SELECT id,
       nope
FROM good1;

-- table dbo.Good2 (broken.sql:9:1)
CREATE TABLE good2 (id integer REFERENCES good1 (id));
INSERT INTO good1 VALUES (1);
INSERT INTO good2 VALUES (1);
EOF
createdb a3
rc=0
"$SQLSHIFT" apply --on-error continue --to "$(url a3)" "$tmp/broken.sql" >"$tmp/a3.out" 2>"$tmp/a3.err" || rc=$?
check "apply --on-error continue with a rejected object: exit 6" [ "$rc" -eq 6 ]
check "the failure names the object, its source line, the converted line and the server's message" \
    grep -qF "FAILED      view dbo.Broken (broken.sql:5:1): $tmp/broken.sql:10: ERROR 42703: column \"nope\" does not exist" "$tmp/a3.out"
check "continue: the objects after the failure were applied and committed (savepoint recovery)" \
    [ "$(q a3 "SELECT count(*) FROM good1 JOIN good2 USING (id)")/$(q a3 "SELECT count(*) FROM pg_views WHERE viewname = 'broken'")" = 1/0 ]
check "continue: the closing line counts 2 applied, 1 failed" grep -q ': 2 applied, 1 failed, 0 not applied.*committed$' "$tmp/a3.out"

createdb a4
rc=0
"$SQLSHIFT" apply --to "$(url a4)" "$tmp/broken.sql" >"$tmp/a4.out" 2>"$tmp/a4.err" || rc=$?
check "apply (stop) with a rejected object: exit 6" [ "$rc" -eq 6 ]
check "stop: the rest is reported not applied, everything rolled back" \
    sh -c "grep -q '^not applied table dbo.Good2 (broken.sql:9:1)\$' '$tmp/a4.out' && grep -q ': 1 applied, 1 failed, 1 not applied.*rolled back\$' '$tmp/a4.out'"
check "stop: nothing was kept (good1 rolled back too)" \
    [ "$(q a4 "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")" = 0 ]

# ---- transaction control in the input would end apply's transaction: refused ----
printf '%s\n' '-- session (tx.sql:1:1)' 'COMMIT;' '-- table dbo.T9 (tx.sql:2:1)' 'CREATE TABLE t9 (a integer);' >"$tmp/tx.sql"
createdb a9
rc=0
"$SQLSHIFT" apply --on-error continue --to "$(url a9)" "$tmp/tx.sql" >"$tmp/a9.out" 2>&1 || rc=$?
check "a COMMIT in the input is reported, not run; the rest applied in the one transaction" \
    sh -c "[ $rc -eq 6 ] && grep -q '^FAILED  *session (tx.sql:1:1): .*transaction control statement COMMIT not run' '$tmp/a9.out' &&
           [ \"\$(psql -X -At -d a9 -c \"SELECT count(*) FROM pg_tables WHERE tablename = 't9'\")\" = 1 ]"
diag_file "$tmp/a9.out"

# ---- names with quotes and semicolons, strings, dollar quotes, comments -----------
cat >"$tmp/names.sql" <<'EOF'
-- table dbo.we"ird;name (names.sql:1:1)
CREATE TABLE "we""ird;name" (
    "col;1" text DEFAULT 'a;b''c',   -- a comment; with a semicolon
    "x" text DEFAULT E'semi\';colon' /* block ; comment */
);

-- function f;x (names.sql:6:1)
CREATE FUNCTION "f;x"() RETURNS text LANGUAGE plpgsql AS $body$
BEGIN
    -- table not_a_header (nowhere.sql:1:1)
    RETURN 'x;y' || $$;$$;
END;
$body$;

-- view v;1 (names.sql:12:1)
CREATE VIEW "v;1" AS SELECT "col;1", "f;x"() AS f FROM "we""ird;name";
EOF
createdb a5
rc=0
"$SQLSHIFT" apply --to "$(url a5)" "$tmp/names.sql" >"$tmp/a5.out" 2>"$tmp/a5.err" || rc=$?
check "apply: names with quotes and semicolons: exit 0" [ "$rc" -eq 0 ]
diag_file "$tmp/a5.out"
check "apply: 3 objects found (a header inside a dollar-quoted body is not one)" \
    grep -q ': 3 applied, 0 failed' "$tmp/a5.out"
q a5 "INSERT INTO \"we\"\"ird;name\" DEFAULT VALUES" >/dev/null
check "apply: strings and dollar quotes kept exactly" \
    [ "$(q a5 "SELECT v.\"col;1\" || '|' || w.x || '|' || v.f FROM \"v;1\" v, \"we\"\"ird;name\" w")" = "a;b'c|semi';colon|x;y;" ]

# ---- a query timeout is a failure of that object --------------------------------
cat >"$tmp/slow.sql" <<'EOF'
-- table dbo.Slow (slow.sql:1:1)
CREATE TABLE slow AS SELECT 1 AS s FROM pg_sleep(3);
-- table dbo.Fast (slow.sql:3:1)
CREATE TABLE fast (id integer);
EOF
createdb a6
rc=0
"$SQLSHIFT" apply --query-timeout 1 --on-error continue --to "$(url a6)" "$tmp/slow.sql" >"$tmp/a6.out" 2>"$tmp/a6.err" || rc=$?
check "apply --query-timeout 1: the slow object fails with 57014, the next is applied" \
    sh -c "[ $rc -eq 6 ] && grep -q 'FAILED .*table dbo.Slow.*ERROR 57014: canceling statement due to statement timeout' '$tmp/a6.out' && grep -q '^applied  *table dbo.Fast' '$tmp/a6.out'"

# ---- connection errors: one line naming the server, exit 5 -------------------------
conn_err() { # DESC URL PATTERN
    rc=0
    "$SQLSHIFT" apply --connect-timeout 5 --to "$2" "$tmp/broken.sql" >"$tmp/c.out" 2>"$tmp/c.err" || rc=$?
    if [ "$rc" -eq 5 ] && one_line "$tmp/c.err" && grep -q -- "$3" "$tmp/c.err" && [ ! -s "$tmp/c.out" ]; then
        ok "$1: exit 5, one line"
    else
        not_ok "$1: exit 5, one line (got $rc)"
        diag_file "$tmp/c.err"
    fi
}
conn_err "missing socket" "postgresql:///x?host=$tmp/nosuchdir&port=5999" "^sqlshift: postgresql:///x?host=$tmp/nosuchdir&port=5999: connection to server on socket"
conn_err "closed TCP port" "postgresql://127.0.0.1:1/x" "^sqlshift: postgresql://127.0.0.1:1/x: .*Connection refused"
conn_err "unknown database" "$(url nosuchdb)" 'database "nosuchdb" does not exist'
conn_err "refused login (unknown role)" "host=$PGHOST port=$PGPORT user=nosuchrole dbname=a1" 'role "nosuchrole" does not exist'
# password authentication: a role that must give a password (scram), on db a1
hba=$PGHOST/data/pg_hba.conf
if [ -w "$hba" ]; then
    q a1 "CREATE ROLE pwuser LOGIN PASSWORD 'pw;1:x'; GRANT CREATE ON SCHEMA public TO pwuser" >/dev/null
    { echo "local a1 pwuser scram-sha-256"; cat "$hba"; } >"$tmp/hba" && cat "$tmp/hba" >"$hba"
    q a1 "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5
    pwurl="host=$PGHOST port=$PGPORT user=pwuser dbname=a1"
    printf '%s\n' '-- table dbo.PwT (pw.sql:1:1)' 'CREATE TABLE pwt (a integer);' >"$tmp/pw.sql"
    rc=0
    PGPASSWORD= PGPASSFILE=$tmp/none "$SQLSHIFT" apply --to "$pwurl" "$tmp/pw.sql" </dev/null >"$tmp/c.out" 2>"$tmp/c.err" || rc=$?
    check "login without a password (no terminal to ask on): exit 5, one line" \
        sh -c "[ $rc -eq 5 ] && [ \$(wc -l <'$tmp/c.err') -eq 1 ] && grep -q 'no password supplied' '$tmp/c.err'"
    rc=0
    PGPASSWORD=wrong "$SQLSHIFT" apply --to "$pwurl" "$tmp/pw.sql" >"$tmp/c.out" 2>"$tmp/c.err" || rc=$?
    check "refused login (wrong password from PGPASSWORD): exit 5, one line" \
        sh -c "[ $rc -eq 5 ] && [ \$(wc -l <'$tmp/c.err') -eq 1 ] && grep -q 'password authentication failed for user \"pwuser\"' '$tmp/c.err' && ! grep -q wrong '$tmp/c.err'"
    printf 'pw;1:x\n' >"$tmp/pwfile"
    rc=0
    env -u PGPASSWORD "$SQLSHIFT" apply --dry-run --password-file "$tmp/pwfile" --to "$pwurl" "$tmp/pw.sql" >"$tmp/c.out" 2>"$tmp/c.err" || rc=$?
    check "--password-file with the password on one line: applied" sh -c "[ $rc -eq 0 ] && grep -q '^applied  *table dbo.PwT' '$tmp/c.out'"
    diag_file "$tmp/c.err"
    printf '# .pgpass format\n*:*:other:pwuser:nope\n*:*:a1:pwuser:pw;1\\:x\n' >"$tmp/pgpass"
    rc=0
    env -u PGPASSWORD "$SQLSHIFT" apply --dry-run --password-file "$tmp/pgpass" --to "$pwurl" "$tmp/pw.sql" >"$tmp/c.out" 2>"$tmp/c.err" || rc=$?
    check "--password-file in .pgpass format (escaped ':'): the matching line is used" [ "$rc" -eq 0 ]
    diag_file "$tmp/c.err"
else
    skip "pg_hba.conf of the test server not writable" 4
fi

# the server going away mid-run (the session is terminated by one object)
printf '%s\n' '-- table dbo.T1 (lost.sql:1:1)' 'CREATE TABLE t1 (a integer);' \
    '-- statement (lost.sql:2:1)' 'SELECT pg_terminate_backend(pg_backend_pid());' \
    '-- table dbo.T2 (lost.sql:3:1)' 'CREATE TABLE t2 (a integer);' >"$tmp/lost.sql"
createdb a10
rc=0
"$SQLSHIFT" apply --on-error continue --to "$(url a10)" "$tmp/lost.sql" >"$tmp/c.out" 2>"$tmp/c.err" || rc=$?
check "connection lost mid-run: exit 5, one line naming the server, nothing committed" \
    sh -c "[ $rc -eq 5 ] && [ \$(wc -l <'$tmp/c.err') -eq 1 ] && grep -q '^sqlshift: host=.*dbname=a10: connection lost: .*terminating connection' '$tmp/c.err' &&
           [ ! -s '$tmp/c.out' ] && [ \"\$(psql -X -At -d a10 -c \"SELECT count(*) FROM pg_tables WHERE tablename = 't1'\")\" = 0 ]"
diag_file "$tmp/c.err"
rc=0
"$SQLSHIFT" apply --to "postgresql://u:secret@localhost/x" "$tmp/broken.sql" >/dev/null 2>"$tmp/c.err" || rc=$?
check "a password in the URL is refused (exit 2), and not echoed" \
    sh -c "[ $rc -eq 2 ] && ! grep -q secret '$tmp/c.err'"
rc=0
"$SQLSHIFT" apply --to "$(url a1)" "$tmp/nosuchfile.sql" >/dev/null 2>"$tmp/c.err" || rc=$?
check "a missing input: exit 3 before connecting" sh -c "[ $rc -eq 3 ] && grep -q nosuchfile '$tmp/c.err'"
rc=0
"$SQLSHIFT" apply "$tmp/broken.sql" >/dev/null 2>&1 || rc=$?
check "apply without --to: usage error" [ "$rc" -eq 2 ]

# ---- read back: extract_postgres() through `sqlshift extract` --
probe() { "$SQLSHIFT" extract --from "$1" -o "$2"; }
# shape DB: every user table's columns and types, constraints and indexes, one per line
shape() {
    q "$1" "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull
              || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || a.attidentity::text || a.attgenerated::text
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
          UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
          UNION ALL SELECT viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
          UNION ALL SELECT pg_get_functiondef(p.oid) FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
          ORDER BY 1"
}
    rc=0
    probe "$(url a1)" "$tmp/x1.sql" 2>"$tmp/x1.err" || rc=$?
    check "extract_postgres of the applied golden case: exit 0" [ "$rc" -eq 0 ]
    diag_file "$tmp/x1.err"
    check "extract_postgres: exact types, identity and defaults read back" \
        sh -c "grep -qF '    orderid integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1000 INCREMENT BY 5) NOT NULL,' '$tmp/x1.sql' &&
               grep -qF '    orderdate timestamp(3) without time zone DEFAULT LOCALTIMESTAMP NOT NULL,' '$tmp/x1.sql' &&
               grep -qF '    total numeric GENERATED ALWAYS AS ((freight * (2)::numeric)) STORED' '$tmp/x1.sql'"
    probe "$(url a1)" "$tmp/x1b.sql" 2>/dev/null || true
    check "extract_postgres twice: byte-identical" cmp -s "$tmp/x1.sql" "$tmp/x1b.sql"
    createdb a7
    rc=0
    "$SQLSHIFT" apply --to "$(url a7)" "$tmp/x1.sql" >"$tmp/a7.out" 2>&1 || rc=$?
    check "the extracted script applies to an empty database" [ "$rc" -eq 0 ]
    diag_file "$tmp/a7.out"
    shape a1 >"$tmp/shape1"
    shape a7 >"$tmp/shape7"
    if [ -s "$tmp/shape1" ] && cmp -s "$tmp/shape1" "$tmp/shape7"; then
        ok "round trip: same columns, types, constraints and indexes ($(wc -l <"$tmp/shape1") facts)"
    else
        not_ok "round trip: same columns, types, constraints and indexes"
        diff "$tmp/shape1" "$tmp/shape7" | diag_file /dev/stdin 20
    fi
    rc=0
    probe "$(url a5)" "$tmp/x5.sql" 2>"$tmp/x5.err" || rc=$?
    createdb a8
    "$SQLSHIFT" apply --to "$(url a8)" "$tmp/x5.sql" >"$tmp/a8.out" 2>&1 || rc=$?
    shape a5 >"$tmp/shape5"
    shape a8 >"$tmp/shape8"
    check "names with quotes and semicolons: extracted exactly and applied again" \
        sh -c "[ $rc -eq 0 ] && grep -qF 'CREATE TABLE public.\"we\"\"ird;name\" (' '$tmp/x5.sql' && cmp -s '$tmp/shape5' '$tmp/shape8'"
    diag_file "$tmp/a8.out"

pg_stop
done_testing
