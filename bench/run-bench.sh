#!/bin/sh
# bench/run-bench.sh SQLSHIFT CORPUS-DIR: throughput and peak memory of
# `sqlshift convert` over the corpus (run by `make bench`).
#
# For each corpus folder (tsql, plsql, mysql, with its -s dialect) the whole
# folder is converted to PostgreSQL by one sqlshift process, as a user runs
# it. The conversion is repeated until at least MIN_SECONDS of wall time have
# passed (the runs follow each other in one shell loop, so the time of a run
# is what starting and running sqlshift costs, with no timing tool inside the
# loop), and then a line
#   bench: <bytes> bytes in <s> s = <X> MB/s, peak RSS <Y> MB [dialect, runs]
# is printed. The peak RSS comes from one more run under GNU time.
#
# The whole-corpus line is the time of one conversion of the whole corpus:
# the corpus's bytes over the sum of the folders' mean times per run. (Until
# November 2026 this line divided the bytes of all runs by the time of all
# runs; since every folder ran for about MIN_SECONDS, that weighted the 39 KB
# mysql folder as much as the 1.6 MB tsql one, i.e. it was a time-weighted
# mean of the three folder rates, not the corpus's throughput.)
#
# A linearity check follows: the T-SQL corpus concatenated into one file
# (1x) and that file ten times (10x), and the ratio of their times (about 10
# when the run time is linear in the input). MB is 10^6 bytes for
# throughput, 2^20 bytes for RSS.
#
# Wall time depends on what else the machine runs; the lines
#   bench: <bytes> bytes in <s> s of CPU = <X> MB/s [dialect, user+sys]
# that follow the whole-corpus line give the same runs' throughput per
# second of CPU time (user + system), which a busy machine disturbs much
# less. It is read from the kernel's count of this shell's children
# (/proc/self/stat, clock ticks) before and after the loop.
#
# Figures only: speed never fails this script. It fails (exit 1) only when a
# conversion itself fails (crash, exit status >= 2) or a tool is missing.
# Peak RSS needs GNU time (/usr/bin/time; Debian package `time`).

set -eu
export LC_ALL=C

if [ $# -ne 2 ]; then
    echo "usage: $0 SQLSHIFT CORPUS-DIR" >&2
    exit 2
fi
SQLSHIFT=$1
CORPUS=$2
MIN_SECONDS=${MIN_SECONDS:-2}
MAX_RUNS=${MAX_RUNS:-200}

if [ ! -x "$SQLSHIFT" ]; then
    echo "bench: $SQLSHIFT: not an executable (build it first)" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench: /usr/bin/time not found (install the Debian package time)" >&2
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sqlshift-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=0

now() { date +%s.%N; }

# child_ticks: sets ticks to the user + system clock ticks of this shell's
# finished children (fields 16 and 17 of /proc/self/stat, read by the shell
# itself: no command substitution, which would be a child reading its own
# count). 0 without /proc.
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
child_ticks() {
    ticks=0
    if [ -r /proc/self/stat ]; then
        read -r ct_line </proc/self/stat
        ct_line=${ct_line##*) } # after "(comm) ": field 3 onwards
        # shellcheck disable=SC2086 # split on purpose
        set -- $ct_line
        ticks=$((${14} + ${15}))
    fi
}

# convert_once DIALECT INPUT...: one conversion; sets conv_st to its exit status.
# Its messages go to /dev/null: having the shell truncate and rewrite a log
# file before every run cost 0.6 ms per run on ext4 (measured on the mysql
# folder, 3.4 ms per run), which is the harness's cost, not sqlshift's
# (sqlshift still writes them). fail_run runs a failed conversion again to
# show them.
convert_once() {
    c_dialect=$1
    shift
    conv_st=0
    "$SQLSHIFT" convert -s "$c_dialect" -t postgresql -o "$tmp/out.sql" "$@" \
        >/dev/null 2>/dev/null || conv_st=$?
}

# fail_run DIALECT INPUT...: reports a failed conversion, with the first
# lines of its messages.
fail_run() {
    echo "bench: sqlshift convert -s $* failed with exit status $conv_st:" >&2
    f_dialect=$1
    shift
    "$SQLSHIFT" convert -s "$f_dialect" -t postgresql -o "$tmp/out.sql" "$@" >/dev/null 2>"$tmp/stderr" || true
    head -n 5 "$tmp/stderr" >&2
    failed=1
}

# peak_kb DIALECT INPUT...: sets run_kb to the peak RSS (kB) of one run.
# Returns 1 if the conversion failed.
peak_kb() {
    p_dialect=$1
    shift
    conv_st=0
    /usr/bin/time -v -o "$tmp/time.txt" "$SQLSHIFT" convert -s "$p_dialect" -t postgresql \
        -o "$tmp/out.sql" "$@" >/dev/null 2>"$tmp/stderr" || conv_st=$?
    if [ "$conv_st" -ge 2 ]; then
        fail_run "$p_dialect" "$@"
        return 1
    fi
    run_kb=$(awk -F': *' '/Maximum resident set size/ { print $2 }' "$tmp/time.txt")
    run_kb=${run_kb:-0}
}

# timed_loop N DIALECT INPUT...: N conversions in a row; sets loop_s (wall
# seconds) and loop_cpu (user + system seconds). Returns 1 if one failed.
timed_loop() {
    l_n=$1
    shift
    l_i=0
    child_ticks
    l_ticks0=$ticks
    l_t0=$(now)
    while [ "$l_i" -lt "$l_n" ]; do
        convert_once "$@"
        if [ "$conv_st" -ge 2 ]; then
            fail_run "$@"
            return 1
        fi
        l_i=$((l_i + 1))
    done
    l_t1=$(now)
    child_ticks
    loop_s=$(awk -v a="$l_t0" -v b="$l_t1" 'BEGIN { printf "%.6f", b - a }')
    loop_cpu=$(awk -v a="$l_ticks0" -v b="$ticks" -v hz="$HZ" 'BEGIN { printf "%.6f", (b - a) / hz }')
    return 0
}

# repeat LABEL DIALECT BYTES INPUT...: one run to size the loop, then a loop
# of at least MIN_SECONDS. Adds the mean time per run to the totals and
# prints the bench line.
total_bytes=0 total_s=0 total_kb=0 total_cpu=0 cpu_lines=
repeat() {
    r_label=$1 r_dialect=$2 r_bytes=$3
    shift 3
    timed_loop 1 "$r_dialect" "$@" || return 0
    r_runs=$(awk -v s="$loop_s" -v m="$MIN_SECONDS" -v x="$MAX_RUNS" 'BEGIN {
        n = (s > 0 ? int(m / s) + 1 : x); if (n > x) n = x; if (n < 1) n = 1; print n }')
    timed_loop "$r_runs" "$r_dialect" "$@" || return 0
    peak_kb "$r_dialect" "$@" || return 0
    report "$((r_bytes * r_runs))" "$loop_s" "$run_kb" "[$r_label, $r_runs runs]"
    total_bytes=$((total_bytes + r_bytes))
    total_s=$(awk -v a="$total_s" -v b="$loop_s" -v n="$r_runs" 'BEGIN { printf "%.6f", a + b / n }')
    total_cpu=$(awk -v a="$total_cpu" -v b="$loop_cpu" -v n="$r_runs" 'BEGIN { printf "%.6f", a + b / n }')
    if [ "$run_kb" -gt "$total_kb" ]; then total_kb=$run_kb; fi
    cpu_lines="$cpu_lines$(cpu_report "$((r_bytes * r_runs))" "$loop_cpu" "[$r_label, user+sys]")
"
}

# cpu_report BYTES CPU-SECONDS NOTE
cpu_report() {
    awk -v b="$1" -v s="$2" -v note="$3" 'BEGIN {
        printf "bench: %d bytes in %.2f s of CPU = %.1f MB/s %s\n", b, s, (s > 0 ? b / s / 1e6 : 0), note }'
}

# report BYTES SECONDS RSS-KB NOTE
report() {
    awk -v b="$1" -v s="$2" -v kb="$3" -v note="$4" 'BEGIN {
        printf "bench: %d bytes in %.2f s = %.1f MB/s, peak RSS %.1f MB %s\n",
            b, s, (s > 0 ? b / s / 1e6 : 0), kb / 1024, note }'
}

# ---- per dialect: the whole folder, as sqlshift walks it -----------------------
for d in tsql plsql mysql; do
    case $d in tsql) dialect=tsql ;; plsql) dialect=oracle ;; mysql) dialect=mysql ;; esac
    [ -d "$CORPUS/$d" ] || continue
    bytes=$(cat "$CORPUS/$d"/* | wc -c)
    repeat "$d" "$dialect" "$bytes" "$CORPUS/$d"
done
report "$total_bytes" "$total_s" "$total_kb" "[whole corpus, one pass: sum of the folders' mean times]"
printf '%s' "$cpu_lines"
cpu_report "$total_bytes" "$total_cpu" "[whole corpus, one pass, user+sys]"

# ---- linearity: 1x and 10x the T-SQL corpus as one file -------------------------
# UTF-16 files cannot be concatenated with UTF-8 ones, so only the UTF-8 files
# are used, without their BOMs and with a GO after each, so that batches stay
# separate.
if [ -d "$CORPUS/tsql" ]; then
    : >"$tmp/x1.sql"
    for f in "$CORPUS/tsql"/*; do
        if head -c 2 "$f" | od -An -tx1 | grep -Eq 'ff fe|fe ff'; then continue; fi
        sed '1s/^\xEF\xBB\xBF//' "$f" >>"$tmp/x1.sql"
        printf '\nGO\n' >>"$tmp/x1.sql"
    done
    for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$tmp/x1.sql"; done >"$tmp/x10.sql"
    # Best of three for each size, to damp noise.
    best() {
        b_best=""
        for _ in 1 2 3; do
            timed_loop 1 tsql "$1" || return 1
            b_best=$(awk -v a="${b_best:-$loop_s}" -v c="$loop_s" 'BEGIN { printf "%.6f", (c < a ? c : a) }')
        done
        echo "$b_best"
    }
    if s1=$(best "$tmp/x1.sql") && s10=$(best "$tmp/x10.sql"); then
        report "$(wc -c <"$tmp/x1.sql")" "$s1" 0 "[linearity 1x, best of 3]" | sed 's/, peak RSS.*\[/ [/'
        report "$(wc -c <"$tmp/x10.sql")" "$s10" 0 "[linearity 10x, best of 3]" | sed 's/, peak RSS.*\[/ [/'
        awk -v a="$s1" -v b="$s10" 'BEGIN { printf "bench: linearity: 10x input took %.1fx the time of 1x (10.0 = linear)\n", (a > 0 ? b / a : 0) }'
    else
        failed=1
    fi
fi

exit "$failed"
