#!/bin/sh
# tests/plpgsql.sh: T-SQL stored code converted to PL/pgSQL, on a real
# PostgreSQL 15. For each golden case tests/golden/tsql-postgresql/proc_*.sql:
# the conversion is applied, every function and procedure it created passes
# plpgsql_check (trigger functions checked against their table and transition
# tables) with no error, and a few calls behave as the T-SQL code did.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
. "$top_srcdir/tests/lib/servers.sh"
. "$top_srcdir/tests/lib/plcheck.sh"

gdir=$top_srcdir/tests/golden/tsql-postgresql
if ! pg_start; then
    skip_all "PostgreSQL not available: $SERVER_SKIP_REASON"
fi

# q DB SQL: one value (psql -At), errors into $tmp/q.err
q() {
    psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2" 2>"$tmp/q.err"
}
# is DB SQL EXPECTED DESC
is() {
    _got=$(q "$1" "$2")
    if [ "$_got" = "$3" ]; then
        ok "$4"
    else
        not_ok "$4"
        diag "query: $2"
        diag "expected: $3"
        diag "got: $_got"
        diag_file "$tmp/q.err" 5
    fi
}
# fails DB SQL PATTERN DESC: the statement fails with an error matching PATTERN
fails() {
    if q "$1" "$2" >/dev/null; then
        not_ok "$4"
        diag "query did not fail: $2"
    elif grep -Eq "$3" "$tmp/q.err"; then
        ok "$4"
    else
        not_ok "$4"
        diag "expected an error matching: $3"
        diag_file "$tmp/q.err" 5
    fi
}

for case_sql in "$gdir"/proc_*.sql; do
    name=$(basename "$case_sql" .sql)
    db=p_$name
    ( cd "$gdir" && "$SQLSHIFT" convert -s tsql -t postgresql "$name.sql" ) >"$tmp/$name.out" 2>"$tmp/$name.err"
    createdb "$db"
    if ! psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$tmp/$name.out" >"$tmp/apply" 2>&1; then
        not_ok "$name: rejected by PostgreSQL"
        diag_file "$tmp/apply" 20
        continue
    fi
    ok "$name: created by PostgreSQL"
    if ! q "$db" "CREATE EXTENSION IF NOT EXISTS plpgsql_check" >/dev/null; then
        not_ok "$name: CREATE EXTENSION plpgsql_check"
        diag_file "$tmp/q.err" 5
        continue
    fi
    q "$db" "SELECT p.oid || ' ' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             JOIN pg_language l ON l.oid = p.prolang
             WHERE l.lanname = 'plpgsql' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
             ORDER BY p.proname" >"$tmp/procs"
    count=0
    while read -r oid pname; do
        count=$((count + 1))
        # in a session where the temporary tables that the routines create
        # when they run (SS4142, SS4143) exist (tests/lib/plcheck.sh)
        psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$(plcheck_temp_tables)" -c "
            SELECT plpgsql_check_function($oid, COALESCE(t.tgrelid, 0), fatal_errors => false,
                     newtable => t.tgnewtable, oldtable => t.tgoldtable)
                 FROM pg_proc p LEFT JOIN pg_trigger t ON t.tgfoid = p.oid WHERE p.oid = $oid" \
            >"$tmp/check" 2>"$tmp/q.err" || true
        cat "$tmp/q.err" >>"$tmp/check"
        grep -i 'error' "$tmp/check" >"$tmp/check.real" || true
        if [ -s "$tmp/check.real" ]; then
            not_ok "$name: $pname passes plpgsql_check"
            diag_file "$tmp/check" 10
        else
            ok "$name: $pname passes plpgsql_check"
        fi
    done <"$tmp/procs"
    [ $count -gt 0 ] || not_ok "$name: no PL/pgSQL routine created"
done

# ---- behaviour: proc_basic
db=p_proc_basic
is $db "SELECT leadingzeros(42)" "00000042" "LeadingZeros(42): '+' on strings became ||"
is $db "SELECT flagtext(true) || flagtext(false) || flagtext()" "yesnoyes" "FlagText: bit parameter and variable as boolean"
is $db "SELECT getstock(1)" "0" "GetStock of an unknown product: SUM is NULL, the function returns 0"
q $db "CALL addtwo(10)" >/dev/null
is $db "SELECT string_agg(productid || ':' || name, ',' ORDER BY productid) FROM product" "10:first,11:second" \
    "AddTwo: EXEC with named and positional arguments inserted both products"
is $db "SELECT count(*) FROM getproducts(2)" "1" "GetProducts(2): the result set as a table function"
is $db "SELECT productname FROM getproducts(0) ORDER BY productname LIMIT 1" "first" \
    "GetProducts: columns keep their aliases"
fails $db "CALL addproduct(10, 'again', 1, NULL)" "duplicate key" \
    "AddProduct with a duplicate key: THROW in CATCH re-raises the error"
is $db "SELECT count(*) FROM errorlog" "0" "the error log row written in CATCH is rolled back with the re-raised error (SS4129)"
fails $db "CALL addproduct(12, 'negative', -1, NULL)" "Product 12 \\(negative\\) has a negative price" \
    "RAISERROR with %d and %s arguments: the formatted message"
is $db "CALL addproduct(13, 'ok', 3, NULL)" "1" "AddProduct: the OUTPUT parameter returns @@ROWCOUNT"

# ---- behaviour: proc_trigger
db=p_proc_trigger
q $db "INSERT INTO orderheader (orderid, status) VALUES (1, 1), (2, 1)" >/dev/null
q $db "INSERT INTO orderdetail VALUES (1, 1, 2, 10), (1, 2, 1, 5), (2, 1, 1, 1)" >/dev/null
is $db "SELECT string_agg(orderid || ':' || subtotal::numeric(10,2), ',' ORDER BY orderid) FROM orderheader" \
    "1:25.00,2:1.00" "AFTER INSERT trigger: subtotals from the inserted transition table"
q $db "DELETE FROM orderdetail WHERE orderid = 1 AND lineid = 2" >/dev/null
is $db "SELECT subtotal::numeric(10,2) FROM orderheader WHERE orderid = 1" "20.00" \
    "AFTER DELETE trigger: subtotal recomputed from the deleted transition table"
is $db "SELECT count(*) FROM auditlog WHERE action = 'delete'" "1" \
    "the DELETE event sees deleted rows and no inserted rows"
q $db "UPDATE orderheader SET status = 2 WHERE orderid = 1" >/dev/null
is $db "SELECT revision FROM orderheader WHERE orderid = 1" "1" \
    "UPDATE(Status): the revision is bumped once (the trigger does not fire itself again)"
q $db "UPDATE orderheader SET subtotal = subtotal WHERE orderid = 2" >/dev/null
is $db "SELECT revision FROM orderheader WHERE orderid = 2" "0" "UPDATE of another column: UPDATE(Status) is false"
fails $db "UPDATE orderheader SET status = 9 WHERE orderid = 2" "Status must be 5 or less" \
    "RAISERROR + ROLLBACK in a trigger: the statement fails"
is $db "SELECT status FROM orderheader WHERE orderid = 2" "1" "the failed update changed nothing"
q $db "DELETE FROM orderheader WHERE orderid = 2" >/dev/null
is $db "SELECT count(*) FROM orderheader WHERE orderid = 2" "1" "INSTEAD OF DELETE: the row is kept"
is $db "SELECT count(*) FROM auditlog WHERE action = 'refused'" "1" "INSTEAD OF DELETE: the body ran for the row"

# ---- behaviour: proc_cursor
db=p_proc_cursor
q $db "INSERT INTO item VALUES (1, 'apple', 1.00), (2, 'avocado', 20.00), (3, 'banana', 5.00)" >/dev/null
psql -X -q -d $db -c "CALL listitems(10)" >"$tmp/notice" 2>&1
if grep -q 'items: 2' "$tmp/notice" && grep -q '1: apple' "$tmp/notice" && grep -q '3: banana' "$tmp/notice"; then
    ok "ListItems: the @@FETCH_STATUS cursor loop visits the matching rows"
else
    not_ok "ListItems: the @@FETCH_STATUS cursor loop visits the matching rows"
    diag_file "$tmp/notice" 10
fi
is $db "SELECT string_agg(itemid::text, ',' ORDER BY itemid) FROM itemsunder(10)" "1,3" \
    "ItemsUnder: the multi-statement table-valued function returns its rows"
is $db "SELECT count(*) FROM itemsunder(NULL)" "0" "ItemsUnder(NULL): no rows"
is $db "SELECT string_agg(name, ',' ORDER BY itemid) FROM itemsnamed('a')" "apple,avocado" \
    "ItemsNamed: the inline table-valued function"
q $db "CALL cheapitems(); CALL cheapitems();" >/dev/null
is $db "SELECT price FROM item WHERE itemid = 1" "1.21" \
    "CheapItems twice in one session: the temporary tables are created again each call"

# ---- behaviour: proc_dynamic
db=p_proc_dynamic
q $db "CALL dyn(7, 'seven')" >/dev/null
is $db "SELECT itemid || ':' || name FROM item" "7:SEVEN" \
    "sp_executesql with named and positional parameters: EXECUTE ... USING ran both statements"
done_testing
