#!/bin/sh
# tests/cli.sh: the command line as documented in sqlshift(1) and
# sqlshift-convert(1): --version and --help, usage errors (status 2),
# unreadable inputs (status 3), convert to stdout, to a file and --split with
# install.sql, --fail-on, assess reports, directory walking order,
# determinism, input encodings, and error recovery with file:line:col
# messages. Small inline scripts only; runs in a few seconds.
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
tmp=${tmp:?tests/setup.sh sets tmp}

# the version of configure.ac's AC_INIT (0.1.0 when it cannot be read)
VERSION=$(sed -n 's/^AC_INIT(\[sqlshift\], *\[\([^]]*\)\].*/\1/p' "$top_srcdir/configure.ac" 2>/dev/null)
VERSION=${VERSION:-0.1.0}
timeout_cmd=
if command -v timeout >/dev/null 2>&1; then
    timeout_cmd=timeout
fi

# sq ARGS...: the program, killed after 60 s so that a hang fails the test.
sq() {
    if [ -n "$timeout_cmd" ]; then
        timeout 60 "$SQLSHIFT" "$@"
    else
        "$SQLSHIFT" "$@"
    fi
}

# run ARGS...: run with stdin from /dev/null; sets $rc, writes $tmp/out and $tmp/err.
run() {
    rc=0
    sq "$@" </dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# run_stdin FILE ARGS...: the same with stdin from FILE.
run_stdin() {
    _in=$1
    shift
    rc=0
    sq "$@" <"$_in" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# show_run: the status and the first lines of stdout and stderr, as diagnostics.
show_run() {
    diag "exit status $rc; stdout:"
    diag_file "$tmp/out" 15
    diag "stderr:"
    diag_file "$tmp/err" 15
}

# status_is N DESC: ok when the last run exited with N and left no sanitizer report.
status_is() {
    if sanitizer_report "$tmp/err"; then
        not_ok "$2 (sanitizer report)"
        diag_file "$tmp/err" 40
    elif [ "$rc" -eq "$1" ]; then
        ok "$2"
    else
        not_ok "$2"
        diag "expected exit status $1"
        show_run
    fi
}

# file_has FILE DESC [grep options] PATTERN: ok when grep finds PATTERN in FILE.
file_has() {
    _f=$1
    _d=$2
    shift 2
    if grep -q "$@" "$_f"; then
        ok "$_d"
    else
        not_ok "$_d"
        diag "no match for: $*"
        diag_file "$_f" 25
    fi
}

# line_starts FILE PREFIX: true when a line of FILE starts with the fixed string PREFIX.
line_starts() {
    awk -v p="$2" 'index($0, p) == 1 { f = 1 } END { exit !f }' "$1"
}

# ---------------------------------------------------------------- scripts
cat >"$tmp/table.sql" <<'EOF'
-- customers of the shop
CREATE TABLE dbo.Customers (
    id INT NOT NULL PRIMARY KEY,
    name NVARCHAR(50) NULL
);
GO
EOF

cat >"$tmp/proc.sql" <<'EOF'
CREATE TABLE dbo.T1 (a INT);
GO
CREATE PROCEDURE dbo.GetOne
AS
BEGIN
    -- DBCC inside stored code is not converted: the procedure stays verbatim
    DBCC CHECKIDENT ('dbo.T1');
    SELECT 1;
END
GO
EOF

# several kinds of objects, out of dependency order (v2 reads v1)
cat >"$tmp/mixed.sql" <<'EOF'
CREATE PROCEDURE dbo.GetCustomers
AS
    DBCC CHECKIDENT ('dbo.Customers');
    SELECT id, name FROM dbo.Customers;
GO
CREATE VIEW dbo.v2 AS SELECT id FROM dbo.v1;
GO
CREATE VIEW dbo.v1 AS SELECT id, name FROM dbo.Customers;
GO
CREATE INDEX ix_orders_customer ON dbo.Orders (customer_id);
GO
CREATE TABLE dbo.Customers (
    id INT NOT NULL PRIMARY KEY,
    name NVARCHAR(50) NULL
);
GO
CREATE TABLE dbo.Orders (
    id INT NOT NULL PRIMARY KEY,
    customer_id INT NOT NULL REFERENCES dbo.Customers (id)
);
GO
EOF

# ---------------------------------------------------------------- version, help
run --version
status_is 0 "--version exits 0"
if [ "$(cat "$tmp/out")" = "sqlshift $VERSION" ]; then
    ok "--version prints \"sqlshift $VERSION\""
else
    not_ok "--version prints \"sqlshift $VERSION\""
    show_run
fi

run -V
if [ "$rc" -eq 0 ] && [ "$(cat "$tmp/out")" = "sqlshift $VERSION" ]; then
    ok "-V prints the version"
else
    not_ok "-V prints the version"
    show_run
fi

run
status_is 2 "no command: exit 2"
file_has "$tmp/err" "no command: the usage on stderr" -e '^usage: '

run --help
status_is 0 "--help exits 0"
missing=
for c in convert assess rules parse lex; do
    grep -Eq "^ +$c " "$tmp/out" || missing="$missing $c"
done
if [ -z "$missing" ]; then
    ok "--help lists the commands convert, assess, rules, parse, lex"
else
    not_ok "--help lists the commands convert, assess, rules, parse, lex"
    diag "missing:$missing"
    show_run
fi

# help_lists CMD OPTION...: `sqlshift CMD --help` exits 0 and shows each OPTION.
help_lists() {
    _c=$1
    shift
    run "$_c" --help
    status_is 0 "$_c --help exits 0"
    _missing=
    for _o in "$@"; do
        grep -Eq -- "(^|[^A-Za-z0-9-])$_o([^A-Za-z0-9-]|\$)" "$tmp/out" || _missing="$_missing $_o"
    done
    if [ -z "$_missing" ]; then
        ok "$_c --help lists its options on stdout"
    else
        not_ok "$_c --help lists its options on stdout"
        diag "missing:$_missing"
        show_run
    fi
}

help_lists convert --source --target --output --split --report --rules --fail-on \
    --keep-case --quiet --verbose --help
help_lists assess --source --target --output --rules --fail-on --keep-case --quiet \
    --verbose --help
help_lists parse --source --help
help_lists lex --source --help
help_lists rules list show check

# ---------------------------------------------------------------- usage errors
run frobnicate
status_is 2 "unknown command: exit 2"
file_has "$tmp/err" "unknown command: the message names it" -F frobnicate

run convert --no-such-option -s tsql -t postgresql "$tmp/table.sql"
status_is 2 "unknown long option: exit 2"
file_has "$tmp/err" "unknown long option: the message names it" -F -- --no-such-option

run convert -Z -s tsql -t postgresql "$tmp/table.sql"
status_is 2 "unknown short option: exit 2"
file_has "$tmp/err" "unknown short option: the message names it" -F -- -Z

run convert -t postgresql "$tmp/table.sql"
status_is 2 "convert without -s: exit 2"
file_has "$tmp/err" "convert without -s: a message" -e 'sqlshift: '

run convert -s tsql "$tmp/table.sql"
status_is 2 "convert without -t: exit 2"
file_has "$tmp/err" "convert without -t: a message" -e 'sqlshift: '

run assess -s tsql "$tmp/table.sql"
status_is 2 "assess without -t: exit 2"

run convert -s cobol -t postgresql "$tmp/table.sql"
status_is 2 "unknown source dialect: exit 2"
file_has "$tmp/err" "unknown source dialect: the message names it" -F cobol

run convert -s postgresql -t mysql "$tmp/table.sql"
status_is 2 "postgresql is not a source dialect: exit 2"

run convert -s tsql -t oracle "$tmp/table.sql"
status_is 2 "unknown target dialect: exit 2"
file_has "$tmp/err" "unknown target dialect: the message names it" -F oracle

run convert -s tsql -t postgresql --fail-on urgent "$tmp/table.sql"
status_is 2 "unknown --fail-on severity: exit 2"
file_has "$tmp/err" "unknown severity: the message names it" -F urgent

run convert -s tsql -t postgresql
status_is 2 "convert without inputs: exit 2"

run convert -s tsql -t postgresql --split "$tmp/table.sql"
status_is 2 "--split without -o: exit 2"

run assess -s tsql -t postgresql "$tmp/table.sql"
status_is 2 "assess without -o: exit 2"

run parse "$tmp/table.sql"
status_is 2 "parse without -s: exit 2"

run convert -s MSSQL -t PG -o "$tmp/alias.sql" "$tmp/table.sql"
status_is 0 "dialect aliases, any case (-s MSSQL -t PG): exit 0"

# ---------------------------------------------------------------- unreadable input
run convert -s tsql -t postgresql "$tmp/no-such-file.sql"
status_is 3 "nonexistent input: exit 3"
file_has "$tmp/err" "nonexistent input: the message names the file" -F "$tmp/no-such-file.sql"

run convert -s tsql -t postgresql -o "$tmp/partial.sql" "$tmp/no-such-file.sql" "$tmp/table.sql"
status_is 3 "one of two inputs missing: exit 3"
if [ -f "$tmp/partial.sql" ] && grep -Fqx -- "-- input: $tmp/table.sql" "$tmp/partial.sql"; then
    ok "one of two inputs missing: the other is still converted"
else
    not_ok "one of two inputs missing: the other is still converted"
    diag_file "$tmp/partial.sql"
fi

# ---------------------------------------------------------------- internal errors (4)
run convert -s tsql -t postgresql -o "$tmp/no-such-dir/out.sql" "$tmp/table.sql"
status_is 4 "output that cannot be written: exit 4"
file_has "$tmp/err" "output that cannot be written: the message names it" -F "$tmp/no-such-dir/out.sql"

run convert -s tsql -t postgresql --rules "$tmp/no-such-rules.xml" "$tmp/table.sql"
status_is 4 "--rules FILE that cannot be read: exit 4"
file_has "$tmp/err" "--rules FILE that cannot be read: the message names it" -F "$tmp/no-such-rules.xml"

# ---------------------------------------------------------------- convert to stdout
run_stdin "$tmp/table.sql" convert -s tsql -t postgresql -
status_is 0 "convert from stdin (-): exit 0"
if [ "$(sed -n 1p "$tmp/out")" = "-- sqlshift $VERSION: tsql -> postgresql" ]; then
    ok "output starts with \"-- sqlshift $VERSION: tsql -> postgresql\""
else
    not_ok "output starts with \"-- sqlshift $VERSION: tsql -> postgresql\""
    show_run
fi
if [ "$(sed -n 2p "$tmp/out")" = "-- input: -" ]; then
    ok "second line is \"-- input: -\""
else
    not_ok "second line is \"-- input: -\""
    show_run
fi
file_has "$tmp/out" "object header \"-- table dbo.Customers (-:2:1)\"" -Fx -- "-- table dbo.Customers (-:2:1)"
file_has "$tmp/out" "the table is converted" -Ei '^create table .*customers'
file_has "$tmp/out" "the comment before the table is carried over" -F -- "-- customers of the shop"
last=$(grep -v '^--' "$tmp/out" | grep -v '^[[:space:]]*$' | tail -n 1)
case $last in
*";") ok "the last statement ends with ';'" ;;
*)
    not_ok "the last statement ends with ';'"
    diag "last statement line: $last"
    ;;
esac
cp "$tmp/out" "$tmp/stdout.sql"

# ---------------------------------------------------------------- -o FILE
run convert -s tsql -t postgresql -o "$tmp/o.sql" -
status_is 0 "convert of an empty standard input: exit 0"
run_stdin "$tmp/table.sql" convert -s tsql -t postgresql -o "$tmp/o.sql" -
status_is 0 "convert -o FILE: exit 0"
if [ -s "$tmp/o.sql" ] && cmp -s "$tmp/o.sql" "$tmp/stdout.sql"; then
    ok "-o FILE writes the same text as stdout"
else
    not_ok "-o FILE writes the same text as stdout"
    [ -f "$tmp/o.sql" ] && diff "$tmp/stdout.sql" "$tmp/o.sql" >"$tmp/diff" 2>&1
    diag_file "$tmp/diff"
fi
if [ ! -s "$tmp/out" ]; then
    ok "-o FILE: nothing on stdout"
else
    not_ok "-o FILE: nothing on stdout"
    diag_file "$tmp/out"
fi
if ls "$tmp"/o.sql.* >/dev/null 2>&1; then
    not_ok "-o FILE leaves no temporary file behind"
    diag "$(ls "$tmp"/o.sql.*)"
else
    ok "-o FILE leaves no temporary file behind"
fi

# ---------------------------------------------------------------- dependency order
run convert -s tsql -t postgresql -o "$tmp/mixed.out" "$tmp/mixed.sql"
status_is 0 "convert of a script with tables, index, views, procedure: exit 0"
# kinds of the headers in output order, one letter each, repeats squeezed
order=$(awk '/^-- (table|index|view|procedure) /{ printf "%s", substr($2, 1, 1) }' \
    "$tmp/mixed.out" 2>/dev/null | tr -s 'tivp')
case $order in
tivp) ok "dependency order: tables, index, views, procedure" ;;
*)
    not_ok "dependency order: tables, index, views, procedure"
    diag "header kinds in order, repeats squeezed: $order (expected tivp)"
    grep '^-- [a-z]' "$tmp/mixed.out" >"$tmp/headers" 2>/dev/null || :
    diag_file "$tmp/headers"
    ;;
esac
views=$(awk '/^-- view /{ print tolower($3) }' "$tmp/mixed.out" 2>/dev/null | tr '\n' ' ')
if [ "$views" = "dbo.v1 dbo.v2 " ]; then
    ok "a view comes after the view it reads"
else
    not_ok "a view comes after the view it reads"
    diag "views in order: $views"
fi

# ---------------------------------------------------------------- --split
run convert -s tsql -t postgresql --split -o "$tmp/split/out" "$tmp/mixed.sql"
status_is 0 "--split -o DIR: exit 0 (DIR and its parent created)"
# split_files DIR: the NNNN_*.sql names in DIR, sorted (LC_ALL=C), into
# $tmp/split.files; other names into $tmp/split.others.
split_files() {
    : >"$tmp/split.files"
    : >"$tmp/split.others"
    for _p in "$1"/*; do
        [ -e "$_p" ] || continue
        _b=${_p##*/}
        case $_b in
        [0-9][0-9][0-9][0-9]_*.sql) echo "$_b" >>"$tmp/split.files" ;;
        *) echo "$_b" >>"$tmp/split.others" ;;
        esac
    done
}
split_files "$tmp/split/out"
nfiles=$(wc -l <"$tmp/split.files" | tr -d ' ')
if [ "$nfiles" -ge 6 ]; then
    ok "--split writes NNNN_*.sql files (one per object: $nfiles)"
else
    not_ok "--split writes NNNN_*.sql files (one per object)"
    diag "files: $(tr '\n' ' ' <"$tmp/split.files")"
fi
bad_names=$(grep -Ev '^[0-9]{4}_[a-z0-9_.$-]+\.sql$' "$tmp/split.files" | tr '\n' ' ' || :)
if [ -z "$bad_names" ]; then
    ok "--split file names are NNNN_ and lower case [a-z0-9_.\$-] only"
else
    not_ok "--split file names are NNNN_ and lower case [a-z0-9_.\$-] only"
    diag "bad names: $bad_names"
fi
others=$(tr '\n' ' ' <"$tmp/split.others")
if [ "$others" = "install.sql " ]; then
    ok "--split writes install.sql and nothing else"
else
    not_ok "--split writes install.sql and nothing else"
    diag "other files: $others"
fi
install=$tmp/split/out/install.sql
if [ -f "$install" ] && sed -n 1p "$install" | grep -q '^-- sqlshift '; then
    ok "install.sql starts with a comment line"
else
    not_ok "install.sql starts with a comment line"
    [ -f "$install" ] && diag_file "$install"
fi
# Every "\ir FILE" line, in order, against the NNNN_ files sorted by name.
if [ -f "$install" ]; then
    sed -n 's/^\\ir //p' "$install" >"$tmp/split.listed"
else
    : >"$tmp/split.listed"
fi
if [ "$nfiles" -gt 0 ] && cmp -s "$tmp/split.listed" "$tmp/split.files"; then
    ok "install.sql has one \\ir line per file, in NNNN order"
else
    not_ok "install.sql has one \\ir line per file, in NNNN order"
    diff "$tmp/split.files" "$tmp/split.listed" >"$tmp/diff" 2>&1 || :
    diag_file "$tmp/diff"
fi
rest=$(grep -v '^--' "$install" 2>/dev/null | grep -cv '^\\ir ' || :)
if [ "${rest:-0}" -eq 0 ]; then
    ok "install.sql holds only comments and \\ir lines"
else
    not_ok "install.sql holds only comments and \\ir lines"
    diag_file "$install"
fi
# numbering: 0001, 0002, ... without gaps
n=0
gaps=0
while IFS= read -r f; do
    n=$((n + 1))
    [ "${f%%_*}" = "$(printf '%04d' "$n")" ] || gaps=1
done <"$tmp/split.files"
result $gaps "--split files are numbered 0001, 0002, ... without gaps"
proc_file=$(grep '_procedure_' "$tmp/split.files" | head -n 1)
if [ -n "$proc_file" ] && grep -q '^-- | ' "$tmp/split/out/$proc_file"; then
    ok "--split: the procedure kept verbatim still has its file ($proc_file)"
else
    not_ok "--split: the procedure kept verbatim still has its file"
    diag "files: $(tr '\n' ' ' <"$tmp/split.files")"
fi

run convert -s tsql -t mysql --split -o "$tmp/split-my" "$tmp/mixed.sql"
status_is 0 "--split to MySQL: exit 0"
if [ -f "$tmp/split-my/install.sql" ] && grep -q '^source [0-9][0-9][0-9][0-9]_' "$tmp/split-my/install.sql" &&
    ! grep -q '^\\ir ' "$tmp/split-my/install.sql"; then
    ok "--split to MySQL: install.sql uses source lines"
else
    not_ok "--split to MySQL: install.sql uses source lines"
    [ -f "$tmp/split-my/install.sql" ] && diag_file "$tmp/split-my/install.sql"
fi

# ---------------------------------------------------------------- --fail-on
run convert -s tsql -t postgresql --fail-on high "$tmp/proc.sql"
status_is 1 "--fail-on high with a procedure (SS4001, high): exit 1"
file_has "$tmp/out" "the procedure is kept verbatim as \"-- | \" lines" -Fx -- "-- | CREATE PROCEDURE dbo.GetOne"
file_has "$tmp/out" "the action item SS4001 is named next to it" -F SS4001
file_has "$tmp/err" "stderr: \"file:line:col: high[SS4001]: ...\"" -F "$tmp/proc.sql:3:1: high[SS4001]: "
file_has "$tmp/out" "the table before the procedure is converted" -Ei '^create table .*t1'

run convert -s tsql -t postgresql "$tmp/proc.sql"
status_is 0 "a procedure without --fail-on: exit 0"

run convert -s tsql -t postgresql --fail-on high "$tmp/table.sql"
status_is 0 "--fail-on high with no high item: exit 0"

run convert -q -s tsql -t postgresql --fail-on high "$tmp/proc.sql"
status_is 1 "--fail-on high with -q: exit 1"
if [ ! -s "$tmp/err" ]; then
    ok "-q: nothing on stderr"
else
    not_ok "-q: nothing on stderr"
    diag_file "$tmp/err"
fi

run convert -s tsql -t postgresql "$tmp/proc.sql"
if grep -Eq '^sqlshift: [0-9]+ objects, [0-9]+ action items \(critical [0-9]+, high [0-9]+, medium [0-9]+, low [0-9]+, info [0-9]+\)$' "$tmp/err"; then
    ok "summary line on stderr"
else
    not_ok "summary line on stderr"
    diag_file "$tmp/err"
fi

# ---------------------------------------------------------------- assess, --report
report_files="summary.csv action_items.csv objects.csv report.html report.json"
# has_reports DIR DESC
has_reports() {
    _miss=
    for _r in $report_files; do
        [ -s "$1/$_r" ] || _miss="$_miss $_r"
    done
    if [ -z "$_miss" ]; then
        ok "$2"
    else
        not_ok "$2"
        diag "missing or empty:$_miss"
        diag "in $1: $(cd "$1" 2>/dev/null && echo *)"
    fi
}

run assess -s tsql -t postgresql -o "$tmp/assess" "$tmp/mixed.sql"
status_is 0 "assess -o DIR: exit 0"
has_reports "$tmp/assess" "assess -o DIR writes $report_files"
if [ ! -s "$tmp/out" ]; then
    ok "assess writes no SQL to stdout"
else
    not_ok "assess writes no SQL to stdout"
    diag_file "$tmp/out"
fi

run convert -s tsql -t postgresql -o "$tmp/r.sql" --report "$tmp/report" "$tmp/mixed.sql"
status_is 0 "convert --report DIR: exit 0"
has_reports "$tmp/report" "convert --report DIR writes $report_files"

run assess -s tsql -t postgresql --fail-on high -o "$tmp/assess2" "$tmp/proc.sql"
status_is 1 "assess --fail-on high with a procedure: exit 1"

# ---------------------------------------------------------------- directory input
mkdir -p "$tmp/dir/sub"
printf 'CREATE TABLE tb (b INT);\n' >"$tmp/dir/b.sql"
printf 'CREATE TABLE ta (a INT);\n' >"$tmp/dir/a.sql"
printf 'CREATE TABLE tc (c INT);\n' >"$tmp/dir/sub/c.SQL"
printf 'not sql at all (\n' >"$tmp/dir/notes.txt"
run convert -s tsql -t postgresql "$tmp/dir"
status_is 0 "a directory as input: exit 0"
grep '^-- input: ' "$tmp/out" >"$tmp/inputs" || :
for f in a.sql b.sql sub/c.SQL; do
    echo "-- input: $tmp/dir/$f"
done >"$tmp/inputs.want"
if cmp -s "$tmp/inputs" "$tmp/inputs.want"; then
    ok "a directory is walked in sorted order, recursively, .sql in any case only"
else
    not_ok "a directory is walked in sorted order, recursively, .sql in any case only"
    diff "$tmp/inputs.want" "$tmp/inputs" >"$tmp/diff" 2>&1 || :
    diag_file "$tmp/diff"
fi
tables=$(awk '/^-- table /{ print $3 }' "$tmp/out" | tr '\n' ' ')
if [ "$tables" = "ta tb tc " ]; then
    ok "tables of a walked directory come in file order"
else
    not_ok "tables of a walked directory come in file order"
    diag "tables: $tables"
fi

# ---------------------------------------------------------------- determinism
run convert -s tsql -t postgresql "$tmp/mixed.sql" "$tmp/proc.sql"
cp "$tmp/out" "$tmp/det1"
run convert -s tsql -t postgresql "$tmp/mixed.sql" "$tmp/proc.sql"
if [ -s "$tmp/det1" ] && cmp -s "$tmp/det1" "$tmp/out"; then
    ok "the same input twice gives byte-identical output"
else
    not_ok "the same input twice gives byte-identical output"
    diff "$tmp/det1" "$tmp/out" >"$tmp/diff" 2>&1 || :
    diag_file "$tmp/diff"
fi
run convert -s tsql -t postgresql --split -o "$tmp/det-a" "$tmp/mixed.sql"
run convert -s tsql -t postgresql --split -o "$tmp/det-b" "$tmp/mixed.sql"
if [ -f "$tmp/det-a/install.sql" ] && diff -r "$tmp/det-a" "$tmp/det-b" >"$tmp/diff" 2>&1; then
    ok "--split twice gives byte-identical files"
else
    not_ok "--split twice gives byte-identical files"
    diag_file "$tmp/diff"
fi

run assess -s tsql -t postgresql -o "$tmp/det-ra" "$tmp/mixed.sql" "$tmp/proc.sql"
run assess -s tsql -t postgresql -o "$tmp/det-rb" "$tmp/mixed.sql" "$tmp/proc.sql"
if [ -f "$tmp/det-ra/report.json" ] && diff -r "$tmp/det-ra" "$tmp/det-rb" >"$tmp/diff" 2>&1; then
    ok "assess twice gives byte-identical reports"
else
    not_ok "assess twice gives byte-identical reports"
    diag_file "$tmp/diff"
fi

# ---------------------------------------------------------------- encodings
# The same script as UTF-8 LF, UTF-8 with BOM and CRLF, UTF-16LE and UTF-16BE
# with BOM and CRLF: the same output (each read as "db.sql" from its folder).
mkdir -p "$tmp/enc/utf8" "$tmp/enc/bom" "$tmp/enc/le" "$tmp/enc/be"
cp "$tmp/table.sql" "$tmp/enc/utf8/db.sql"
{ printf '\357\273\277'; sed 's/$/\r/' "$tmp/table.sql"; } >"$tmp/enc/bom/db.sql"
( cd "$tmp/enc/utf8" && sq convert -s tsql -t postgresql db.sql ) >"$tmp/enc/utf8.out" 2>/dev/null || :
( cd "$tmp/enc/bom" && sq convert -s tsql -t postgresql db.sql ) >"$tmp/enc/bom.out" 2>/dev/null || :
if [ -s "$tmp/enc/utf8.out" ] && cmp -s "$tmp/enc/utf8.out" "$tmp/enc/bom.out"; then
    ok "UTF-8 with BOM and CRLF converts like UTF-8 with LF"
else
    not_ok "UTF-8 with BOM and CRLF converts like UTF-8 with LF"
    diff "$tmp/enc/utf8.out" "$tmp/enc/bom.out" >"$tmp/diff" 2>&1 || :
    diag_file "$tmp/diff"
fi
if command -v iconv >/dev/null 2>&1; then
    { printf '\377\376'; sed 's/$/\r/' "$tmp/table.sql" | iconv -f UTF-8 -t UTF-16LE; } >"$tmp/enc/le/db.sql"
    { printf '\376\377'; sed 's/$/\r/' "$tmp/table.sql" | iconv -f UTF-8 -t UTF-16BE; } >"$tmp/enc/be/db.sql"
    for e in le be; do
        name=UTF-16LE
        [ "$e" = le ] || name=UTF-16BE
        ( cd "$tmp/enc/$e" && sq convert -s tsql -t postgresql db.sql ) >"$tmp/enc/$e.out" 2>"$tmp/enc/$e.err" || :
        if [ -s "$tmp/enc/utf8.out" ] && cmp -s "$tmp/enc/utf8.out" "$tmp/enc/$e.out"; then
            ok "$name with BOM and CRLF converts like UTF-8"
        else
            not_ok "$name with BOM and CRLF converts like UTF-8"
            diff "$tmp/enc/utf8.out" "$tmp/enc/$e.out" >"$tmp/diff" 2>&1 || :
            diag_file "$tmp/diff"
            diag_file "$tmp/enc/$e.err"
        fi
    done
else
    skip "iconv not found: no UTF-16 input" 2
fi

# ---------------------------------------------------------------- script-level syntax
# no_parse_errors DESC: ok when the last run printed no SS00nn (input and
# parsing) item on stderr.
no_parse_errors() {
    if grep -q '\[SS00[0-9][0-9]\]' "$tmp/err"; then
        not_ok "$1"
        diag_file "$tmp/err"
    else
        ok "$1"
    fi
}

mkdir -p "$tmp/script"
cat >"$tmp/script/my.sql" <<'EOF'
/*!40101 SET NAMES utf8 */;
CREATE TABLE t1 (a INT);
DELIMITER $$
CREATE PROCEDURE p1()
BEGIN
  SELECT 1;
  SELECT 2;
END$$
DELIMITER ;
CREATE TABLE t2 (b INT);
EOF
run convert -v -s mysql -t postgresql "$tmp/script/my.sql"
status_is 0 "MySQL DELIMITER and version comment: exit 0"
no_parse_errors "MySQL DELIMITER and version comment: no input or parse errors"
file_has "$tmp/out" "MySQL DELIMITER: the procedure is one object" -Fx -- "-- procedure p1 ($tmp/script/my.sql:4:1)"
file_has "$tmp/out" "MySQL DELIMITER: the whole body is kept verbatim" -Fx -- "-- |   SELECT 2;"
file_has "$tmp/out" "MySQL DELIMITER: the statement after DELIMITER ; is converted" -Ei '^create table t2'
file_has "$tmp/out" "MySQL version comment: its statement is not lost" -F "SET NAMES utf8"

cat >"$tmp/script/ora.sql" <<'EOF'
REM a SQL*Plus script
SET DEFINE OFF
PROMPT creating tables
CREATE TABLE t1 (a NUMBER(10));
CREATE OR REPLACE PROCEDURE p1 AS
BEGIN
  NULL;
END;
/
CREATE TABLE t2 (b VARCHAR2(10));
EXIT
EOF
run convert -v -s oracle -t postgresql "$tmp/script/ora.sql"
status_is 0 "SQL*Plus lines and /: exit 0"
no_parse_errors "SQL*Plus lines and /: no input or parse errors"
file_has "$tmp/out" "SQL*Plus: the PL/SQL unit up to / is one object" -Fx -- "-- procedure p1 ($tmp/script/ora.sql:5:1)"
file_has "$tmp/out" "SQL*Plus: the statement after / is converted" -Ei '^create table t2'
file_has "$tmp/err" "SQL*Plus: the commands are reported (SS7005)" -F "$tmp/script/ora.sql:2:1: info[SS7005]: "

printf ':setvar db test\r\nGO\r\nCREATE TABLE t1 (a INT)\r\nGO\r\n:r other.sql\r\nCREATE TABLE t2 (b INT)\r\ngo 2\r\n' >"$tmp/script/cmd.sql"
run convert -v -s tsql -t postgresql "$tmp/script/cmd.sql"
status_is 0 "sqlcmd lines, GO batches, CRLF: exit 0"
no_parse_errors "sqlcmd lines, GO batches, CRLF: no input or parse errors"
file_has "$tmp/out" "sqlcmd lines: the table after :r is converted" -Ei '^create table t2'
file_has "$tmp/err" "sqlcmd lines: :r is reported (SS7004)" -F "$tmp/script/cmd.sql:5:1: medium[SS7004]: "

# ---------------------------------------------------------------- bad input
# An unterminated string runs to the end of its input: reported at the
# opening quote, and the run goes on with the next input.
mkdir -p "$tmp/bad"
bad_line='CREATE TABLE t2 (a VARCHAR(10) DEFAULT '
printf 'CREATE TABLE t1 (a INT);\n%s%s\nCREATE TABLE t3 (b INT);\n' "$bad_line" "'oops);" >"$tmp/bad/a_bad.sql"
printf 'CREATE TABLE t4 (c INT);\n' >"$tmp/bad/b_good.sql"
col=$((${#bad_line} + 1))
run convert -s tsql -t postgresql "$tmp/bad/a_bad.sql" "$tmp/bad/b_good.sql"
status_is 0 "unterminated string: exit 0 (the input could be read)"
if grep -Eq "^[^:]+:[0-9]+:[0-9]+: " "$tmp/err" && line_starts "$tmp/err" "$tmp/bad/a_bad.sql:2:$col: "; then
    ok "unterminated string: \"FILE:LINE:COL: \" message at the opening quote (2:$col)"
else
    not_ok "unterminated string: \"FILE:LINE:COL: \" message at the opening quote (2:$col)"
    diag_file "$tmp/err"
fi
file_has "$tmp/out" "unterminated string: the statement before it is converted" -Ei '^create table t1'
file_has "$tmp/out" "unterminated string: the run goes on with the next input" -Ei '^create table t4'

# A syntax error in the middle of a script: reported, kept verbatim, and the
# next statement of the same script is converted.
printf 'CREATE TABLE a1 (x INT);\nSELECT FROM WHERE;\nCREATE TABLE a2 (y INT);\n' >"$tmp/bad/syntax.sql"
run convert -s tsql -t postgresql "$tmp/bad/syntax.sql"
status_is 0 "syntax error: exit 0"
if awk -v p="$tmp/bad/syntax.sql:2:" 'index($0, p) == 1 { print substr($0, length(p) + 1) }' "$tmp/err" |
    grep -Eq '^[0-9]+: [a-z]+\[SS0[0-9]{3}\]: '; then
    ok "syntax error: \"FILE:2:COL: severity[SS0nnn]: \" message"
else
    not_ok "syntax error: \"FILE:2:COL: severity[SS0nnn]: \" message"
    diag_file "$tmp/err"
fi
file_has "$tmp/out" "syntax error: the bad statement is kept verbatim" -F -- "-- | SELECT FROM WHERE"
file_has "$tmp/out" "syntax error: the next statement is converted" -Ei '^create table a2'

# -o naming something that is not a regular file (a FIFO here; /dev/null
# alike) is written in place: a temporary file renamed over it would
# replace it (as root, /dev/null itself).
mkfifo "$tmp/fifo"
cat "$tmp/fifo" >"$tmp/fifo.out" &
reader=$!
run convert -q -s tsql -t postgresql -o "$tmp/fifo" "$tmp/bad/syntax.sql"
# without the fix the reader would wait for a writer forever
if kill -0 "$reader" 2>/dev/null; then sleep 1; kill "$reader" 2>/dev/null || true; fi
wait "$reader" || true
status_is 0 "-o FIFO: exit 0"
check "-o FIFO: still a FIFO" test -p "$tmp/fifo"
file_has "$tmp/fifo.out" "-o FIFO: the output went through it" -Ei '^create table a2'

done_testing
