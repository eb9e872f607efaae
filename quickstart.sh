#!/bin/sh
# sqlshift quick start for a fresh Debian 12 machine: installs the build and
# runtime dependencies, builds, and converts the bundled examples (one script
# per source dialect) to PostgreSQL, with an assessment report for each.
set -eu
cd "$(dirname "$0")"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq build-essential autoconf automake libtool pkg-config re2c \
    libxml2-dev libpcre2-dev libpq-dev default-libmysqlclient-dev freetds-dev libcsv-dev \
    check >/dev/null
[ -x configure ] || autoreconf -fi
[ -f Makefile ] || ./configure -q
make -j"$(nproc)" >/dev/null
mkdir -p out
for d in tsql oracle mysql; do
    ./src/sqlshift convert -q -s "$d" -t postgresql -o "out/$d-postgresql.sql" \
        --report "out/$d-report" "examples/$d"
    echo "$d: converted SQL in out/$d-postgresql.sql, HTML report in out/$d-report/report.html"
done
