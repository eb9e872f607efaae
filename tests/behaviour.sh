#!/bin/bash
# tests/behaviour.sh: behaviour tests of converted stored code. Each case
# tests/behaviour/<case>.sql is one T-SQL script (tables, data, routines)
# whose structured comments say which calls to make on PostgreSQL and what
# T-SQL would give, with the reason (format: tests/behaviour/README). For
# each case:
#   1. `sqlshift convert -s tsql -t postgresql -v` the script;
#   2. the findings must be the declared ones: every "-- kept:" and
#      "-- expect-item:" finding is reported at its line:col, and every
#      finding of severity medium or above that is reported is declared
#      (nothing that changes behaviour goes unsaid);
#   3. the output is applied to a fresh database on a throwaway PostgreSQL
#      15 (psql, ON_ERROR_STOP);
#   4. plpgsql_check_function runs on every PL/pgSQL function and procedure
#      created; any error fails the case;
#   5. each call of a routine that was converted runs, and its rows, or its
#      error's SQLSTATE and message, must equal the expectation exactly.
#      A call marked "-- flagged: SSnnnn at L:C" is one where PostgreSQL
#      is known to answer differently and the converter reports that finding
#      there: it passes only if the answer does differ and the finding is
#      reported (the T-SQL expectation stays written down).
#      A call marked "-- known-bug: TEXT" fails because of a converter bug
#      that is known and not fixed yet: it is reported as "not ok ... # TODO"
#      (an expected failure, XFAIL, listed in the log with the expected and
#      actual results); once it passes, it is an unexpected pass (XPASS),
#      which fails the suite until the line is dropped. The expectation
#      itself never changes.
#      A routine the converter kept verbatim (declared with "-- kept:") is
#      not created, so its calls cannot run: one line says it was kept, with
#      the item, as declared; its calls wait for its conversion. A routine
#      that is created and answers differently from T-SQL is a failure.
# Figures at the end: routines, converted and run, kept; calls run and
# passed; functions checked.
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
# shellcheck source=lib/servers.sh disable=SC1091
. "$top_srcdir/tests/lib/servers.sh"
# shellcheck source=lib/plcheck.sh disable=SC1091
. "$top_srcdir/tests/lib/plcheck.sh"
# shellcheck source=lib/behaviour_run.sh disable=SC1091
. "$top_srcdir/tests/lib/behaviour_run.sh"

bdir=$top_srcdir/tests/behaviour
CALL_TIMEOUT=${CALL_TIMEOUT:-60}

cases=$(cd "$bdir" && find . -maxdepth 1 -name '*.sql' | sed 's|^\./||' | LC_ALL=C sort)
if [ -z "$cases" ]; then
    bail_out "no behaviour cases in $bdir"
fi

pg_ok=0
st=0
pg_start || st=$?
if [ "$st" -eq 0 ]; then pg_ok=1; fi

# result_of OUT ERR: what a call gave, in the form of the .exp files.
result_of() {
    local e
    e=$(grep -m1 -E 'ERROR:  [0-9A-Z]{5}: ' "$2" | sed -E 's/^.*ERROR:  ([0-9A-Z]{5}): /ERROR \1: /' || true)
    if [ -n "$e" ]; then
        printf '%s\n' "$e"
    elif grep -q 'ERROR' "$2"; then
        grep -m1 'ERROR' "$2"
    else
        cat "$1"
    fi
}

# decimals FILE: the rows with each field that is a decimal number written
# without trailing zeros after the point (money 14.0000 = numeric 14.00).
decimals() {
    perl -ne 'chomp; print join("|", map { s/^(-?\d+)\.(\d*?)0*$/length($2) ? "$1.$2" : $1/e; $_ } split(/\|/, $_, -1)), "\n"' "$1"
}

bh_createdb() { createdb "$1" </dev/null; }
bh_apply() { psql -X -q -v ON_ERROR_STOP=1 -d "$1" -f "$2" </dev/null; }
bh_call() {
    timeout -k 5 "$CALL_TIMEOUT" psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
        -P null='(null)' -d "$1" -f "$2" </dev/null
}
bh_parse=$bdir/parse_case.pl bh_target=postgresql bh_server=PostgreSQL bh_label=PostgreSQL
bh_server_ok=$pg_ok bh_db_prefix=b_ bh_plcheck=1
behaviour_run

diag "routines: $n_routines, converted and run: $n_run, kept verbatim: $n_kept"
diag "calls: $n_calls run, $n_passed as in T-SQL, $n_flagged different as flagged by an action item, $n_bugs failing with a known converter bug (TODO); $n_waiting wait for a kept routine's conversion"
diag "plpgsql_check: $n_checked functions checked"
done_testing
