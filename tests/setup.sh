# shellcheck shell=sh
# tests/setup.sh: common start of every shell test. Source it first:
#
#   . "${top_srcdir:-$(dirname "$0")/..}/tests/setup.sh"
#
# It gives: the TAP helpers (tests/lib/tap.sh), `set -eu`, LC_ALL=C (byte
# order, untranslated messages), $top_srcdir / $top_builddir (set by
# `make check`; derived from the script's place when run by hand), $SQLSHIFT
# (must be an executable: bails out otherwise), and $tmp, a fresh temporary
# folder that is removed when the test exits however it exits.

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
export top_srcdir top_builddir

# shellcheck source=lib/tap.sh disable=SC1091
. "$top_srcdir/tests/lib/tap.sh"

set -eu
LC_ALL=C
export LC_ALL

# shellcheck disable=SC2034 # used by the tests that source this file
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sqlshift-test.XXXXXX")
# shellcheck disable=SC2016 # expanded when the exit trap runs
at_exit 'rm -rf "$tmp"'

SQLSHIFT=${SQLSHIFT:-$top_builddir/src/sqlshift}
export SQLSHIFT
if [ ! -f "$SQLSHIFT" ] || [ ! -x "$SQLSHIFT" ]; then
    bail_out "sqlshift binary not found or not executable: $SQLSHIFT (build it first, or set SQLSHIFT)"
fi

# sanitizer_report FILE: true when FILE (a captured stderr) holds an
# AddressSanitizer, LeakSanitizer or UndefinedBehaviorSanitizer report.
sanitizer_report() {
    grep -Eq 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer)' "$1"
}
