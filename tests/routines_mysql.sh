#!/bin/bash
# tests/routines_mysql.sh: how well the stored code of the T-SQL corpus
# converts for MySQL 8, measured on a throwaway MariaDB by
# tools/mysql-corpus.sh: for every procedure, function and trigger of
# tests/corpus/tsql, converted without a high/critical item and created by
# MariaDB ("clean"). TAP lines:
#   - every routine that is not clean carries a high or critical action item,
#     or SS4244 (MySQL 8 syntax MariaDB lacks): nothing fails silently;
#   - the share of clean routines reaches the bar below.
# The per-routine lines and the totals come as diagnostics.
# Without MariaDB the test is skipped, except under CI=true.

# The bar: minimum share of clean routines, in percent (what the converter
# reaches today, rounded down).
ROUTINE_BAR_MYSQL=${ROUTINE_BAR_MYSQL:-67}

# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
# shellcheck source=lib/servers.sh disable=SC1091
. "$top_srcdir/tests/lib/servers.sh"

corpus=${CORPUS_DIR:-$top_srcdir/tests/corpus}/tsql
[ -d "$corpus" ] || bail_out "no T-SQL corpus in $corpus"

# the tool starts its own server; find out first whether one can start here
st=0
maria_start || st=$?
if [ "$st" -ne 0 ]; then
    skip_all "$SERVER_SKIP_REASON"
fi
maria_stop

st=0
SQLSHIFT=$SQLSHIFT sh "$top_srcdir/tools/mysql-corpus.sh" -v "$corpus"/*.sql >"$tmp/corpus" 2>"$tmp/corpus.err" || st=$?
if [ "$st" -ne 0 ]; then
    not_ok "tools/mysql-corpus.sh ran (exit status $st)"
    diag_file "$tmp/corpus.err" 20
    done_testing
    exit 0
fi
totals=$(tail -n 1 "$tmp/corpus")
case $totals in
routines*) ;;
*) bail_out "tools/mysql-corpus.sh printed no totals" ;;
esac
diag_file "$tmp/corpus" 200

# "routines N  converted N  no-high N  created N  clean N (P%)  mysql8 N  silent N"
set -- $totals
total=$2 clean=${10} silent=${15}
pct=0
[ "$total" -gt 0 ] && pct=$((clean * 100 / total))

if [ "$silent" -eq 0 ]; then
    ok "every routine that is not clean has a high/critical item or SS4244 ($((total - clean)) of $total)"
else
    not_ok "routines converted without a high item but rejected by MariaDB: $silent"
    grep '^silent' "$tmp/corpus" | while IFS= read -r l; do diag "$l"; done
fi
if [ "$total" -gt 0 ] && [ "$pct" -ge "$ROUTINE_BAR_MYSQL" ]; then
    ok "clean for MySQL: $clean of $total routines ($pct%, bar $ROUTINE_BAR_MYSQL%)"
else
    not_ok "clean for MySQL: $clean of $total routines ($pct%), below the bar of $ROUTINE_BAR_MYSQL%"
fi
done_testing
