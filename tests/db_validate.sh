#!/bin/sh
# tests/db_validate.sh: `sqlshift validate` and `convert --validate` with no
# server given: sqlshift starts a throwaway PostgreSQL itself (initdb in a
# temporary folder, unix socket only) and removes it afterwards. Rejected
# objects and plpgsql_check errors become action items at the original
# source line; -o writes the assessment with the `validated` column. Also
# times the validation of the whole converted tests/corpus (goal: under a
# minute on the 2-core machine).
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
tmp=${tmp:?tests/setup.sh sets tmp}

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BINDIR/initdb" ]; then
    if [ "${CI:-}" = true ]; then
        bail_out "PostgreSQL server not found in $PG_BINDIR (CI=true: live tests must not be skipped)"
    fi
    skip_all "PostgreSQL server not found in $PG_BINDIR"
fi
export PG_BINDIR
have_check=0
if [ -f "$("$PG_BINDIR/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/15)/extension/plpgsql_check.control" ] ||
    [ -f /usr/share/postgresql/15/extension/plpgsql_check.control ]; then
    have_check=1
elif [ "${CI:-}" = true ]; then
    bail_out "plpgsql_check not installed (CI=true: install postgresql-15-plpgsql-check)"
fi

# ---- a converted golden case validates clean ----------------------------------
gdir=$top_srcdir/tests/golden/tsql-postgresql
rc=0
(cd "$gdir" && "$SQLSHIFT" validate -t postgresql -v ddl_types.out) >"$tmp/v1.out" 2>"$tmp/v1.err" || rc=$?
check "validate of a converted golden case on a throwaway server: exit 0" [ "$rc" -eq 0 ]
diag_file "$tmp/v1.err" 30
check "validate: names the server version it validated on" \
    grep -q '^sqlshift: validated on PostgreSQL 1[0-9.]*: [1-9][0-9]* applied, 0 rejected' "$tmp/v1.err"
dir=$(sed -n 's/^validate: initdb in \([^ ]*\) .*/\1/p' "$tmp/v1.err")
check "validate: the throwaway server's folder is removed afterwards" sh -c "[ -n '$dir' ] && [ ! -e '$dir' ]"

# ---- a rejected object, pointing at the source line -------------------------------
cat >"$tmp/src.sql" <<'EOF'
CREATE TABLE dbo.Parts (PartID int NOT NULL PRIMARY KEY, Name nvarchar(50) NOT NULL)
GO
-- the view refers to a table the script never creates
CREATE VIEW dbo.PartOrders AS
SELECT p.Name, o.Qty FROM dbo.Parts p JOIN dbo.NoSuchOrders o ON o.PartID = p.PartID
GO
CREATE TABLE dbo.Bins (BinID int NOT NULL, PartID int NULL)
GO
EOF
rc=0
(cd "$tmp" && "$SQLSHIFT" convert -q -s tsql -t postgresql -o conv.sql src.sql) || bail_out "convert failed"
(cd "$tmp" && "$SQLSHIFT" validate -t postgresql -o rep conv.sql) >"$tmp/v2.out" 2>"$tmp/v2.err" || rc=$?
check "validate with a rejected object: exit 6" [ "$rc" -eq 6 ]
check "the rejection is an action item at the view's source line (src.sql:4:1)" \
    grep -q '^src.sql:4:1: medium\[SS8003\]: view dbo.PartOrders rejected by PostgreSQL 1[0-9.]*: ERROR 42P01: relation "nosuchorders" does not exist (conv.sql:[0-9]*)$' "$tmp/v2.err"
diag_file "$tmp/v2.err"
check "validate -o: objects.csv has the validated column per object" \
    sh -c "grep -q '^view,dbo,PartOrders,src.sql,4,1,.*,rejected on PostgreSQL 1[0-9.]*\$' '$tmp/rep/objects.csv' &&
           grep -q '^table,dbo,Bins,src.sql,7,1,.*,accepted on PostgreSQL 1[0-9.]*\$' '$tmp/rep/objects.csv'"
check "validate -o: action_items.csv and report.json hold the item" \
    sh -c "grep -q 'SS8003' '$tmp/rep/action_items.csv' && grep -q '\"validated\": *\"rejected on PostgreSQL' '$tmp/rep/report.json'"

# ---- convert --validate ---------------------------------------------------------
rc=0
(cd "$tmp" && "$SQLSHIFT" convert -v -s tsql -t postgresql --validate -o conv2.sql --report rep2 src.sql) \
    >"$tmp/v3.out" 2>"$tmp/v3.err" || rc=$?
check "convert --validate: exit 0 (no --fail-on)" [ "$rc" -eq 0 ]
check "convert --validate: the rejection joins the findings at the source line" \
    grep -q '^src.sql:4:1: medium\[SS8003\]: view dbo.PartOrders rejected' "$tmp/v3.err"
diag_file "$tmp/v3.err"
check "convert --validate --report: objects.csv validated column filled" \
    sh -c "grep -q '^view,dbo,PartOrders,.*,rejected on PostgreSQL' '$tmp/rep2/objects.csv' && grep -q '^table,dbo,Parts,.*,accepted on PostgreSQL' '$tmp/rep2/objects.csv'"
rc=0
(cd "$tmp" && "$SQLSHIFT" convert -q -s tsql -t postgresql --validate -o conv3.sql --fail-on medium src.sql) >/dev/null 2>&1 || rc=$?
check "convert --validate --fail-on medium: exit 1 for the rejection" [ "$rc" -eq 1 ]
rc=0
"$SQLSHIFT" convert -q -s tsql -t postgresql --validate "$tmp/src.sql" >/dev/null 2>"$tmp/v4.err" || rc=$?
check "convert --validate without -o: usage error" [ "$rc" -eq 2 ]

# ---- plpgsql_check on a function with an error only seen when it runs ---------------
cat >"$tmp/func.sql" <<'EOF'
-- table dbo.Accounts (func.sql:1:1)
CREATE TABLE accounts (id integer PRIMARY KEY, balance numeric(12,2));

-- function dbo.Total (func.sql:5:1)
CREATE FUNCTION total() RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
    s numeric;
BEGIN
    SELECT sum(balanse) INTO s FROM accounts;
    RETURN s;
END;
$$;

-- function dbo.Fine (func.sql:14:1)
CREATE FUNCTION fine() RETURNS numeric LANGUAGE plpgsql AS $$
BEGIN
    RETURN (SELECT sum(balance) FROM accounts);
END;
$$;
EOF
if [ $have_check -eq 1 ]; then
    rc=0
    "$SQLSHIFT" validate -t postgresql "$tmp/func.sql" >"$tmp/v5.out" 2>"$tmp/v5.err" || rc=$?
    check "plpgsql_check error: exit 6" [ "$rc" -eq 6 ]
    check "plpgsql_check error: an action item at the function's source line, with the body line" \
        grep -q '^func.sql:5:1: high\[SS8004\]: function dbo.Total: plpgsql_check on PostgreSQL 1[0-9.]*: function total() line 5: column "balanse" does not exist' "$tmp/v5.err"
    check "plpgsql_check: the correct function gives no item; 2 functions checked" \
        sh -c "! grep -q 'func.sql:14' '$tmp/v5.err' && grep -q 'plpgsql_check: 2 functions, 1 errors' '$tmp/v5.err'"
    diag_file "$tmp/v5.err"
else
    skip "plpgsql_check not installed" 3
fi

# ---- errors ---------------------------------------------------------------------
rc=0
PG_BINDIR=$tmp/nowhere "$SQLSHIFT" validate -t postgresql "$tmp/func.sql" >"$tmp/e1.out" 2>"$tmp/e1.err" || rc=$?
check "no PostgreSQL installation: exit 5, one clear line" \
    sh -c "[ $rc -eq 5 ] && [ \$(wc -l <'$tmp/e1.err') -eq 1 ] && grep -q 'no PostgreSQL server installation found' '$tmp/e1.err'"
rc=0
"$SQLSHIFT" validate -t postgresql --to "postgresql:///x?host=$tmp/nosuchdir" -o "$tmp/rep-none" "$tmp/func.sql" >/dev/null 2>"$tmp/e2.err" || rc=$?
check "validate --to an unreachable server: exit 5, one line, no report written" \
    sh -c "[ $rc -eq 5 ] && [ \$(wc -l <'$tmp/e2.err') -eq 1 ] && [ ! -e '$tmp/rep-none' ]"
rc=0
"$SQLSHIFT" validate -t mysql "$tmp/func.sql" >/dev/null 2>&1 || rc=$?
check "validate -t mysql: usage error" [ "$rc" -eq 2 ]

# ---- interrupted: the server and its folder are removed ------------------------------
"$SQLSHIFT" convert -q -s mysql -t postgresql -o "$tmp/mysql.sql" "$top_srcdir/tests/corpus/mysql" 2>/dev/null || true
"$SQLSHIFT" validate -t postgresql -v "$tmp/mysql.sql" >/dev/null 2>"$tmp/int.err" &
vpid=$!
i=0
while ! grep -q '^validate: [0-9]* objects' "$tmp/int.err" 2>/dev/null && [ $i -lt 300 ]; do
    sleep 0.1
    i=$((i + 1))
done
dir=$(sed -n 's/^validate: initdb in \([^ ]*\) .*/\1/p' "$tmp/int.err")
kill -TERM "$vpid" 2>/dev/null || true
wait "$vpid" 2>/dev/null || true
i=0
while [ -n "$dir" ] && [ -e "$dir" ] && [ $i -lt 50 ]; do
    sleep 0.1
    i=$((i + 1))
done
check "SIGTERM during validate: the throwaway folder is removed" sh -c "[ -n '$dir' ] && [ ! -e '$dir' ]"
check "SIGTERM during validate: no server left running on it" \
    sh -c "! ps -eo args | grep -v grep | grep -qF -- '$dir/data'"

# ---- the whole converted corpus, timed ------------------------------------------------
# the goal (under a minute) is for the normal build; ASan/UBSan runs slower
if [ "${SANITIZERS:-}" = 1 ]; then limit=${VALIDATE_TIME_LIMIT:-180}; else limit=${VALIDATE_TIME_LIMIT:-60}; fi
start=$(date +%s)
total=0
for src in tsql mysql plsql; do
    "$SQLSHIFT" convert -q -s "$src" -t postgresql -o "$tmp/corpus-$src.sql" "$top_srcdir/tests/corpus/$src" 2>/dev/null || true
done
conv=$(($(date +%s) - start))
rc=0
"$SQLSHIFT" validate -t postgresql -q -o "$tmp/corpus-rep" "$tmp/corpus-tsql.sql" "$tmp/corpus-mysql.sql" \
    "$tmp/corpus-plsql.sql" >"$tmp/corpus.out" 2>"$tmp/corpus.err" || rc=$?
if [ "$rc" -eq 0 ] || [ "$rc" -eq 6 ]; then
    ok "validate of the converted corpus (three inputs, one server) ran to its end (exit $rc)"
else
    not_ok "validate of the converted corpus: exit $rc"
    diag_file "$tmp/corpus.err"
fi
for src in tsql mysql plsql; do
    n=$(grep -c "^[^,]*,[^,]*,[^,]*,[^,]*corpus/$src/.*on PostgreSQL" "$tmp/corpus-rep/objects.csv" || true)
    r=$(grep -c "^[^,]*,[^,]*,[^,]*,[^,]*corpus/$src/.*rejected on PostgreSQL" "$tmp/corpus-rep/objects.csv" || true)
    diag "$src corpus: $n objects accepted or rejected, $r rejected"
    check "validate: the $src corpus's objects are in the report" [ "$n" -gt 0 ]
    total=$((total + n))
done
secs=$(($(date +%s) - start))
diag "whole corpus: convert ${conv}s, convert + validate ${secs}s, $total objects validated"
check "the whole converted corpus validates in under ${limit}s (took ${secs}s)" [ "$secs" -lt "$limit" ]

done_testing
