#!/bin/bash
# tests/corpus.sh: convert every file of tests/corpus (real-world SQL) and
# apply the result to real servers.
#
# For each target (PostgreSQL for every corpus folder; MySQL for mysql/ and
# tsql/):
#   1. `sqlshift convert --split` each corpus file (under `timeout`); a crash,
#      a timeout, a sanitizer report or an exit status >= 2 fails the file;
#   2. "nothing lost": the object count in `sqlshift assess` objects.csv must
#      equal the number of object files written, and install.sql must list
#      every one of them exactly once;
#      -> one TAP line per corpus file and target;
#   3. apply each object file, in install.sql order, to a fresh database (one
#      per corpus file) on a throwaway server; a file that holds only
#      comments (an object kept verbatim, with its action item) is "kept";
#   4. the apply rate applied / (applied + failed) over the whole corpus must
#      reach the bar below -> one TAP line per target.
# Per corpus file a diagnostic line "# FILE: objects N, applied A, failed F,
# kept K", and the first line of each failing object's error.
#
# Without the servers installed the apply part is skipped, except under
# CI=true where it fails (tests/lib/servers.sh).

# The bars: minimum apply rates, in percent.
PG_BAR=98
MARIA_BAR=98
# Seconds one sqlshift run may take, and one object file may take to apply.
CONVERT_TIMEOUT=${CONVERT_TIMEOUT:-60}
APPLY_TIMEOUT=${APPLY_TIMEOUT:-120}

# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
# shellcheck source=lib/servers.sh disable=SC1091
. "$top_srcdir/tests/lib/servers.sh"

corpus=${CORPUS_DIR:-$top_srcdir/tests/corpus}
export SERVER_CLIENT_TIMEOUT=$APPLY_TIMEOUT

# corpus folder -> sqlshift source dialect
dialect_of() {
    case $1 in
        tsql) echo tsql ;;
        plsql) echo oracle ;;
        mysql) echo mysql ;;
        *) return 1 ;;
    esac
}

# corpus_files FOLDER...: the corpus files as FOLDER/NAME, sorted.
corpus_files() {
    local d
    for d in "$@"; do
        if [ -d "$corpus/$d" ]; then
            (cd "$corpus" && find "$d" -maxdepth 1 -type f | LC_ALL=C sort)
        fi
    done
}

# run_problem STATUS STDERR-FILE: print what went wrong with a sqlshift run
# (nothing when it went right). 0 and 1 (action items at --fail-on) are fine.
run_problem() {
    local st=$1 err=$2
    if [ "$st" -eq 124 ] || [ "$st" -eq 137 ]; then
        echo "timed out after $CONVERT_TIMEOUT s"
    elif [ "$st" -ge 128 ]; then
        echo "crashed: killed by signal $((st - 128))"
    elif sanitizer_report "$err"; then
        echo "sanitizer report on stderr (exit status $st)"
    elif [ "$st" -ge 2 ]; then
        echo "exit status $st"
    fi
}

# csv_records FILE: number of CSV records (quoted fields may hold newlines).
csv_records() {
    perl -0777 -ne 's/"(?:[^"]|"")*"//g; my $n = tr/\n//; $n++ if length($_) && substr($_, -1) ne "\n"; print $n, "\n";' "$1"
}

# install_list TARGET DIR: the files DIR/install.sql includes, in order.
install_list() {
    awk -v tgt="$1" '
        { sub(/\r$/, "") }
        tgt == "postgresql" && match($0, /^[ \t]*\\ir?[ \t]+/) { f = substr($0, RLENGTH + 1) }
        tgt == "mysql" && match(tolower($0), /^[ \t]*source[ \t]+/) { f = substr($0, RLENGTH + 1) }
        f != "" {
            sub(/[ \t;]+$/, "", f)
            if (f ~ /^'\''.*'\''$/ || f ~ /^".*"$/) f = substr(f, 2, length(f) - 2)
            print f
            f = ""
        }' "$2/install.sql"
}

# object_files DIR: every file of a split output folder but install.sql.
object_files() {
    (cd "$1" && find . -type f ! -path ./install.sql | sed 's|^\./||' | LC_ALL=C sort)
}

# only_comments TARGET FILE: true when FILE holds no SQL statement, only
# comments and blanks (an object kept verbatim). MySQL versioned comments
# /*! ... */ are code, not comments; "#" starts a comment in MySQL only.
only_comments() {
    HASH_COMMENTS=$([ "$1" = mysql ] && echo 1 || echo 0) perl -0777 -ne '
        s{/\*(?!!).*?\*/}{}gs;
        s{--[^\n]*}{}g;
        s{#[^\n]*}{}g if $ENV{HASH_COMMENTS};
        s{[;\s]+}{}g;
        exit(length($_) ? 1 : 0);' "$2"
}

# group_of NAME: corpus files that belong to one database are applied into
# the same database, in order (a schema script and the scripts that build on
# it: futon 01 then 03, the Oracle HR, OE and Logger sets, employees and its
# objects).
group_of() {
    case $1 in
    tsql/futon_*) echo futon ;;
    plsql/hr_*) echo hr ;;
    plsql/oe_*|plsql/oc_*|plsql/pm_*) echo oe ;;
    plsql/logger*) echo logger ;;
    mysql/employees.sql|mysql/employees_objects.sql) echo employees ;;
    *) echo "$1" ;;
    esac
}

# db_name INDEX NAME: a database name for a corpus file (<= 63 characters).
db_name() {
    printf 'c%02d_%s' "$1" "$(printf '%s' "$2" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9_\n' '_')" | cut -c1-60
}

# first_error FILE SPLITDIR: the first useful line of a client's error output.
first_error() {
    local line
    line=$(grep -m1 -E 'ERROR' "$1" || true)
    if [ -z "$line" ]; then line=$(grep -m1 -v '^[[:space:]]*$' "$1" || true); fi
    if [ -z "$line" ]; then line="failed without a message"; fi
    printf '%s\n' "${line//$2\//}"
}

# ---- conversion: one TAP line per corpus file ------------------------------

# convert_all TARGET FOLDER...: converts, checks nothing is lost, and records
# the corpus files whose split output can be applied in $tmp/TARGET.apply.
convert_all() {
    local target=$1 name dir dialect out rep log st p f problems n_files n_report n_objects missing unlisted
    shift
    : >"$tmp/$target.apply"
    while IFS= read -r name; do
        dir=${name%%/*}
        dialect=$(dialect_of "$dir")
        out=$tmp/$target/out/$name
        rep=$tmp/$target/rep/$name
        log=$tmp/$target/log/$name
        mkdir -p "$(dirname "$out")" "$(dirname "$rep")" "$(dirname "$log")"
        problems=()

        st=0
        timeout -k 5 "$CONVERT_TIMEOUT" "$SQLSHIFT" convert -s "$dialect" -t "$target" \
            --split -o "$out" "$corpus/$name" >"$log.convert.out" 2>"$log.convert.err" || st=$?
        p=$(run_problem "$st" "$log.convert.err")
        if [ -n "$p" ]; then problems+=("convert: $p"); fi

        n_files=-1
        if [ -f "$out/install.sql" ]; then
            object_files "$out" >"$log.files"
            n_files=$(wc -l <"$log.files")
            install_list "$target" "$out" >"$log.listed"
            LC_ALL=C sort "$log.listed" >"$log.listed.sorted"
            missing=$(LC_ALL=C comm -13 "$log.files" "$log.listed.sorted" | head -n 5 | tr '\n' ' ')
            unlisted=$(LC_ALL=C comm -23 "$log.files" "$log.listed.sorted" | head -n 5 | tr '\n' ' ')
            if [ -n "$missing" ]; then problems+=("install.sql includes files that do not exist: $missing"); fi
            if [ -n "$unlisted" ]; then problems+=("install.sql does not include: $unlisted"); fi
            if [ -n "$(uniq -d "$log.listed.sorted")" ]; then problems+=("install.sql includes a file twice"); fi
            echo "$name" >>"$tmp/$target.apply"
        elif [ -z "$p" ]; then
            problems+=("convert --split wrote no $out/install.sql")
        fi

        st=0
        timeout -k 5 "$CONVERT_TIMEOUT" "$SQLSHIFT" assess -s "$dialect" -t "$target" \
            -o "$rep" "$corpus/$name" >"$log.assess.out" 2>"$log.assess.err" || st=$?
        p=$(run_problem "$st" "$log.assess.err")
        n_report=-1
        if [ -n "$p" ]; then
            problems+=("assess: $p")
        elif [ ! -f "$rep/objects.csv" ]; then
            problems+=("assess wrote no objects.csv")
        else
            n_report=$(($(csv_records "$rep/objects.csv") - 1))
        fi
        # every object has at least one output file; a table's foreign keys and
        # indexes come in files of their own with the same source location
        n_objects=-1
        if [ -f "$out/install.sql" ]; then
            n_objects=$(sed -s -n '1s/^-- .* (\(.*:[0-9]*:[0-9]*\))$/\1/p' "$out"/[0-9]*.sql | LC_ALL=C sort -u | wc -l)
        fi
        if [ "$n_objects" -ge 0 ] && [ "$n_report" -ge 0 ] && [ "$n_objects" -ne "$n_report" ]; then
            problems+=("objects lost: the report counts $n_report objects, the split output has $n_objects")
        fi

        if [ ${#problems[@]} -eq 0 ]; then
            ok "$target: $name converted, nothing lost ($n_report objects, $n_files files)"
        else
            not_ok "$target: $name"
            for p in "${problems[@]}"; do diag "  $p"; done
            for f in "$log.convert.err" "$log.assess.err"; do
                if [ -s "$f" ]; then
                    diag "  stderr of $(basename "$f" .err | sed 's/.*\.//'):"
                    diag_file "$f" 10
                fi
            done
        fi
    done < <(corpus_files "$@")
}

# ---- apply: count applied / failed / kept ------------------------------------

# apply_all TARGET BAR SERVER-NAME: apply each recorded split output to a fresh
# database, then one TAP line for the bar.
apply_all() {
    local target=$1 bar=$2 server=$3 name out list db f i=0 path
    local n a fl k tn=0 ta=0 tf=0 tk=0
    while IFS= read -r name; do
        i=$((i + 1))
        out=$tmp/$target/out/$name
        list=$tmp/$target/log/$name.listed
        db=$(db_name 0 "$(group_of "$name")")
        n=$(wc -l <"$tmp/$target/log/$name.files")
        a=0 fl=0 k=0
        if grep -qxF "$db" "$tmp/$target.dbs" 2>/dev/null; then
            :   # same group as an earlier file: same database
        elif ! { echo "$db" >>"$tmp/$target.dbs"; create_db "$target" "$db" >"$tmp/createdb.err" 2>&1; }; then
            diag "$name: could not create database $db: $(head -n 1 "$tmp/createdb.err")"
            fl=$(wc -l <"$list")
        else
            while IFS= read -r f; do
                path=$out/$f
                if [ ! -f "$path" ]; then
                    fl=$((fl + 1))
                    diag "  $name/$f: listed in install.sql but missing"
                elif only_comments "$target" "$path"; then
                    k=$((k + 1))
                elif apply_file "$target" "$db" "$path" >"$tmp/apply.out" 2>"$tmp/apply.err"; then
                    a=$((a + 1))
                else
                    fl=$((fl + 1))
                    diag "  $name/$f: $(first_error "$tmp/apply.err" "$out")"
                fi
            done <"$list"
        fi
        diag "$name: objects $n, applied $a, failed $fl, kept $k"
        tn=$((tn + n)) ta=$((ta + a)) tf=$((tf + fl)) tk=$((tk + k))
    done <"$tmp/$target.apply"

    diag "$target total: objects $tn, applied $ta, failed $tf, kept $tk"
    local rate
    if [ $((ta + tf)) -gt 0 ]; then
        rate=$(awk -v a="$ta" -v f="$tf" 'BEGIN { printf "%.1f", 100 * a / (a + f) }')
    else
        rate=0
    fi
    # Integer comparison: applied / (applied + failed) >= bar / 100.
    if [ $((ta + tf)) -gt 0 ] && [ $((100 * ta)) -ge $((bar * (ta + tf))) ]; then
        ok "$target on $server: apply rate $rate% ($ta of $((ta + tf))) >= $bar%"
    else
        not_ok "$target on $server: apply rate $rate% ($ta of $((ta + tf))) < $bar%"
    fi
}

create_db() {
    if [ "$1" = postgresql ]; then
        createdb "$2" </dev/null
    else
        echo "CREATE DATABASE \`$2\`" | maria_sql ""
    fi
}

apply_file() {
    if [ "$1" = postgresql ]; then
        PGOPTIONS='-c client_min_messages=warning' timeout -k 5 "$APPLY_TIMEOUT" \
            psql -X -q -v ON_ERROR_STOP=1 -d "$2" -f "$3" </dev/null
    else
        maria_sql "$2" <"$3"
    fi
}

# ---- PostgreSQL target: every corpus folder ---------------------------------
convert_all postgresql tsql plsql mysql
st=0
pg_start || st=$?
if [ "$st" -eq 0 ]; then
    apply_all postgresql "$PG_BAR" "PostgreSQL $(psql -X -At -c 'show server_version' 2>/dev/null || true)"
    pg_stop
else
    skip "$SERVER_SKIP_REASON"
fi

# ---- MySQL target: the MySQL and T-SQL folders ------------------------------
convert_all mysql mysql tsql
st=0
maria_start || st=$?
if [ "$st" -eq 0 ]; then
    apply_all mysql "$MARIA_BAR" "MariaDB $(echo 'SELECT VERSION()' | maria_sql "" -N 2>/dev/null || true)"
    maria_stop
else
    skip "$SERVER_SKIP_REASON"
fi

done_testing
