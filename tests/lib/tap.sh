# shellcheck shell=sh
# tests/lib/tap.sh: small TAP (Test Anything Protocol) helpers for the shell
# tests. POSIX sh, so that both sh and bash tests can source it.
#
#   plan N              print "1..N" first (or call done_testing at the end)
#   skip_all REASON     print "1..0 # SKIP REASON" and exit 0 (whole script skipped)
#   ok DESC             a passing test
#   not_ok DESC         a failing test
#   result STATUS DESC  ok when STATUS is 0, else not ok
#   check DESC CMD...   run CMD; ok when it exits 0
#   skip REASON [N]     N (default 1) skipped tests
#   diag TEXT...        "# " before each line of TEXT (stdout, so the log keeps order)
#   diag_file FILE [N]  the first N (default 20) lines of FILE as diagnostics
#   bail_out REASON     "Bail out! REASON" and exit 1: the whole test is an ERROR
#   done_testing        print "1..N" if no plan was given; always returns 0
#   at_exit CMD         run CMD (a string, eval'ed) when the script exits, on
#                       any exit path and on HUP/INT/TERM; last registered runs first
#
# Failures are reported as "not ok" lines, and the script still exits 0: the
# automake TAP driver counts every result, and a non-zero exit would add an
# extra ERROR. Use bail_out for a broken set-up.

if [ -z "${_TAP_SH_LOADED:-}" ]; then
_TAP_SH_LOADED=1
_tap_n=0
_tap_failed=0
_tap_planned=
_tap_exit_cmds=
_tap_traps=

plan() {
    _tap_planned=$1
    echo "1..$1"
}

skip_all() {
    echo "1..0 # SKIP $*"
    exit 0
}

ok() {
    _tap_n=$((_tap_n + 1))
    echo "ok $_tap_n - $*"
}

not_ok() {
    _tap_n=$((_tap_n + 1))
    _tap_failed=$((_tap_failed + 1))
    echo "not ok $_tap_n - $*"
}

result() {
    _tap_st=$1
    shift
    if [ "$_tap_st" -eq 0 ]; then ok "$@"; else not_ok "$@"; fi
}

check() {
    _tap_desc=$1
    shift
    if "$@"; then ok "$_tap_desc"; else not_ok "$_tap_desc"; fi
}

skip() {
    _tap_i=0
    while [ "$_tap_i" -lt "${2:-1}" ]; do
        _tap_n=$((_tap_n + 1))
        echo "ok $_tap_n # SKIP $1"
        _tap_i=$((_tap_i + 1))
    done
}

diag() {
    printf '%s\n' "$*" | sed 's/^/# /'
}

diag_file() {
    if [ -r "$1" ]; then
        head -n "${2:-20}" "$1" | sed 's/^/# /'
    fi
}

bail_out() {
    echo "Bail out! $*"
    exit 1
}

done_testing() {
    if [ -z "$_tap_planned" ]; then
        echo "1..$_tap_n"
        _tap_planned=$_tap_n
    fi
    return 0
}

# Number of failures so far (for scripts that want to summarise).
tap_failed() {
    echo "$_tap_failed"
}

at_exit() {
    _tap_exit_cmds="$1
$_tap_exit_cmds"
    if [ -z "$_tap_traps" ]; then
        _tap_traps=1
        trap _tap_on_exit EXIT
        # A signal must end the script through exit, so that the EXIT trap
        # runs (dash does not run it on death by signal).
        trap 'exit 129' HUP
        trap 'exit 130' INT
        trap 'exit 143' TERM
    fi
}

_tap_on_exit() {
    _tap_st=$?
    trap '' HUP INT TERM
    trap - EXIT
    set +e
    _tap_cmds=$_tap_exit_cmds
    _tap_exit_cmds=
    eval "$_tap_cmds"
    exit "$_tap_st"
}
fi
