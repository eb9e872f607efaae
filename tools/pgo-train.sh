#!/bin/sh
# tools/pgo-train.sh TRAIN-BINARY SRCDIR: the training run of a profile-guided
# build (Makefile.am; configure --disable-pgo turns it off).
#
# TRAIN-BINARY is sqlshift built with -fprofile-generate. It converts the
# bundled examples and the test inputs, every source dialect to both targets:
# the bulk and the variety of what users convert (DDL, data, stored code, bad
# input). Not tests/corpus: `make bench` measures that, and a profile taken
# from it would flatter the figures. GCC writes the counts next to the objects
# (NAME.gcda), where the second compilation of the same objects finds them.
#
# Fails (exit 1) if a conversion crashes (exit status >= 2) or no counts were
# written: a build must not go on with a profile of a broken run.

set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 TRAIN-BINARY SRCDIR" >&2
    exit 2
fi
bin=$1
src=$2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sqlshift-pgo.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# run ARGS...: one conversion (ARGS include -o)
run() {
    st=0
    "$bin" convert "$@" >/dev/null 2>"$tmp/err" || st=$?
    if [ "$st" -ge 2 ]; then
        echo "pgo-train: sqlshift convert $* failed with exit status $st:" >&2
        head -n 5 "$tmp/err" >&2
        exit 1
    fi
}

for pair in tsql:tsql oracle:oracle mysql:mysql; do
    s=${pair%%:*}
    ex=${pair##*:}
    for t in postgresql mysql; do
        run -s "$s" -t "$t" -o "$tmp/out.sql" \
            "$src/examples/$ex" "$src/tests/golden/$s-$t" "$src/tests/errors/$s"
        run -s "$s" -t "$t" --split -o "$tmp/split" "$src/examples/$ex"
    done
done
# stored code: the behaviour cases' T-SQL routines, to both targets
for t in postgresql mysql; do
    run -s tsql -t "$t" -o "$tmp/out.sql" "$src/tests/behaviour"
done

if [ -z "$(find src -name '*.gcda' | head -n 1)" ]; then
    echo "pgo-train: $bin wrote no profile (*.gcda under src/)" >&2
    exit 1
fi
