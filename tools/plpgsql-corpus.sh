#!/bin/sh
# tools/plpgsql-corpus.sh: how much T-SQL stored code converts for real.
# Converts every T-SQL file of the corpus (or the files given) with --split,
# applies each file of install.sql in order to a throwaway PostgreSQL 15, and
# for every procedure, function and trigger reports whether it was converted
# with no high/critical action item, created by PostgreSQL, and clean under
# plpgsql_check. Prints one line per routine and the totals:
#   routines N  converted N  no-high N  created N  check-clean N  all N (P%)
# Usage: tools/plpgsql-corpus.sh [-v] [FILE.sql ...]   (from the source tree,
# after make). -v prints the PostgreSQL and plpgsql_check errors.
set -u
verbose=0
[ "${1:-}" = "-v" ] && { verbose=1; shift; }
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
export top_srcdir top_builddir
SQLSHIFT=${SQLSHIFT:-$top_builddir/src/sqlshift}
. "$top_srcdir/tests/lib/servers.sh"

if [ $# -eq 0 ]; then
    set -- "$top_srcdir"/tests/corpus/tsql/*.sql
fi
work=$(mktemp -d /tmp/plpgsql-corpus.XXXXXX)
chmod 755 "$work"
trap 'pg_stop >/dev/null 2>&1; rm -rf "$work"' EXIT
pg_start >/dev/null || { echo "no PostgreSQL server" >&2; exit 1; }
psql -X -q -c "CREATE EXTENSION IF NOT EXISTS plpgsql_check" >/dev/null 2>&1 ||
    echo "warning: plpgsql_check is not installed: check column not measured" >&2

total=0 conv=0 nohigh=0 created=0 clean=0 all=0
n=0
for f in "$@"; do
    n=$((n + 1))
    out="$work/out$n"
    rep="$work/rep$n"
    db="corpus$n"
    "$SQLSHIFT" convert -s tsql -t postgresql --split -o "$out" --report "$rep" "$f" >/dev/null 2>&1
    createdb "$db" >/dev/null 2>&1 || { echo "createdb failed" >&2; exit 1; }
    psql -X -q -d "$db" -c "CREATE EXTENSION IF NOT EXISTS plpgsql_check" >/dev/null 2>&1
    # apply the files in install.sql order, one by one, remembering failures
    grep '^\\ir ' "$out/install.sql" | sed 's/^\\ir //' >"$work/files"
    while IFS= read -r part; do
        if ! psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$out/$part" >"$work/apply.out" 2>&1; then
            printf '%s\n' "$part" >>"$work/failed$n"
            [ $verbose -eq 1 ] && case "$part" in
                *_procedure_* | *_function_* | *_trigger_*) sed "s|^|  $part: |" "$work/apply.out" | head -3 >&2 ;;
            esac
        fi
    done <"$work/files"
    touch "$work/failed$n"
    for part in $(grep -E '_(procedure|function|trigger)_' "$work/files"); do
        file="$out/$part"
        loc=$(head -n 1 "$file" | sed -n 's/.*(\(.*\))$/\1/p')
        kind=$(head -n 1 "$file" | awk '{print $2}')
        name=$(head -n 1 "$file" | sed 's/^-- [a-z]* \(.*\) (.*$/\1/')
        # DDL (database) triggers are event triggers in PostgreSQL: not counted
        if [ "$kind" = trigger ] && grep -q 'SS3025' "$file"; then
            continue
        fi
        total=$((total + 1))
        c=0 h=0 k=0 p=0
        grep -Eq '^(CREATE|ALTER)' "$file" && c=1
        fl=${loc%:*}
        fl=${fl%:*}
        line=${loc%:*}
        line=${line##*:}
        col=${loc##*:}
        sev=$(awk -F, -v fl="$fl" -v l="$line" -v c="$col" '$4 == fl && $5 == l && $6 == c { print $11; exit }' "$rep/objects.csv")
        [ "$sev" != high ] && [ "$sev" != critical ] && h=1
        if [ $c -eq 1 ] && ! grep -qxF "$part" "$work/failed$n"; then
            k=1
            # every function/procedure the file created: plpgsql_check them
            : >"$work/errs"
            sed -n 's/^CREATE \(OR REPLACE \)\{0,1\}\(FUNCTION\|PROCEDURE\) \([^(]*\)(.*/\3/p' "$file" |
                while IFS= read -r sig; do
                    sig=$(printf '%s' "$sig" | sed "s/'/''/g")
                    # trigger functions are checked against their table and transition tables
                    psql -X -At -d "$db" -c "
                        SELECT plpgsql_check_function(p.oid, COALESCE(t.tgrelid, 0), fatal_errors => false,
                                                      newtable => t.tgnewtable, oldtable => t.tgoldtable)
                        FROM pg_proc p LEFT JOIN pg_trigger t ON t.tgfoid = p.oid
                        WHERE p.oid = '$sig'::regproc" >"$work/res" 2>&1
                    if grep -qi 'error' "$work/res"; then
                        cat "$work/res" >>"$work/errs"
                    fi
                done
            errs=$(cat "$work/errs")
            if [ -z "$errs" ]; then
                p=1
            elif [ $verbose -eq 1 ]; then
                printf '%s\n' "$errs" | sed "s|^|  $part: |" | head -4 >&2
            fi
        fi
        conv=$((conv + c)) nohigh=$((nohigh + h)) created=$((created + k)) clean=$((clean + p))
        ok=$((c * h * k * p))
        all=$((all + ok))
        printf '%s %-9s %-50s converted=%d no-high=%d created=%d check-clean=%d\n' \
            "$([ $ok -eq 1 ] && echo OK || echo --)" "$kind" "$name" $c $h $k $p
    done
done
pct=0
[ $total -gt 0 ] && pct=$((all * 100 / total))
echo "routines $total  converted $conv  no-high $nohigh  created $created  check-clean $clean  all $all ($pct%)"
