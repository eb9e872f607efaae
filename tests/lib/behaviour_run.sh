# tests/lib/behaviour_run.sh: the runner shared by tests/behaviour.sh
# (PostgreSQL) and tests/behaviour_mysql.sh (MySQL on MariaDB). The case
# format is tests/behaviour/README, read by tests/behaviour/parse_case.pl;
# what is checked for each case is described at the top of
# tests/behaviour.sh.
#
# The caller sources tests/setup.sh and tests/lib/servers.sh, starts its
# server, and sets:
#   cases          the case files (names in bdir), sorted
#   bdir           the folder of the cases
#   bh_parse       parse_case.pl
#   bh_target      sqlshift -t value
#   bh_server      the server's name in messages ("PostgreSQL", "MariaDB")
#   bh_label       the target's name in "T-SQL: ... / LABEL: ..." lines
#   bh_server_ok   1 if the server runs
#   bh_db_prefix   prefix of the per-case database names
#   bh_plcheck     1: run plpgsql_check (plcheck, tests/lib/plcheck.sh)
# and defines:
#   bh_createdb DB          a fresh empty database
#   bh_apply DB FILE        runs the converted script, stopping at the first error
#   bh_call DB FILE         runs one call file in a session of its own
#   result_of OUT ERR       what a call gave, in the form of the .exp files
#   decimals FILE           the rows normalised for comparison (numbers ...)
# then calls behaviour_run and prints its figures (n_* variables).

# findings NAME ERRFILE: the findings of a -v run as "L:C CODE SEVERITY".
findings() {
    sed -n "s/^$1:\([0-9]*\):\([0-9]*\): \([a-z]*\)\[\(SS[0-9]*\)\]: .*/\1:\2 \4 \3/p" "$2"
}

n_routines=0 n_run=0 n_kept=0 n_calls=0 n_passed=0 n_flagged=0 n_bugs=0 n_waiting=0 n_checked=0
behaviour_run() {
    local file src sdir name cdir title st problems pos code kind blk create sev nk ni rname ncalls db casebug applied checkbug c base sql desc bug same fl
    for file in $cases; do
        name=${file%.sql}
        cdir=$tmp/$name
        mkdir -p "$cdir"
        if ! perl "$bh_parse" "$bdir/$file" "$cdir" 2>"$cdir/parse.err"; then
            not_ok "$name: the case is well formed"
            diag_file "$cdir/parse.err"
            continue
        fi
        title=$(cat "$cdir/title")

        # 1. convert the case's script: the case itself, or the one it names
        # ("-- script:"), from its folder: file names in findings are stable
        sdir=$bdir src=$file
        if [ -f "$cdir/script" ]; then
            src=$(cat "$cdir/script")
            sdir=$(cd "$bdir" && cd "$(dirname "$src")" && pwd)
            src=$(basename "$src")
        fi
        st=0
        (cd "$sdir" && "$SQLSHIFT" convert -s tsql -t "$bh_target" -v "$src") >"$cdir/out.sql" 2>"$cdir/err" || st=$?
        if [ "$st" -ge 2 ] || sanitizer_report "$cdir/err"; then
            not_ok "$name: converts ($title)"
            diag "exit status $st"
            diag_file "$cdir/err" 30
            continue
        fi

        # 2. findings as declared
        findings "$src" "$cdir/err" >"$cdir/found"
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
    reported but not declared: $sev $code at $pos: $(grep -m1 "^$src:$pos: $sev\[$code\]" "$cdir/err" | sed 's/^[^]]*\]: //')"
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
        if [ "$bh_server_ok" -ne 1 ]; then
            skip "$bh_server not available: $SERVER_SKIP_REASON"
            continue
        fi
        db=$bh_db_prefix$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_' | tr 'A-Z' 'a-z')
        bh_createdb "$db"
        casebug=
        if [ -f "$cdir/casebug" ]; then casebug=" # TODO known converter bug: $(cat "$cdir/casebug")"; fi
        if bh_apply "$db" "$cdir/out.sql" >"$cdir/apply" 2>&1; then
            applied=1
            ok "$name: applied on $bh_server$casebug"
        else
            applied=0
            not_ok "$name: rejected by $bh_server$casebug"
            diag_file "$cdir/apply" 20
        fi

        # 4. checks of the target's own (plpgsql_check on PostgreSQL)
        if [ "$bh_plcheck" -eq 1 ]; then
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
            bh_call "$db" "$c" >"$base.out" 2>"$base.err" || true
            result_of "$base.out" "$base.err" >"$base.got"
            same=0
            if [ "$(decimals "$base.exp")" = "$(decimals "$base.got")" ]; then same=1; fi
            if [ -f "$base.flagged" ]; then
                # the target answers differently, and the converter says so at
                # that place: the difference is written down, not hidden
                fl=$(cat "$base.flagged")
                n_flagged=$((n_flagged + 1))
                if [ $same -eq 0 ] && grep -q "^$fl " "$cdir/found"; then
                    ok "$desc; differs from T-SQL as flagged by ${fl#* } at ${fl%% *}"
                    diag "T-SQL: $(tr '\n' ' ' <"$base.exp")/ $bh_label: $(tr '\n' ' ' <"$base.got")"
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
                diag "got ($bh_server):"
                diag_file "$base.got" 15
            fi
        done
    done
}
