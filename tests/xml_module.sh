#!/bin/sh
# tests/xml_module.sh: what needs libxml2 (user rule files, report.html) is
# a module that sqlshift opens only when a run needs it (src/xml/xml_module.h);
# the built-in rules are compiled to C tables.
#  - the program links no libxml2 (nor ICU, libstdc++); the module does and
#    exports only sqlshift_xml_module; the program exports what it calls back;
#  - a plain convert, and `rules list`, work without the module and never
#    map libxml2;
#  - --report and --rules use it (report.html written, a user rule applied);
#  - a missing or broken module is named, with the loader's reason.
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
tmp=${tmp:?tests/setup.sh sets tmp}

module=$(dirname "$SQLSHIFT")/.libs/sqlshift_xml.so
[ -f "$module" ] || bail_out "XML module not built: $module"

plan 16

deps=$(ldd "$SQLSHIFT")
# (the sanitizer runtimes bring libstdc++ themselves)
unwanted='libxml2|libicu|libstdc\+\+'
if printf '%s\n' "$deps" | grep -q libasan; then unwanted='libxml2|libicu'; fi
if printf '%s\n' "$deps" | grep -Eq "$unwanted"; then
    not_ok "sqlshift links none of $unwanted"
    diag "$deps"
else
    ok "sqlshift links none of $unwanted"
fi
check "the module links libxml2" sh -c "ldd '$module' | grep -q libxml2"

syms=$(nm -D --defined-only "$module" | awk '{ print $3 }' | grep -v '^_' | tr '\n' ' ')
check "the module exports only sqlshift_xml_module (got: $syms)" test "$syms" = "sqlshift_xml_module "

# The module's calls into the program (src/xml/host.sym) must be exported.
exported=$(nm -D --defined-only "$SQLSHIFT" | awk '{ print $3 }')
missing=
for s in $(sed -n 's/^ *\([A-Za-z_][A-Za-z0-9_]*\);$/\1/p' "$top_srcdir/src/xml/host.sym"); do
    printf '%s\n' "$exported" | grep -qx "$s" || missing="$missing $s"
done
check "the program exports every symbol of src/xml/host.sym (missing:$missing)" test -z "$missing"

printf 'CREATE TABLE t (a int, b datetime);\n' >"$tmp/in.sql"
st=0
LD_DEBUG=libs SQLSHIFT_XML_MODULE=/nonexistent/sqlshift_xml.so "$SQLSHIFT" convert -q -s tsql -t postgresql \
    -o "$tmp/out.sql" "$tmp/in.sql" 2>"$tmp/ld.txt" || st=$?
result $st "convert works without the module"
check "convert output is there" grep -q 'b timestamp(3)' "$tmp/out.sql"
if ! grep -q 'calling init: .*libpcre2' "$tmp/ld.txt"; then
    not_ok "convert loads no libxml2 (no LD_DEBUG=libs trace)"
elif grep -Eq 'calling init: .*(libxml2|libicu)' "$tmp/ld.txt"; then
    not_ok "convert loads no libxml2"
    diag "$(grep -E 'calling init: .*(libxml2|libicu)' "$tmp/ld.txt")"
else
    ok "convert loads no libxml2"
fi
SQLSHIFT_XML_MODULE=/nonexistent/sqlshift_xml.so "$SQLSHIFT" rules list >"$tmp/list.txt"
check "rules list works without the module (the compiled catalogue)" \
    grep -q '^SS0010	high	syntax	60	Statement not understood, kept verbatim$' "$tmp/list.txt"

# With the module, found next to the program.
st=0
LD_DEBUG=libs "$SQLSHIFT" convert -q -s tsql -t postgresql -o "$tmp/out.sql" --report "$tmp/rep" \
    "$tmp/in.sql" 2>"$tmp/ld.txt" || st=$?
if [ "$st" -eq 0 ] && grep -q '<h1>' "$tmp/rep/report.html" && grep -q 'calling init: .*libxml2' "$tmp/ld.txt"; then
    ok "--report loads the module and writes report.html"
else
    not_ok "--report loads the module and writes report.html (status $st)"
fi
cat >"$tmp/rules.xml" <<'XML'
<?xml version="1.0"?>
<rules xmlns="urn:sqlshift:rules:1" source="tsql">
  <type name="DATETIME" to="timestamp(6)"/>
</rules>
XML
st=0
"$SQLSHIFT" convert -q -s tsql -t postgresql --rules "$tmp/rules.xml" -o "$tmp/out.sql" "$tmp/in.sql" || st=$?
result $st "--rules FILE with the module"
check "the user's type rule applies" grep -q 'b timestamp(6)' "$tmp/out.sql"

# expect_fail MODULE EXPECTED-TEXT DESC CMD...: CMD with SQLSHIFT_XML_MODULE=MODULE
# fails with status 4 and EXPECTED-TEXT on stderr.
expect_fail() {
    ef_mod=$1 ef_text=$2 ef_desc=$3
    shift 3
    ef_st=0
    SQLSHIFT_XML_MODULE=$ef_mod "$@" >"$tmp/o.txt" 2>"$tmp/err.txt" || ef_st=$?
    if [ "$ef_st" -eq 4 ] && grep -qF "$ef_text" "$tmp/err.txt"; then
        ok "$ef_desc"
    else
        not_ok "$ef_desc (status $ef_st)"
        diag_file "$tmp/err.txt"
    fi
}
expect_fail "$tmp/none.so" \
    "$tmp/rules.xml: cannot read rule files: the XML module $tmp/none.so (SQLSHIFT_XML_MODULE) does not exist" \
    "--rules without the module: the file and the module are named, status 4" \
    "$SQLSHIFT" convert -q -s tsql -t postgresql --rules "$tmp/rules.xml" "$tmp/in.sql"
expect_fail "$tmp/none.so" \
    "cannot write $tmp/rep2/report.html: the XML module $tmp/none.so (SQLSHIFT_XML_MODULE) does not exist" \
    "--report without the module: report.html and the module are named, status 4" \
    "$SQLSHIFT" convert -q -s tsql -t postgresql --report "$tmp/rep2" "$tmp/in.sql"
check "--report without the module leaves no report files" test -z "$(ls -A "$tmp/rep2" 2>/dev/null)"
printf 'not a shared object\n' >"$tmp/bad.so"
expect_fail "$tmp/bad.so" "cannot load the XML module $tmp/bad.so: " \
    "a broken module is named with the loader's reason, status 4" \
    "$SQLSHIFT" rules check "$tmp/rules.xml"
# A shared object that is not the module: libc has no sqlshift_xml_module.
libc=$(ldd "$SQLSHIFT" | awk '/libc\.so/ { print $3 }')
expect_fail "$libc" "does not belong to this sqlshift (no sqlshift_xml_module)" \
    "a shared object without the table is refused, status 4" \
    "$SQLSHIFT" rules check "$tmp/rules.xml"
