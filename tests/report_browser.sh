#!/bin/sh
# tests/report_browser.sh: the HTML assessment report in a real browser.
# `sqlshift assess` writes a report for the T-SQL examples, and headless
# Chromium loads it from disk: the rendered DOM must hold the title, the
# totals, an object name, an action code and both SVG charts; every anchor
# link must have its target; nothing may be loaded from the network; the
# browser must log no script error or console message (the page has no
# script); hostile names and snippets in the input must stay text; a
# screenshot at 1280x2000 must be a real picture (> 10 KB); and for a
# routine with action items, the Routines table shows its status, items and
# effort as objects.csv does, and its item's location links to an embedded
# source line (an anchor that exists and holds that line's text, escaped).
# Without Chromium the test is skipped, except under CI=true where it fails.
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
tmp=${tmp:?tests/setup.sh sets tmp}

browser=
for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then
        browser=$b
        break
    fi
done
if [ -z "$browser" ]; then
    if [ "${CI:-}" = true ]; then
        bail_out "chromium not installed (CI=true: the browser test must not be skipped)"
    fi
    skip_all "chromium not installed"
fi

timeout_cmd=
if command -v timeout >/dev/null 2>&1; then
    timeout_cmd="timeout 180"
fi

# chrome OUT ERR ARGS...: one headless run with a fresh profile; stdout to
# OUT, stderr (with the browser's log) to ERR. Returns the browser's status.
chrome() {
    _out=$1
    _err=$2
    shift 2
    _prof=$(mktemp -d "$tmp/profile.XXXXXX")
    _st=0
    # shellcheck disable=SC2086 # timeout_cmd is a command and its argument
    $timeout_cmd "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$_prof" --enable-logging=stderr --v=0 "$@" >"$_out" 2>"$_err" || _st=$?
    rm -rf "$_prof"
    return $_st
}

# Console messages and uncaught exceptions as the browser logs them.
console_errors() {
    grep -E 'Uncaught|CONSOLE' "$1"
}

# Inputs: the T-SQL examples, else a corpus script.
inputs=
if [ -d "$top_srcdir/examples" ]; then
    inputs=$(find "$top_srcdir/examples" -type f -path '*tsql*' -name '*.sql' | LC_ALL=C sort)
fi
if [ -z "$inputs" ]; then
    inputs=$top_srcdir/tests/corpus/tsql/pubs_instpubs.sql
fi

plan 17

# 1: the report is written
rep=$tmp/rep
st=0
# shellcheck disable=SC2086 # one word per input file
"$SQLSHIFT" assess -s tsql -t postgresql -q -o "$rep" $inputs >"$tmp/assess.out" 2>"$tmp/assess.err" || st=$?
missing=
for f in summary.csv action_items.csv objects.csv report.html report.json; do
    [ -s "$rep/$f" ] || missing="$missing $f"
done
if [ $st -eq 0 ] && [ -z "$missing" ] && ! sanitizer_report "$tmp/assess.err"; then
    ok "assess writes the five report files"
else
    not_ok "assess writes the five report files"
    diag "exit status $st; missing:${missing:- none}"
    diag_file "$tmp/assess.err"
fi
if [ ! -s "$rep/report.html" ]; then
    bail_out "no report.html to load"
fi

# 2: the browser loads the page and gives back its DOM
url=file://$rep/report.html
if chrome "$tmp/dom.html" "$tmp/dom.err" --dump-dom "$url" && [ -s "$tmp/dom.html" ]; then
    ok "chromium renders report.html"
else
    not_ok "chromium renders report.html"
    diag_file "$tmp/dom.err" 30
fi

# 3: title
if grep -q '<title>sqlshift assessment: tsql -&gt; postgresql</title>' "$tmp/dom.html" &&
    grep -q '<h1>sqlshift assessment: tsql -&gt; postgresql</h1>' "$tmp/dom.html"; then
    ok "title and heading name the dialects"
else
    not_ok "title and heading name the dialects"
fi

# 4: totals as in summary.csv (its last row: TOTAL,objects,...,items,hours)
total=$(tail -n 1 "$rep/summary.csv")
n_obj=$(echo "$total" | cut -d, -f2)
n_items=$(echo "$total" | cut -d, -f7)
hours=$(echo "$total" | cut -d, -f8)
if grep -q "<span class=\"value\">$n_obj</span>" "$tmp/dom.html" &&
    grep -q "<span class=\"value\">$n_items</span>" "$tmp/dom.html" &&
    grep -q "<span class=\"value\">$hours h</span>" "$tmp/dom.html" &&
    grep -Eq '<span class="value">(low|medium|high|very high)</span>' "$tmp/dom.html"; then
    ok "totals: $n_obj objects, $n_items action items, $hours h, a complexity rating"
else
    not_ok "totals: $n_obj objects, $n_items action items, $hours h, a complexity rating"
    diag "summary.csv TOTAL row: $total"
fi

# 5: an object name (a plain one from objects.csv: no quoting, no markup)
name=$(awk -F, 'NR > 1 && $3 ~ /^[A-Za-z_][A-Za-z0-9_]*$/ { print $3; exit }' "$rep/objects.csv")
if [ -n "$name" ] && grep -q "$name" "$tmp/dom.html"; then
    ok "an object name is shown ($name)"
else
    not_ok "an object name is shown (${name:-none found in objects.csv})"
fi

# 6: an action code, with its anchor
code=$(awk -F, 'NR == 2 { print $1; exit }' "$rep/action_items.csv")
if [ -z "$code" ]; then
    skip "the examples gave no action item"
elif grep -q "<code>$code</code>" "$tmp/dom.html" && grep -q 'id="item-1"' "$tmp/dom.html"; then
    ok "an action code is shown ($code)"
else
    not_ok "an action code is shown ($code)"
fi

# 7: both charts, as inline SVG with bars
if grep -q '<svg[^>]*id="chart-status"' "$tmp/dom.html" && grep -q '<rect class="st-' "$tmp/dom.html" &&
    { grep -q '<svg[^>]*id="chart-effort"' "$tmp/dom.html" || [ -z "$code" ]; }; then
    ok "the SVG charts are present"
else
    not_ok "the SVG charts are present"
fi

# 8: every in-page link has its target
grep -o 'href="#[^"]*"' "$tmp/dom.html" | sed 's/^href="#//; s/"$//' | LC_ALL=C sort -u >"$tmp/hrefs"
grep -o ' id="[^"]*"' "$tmp/dom.html" | sed 's/^ id="//; s/"$//' | LC_ALL=C sort -u >"$tmp/ids"
dangling=$(LC_ALL=C comm -23 "$tmp/hrefs" "$tmp/ids" | head -n 5)
if [ -s "$tmp/hrefs" ] && [ -z "$dangling" ]; then
    ok "anchor links resolve ($(wc -l <"$tmp/hrefs" | tr -d ' ') targets)"
else
    not_ok "anchor links resolve"
    diag "dangling: ${dangling:-no links at all}"
fi

# 9: self-contained: no script, nothing fetched from elsewhere
ext=$(grep -Eo '(src|href)="[a-z]+:[^"]*"|@import|url\(|https?://[^" ]*' "$rep/report.html" |
    grep -v '^http://www.w3.org/2000/svg$' | head -n 3 || true)
if ! grep -q '<script' "$rep/report.html" && [ -z "$ext" ]; then
    ok "report.html loads nothing from outside and has no script"
else
    not_ok "report.html loads nothing from outside and has no script"
    diag "found: $ext"
fi

# 10: no script error, no console message
if ! console_errors "$tmp/dom.err" >/dev/null; then
    ok "no console message or script error"
else
    not_ok "no console message or script error"
    console_errors "$tmp/dom.err" | head -n 10 | sed 's/^/# /'
fi

# 11: the console check itself works (a page with a failing script is caught)
printf '<!DOCTYPE html><title>t</title><script>undefined_function_x();</script>\n' >"$tmp/bad.html"
chrome "$tmp/bad.dom" "$tmp/bad.err" --dump-dom "file://$tmp/bad.html" || true
if console_errors "$tmp/bad.err" >/dev/null; then
    ok "a script error would be noticed"
else
    not_ok "a script error would be noticed (browser log format changed?)"
fi

# 12: hostile text from the input stays text
mkdir -p "$tmp/evil"
cat >"$tmp/evil/evil_tsql.sql" <<'EOF'
CREATE TABLE [dbo].[x</td><script>alert(1)</script>] ([id] INT NOT NULL);
GO
CREATE PROCEDURE [dbo].[p"q'r] AS
BEGIN
    SELECT '</pre><script>alert(2)</script>' AS [a&b];
END
GO
EOF
"$SQLSHIFT" assess -s tsql -t postgresql -q -o "$tmp/evil/rep" "$tmp/evil/evil_tsql.sql" \
    >/dev/null 2>"$tmp/evil.err" || true
if [ -s "$tmp/evil/rep/report.html" ] &&
    chrome "$tmp/evil.dom" "$tmp/evil.dom.err" --dump-dom "file://$tmp/evil/rep/report.html" &&
    ! grep -q '<script' "$tmp/evil.dom" && grep -q '&lt;script&gt;alert(' "$tmp/evil.dom" &&
    ! console_errors "$tmp/evil.dom.err" >/dev/null; then
    ok "names and snippets with markup stay text"
else
    not_ok "names and snippets with markup stay text"
    diag_file "$tmp/evil.err"
    grep -n 'script' "$tmp/evil.dom" 2>/dev/null | head -n 5 | sed 's/^/# /'
fi

# 13-14: a screenshot that is a real picture
shot=$tmp/report.png
chrome "$tmp/shot.out" "$tmp/shot.err" --screenshot="$shot" --window-size=1280,2000 "$url" || true
if [ -f "$shot" ]; then
    ok "screenshot written"
else
    not_ok "screenshot written"
    diag_file "$tmp/shot.err" 30
fi
size=$(wc -c <"$shot" 2>/dev/null | tr -d ' ' || echo 0)
if [ "${size:-0}" -gt 10240 ]; then
    ok "screenshot is not blank ($size bytes)"
else
    not_ok "screenshot is not blank (${size:-0} bytes, want > 10240)"
fi
if [ -n "${REPORT_SCREENSHOT:-}" ] && [ -f "$shot" ]; then
    cp "$shot" "$REPORT_SCREENSHOT" # keep it for a look by hand
fi

# 15-17: per-routine rows and item locations linked to the source lines
mkdir -p "$tmp/src"
cat >"$tmp/src/routines_tsql.sql" <<'EOF'
CREATE TABLE dbo.t (id int NOT NULL);
GO
-- a comment line between objects

CREATE PROCEDURE dbo.p_lines @a int AS
BEGIN
    SELECT '<b>&amp;</b>' AS x WHERE @a > 0;
END
GO
EOF
"$SQLSHIFT" assess -s tsql -t postgresql -q -o "$tmp/src/rep" "$tmp/src/routines_tsql.sql" \
    >/dev/null 2>"$tmp/src.err" || true
if [ -s "$tmp/src/rep/report.html" ] &&
    chrome "$tmp/src.dom" "$tmp/src.dom.err" --dump-dom "file://$tmp/src/rep/report.html"; then
    ok "a report with a routine renders"
else
    not_ok "a report with a routine renders"
    diag_file "$tmp/src.err"
fi
# the routine's row: objects.csv gives status, items and effort; the
# Routines table must show the same
row=$(awk -F, '$1 == "procedure" { print $9 "," $10 "," $12; exit }' "$tmp/src/rep/objects.csv")
st=${row%%,*}
eff=${row##*,}
flat=$(tr -d '\n' <"$tmp/src.dom")
if [ -n "$row" ] && printf '%s' "$flat" | grep -q "<section id=\"routines\">.*p_lines</a></td><td><span class=\"badge st-$st\">$st</span></td><td class=\"links\"><a [^>]*href=\"#item-[0-9]*\"[^>]*>SS[0-9]*</a></td><td class=\"num\">$eff</td>"; then
    ok "Routines table: p_lines is $st with its item and $eff minutes"
else
    not_ok "Routines table: p_lines (objects.csv: ${row:-no procedure row})"
    printf '%s' "$flat" | grep -o '<section id="routines">.\{0,600\}' | head -c 600 | sed 's/^/# /'
    echo
fi
# the procedure's item location links to line 5, which holds its CREATE, and
# line 7's markup stays text
href=$(grep -o '<a class="range" href="#src-[0-9]*-[0-9]*"' "$tmp/src.dom" | tail -n 1 | sed 's/.*href="#//; s/"$//')
if [ -n "$href" ] && [ "${href##*-}" = 5 ] &&
    grep -q "<span class=\"line hit\" id=\"$href\"><a class=\"no\" href=\"#item-[0-9]*\"[^>]*>5</a> CREATE PROCEDURE dbo.p_lines @a int AS" "$tmp/src.dom" &&
    grep -q "id=\"src-[0-9]*-7\"><span class=\"no\">7</span>     SELECT '&lt;b&gt;&amp;amp;&lt;/b&gt;' AS x" "$tmp/src.dom"; then
    ok "an item's location links to its source line ($href)"
else
    not_ok "an item's location links to its source line (${href:-no link})"
    grep -n 'class="line' "$tmp/src.dom" | head -n 5 | sed 's/^/# /'
fi
