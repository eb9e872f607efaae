#!/bin/sh
# autogen.sh: generate configure and Makefile.in from configure.ac and
# Makefile.am (a git checkout has neither). Needs autoconf, automake and
# pkg-config (for the PKG_* macros); then: ./configure && make && make check.
set -e
cd "$(dirname "$0")"
mkdir -p m4
autoreconf -fi
