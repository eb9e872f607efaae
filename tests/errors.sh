#!/bin/sh
# tests/errors.sh: bad input gets a clear message at the right place, and the
# run goes on. Each case tests/errors/<dialect>/<case>.sql has a .diag file
# listing the expected input/parse findings (family SS00xx) as "LINE:COL CODE",
# and an .ok file listing, one per line, statements that must still come out
# converted after the errors (a fixed string that must appear in the output).
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"

n=0
for d in "$top_srcdir"/tests/errors/*/; do
    dialect=$(basename "$d")
    for f in "$d"*.sql; do
        [ -f "$f" ] || continue
        name=$(basename "$f" .sql)
        n=$((n + 1))
        rc=0
        ( cd "$d" && "$SQLSHIFT" convert -v -s "$dialect" -t postgresql "$name.sql" ) \
            >"$tmp/out" 2>"$tmp/err" || rc=$?
        if [ $rc -ge 2 ]; then
            not_ok "$dialect/$name: exit status $rc (expected 0 or 1)"
            diag_file "$tmp/err"
            continue
        fi
        if sanitizer_report "$tmp/err"; then
            not_ok "$dialect/$name: sanitizer report"
            diag_file "$tmp/err" 40
            continue
        fi
        # "file:line:col: severity[SS00nn]: ..." -> "line:col SS00nn"
        sed -n 's/^[^:]*:\([0-9]*\):\([0-9]*\): [a-z]*\[\(SS00[0-9][0-9]\)\].*/\1:\2 \3/p' "$tmp/err" >"$tmp/got"
        if diff -u "$d$name.diag" "$tmp/got" >"$tmp/diff"; then
            ok "$dialect/$name: findings at the expected places"
        else
            not_ok "$dialect/$name: findings differ"
            diag_file "$tmp/diff" 30
        fi
        if [ -f "$d$name.ok" ]; then
            missing=0
            while IFS= read -r want; do
                [ -n "$want" ] || continue
                grep -qF -- "$want" "$tmp/out" || { diag "missing in output: $want"; missing=1; }
            done <"$d$name.ok"
            result $missing "$dialect/$name: statements after the error still converted"
        fi
    done
done
[ $n -gt 0 ] || not_ok "no error cases found"
done_testing
