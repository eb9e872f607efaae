#!/bin/bash
# tests/db_extract.sh: `sqlshift extract` and `convert --from` against a
# throwaway MariaDB (tests/lib/servers.sh), with the round trip to a
# throwaway PostgreSQL:
#   - the MySQL corpus (sakila schema, employees schema and objects) is
#     loaded into MariaDB, extracted twice (byte-identical), converted with
#     `convert -s mysql -t postgresql --split` and applied file by file with
#     psql; every extracted table must exist on PostgreSQL with the columns
#     and types the MySQL -> PostgreSQL mapping gives (expected list derived
#     from MariaDB's information_schema), every index with its columns, and
#     every view must exist with its columns or be reported as rejected by
#     PostgreSQL (nothing silently missing);
#   - objects named with backticks, quotes and semicolons are extracted
#     exactly: loading the extract into an empty database gives the same
#     SHOW CREATE output;
#   - --schema / --include / --exclude, one-script output, stdout;
#   - connection errors (missing socket, unknown database, refused login,
#     no driver): one line naming the server, exit 5, no output left;
#   - `convert --from URL` gives what extract + convert give.
# Round-trip figures are printed as diagnostics ("# sakila: tables ...").

. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
. "$top_srcdir/tests/lib/servers.sh"
set +e # exit statuses are checked one by one below

corpus=${CORPUS_DIR:-$top_srcdir/tests/corpus}/mysql
export SERVER_CLIENT_TIMEOUT=${SERVER_CLIENT_TIMEOUT:-120}

st=0
maria_start || st=$?
if [ "$st" -ne 0 ]; then
    skip_all "$SERVER_SKIP_REASON"
fi

url() { # url DB: the URL of a database of the test server
    printf 'mysql://root@localhost/%s?socket=%s' "$1" "$MARIA_SOCKET"
}

# ---- load the corpus --------------------------------------------------------
# employees.sql `source`s its data dumps: the schema part is enough here.
if maria_sql "" <"$corpus/sakila-schema.sql" >"$tmp/load.log" 2>&1 &&
    grep -v '^source ' "$corpus/employees.sql" | maria_sql "" >>"$tmp/load.log" 2>&1 &&
    maria_sql employees <"$corpus/employees_objects.sql" >>"$tmp/load.log" 2>&1; then
    ok "MariaDB: the MySQL corpus (sakila, employees) loaded"
else
    diag_file "$tmp/load.log"
    bail_out "could not load the MySQL corpus into MariaDB"
fi

# Awkward names: backticks, double quotes, semicolons, spaces; a view on a
# view whose name sorts first; a routine whose body holds ";;"; triggers
# whose firing order is not their name order; AUTO_INCREMENT counters.
cat >"$tmp/weird.sql" <<'EOF'
CREATE DATABASE `we;ird`;
USE `we;ird`;
CREATE TABLE `a``b"c;d` (`id` int PRIMARY KEY, `x y` varchar(10) DEFAULT 'a;b', KEY `k;1` (`x y`));
CREATE TABLE t2 (id int PRIMARY KEY AUTO_INCREMENT, v int, KEY k_v (v));
INSERT INTO t2 (v) VALUES (1), (2), (3);
CREATE TABLE log (msg varchar(100));
CREATE VIEW `v_base` AS SELECT id, v FROM t2;
CREATE VIEW `a_top` AS SELECT v.id, 'from `v_base`' AS s FROM v_base v;
CREATE VIEW `q"v;` AS SELECT `id` FROM `a``b"c;d`;
DELIMITER //
CREATE PROCEDURE `p;x`(IN n int) BEGIN SELECT 'a;;b' AS s, n; END //
CREATE TRIGGER `z_first` BEFORE INSERT ON t2 FOR EACH ROW BEGIN INSERT INTO log VALUES ('z'); END //
CREATE TRIGGER `a_second` BEFORE INSERT ON t2 FOR EACH ROW FOLLOWS `z_first` BEGIN INSERT INTO log VALUES ('a'); END //
DELIMITER ;
CREATE EVENT `e;1` ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO DELETE FROM log;
CREATE SEQUENCE `s"1` START WITH 100 INCREMENT BY 5;
EOF
if maria_sql "" <"$tmp/weird.sql" >"$tmp/weird.log" 2>&1; then
    ok "MariaDB: a database of awkward names created"
else
    diag_file "$tmp/weird.log"
    bail_out "could not create the awkward-names database"
fi

# ---- extract: determinism ----------------------------------------------------
for db in sakila employees; do
    "$SQLSHIFT" extract --from "$(url $db)" -o "$tmp/x1_$db" 2>"$tmp/x.err" || true
    "$SQLSHIFT" extract --from "$(url $db)" -o "$tmp/x2_$db" 2>>"$tmp/x.err" || true
    if [ -f "$tmp/x1_$db/manifest.tsv" ] && diff -r "$tmp/x1_$db" "$tmp/x2_$db" >"$tmp/diff.out" 2>&1; then
        ok "$db: two extracts are byte-identical ($(find "$tmp/x1_$db" -name '*.sql' | wc -l) object files)"
    else
        not_ok "$db: two extracts are byte-identical"
        diag_file "$tmp/x.err"
        diag_file "$tmp/diff.out"
    fi
done

# The manifest lists every file in order, with kinds in creation order.
awk -F'\t' '!/^#/ && $1 != "position" { print $5 }' "$tmp/x1_sakila/manifest.tsv" >"$tmp/man.files"
(cd "$tmp/x1_sakila" && ls -- *.sql) >"$tmp/dir.files"
check "sakila: manifest.tsv lists every object file, in file-name order" cmp -s "$tmp/man.files" "$tmp/dir.files"
counts=$(awk -F'\t' '!/^#/ && $1 != "position" { n[$2]++ } END { printf "%d %d %d %d %d", n["table"], n["view"], n["function"], n["procedure"], n["trigger"] }' "$tmp/x1_sakila/manifest.tsv")
exp=$(maria_sql "" -N -e "SELECT (SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA='sakila' AND TABLE_TYPE='BASE TABLE'),
    (SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA='sakila'),
    (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA='sakila' AND ROUTINE_TYPE='FUNCTION'),
    (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA='sakila' AND ROUTINE_TYPE='PROCEDURE'),
    (SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA='sakila')" | tr '\t' ' ')
result "$([ "$counts" = "$exp" ]; echo $?)" "sakila: tables, views, functions, procedures, triggers extracted: $counts (server: $exp)"
if grep -l 'AUTO_INCREMENT=' "$tmp"/x1_*/*.sql >/dev/null 2>&1 || grep -l 'DEFINER=' "$tmp"/x1_*/*.sql >/dev/null 2>&1; then
    not_ok "no AUTO_INCREMENT=N counter and no DEFINER clause in the extracted scripts"
else
    ok "no AUTO_INCREMENT=N counter and no DEFINER clause in the extracted scripts"
fi
check "the removed DEFINER is recorded in the manifest's note column" \
    grep -q "	DEFINER=\`root\`@\`localhost\` removed\$" "$tmp/x1_sakila/manifest.tsv"

# ---- awkward names: extracted exactly -----------------------------------------
"$SQLSHIFT" extract --from "$(url 'we%3Bird')" -o "$tmp/xw" 2>"$tmp/xw.err"
result $? "extract of the database \`we;ird\` (URL-escaped name)"
diag_file "$tmp/xw.err"
# view order: a_top needs v_base although it sorts first
check "a view on a view comes after the view it reads (manifest dependency)" \
    awk -F'\t' '$4 == "v_base" { b = $1 } $4 == "a_top" { t = $1; d = $6 } END { exit !(b < t && d == "we;ird.v_base") }' "$tmp/xw/manifest.tsv"
check "triggers keep their firing order (a_second after z_first)" \
    awk -F'\t' '$4 == "z_first" { z = $1 } $4 == "a_second" { a = $1 } END { exit !(z < a) }' "$tmp/xw/manifest.tsv"
got=$(awk -F'\t' '!/^#/ && $1 != "position" { printf "%s ", $2 }' "$tmp/xw/manifest.tsv")
result "$([ "$got" = "sequence table table table procedure view view view trigger trigger event " ]; echo $?)" \
    "every kind in creation order: $got"
check "the manifest holds the names exactly" \
    grep -q "	we;ird	a\`b\"c;d	" "$tmp/xw/manifest.tsv"
# Load the extract into an empty database: the same objects must come back.
echo 'CREATE DATABASE `copy;db`' | maria_sql ""
st=0
for f in "$tmp"/xw/*.sql; do
    maria_sql 'copy;db' <"$f" >>"$tmp/copy.log" 2>&1 || { st=1; diag "$(basename "$f"): $(tail -n 1 "$tmp/copy.log")"; }
done
result "$st" "the extracted scripts of \`we;ird\` load into an empty database"
show_all() { # show_all DB: SHOW CREATE of every object, database name blanked
    maria_sql "$1" -N -e "SELECT TABLE_TYPE, TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME" </dev/null |
        while IFS="$(printf '\t')" read -r type name; do
            q=$(printf '%s' "$name" | sed 's/`/``/g')
            case $type in VIEW) k=VIEW ;; *) k=TABLE ;; esac
            maria_sql "$1" -N -e "SHOW CREATE $k \`$q\`" </dev/null | cut -f2
        done
    for k in PROCEDURE TRIGGER; do
        maria_sql "$1" -N -e "SHOW $k STATUS WHERE Db = DATABASE()" 2>/dev/null | cut -f2
    done
    maria_sql "$1" -N -e "SELECT TRIGGER_NAME, ACTION_ORDER, ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1"
    maria_sql "$1" -N -e "SELECT ROUTINE_NAME, ROUTINE_DEFINITION FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1"
    maria_sql "$1" -N -e "SELECT EVENT_NAME, EVENT_DEFINITION, INTERVAL_VALUE, INTERVAL_FIELD, STARTS, STATUS FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1"
}
show_all 'we;ird' | sed -e 's/`we;ird`\.//g' -e 's/ AUTO_INCREMENT=[0-9]*//' >"$tmp/orig.show"
show_all 'copy;db' | sed -e 's/`copy;db`\.//g' >"$tmp/copy.show"
if [ -s "$tmp/orig.show" ] && diff "$tmp/orig.show" "$tmp/copy.show" >"$tmp/show.diff"; then
    ok "awkward names: the reloaded extract has the same definitions ($(wc -l <"$tmp/orig.show") lines of SHOW CREATE)"
else
    not_ok "awkward names: the reloaded extract has the same definitions"
    diag_file "$tmp/show.diff" 30
fi
check "the routine body holding ';;' is delimited by another delimiter" \
    grep -q '^DELIMITER \$\$$' "$tmp"/xw/*procedure*

# ---- selections ----------------------------------------------------------------
"$SQLSHIFT" extract --from "$(url sakila)" --include 'film.*' --exclude 'film_text' -o "$tmp/xi" 2>/dev/null
got=$(awk -F'\t' '!/^#/ && $1 != "position" { print $4 }' "$tmp/xi/manifest.tsv" | sort | tr '\n' ' ')
result "$([ "$got" = "film film_actor film_category film_in_stock film_list film_not_in_stock " ]; echo $?)" \
    "--include 'film.*' --exclude film_text: anchored patterns ($got)"
"$SQLSHIFT" extract --from "$(url sakila)" --include 'sakila\.actor' -o "$tmp/xq" 2>/dev/null
got=$(awk -F'\t' '!/^#/ && $1 != "position" { print $4 }' "$tmp/xq/manifest.tsv" | tr '\n' ' ')
result "$([ "$got" = "actor " ]; echo $?)" "--include matches schema.name ($got)"
"$SQLSHIFT" extract --from "mysql://root@localhost/?socket=$MARIA_SOCKET" --schema 'sakila|we;ird' -o "$tmp/xs" 2>/dev/null
got=$(awk -F'\t' '!/^#/ && $1 != "position" { print $3 }' "$tmp/xs/manifest.tsv" | sort -u | tr '\n' ' ')
result "$([ "$got" = "sakila we;ird " ]; echo $?)" "--schema selects databases by pattern ($got)"
check "several databases: names are qualified with their database" \
    grep -q '^CREATE TABLE `we;ird`\.`a``b"c;d` (' "$tmp/xs/0001_table_sakila.actor.sql" "$tmp"/xs/*_table_we_ird.a_b_c_d.sql
"$SQLSHIFT" extract --from "$(url sakila)" --include '(' -o "$tmp/xbad" 2>"$tmp/bad.err"
st=$?
result "$([ $st -eq 2 ] && grep -q 'bad pattern' "$tmp/bad.err" && [ ! -e "$tmp/xbad" ]; echo $?)" \
    "a bad pattern: exit 2 ($st), said, nothing written"

# ---- one script, stdout ---------------------------------------------------------
"$SQLSHIFT" extract --from "$(url sakila)" -o "$tmp/one.sql" 2>/dev/null
"$SQLSHIFT" extract --from "$(url sakila)" >"$tmp/stdout.sql" 2>/dev/null
(cd "$tmp/x1_sakila" && cat -- *.sql) >"$tmp/cat.sql"
check "-o FILE.sql: one script, the object files in order" cmp -s "$tmp/one.sql" "$tmp/cat.sql"
check "no -o: the same script on standard output" cmp -s "$tmp/one.sql" "$tmp/stdout.sql"
"$SQLSHIFT" extract -v --from "$(url sakila)" -o "$tmp/xv" 2>"$tmp/v.err" >/dev/null
check "-v: progress and a summary on stderr" grep -q '^extract: 32/32 objects$' "$tmp/v.err"
mkdir "$tmp/mine" && echo keep >"$tmp/mine/notes.txt"
"$SQLSHIFT" extract --from "$(url sakila)" -o "$tmp/mine" 2>"$tmp/mine.err"
st=$?
result "$([ $st -eq 2 ] && [ "$(cat "$tmp/mine/notes.txt")" = keep ] && [ "$(ls "$tmp/mine")" = notes.txt ]; echo $?)" \
    "a folder that is not an earlier extract is not replaced (exit $st)"
"$SQLSHIFT" extract --from "$(url employees)" -o "$tmp/x1_sakila" 2>/dev/null
check "an earlier extract folder is replaced as a whole" \
    sh -c "! ls '$tmp/x1_sakila' | grep -q sakila && ls '$tmp/x1_sakila' | grep -q employees"
"$SQLSHIFT" extract --from "$(url sakila)" -o "$tmp/x1_sakila" 2>/dev/null

# ---- connection errors: one line, exit 5, nothing written --------------------------
echo "CREATE USER 'pw'@'localhost' IDENTIFIED BY 's3cret'; GRANT ALL ON sakila.* TO 'pw'@'localhost';" | maria_sql ""
conn_fail() { # conn_fail DESC PATTERN URL [ENV=VAL | OPTION]...: must fail with exit 5
    local desc=$1 pat=$2 u=$3
    shift 3
    rm -rf "$tmp/xe"
    local envs=() opts=()
    for a in "$@"; do
        case $a in -*) opts+=("$a") ;; *=*) envs+=("$a") ;; *) opts+=("$a") ;; esac
    done
    env "${envs[@]}" "$SQLSHIFT" extract --from "$u" "${opts[@]}" -o "$tmp/xe" </dev/null >"$tmp/e.out" 2>"$tmp/e.err"
    local st=$?
    local lines
    lines=$(wc -l <"$tmp/e.err")
    if [ "$st" -eq 5 ] && [ "$lines" -eq 1 ] && grep -q "^sqlshift: .*: .*$pat" "$tmp/e.err" &&
        ! compgen -G "$tmp/xe*" >/dev/null && [ ! -s "$tmp/e.out" ]; then
        ok "$desc: exit 5, one line: $(cat "$tmp/e.err")"
    else
        not_ok "$desc: exit 5 (got $st), one line (got $lines), no output left"
        diag_file "$tmp/e.err"
        for f in "$tmp"/xe*; do [ -e "$f" ] && diag "left: $f"; done
    fi
}
conn_fail "missing socket" "Can't connect" "mysql://root@localhost/sakila?socket=$tmp/no.sock"
conn_fail "unknown database" "Unknown database" "$(url nosuchdb)"
conn_fail "refused login" "Access denied" "mysql://pw@localhost/sakila?socket=$MARIA_SOCKET" MYSQL_PWD=wrong
conn_fail "SQL Server URL" "" "mssql://sa@127.0.0.1:1/master" SQLSHIFT_PASSWORD=x
# a server that accepts the connection and never answers: --connect-timeout
perl -MIO::Socket::UNIX -e '
    my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $ARGV[0], Listen => 5) or die "listen: $!";
    my @held; while (my $c = $s->accept) { push @held, $c }' "$tmp/hang.sock" &
hang_pid=$!
at_exit "kill $hang_pid 2>/dev/null"
i=0
while [ ! -S "$tmp/hang.sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
t0=$(date +%s)
conn_fail "a server that does not answer, --connect-timeout 2" "timeout" \
    "mysql://root@localhost/sakila?socket=$tmp/hang.sock" --connect-timeout 2
t1=$(date +%s)
result "$([ $((t1 - t0)) -ge 2 ] && [ $((t1 - t0)) -le 10 ]; echo $?)" "the connect timeout is kept ($((t1 - t0)) s for 2 s)"
kill "$hang_pid" 2>/dev/null
# old versions refused; a server that goes away after the login
fake() { # fake VERSION: a fake server on $tmp/fake.sock (pid in fake_pid)
    rm -f "$tmp/fake.sock"
    perl "$top_srcdir/tests/lib/fake_mysql.pl" "$tmp/fake.sock" "$1" &
    fake_pid=$!
    at_exit "kill $fake_pid 2>/dev/null"
    i=0
    while [ ! -S "$tmp/fake.sock" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
}
fake 5.6.51-log
conn_fail "MySQL 5.6" "server version 5.6.51-log is not supported" "mysql://root@localhost/db?socket=$tmp/fake.sock"
kill "$fake_pid"
fake 10.1.48-MariaDB
conn_fail "MariaDB 10.1" "server version 10.1.48-MariaDB is not supported" "mysql://root@localhost/db?socket=$tmp/fake.sock"
kill "$fake_pid"
fake 5.7.44
conn_fail "a server gone after the login (MySQL 5.7 accepted)" "Lost connection\|gone away" \
    "mysql://root@localhost/db?socket=$tmp/fake.sock"
kill "$fake_pid"
# TLS over TCP (the unix socket is local: no TLS there): a server without it
rm -f "$tmp/port"
perl "$top_srcdir/tests/lib/fake_mysql.pl" "tcp:$tmp/port" 10.11.6-MariaDB &
fake_pid=$!
at_exit "kill $fake_pid 2>/dev/null"
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
conn_fail "tls=required, server without TLS" "TLS is required" "mysql://root@127.0.0.1:$(cat "$tmp/port")/db?tls=required"
conn_fail "tls=verify_identity, server without TLS" "SSL\|TLS" "mysql://root@127.0.0.1:$(cat "$tmp/port")/db?tls=verify_identity"
kill "$fake_pid"
printf 's3cret\n' >"$tmp/pwfile"
env -u MYSQL_PWD "$SQLSHIFT" extract --from "mysql://pw@localhost/sakila?socket=$MARIA_SOCKET" \
    --password-file "$tmp/pwfile" -o "$tmp/xpw" </dev/null 2>"$tmp/pw.err"
st=$?
same=0
for f in "$tmp"/x1_sakila/*_table_* "$tmp"/x1_sakila/*_view_*; do
    b=$(basename "$f") # positions differ: pw's extract lacks the routines
    cmp -s "$f" "$(find "$tmp/xpw" -name "[0-9]*_${b#*_}" | head -n 1)" || same=1
done
result "$([ $st -eq 0 ] && [ $same -eq 0 ]; echo $?)" \
    "--password-file: the password is used (the tables, views and triggers root extracts, exit $st)"
# pw may not see the routines' text: said on stderr and in the manifest
nw=$(grep -c '^sqlshift: warning: \(PROCEDURE\|FUNCTION\) sakila\..* not extracted: ' "$tmp/pw.err")
nm=$(grep -c '^-	\(procedure\|function\)	sakila	.*	not extracted: ' "$tmp/xpw/manifest.tsv")
result "$([ "$nw" -eq 6 ] && [ "$nm" -eq 6 ]; echo $?)" \
    "routines the user may not read: warned ($nw) and listed as not extracted in the manifest ($nm)"
"$SQLSHIFT" extract --from "mysql://root:pw@localhost/sakila" -o "$tmp/xu" 2>"$tmp/u.err"
result "$([ $? -eq 2 ] && grep -q 'password in the URL is refused' "$tmp/u.err"; echo $?)" "a password in the URL is refused (exit 2)"

# ---- convert --from = extract + convert --------------------------------------------
mkdir "$tmp/td"
TMPDIR=$tmp/td "$SQLSHIFT" convert -q -t postgresql --from "$(url sakila)" -o "$tmp/from.sql" 2>"$tmp/from.err"
st=$?
"$SQLSHIFT" convert -q -s mysql -t postgresql -o "$tmp/ec.sql" "$tmp/x1_sakila" 2>"$tmp/ec.err"
A="$tmp/x1_sakila" B="$(url sakila)" perl -pe 's/\Q$ENV{A}\E/$ENV{B}/g' "$tmp/ec.sql" >"$tmp/ec2.sql"
result "$([ $st -eq 0 ] && [ -s "$tmp/from.sql" ] && cmp -s "$tmp/from.sql" "$tmp/ec2.sql"; echo $?)" \
    "convert --from URL: the output of extract + convert (files named after the server)"
diag_file "$tmp/from.err"
"$SQLSHIFT" assess -q -t postgresql --from "$(url sakila)" -o "$tmp/rep" 2>/dev/null
check "assess --from URL: a report with every object" \
    test "$(($(wc -l <"$tmp/rep/objects.csv") - 1))" -ge 32
"$SQLSHIFT" convert -s tsql -t postgresql --from "$(url sakila)" 2>"$tmp/s.err" >/dev/null
result "$([ $? -eq 2 ] && grep -q 'disagrees' "$tmp/s.err"; echo $?)" "convert -s tsql --from mysql://: exit 2"
check "convert --from leaves no temporary folder behind" test -z "$(ls -A "$tmp/td")"

# ---- round trip to PostgreSQL ---------------------------------------------------------
st=0
pg_start || st=$?
if [ "$st" -ne 0 ]; then
    skip "$SERVER_SKIP_REASON" 10
    done_testing
    exit 0
fi

# pgtype: the PostgreSQL type (format_type) the MySQL -> PostgreSQL mapping
# gives to a MariaDB column type (COLUMN_TYPE); "?" for a type this table
# does not know (a failure: extend the table after checking the mapping).
PGTYPE_AWK='
function enumlen(t, set,   body, n, i, parts, m, tot) {
    body = substr(t, index(t, "(") + 1); sub(/\)$/, "", body)
    n = split(body, parts, /\x27,\x27/); m = 0; tot = 0
    for (i = 1; i <= n; i++) { gsub(/\x27/, "", parts[i]); l = length(parts[i]); if (l > m) m = l; tot += l }
    return set ? tot + n - 1 : m
}
function pgtype(t,   u, m) {
    u = (t ~ / unsigned/); sub(/ unsigned.*/, "", t); sub(/ zerofill/, "", t)
    if (t == "tinyint(1)" && !u) return "boolean"
    if (t ~ /^tinyint/) return "smallint"
    if (t ~ /^smallint/) return u ? "integer" : "smallint"
    if (t ~ /^mediumint/) return "integer"
    if (t ~ /^int/) return u ? "bigint" : "integer"
    if (t ~ /^bigint/) return u ? "numeric(20,0)" : "bigint"
    if (t ~ /^decimal\(/) { sub(/^decimal/, "numeric", t); return t }
    if (t ~ /^varchar\(/) { sub(/^varchar/, "character varying", t); return t }
    if (t ~ /^char\(/) { sub(/^char/, "character", t); return t }
    if (t ~ /^(tiny|medium|long)?text$/) return "text"
    if (t ~ /^(tiny|medium|long)?blob$/) return "bytea"
    if (t == "date") return "date"
    if (t == "datetime") return "timestamp(0) without time zone"
    if (t == "timestamp") return "timestamp(0) with time zone"
    if (t ~ /^year/) return "smallint"
    if (t ~ /^enum\(/) return "character varying(" enumlen(t, 0) ")"
    if (t ~ /^set\(/) return "character varying(" enumlen(t, 1) ")"
    return "?"
}'

for db in sakila employees; do
    createdb "rt_$db" </dev/null
    "$SQLSHIFT" convert -q -s mysql -t postgresql --split -o "$tmp/c_$db" "$tmp/x1_$db" 2>"$tmp/c.err"
    : >"$tmp/rej_$db"
    while IFS= read -r line; do
        f=${line#\\ir }
        if ! PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "rt_$db" \
                -f "$tmp/c_$db/$f" </dev/null >/dev/null 2>"$tmp/apply.err"; then
            printf '%s\t%s\n' "$f" "$(grep -m1 ERROR "$tmp/apply.err")" >>"$tmp/rej_$db"
        fi
    done < <(grep '^\\ir ' "$tmp/c_$db/install.sql")

    # tables and columns: expected from MariaDB, actual from PostgreSQL
    maria_sql "$db" -N -e "SELECT LOWER(c.TABLE_NAME), LOWER(c.COLUMN_NAME), c.COLUMN_TYPE
        FROM information_schema.COLUMNS c JOIN information_schema.TABLES t USING (TABLE_SCHEMA, TABLE_NAME)
        WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY 1, c.ORDINAL_POSITION" |
        awk -F'\t' "$PGTYPE_AWK"' { printf "%s\t%s\t%s\n", $1, $2, pgtype($3) }' >"$tmp/exp_cols"
    psql -X -At -F "$(printf '\t')" -d "rt_$db" -c "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY 1, a.attnum" >"$tmp/act_cols"
    nt=$(cut -f1 "$tmp/exp_cols" | sort -u | wc -l)
    nct=$(cut -f1 "$tmp/exp_cols" | sort -u | comm -12 - <(cut -f1 "$tmp/act_cols" | sort -u) | wc -l)
    if [ -s "$tmp/exp_cols" ] && diff "$tmp/exp_cols" "$tmp/act_cols" >"$tmp/cols.diff"; then
        ok "$db: all $nt tables on PostgreSQL with the expected columns and types ($(wc -l <"$tmp/exp_cols") columns)"
    else
        not_ok "$db: all $nt tables on PostgreSQL with the expected columns and types"
        diag_file "$tmp/cols.diff" 30
    fi

    # indexes: every MariaDB index (primary key, unique, plain, full-text) on
    # the same table with the same columns and uniqueness
    maria_sql "$db" -N -e "SELECT LOWER(TABLE_NAME), INDEX_NAME, IF(INDEX_NAME = 'PRIMARY', 'p', IF(NON_UNIQUE, 'n', 'u')),
            INDEX_TYPE, GROUP_CONCAT(LOWER(COLUMN_NAME) ORDER BY SEQ_IN_INDEX)
        FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()
        GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE ORDER BY 1, 2" >"$tmp/exp_idx"
    psql -X -At -F "$(printf '\t')" -d "rt_$db" -c "SELECT c.relname, CASE WHEN x.indisprimary THEN 'p' WHEN x.indisunique THEN 'u' ELSE 'n' END,
            COALESCE((SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(att, n)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.att), ''),
            pg_get_indexdef(x.indexrelid)
        FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public'" >"$tmp/act_idx"
    missing=$(awk -F'\t' 'NR == FNR { act[$1 "\t" $2 "\t" $3] = 1; def[$1] = def[$1] "\n" $4; next }
        {
            if ($4 == "FULLTEXT") {   # an expression index (GIN over a tsvector) naming every column
                found = 0; n = split(def[$1], d, "\n")
                for (i = 1; i <= n; i++) {
                    if (d[i] !~ /USING gin/) continue
                    m = split($5, cols, ","); all = 1
                    for (j = 1; j <= m; j++) if (index(d[i], cols[j]) == 0) all = 0
                    if (all) found = 1
                }
            } else found = (($1 "\t" $3 "\t" $5) in act)
            if (!found) print $1 "." $2 " (" $5 ")"
        }' "$tmp/act_idx" "$tmp/exp_idx")
    ni=$(wc -l <"$tmp/exp_idx")
    if [ "$ni" -gt 0 ] && [ -z "$missing" ]; then
        ok "$db: all $ni indexes on PostgreSQL (same table, columns, uniqueness)"
    else
        not_ok "$db: all $ni indexes on PostgreSQL"
        diag "missing: $missing"
    fi

    # views: on PostgreSQL with the same column names, or rejected by
    # PostgreSQL with an error for the view's file (reported, not silent)
    maria_sql "$db" -N -e "SELECT LOWER(c.TABLE_NAME), GROUP_CONCAT(LOWER(c.COLUMN_NAME) ORDER BY c.ORDINAL_POSITION)
        FROM information_schema.COLUMNS c JOIN information_schema.VIEWS v USING (TABLE_SCHEMA, TABLE_NAME)
        WHERE c.TABLE_SCHEMA = DATABASE() GROUP BY c.TABLE_NAME ORDER BY 1" >"$tmp/exp_views"
    psql -X -At -F "$(printf '\t')" -d "rt_$db" -c "SELECT c.relname, string_agg(a.attname, ',' ORDER BY a.attnum)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
        WHERE n.nspname = 'public' AND c.relkind = 'v' GROUP BY 1 ORDER BY 1" >"$tmp/act_views"
    nv=$(wc -l <"$tmp/exp_views")
    nvc=$(comm -12 "$tmp/exp_views" "$tmp/act_views" | wc -l)
    # (or kept verbatim by the converter with an action item, e.g. SS3033 for a
    # view calling a function that was not converted)
    silent=$(comm -23 "$tmp/exp_views" "$tmp/act_views" | cut -f1 | while read -r v; do
        grep -q "_view_$v\\.sql	.*ERROR" "$tmp/rej_$db" ||
            grep -qs '^-- SS[0-9]* \(medium\|high\|critical\): ' "$tmp/c_$db"/*_view_*"$v".sql || echo "$v"
    done)
    if [ "$nv" -gt 0 ] && [ -z "$silent" ]; then
        ok "$db: every view created with its columns ($nvc of $nv) or rejected with an error ($((nv - nvc)))"
    else
        not_ok "$db: every view created or rejected with an error; missing without an error: $silent"
    fi
    while IFS="$(printf '\t')" read -r f e; do
        diag "$db: PostgreSQL rejected $f: $e"
    done <"$tmp/rej_$db"
    diag "$db: tables $nct of $nt created, views $nvc of $nv, indexes $((ni - $(printf '%s' "$missing" | grep -c .))) of $ni; files rejected by PostgreSQL $(wc -l <"$tmp/rej_$db")"

    # the same through sqlshift: apply (one transaction, a savepoint per
    # object) creates what psql created and names each rejection; validate
    # turns each rejection into an action item (SS8001/SS8003) in its report
    nrej=$(wc -l <"$tmp/rej_$db")
    createdb "ap_$db" </dev/null
    st=0
    "$SQLSHIFT" apply --on-error continue --to "host=$PGHOST port=$PGPORT user=$PGUSER dbname=ap_$db" \
        "$tmp/c_$db" >"$tmp/ap_$db.out" 2>&1 || st=$?
    nfail=$(grep -c '^FAILED' "$tmp/ap_$db.out")
    same=$(psql -X -At -d "ap_$db" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'i')")
    want=$(psql -X -At -d "rt_$db" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'i')")
    result "$([ "$nfail" -eq "$nrej" ] && { [ "$nrej" -eq 0 ] && [ $st -eq 0 ] || [ $st -eq 6 ]; } &&
        [ "$same" = "$want" ]; echo $?)" \
        "$db: sqlshift apply --on-error continue: $same tables, views and indexes as with psql, $nfail rejected (psql: $nrej), exit $st"
    diag_file "$tmp/ap_$db.out" 8
    st=0
    "$SQLSHIFT" validate -q -t postgresql -o "$tmp/val_$db" "$tmp/c_$db" >/dev/null 2>"$tmp/val_$db.err" || st=$?
    nitems=$(grep -c '^"\{0,1\}SS800[13]' "$tmp/val_$db/action_items.csv" 2>/dev/null || true)
    result "$([ "${nitems:-0}" -eq "$nrej" ] && { [ "$nrej" -eq 0 ] && [ $st -eq 0 ] || [ $st -eq 6 ]; }; echo $?)" \
        "$db: sqlshift validate reports each rejection as an action item ($nitems items for $nrej rejected files, exit $st)"
    diag_file "$tmp/val_$db.err" 5
done

# ---- apply to MySQL (MariaDB): no transactional DDL, so an empty database is required
"$SQLSHIFT" convert -q -s mysql -t mysql --split -o "$tmp/my_sakila" "$tmp/x1_sakila" 2>/dev/null
maria_sql mysql -e "CREATE DATABASE myap; CREATE DATABASE myap2; CREATE TABLE myap2.other (a int)"
st=0
"$SQLSHIFT" apply --to "$(url myap)" "$tmp/my_sakila" >"$tmp/myap.out" 2>&1 || st=$?
ntab=$(maria_sql myap -N -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'myap'")
result "$([ $st -eq 0 ] && [ "$ntab" -eq 23 ] && grep -q ' 0 failed' "$tmp/myap.out"; echo $?)" \
    "apply to MariaDB: sakila's 16 tables and 7 views created ($ntab), exit $st"
diag_file "$tmp/myap.out" 5
st=0
"$SQLSHIFT" apply --to "$(url myap2)" "$tmp/my_sakila" >"$tmp/myap2.out" 2>&1 || st=$?
n2=$(maria_sql myap2 -N -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'myap2'")
result "$([ $st -ne 0 ] && [ "$n2" -eq 1 ] && grep -q 'refusing to apply into it (use --allow-existing)' "$tmp/myap2.out"; echo $?)" \
    "apply to a MariaDB database that has tables: refused, nothing run (exit $st)"
st=0
"$SQLSHIFT" apply --allow-existing --to "$(url myap2)" "$tmp/my_sakila" >"$tmp/myap3.out" 2>&1 || st=$?
n3=$(maria_sql myap2 -N -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'myap2'")
result "$([ $st -eq 0 ] && [ "$n3" -eq 24 ]; echo $?)" "apply --allow-existing: applied next to the table already there ($n3), exit $st"

done_testing
