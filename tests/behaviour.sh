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

# findings NAME ERRFILE: the findings of a -v run as "L:C CODE SEVERITY".
findings() {
    sed -n "s/^$1:\([0-9]*\):\([0-9]*\): \([a-z]*\)\[\(SS[0-9]*\)\]: .*/\1:\2 \4 \3/p" "$2"
}

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

n_routines=0 n_run=0 n_kept=0 n_calls=0 n_passed=0 n_flagged=0 n_bugs=0 n_waiting=0 n_checked=0
for file in $cases; do
    name=${file%.sql}
    cdir=$tmp/$name
    mkdir -p "$cdir"
    if ! perl "$bdir/parse_case.pl" "$bdir/$file" "$cdir" 2>"$cdir/parse.err"; then
        not_ok "$name: the case is well formed"
        diag_file "$cdir/parse.err"
        continue
    fi
    title=$(cat "$cdir/title")

    # 1. convert (from the case folder: file names in findings are stable)
    st=0
    (cd "$bdir" && "$SQLSHIFT" convert -s tsql -t postgresql -v "$file") >"$cdir/out.sql" 2>"$cdir/err" || st=$?
    if [ "$st" -ge 2 ] || sanitizer_report "$cdir/err"; then
        not_ok "$name: converts ($title)"
        diag "exit status $st"
        diag_file "$cdir/err" 30
        continue
    fi

    # 2. findings as declared
    findings "$file" "$cdir/err" >"$cdir/found"
    problems=
    while read -r pos code kind blk; do
        if ! grep -q "^$pos $code " "$cdir/found"; then
            problems="$problems
declared but not reported: $code at $pos ($kind)"
        fi
        if [ "$kind" = kept ]; then
            create=$(awk -F'|' -v b="$blk" '$1 == b { print $3 }' "$cdir/blocks")
            if [ "${pos%%:*}" != "$create" ]; then
                problems="$problems
kept: $code at $pos is not on the routine's CREATE line ($create)"
            fi
        fi
    done <"$cdir/items"
    while read -r pos code sev; do
        case $sev in medium | high | critical) ;; *) continue ;; esac
        if ! grep -q "^$pos $code " "$cdir/items"; then
            problems="$problems
reported but not declared: $sev $code at $pos: $(grep -m1 "^$file:$pos: $sev\[$code\]" "$cdir/err" | sed 's/^[^]]*\]: //')"
        fi
    done <"$cdir/found"
    nk=$(grep -c ' kept ' "$cdir/items" || true)
    ni=$(grep -c ' item ' "$cdir/items" || true)
    if [ -z "$problems" ]; then
        ok "$name: findings as declared ($nk kept, $ni other items) - $title"
    else
        not_ok "$name: findings as declared - $title"
        diag "${problems#?}"
    fi

    # which blocks were kept: calls of these wait
    : >"$cdir/kept_blocks"
    while read -r pos code kind blk; do
        if [ "$kind" = kept ]; then echo "$blk" >>"$cdir/kept_blocks"; fi
    done <"$cdir/items"
    while IFS='|' read -r blk rname _; do
        n_routines=$((n_routines + 1))
        ncalls=$(grep -lx "$blk" "$cdir"/calls/*.block 2>/dev/null | wc -l)
        if grep -qx "$blk" "$cdir/kept_blocks"; then
            n_kept=$((n_kept + 1))
            n_waiting=$((n_waiting + ncalls))
            code=$(awk -v b="$blk" '$3 == "kept" && $4 == b { print $2 " at " $1 }' "$cdir/items" | head -n 1)
            if grep -q "^$(awk -v b="$blk" '$3 == "kept" && $4 == b { print $1 " " $2 }' "$cdir/items" | head -n 1) " "$cdir/found"; then
                ok "$name/$rname: kept verbatim with $code, as declared; its $ncalls calls wait for its conversion"
            else
                not_ok "$name/$rname: declared kept with $code, but that finding is not reported (converted now? then drop the kept line)"
            fi
        else
            n_run=$((n_run + 1))
        fi
    done <"$cdir/blocks"

    # 3. apply
    if [ $pg_ok -ne 1 ]; then
        skip "PostgreSQL not available: $SERVER_SKIP_REASON"
        continue
    fi
    db=b_$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_' | tr 'A-Z' 'a-z')
    createdb "$db" </dev/null
    casebug=
    if [ -f "$cdir/casebug" ]; then casebug=" # TODO known converter bug: $(cat "$cdir/casebug")"; fi
    if psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$cdir/out.sql" </dev/null >"$cdir/apply" 2>&1; then
        applied=1
        ok "$name: applied on PostgreSQL$casebug"
    else
        applied=0
        not_ok "$name: rejected by PostgreSQL$casebug"
        diag_file "$cdir/apply" 20
    fi

    # 4. plpgsql_check
    checkbug=
    if [ -f "$cdir/checkbug" ]; then checkbug=" # TODO known converter bug: $(cat "$cdir/checkbug")"; fi
    if [ $applied -eq 1 ]; then
        if nf=$(plcheck "$db" "$cdir/plcheck" 2>"$cdir/plcheck.err"); then
            n_checked=$((n_checked + nf))
            if [ -s "$cdir/plcheck" ]; then
                not_ok "$name: plpgsql_check: errors in $nf functions checked$checkbug"
                diag_file "$cdir/plcheck" 20
            else
                ok "$name: plpgsql_check: no error ($nf functions checked)$checkbug"
            fi
        else
            not_ok "$name: plpgsql_check could not run"
            diag_file "$cdir/plcheck.err"
        fi
    fi

    # 5. the calls, in file order
    for c in "$cdir"/calls/*.sql; do
        [ -f "$c" ] || continue
        base=${c%.sql}
        blk=$(cat "$base.block")
        if grep -qx "$blk" "$cdir/kept_blocks"; then
            continue
        fi
        rname=$(awk -F'|' -v b="$blk" '$1 == b { print $2 }' "$cdir/blocks")
        # one line, at most 100 characters of the call; "#" escaped (TAP)
        sql=$(tr '\n' ' ' <"$c" | sed 's/ *$//' | cut -c1-100)
        desc="$name/$rname: $sql ($(cat "$base.why"))"
        desc=${desc//#/\\#}
        n_calls=$((n_calls + 1))
        bug=
        if [ -f "$base.bug" ]; then bug=" # TODO known converter bug: $(cat "$base.bug")"; fi
        if [ $applied -ne 1 ]; then
            n_bugs=$((n_bugs + 1))
            not_ok "$desc${casebug:-$bug}"
            diag "not run: the script was rejected"
            continue
        fi
        timeout -k 5 "$CALL_TIMEOUT" psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
            -P null='(null)' -d "$db" -f "$c" </dev/null >"$base.out" 2>"$base.err" || true
        result_of "$base.out" "$base.err" >"$base.got"
        same=0
        if [ "$(decimals "$base.exp")" = "$(decimals "$base.got")" ]; then same=1; fi
        if [ -f "$base.flagged" ]; then
            # PostgreSQL answers differently, and the converter says so at
            # that place: the difference is written down, not hidden
            fl=$(cat "$base.flagged")
            n_flagged=$((n_flagged + 1))
            if [ $same -eq 0 ] && grep -q "^$fl " "$cdir/found"; then
                ok "$desc; differs from T-SQL as flagged by ${fl#* } at ${fl%% *}"
                diag "T-SQL: $(tr '\n' ' ' <"$base.exp")/ PostgreSQL: $(tr '\n' ' ' <"$base.got")"
            elif [ $same -eq 1 ]; then
                not_ok "$desc; declared flagged by ${fl#* } but gives the T-SQL result (drop the flagged line)"
            else
                not_ok "$desc; declared flagged by ${fl#* } at ${fl%% *}, but that finding is not reported"
            fi
        elif [ $same -eq 1 ]; then
            n_passed=$((n_passed + 1))
            # with a known-bug line this is an unexpected pass (XPASS, a
            # failure): the bug is fixed, the line must go
            ok "$desc$bug"
        else
            if [ -n "$bug" ]; then n_bugs=$((n_bugs + 1)); fi
            not_ok "$desc$bug"
            diag "case line $(cat "$base.line"): expected (T-SQL):"
            diag_file "$base.exp" 15
            diag "got (PostgreSQL):"
            diag_file "$base.got" 15
        fi
    done
done

diag "routines: $n_routines, converted and run: $n_run, kept verbatim: $n_kept"
diag "calls: $n_calls run, $n_passed as in T-SQL, $n_flagged different as flagged by an action item, $n_bugs failing with a known converter bug (TODO); $n_waiting wait for a kept routine's conversion"
diag "plpgsql_check: $n_checked functions checked"
done_testing
