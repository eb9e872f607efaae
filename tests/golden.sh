#!/bin/sh
# tests/golden.sh: golden conversion tests. Each case is
#   tests/golden/<source>-<target>/<case>.sql    the input
#   tests/golden/<source>-<target>/<case>.out    the expected converted SQL
#   tests/golden/<source>-<target>/<case>.diag   the expected findings (stderr of -v)
# Every expected .out is also applied to a real server (a throwaway PostgreSQL
# 15 for *-postgresql, MariaDB for *-mysql), one fresh database per case, and
# must be accepted without error. `tests/golden.sh --update` rewrites the
# expected files from the current output; review every changed line by hand
# before committing.
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
. "$top_srcdir/tests/lib/servers.sh"

update=0
[ "${1:-}" = "--update" ] && update=1
gdir=$top_srcdir/tests/golden

need_pg=0
need_maria=0
for d in "$gdir"/*-*/; do
    case $d in
    *-postgresql/) need_pg=1 ;;
    *-mysql/) need_maria=1 ;;
    esac
done

pg_ok=0
maria_ok=0
if [ $update -eq 0 ]; then
    if [ $need_pg -eq 1 ]; then
        if pg_start; then pg_ok=1; fi
    fi
    if [ $need_maria -eq 1 ]; then
        if maria_start; then maria_ok=1; fi
    fi
fi

n=0
for d in "$gdir"/*-*/; do
    pair=$(basename "$d")
    src=${pair%%-*}
    tgt=${pair#*-}
    for case_sql in "$d"*.sql; do
        [ -f "$case_sql" ] || continue
        case $case_sql in *.out.sql) continue ;; esac
        name=$(basename "$case_sql" .sql)
        n=$((n + 1))
        out=$tmp/$pair-$name.out
        err=$tmp/$pair-$name.err
        # run from the case folder so that file names in the output are stable
        ( cd "$d" && "$SQLSHIFT" convert -v -s "$src" -t "$tgt" "$name.sql" ) >"$out" 2>"$err" || true
        if [ $update -eq 1 ]; then
            cp "$out" "$d$name.out"
            cp "$err" "$d$name.diag"
            ok "$pair/$name updated"
            continue
        fi
        if sanitizer_report "$err"; then
            not_ok "$pair/$name: sanitizer report"
            diag_file "$err" 40
            continue
        fi
        if diff -u "$d$name.out" "$out" >"$tmp/diff" && diff -u "$d$name.diag" "$err" >>"$tmp/diff"; then
            ok "$pair/$name: output and findings match"
        else
            not_ok "$pair/$name: output or findings differ"
            diag_file "$tmp/diff" 60
        fi
        # the expected SQL must be accepted by the real target
        db=g_$(echo "$pair-$name" | tr -c 'a-zA-Z0-9\n' '_' | tr 'A-Z' 'a-z')
        case $tgt in
        postgresql)
            if [ $pg_ok -eq 1 ]; then
                createdb "$db"
                if psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$d$name.out" >"$tmp/apply" 2>&1; then
                    ok "$pair/$name: applied on PostgreSQL"
                else
                    not_ok "$pair/$name: rejected by PostgreSQL"
                    diag_file "$tmp/apply" 20
                fi
            else
                skip "PostgreSQL not available: $SERVER_SKIP_REASON"
            fi
            ;;
        mysql)
            if [ $maria_ok -eq 1 ]; then
                echo "CREATE DATABASE \`$db\`;" | maria_sql ""
                if maria_sql "$db" <"$d$name.out" >"$tmp/apply" 2>&1; then
                    ok "$pair/$name: applied on MariaDB"
                else
                    not_ok "$pair/$name: rejected by MariaDB"
                    diag_file "$tmp/apply" 20
                fi
            else
                skip "MariaDB not available: $SERVER_SKIP_REASON"
            fi
            ;;
        esac
    done
done
[ $n -gt 0 ] || not_ok "no golden cases found in $gdir"
done_testing
