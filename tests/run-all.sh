#!/bin/bash
# tests/run-all.sh: build sqlshift and run its test suite, from a fresh
# checkout or an existing build, ending with one line
#   N passed, N failed[, N skipped]
# counted per test case from the automake test-suite.log. Exit status 0 only
# when the build worked and nothing failed.
#
#   tests/run-all.sh [--sanitizers] [--builddir DIR] [-j N] [TEST...]
#
#   --sanitizers   configure with --enable-sanitizers (ASan + UBSan) and run
#                  the tests with SANITIZERS=1 and ASAN_OPTIONS=detect_leaks=1
#   --builddir DIR where to build (default _build, or _build-san with
#                  --sanitizers; "." builds in the source tree, the default
#                  when the source tree is configured already)
#   TEST...        run only these tests (as named in Makefile.am TESTS)
#   CONFIGURE_FLAGS in the environment: more options for configure.
#
# Steps: ./autogen.sh (when configure is missing or older than configure.ac),
# configure (when the build folder has no Makefile yet, or other options),
# make, make check. The build dependencies are listed in .ci/run (Debian 12
# packages). Live tests start throwaway PostgreSQL and MariaDB servers in
# /tmp (tests/lib/servers.sh); no root needed except that, as root, the
# servers run as the postgres / mysql system users.
set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=lib/summary.sh disable=SC1091
. "$srcdir/tests/lib/summary.sh"

sanitizers=0
builddir=
jobs=$(nproc 2>/dev/null || echo 2)
tests=()
while [ $# -gt 0 ]; do
    case $1 in
        --sanitizers) sanitizers=1 ;;
        --builddir) builddir=$2; shift ;;
        --builddir=*) builddir=${1#*=} ;;
        -j) jobs=$2; shift ;;
        -j*) jobs=${1#-j} ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run-all.sh: unknown option $1" >&2; exit 2 ;;
        *) tests+=("$1") ;;
    esac
    shift
done

if [ -z "$builddir" ]; then
    if [ "$sanitizers" = 1 ]; then
        builddir=$srcdir/_build-san
    elif [ -f "$srcdir/config.status" ]; then
        builddir=$srcdir # already configured in the source tree: build there
    else
        builddir=$srcdir/_build
    fi
fi
case $builddir in /*) ;; *) builddir=$PWD/$builddir ;; esac

# Automake refuses an out-of-tree build of a source tree configured in-tree.
if [ "$(cd "$builddir" 2>/dev/null && pwd)" != "$srcdir" ] && [ -f "$srcdir/config.status" ]; then
    echo "run-all.sh: $srcdir is configured in the source tree, so it cannot also be built in" >&2
    echo "run-all.sh: $builddir; run 'make distclean' there, or use --builddir ." >&2
    exit 2
fi
mkdir -p "$builddir"
builddir=$(cd "$builddir" && pwd)

configure_flags=()
if [ "$sanitizers" = 1 ]; then
    configure_flags+=(--enable-sanitizers)
    export SANITIZERS=1
    # Leak checks in the tests; UBSan stops at the first report with a trace.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fi
# shellcheck disable=SC2206 # CONFIGURE_FLAGS is a list of words
configure_flags+=(${CONFIGURE_FLAGS:-})

failed_steps=0
finish() {
    local counts p f s
    if [ -f "$builddir/test-suite.log" ]; then
        counts=$(suite_counts "$builddir/test-suite.log")
    else
        counts="0 0 0"
    fi
    read -r p f s <<<"$counts"
    f=$((f + failed_steps))
    echo "run-all.sh: test logs in $builddir (test-suite.log, tests/*.log)"
    summary_line "$p" "$f" "$s"
    if [ "$f" -gt 0 ]; then exit 1; fi
    exit 0
}
step_failed() {
    echo "run-all.sh: $1 failed" >&2
    failed_steps=$((failed_steps + 1))
    finish
}

# 1. autogen
cd "$srcdir"
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    echo "run-all.sh: ./autogen.sh"
    ./autogen.sh || step_failed "autogen.sh"
fi

# 2. configure (again when the options changed since the last run)
cd "$builddir"
stamp="$builddir/.run-all-configure-flags"
want="${configure_flags[*]:-}"
if [ ! -f Makefile ] || { [ "$builddir" != "$srcdir" ] && [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; }; then
    echo "run-all.sh: configure${want:+ $want}"
    "$srcdir/configure" "${configure_flags[@]}" >configure.out 2>&1 || {
        tail -n 30 configure.out >&2
        step_failed "configure"
    }
    echo "$want" >"$stamp"
fi

# 3. build the program and the test programs (check_PROGRAMS: "make check"
# with no TESTS builds them and runs nothing). A leak in a build-time tool
# (tools/embed) must not stop the build; leaks are checked in the tests.
echo "run-all.sh: make -j$jobs"
{ ASAN_OPTIONS=detect_leaks=0 make -j"$jobs" && ASAN_OPTIONS=detect_leaks=0 make -j"$jobs" check TESTS=; } \
    >make.out 2>&1 || {
    tail -n 40 make.out >&2
    step_failed "make"
}

# The counts are per test case only when the TAP driver runs the tests:
# automake applies TEST_LOG_DRIVER only to tests named *.test, and LOG_DRIVER
# to the rest (tests/*.sh, tests/unit/check_unit).
if ! grep -q '^LOG_DRIVER = .*tap-driver' Makefile; then
    echo "run-all.sh: warning: Makefile's LOG_DRIVER is not build-aux/tap-driver.sh, so results are" >&2
    echo "run-all.sh: warning: counted per test script, not per TAP test case (set LOG_DRIVER in Makefile.am)" >&2
fi

# 4. test. A stale test-suite.log must not be counted if this run dies early.
# The full output goes to check.out; shown here: the results that are not
# passes, the summary, and the logs of the failing tests (test-suite.log,
# capped, so that a CI log shows why without drowning).
rm -f test-suite.log
echo "run-all.sh: make check${tests[*]:+ TESTS=\"${tests[*]}\"}"
st=0
if [ ${#tests[@]} -gt 0 ]; then
    make -j"$jobs" check TESTS="${tests[*]}" >check.out 2>&1 || st=$?
else
    make -j"$jobs" check >check.out 2>&1 || st=$?
fi
grep -E '^(FAIL|ERROR|XPASS|SKIP|# [A-Z]+: |See |Testsuite summary|=+$)' check.out || true
if [ "$st" -ne 0 ] && [ ! -f test-suite.log ]; then
    tail -n 40 check.out >&2
    step_failed "make check (no test-suite.log: a test program did not build?)"
fi
if [ "$st" -ne 0 ]; then
    echo "run-all.sh: ---- $builddir/test-suite.log (first 1500 lines) ----"
    head -n 1500 test-suite.log
    echo "run-all.sh: ---- end of test-suite.log ----"
fi
finish
