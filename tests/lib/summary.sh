# shellcheck shell=sh
# tests/lib/summary.sh: count test results from automake test-suite.log files
# (used by tests/run-all.sh and .ci/run).
#
#   suite_counts LOG...   prints "PASSED FAILED SKIPPED" summed over the logs
#   summary_line P F S    prints "P passed, F failed" (", S skipped" if S > 0)
#
# The automake TAP driver counts every TAP result line, so these are counts of
# individual test cases. Each log's header holds, once:
#   # TOTAL: n  # PASS: n  # SKIP: n  # XFAIL: n  # FAIL: n  # XPASS: n  # ERROR: n
# Only that first block is read: the test logs appended below it may carry
# TAP diagnostics that look the same. Passed = PASS; failed = FAIL + ERROR +
# XPASS (a test that passes when it was marked as expected to fail needs a
# look, as does an ERROR: a test that crashed, bailed out or exited
# non-zero); skipped = SKIP + XFAIL (an expected failure, a TAP "# TODO" for a
# known bug, did not pass: it is counted with what was not done).

suite_counts() {
    awk '
        FNR == 1 { done = 0; split("", seen) }
        done { next }
        /^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR): *[0-9]+[ \t]*$/ {
            k = $2; sub(/:$/, "", k)
            if (!(k in seen)) { seen[k] = 1; v[k] += $3 }
            if (k == "ERROR") done = 1
        }
        END {
            printf "%d %d %d\n", v["PASS"], v["FAIL"] + v["ERROR"] + v["XPASS"], v["SKIP"] + v["XFAIL"]
        }' "$@"
}

summary_line() {
    if [ "${3:-0}" -gt 0 ]; then
        echo "$1 passed, $2 failed, $3 skipped"
    else
        echo "$1 passed, $2 failed"
    fi
}
