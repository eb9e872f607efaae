#!/bin/sh
# tests/db_module.sh: the live-database drivers are a module that sqlshift
# opens only when a command needs a server (src/db/db_module.h).
#  - the program links none of libpq, libmysqlclient, FreeTDS; the module does;
#  - converting never opens the module (works with SQLSHIFT_DB_MODULE
#    pointing nowhere, and the loader never maps libpq);
#  - a command that needs a server and finds no module, or a broken one,
#    says which file and why, with exit status 5;
#  - the module exports only sqlshift_db_module.
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
tmp=${tmp:?tests/setup.sh sets tmp}

module=$(dirname "$SQLSHIFT")/.libs/sqlshift_db.so
[ -f "$module" ] || bail_out "driver module not built: $module"

plan 11

deps=$(ldd "$SQLSHIFT")
if printf '%s\n' "$deps" | grep -Eq 'libpq|libmysqlclient|libmariadb|libsybdb'; then
    not_ok "sqlshift links no database client library"
    diag "$deps"
else
    ok "sqlshift links no database client library"
fi
mdeps=$(ldd "$module")
n=0
for lib in libpq 'libmysqlclient|libmariadb' libsybdb; do
    if printf '%s\n' "$mdeps" | grep -Eq "$lib"; then n=$((n + 1)); fi
done
check "the module links libpq, the MySQL client library and libsybdb" test "$n" -eq 3

syms=$(nm -D --defined-only "$module" | awk '{ print $3 }' | grep -v '^_' | tr '\n' ' ')
check "the module exports only sqlshift_db_module (got: $syms)" test "$syms" = "sqlshift_db_module "

printf 'CREATE TABLE t (a int);\n' >"$tmp/in.sql"
st=0
LD_DEBUG=libs SQLSHIFT_DB_MODULE=/nonexistent/sqlshift_db.so "$SQLSHIFT" convert -q -s tsql -t postgresql \
    -o "$tmp/out.sql" "$tmp/in.sql" 2>"$tmp/ld.txt" || st=$?
result $st "convert works without the module"
check "convert output is there" grep -q 'CREATE TABLE t' "$tmp/out.sql"
if ! grep -q 'calling init: .*libpcre2' "$tmp/ld.txt"; then
    not_ok "convert loads no database client library (no LD_DEBUG=libs trace)"
elif grep -Eq 'calling init: .*(libpq|libsybdb|libmysqlclient|libmariadb)' "$tmp/ld.txt"; then
    not_ok "convert loads no database client library"
    diag "$(grep -E 'calling init: .*(libpq|libsybdb|libmysqlclient|libmariadb)' "$tmp/ld.txt")"
else
    ok "convert loads no database client library"
fi

# needs_server EXPECTED-TEXT DESC: apply to a MySQL URL must fail with
# status 5 and a message holding EXPECTED-TEXT (no server is contacted).
needs_server() {
    ns_st=0
    "$SQLSHIFT" apply --to mysql://u@localhost/db "$tmp/in.sql" >"$tmp/out.txt" 2>"$tmp/err.txt" || ns_st=$?
    if [ "$ns_st" -eq 5 ] && grep -qF "$1" "$tmp/err.txt"; then
        ok "$2"
    else
        not_ok "$2 (status $ns_st)"
        diag_file "$tmp/err.txt"
    fi
}
SQLSHIFT_DB_MODULE=$tmp/none.so needs_server \
    "sqlshift: mysql://u@localhost/db: the database driver module $tmp/none.so (SQLSHIFT_DB_MODULE) does not exist" \
    "a missing module is named, status 5"
printf 'not a shared object\n' >"$tmp/bad.so"
SQLSHIFT_DB_MODULE=$tmp/bad.so needs_server "cannot load the database driver module $tmp/bad.so: " \
    "a broken module is named with the loader's reason, status 5"
# A shared object that is not the module: libc has no sqlshift_db_module.
libc=$(ldd "$SQLSHIFT" | awk '/libc\.so/ { print $3 }')
SQLSHIFT_DB_MODULE=$libc needs_server "does not belong to this sqlshift (no sqlshift_db_module)" \
    "a shared object without the table is refused, status 5"

st=0
SQLSHIFT_DB_MODULE=$tmp/none.so "$SQLSHIFT" convert -q -t postgresql --from 'mysql://u@localhost/db' \
    -o "$tmp/x.sql" 2>"$tmp/err.txt" || st=$?
if [ "$st" -eq 5 ] && grep -q 'SQLSHIFT_DB_MODULE' "$tmp/err.txt"; then
    ok "convert --from without the module: status 5"
else
    not_ok "convert --from without the module: status 5 (status $st)"
    diag_file "$tmp/err.txt"
fi

# With the module (found next to the program), the driver answers: a
# refused connection to a socket that does not exist, not a module error.
st=0
"$SQLSHIFT" apply --connect-timeout 2 --to "mysql://u@localhost/db?socket=$tmp/no.sock" "$tmp/in.sql" \
    2>"$tmp/err.txt" || st=$?
if [ "$st" -eq 5 ] && ! grep -q 'module' "$tmp/err.txt"; then
    ok "with the module the MySQL driver runs"
else
    not_ok "with the module the MySQL driver runs (status $st)"
    diag_file "$tmp/err.txt"
fi
