#!/bin/sh
# tools/mysql-corpus.sh: how much T-SQL stored code converts for MySQL 8.
# Converts every T-SQL file of the corpus (or the files given) for MySQL with
# --split and --report, runs each file of install.sql in order on a fresh
# database of a throwaway MariaDB (tests/lib/servers.sh), and for every
# procedure, function and trigger (not DDL triggers, which MySQL lacks)
# tells whether it was converted (a CREATE, not only comments), with no
# high/critical action item (objects.csv), and created by MariaDB. One line
# per routine:
#   STATUS  file:line:col  kind  name  max-severity
# STATUS: clean (all three), high (an item says why it is not clean),
# mysql8 (rejected by MariaDB for MySQL 8 syntax that SS4244 names),
# silent (converted without a high item, yet rejected: a converter bug);
# then the totals:
#   routines N  converted N  no-high N  created N  clean N (P%)  mysql8 N  silent N
# Usage: tools/mysql-corpus.sh [-v] [FILE.sql ...]   (from the source tree,
# after make). -v prints MariaDB's errors for the routines it rejected.
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
work=$(mktemp -d /tmp/mysql-corpus.XXXXXX)
chmod 755 "$work"
trap 'maria_stop >/dev/null 2>&1; rm -rf "$work"' EXIT
maria_start >/dev/null || { echo "no MariaDB server: ${SERVER_SKIP_REASON:-}" >&2; exit 1; }

total=0 conv=0 nohigh=0 created=0 clean=0 silent=0 my8=0
n=0
for f in "$@"; do
    n=$((n + 1))
    out="$work/out$n"
    rep="$work/rep$n"
    db="corpus$n"
    "$SQLSHIFT" convert -q -s tsql -t mysql --split -o "$out" --report "$rep" "$f" >/dev/null 2>&1
    echo "CREATE DATABASE $db;" | maria_sql "" >/dev/null 2>&1 || { echo "CREATE DATABASE failed" >&2; exit 1; }
    : >"$work/failed$n"
    sed -n 's/^source[ \t]\{1,\}//p' "$out/install.sql" | sed 's/[ \t;]*$//' >"$work/files$n"
    while IFS= read -r part; do
        if ! maria_sql "$db" <"$out/$part" >"$work/apply.out" 2>&1; then
            printf '%s\n' "$part" >>"$work/failed$n"
            printf '%s\n' "$(head -n 3 "$work/apply.out" | tr '\n' ' ')" >"$work/err_${n}_$(echo "$part" | tr '/' '_')"
        fi
    done <"$work/files$n"
    for part in $(grep -E '_(procedure|function|trigger)_' "$work/files$n"); do
        file="$out/$part"
        loc=$(head -n 1 "$file" | sed -n 's/.*(\(.*\))$/\1/p')
        kind=$(head -n 1 "$file" | awk '{print $2}')
        name=$(head -n 1 "$file" | sed 's/^-- [a-z]* \(.*\) (.*$/\1/')
        if [ "$kind" = trigger ] && grep -q 'SS3025' "$file"; then
            continue # a DDL/database trigger: MySQL has none
        fi
        total=$((total + 1))
        c=0 h=0 k=0
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
        fi
        conv=$((conv + c))
        nohigh=$((nohigh + h))
        created=$((created + k))
        if [ $c -eq 1 ] && [ $h -eq 1 ] && [ $k -eq 1 ]; then
            clean=$((clean + 1))
            st=clean
        elif [ $h -eq 1 ] && awk -F, -v n="${name##*.}" '$1 == "SS4244" && tolower($6) == tolower(n) { f = 1 }
                                       END { exit !f }' "$rep/action_items.csv"; then
            my8=$((my8 + 1))
            st=mysql8
        elif [ $h -eq 1 ]; then
            silent=$((silent + 1))
            st=silent
        else
            st=high
        fi
        printf '%-6s  %s  %s  %s  %s\n' "$st" "$loc" "$kind" "$name" "${sev:-none}"
        if [ $verbose -eq 1 ] && [ $c -eq 1 ] && [ $k -eq 0 ]; then
            sed 's/^/        /' "$work/err_${n}_$(echo "$part" | tr '/' '_')" 2>/dev/null
        fi
    done
done
pct=0
[ $total -gt 0 ] && pct=$((clean * 100 / total))
echo "routines $total  converted $conv  no-high $nohigh  created $created  clean $clean ($pct%)  mysql8 $my8  silent $silent"
