#!/bin/sh
# tests/man.sh: the manual pages agree with the program.
#  - every page in man/ passes `mandoc -Tlint -W warning` (no output);
#  - every page of the set (sqlshift(1), one per command, sqlshift-rules(5),
#    sqlshift-actions(7)) exists;
#  - every long option that `sqlshift CMD --help` prints is documented in the
#    page of CMD;
#  - every command that `sqlshift --help` lists has a page (its own file, or
#    a page whose NAME section names sqlshift-CMD);
#  - the `sqlshift ...` command lines in the EXAMPLES sections use only
#    options that the command's --help prints.
# shellcheck source-path=SCRIPTDIR source=setup.sh disable=SC1091
. "${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}/tests/setup.sh"
tmp=${tmp:?tests/setup.sh sets tmp}

man=$top_srcdir/man
BS=$(printf '\b')

have_mandoc=0
if command -v mandoc >/dev/null 2>&1; then
    have_mandoc=1
elif [ "${CI:-}" = true ]; then
    bail_out "mandoc not found (CI=true): install mandoc"
fi

# render PAGE: the page as plain text on stdout, wide lines, no overstrike.
render() {
    if [ $have_mandoc -eq 1 ]; then
        mandoc -Tascii -O width=250 "$1" 2>/dev/null
    else
        groff -mandoc -Tascii -rLL=250n -rHY=0 -P-c "$1" 2>/dev/null
    fi | sed "s/.$BS//g"
}

# section TEXTFILE NAME: the lines of section NAME of a rendered page.
section() {
    awk -v s="$2" '/^[A-Z]/ { f = ($0 == s); next } f' "$1"
}

# help_options FILE: the options on the option lines of a --help text
# ("  -s, --source DIALECT  ...", "      --split  ..."), one per line.
help_options() {
    sed -n 's/^[[:space:]]*\(-[A-Za-z0-9]\),[[:space:]]*\(--[A-Za-z0-9][A-Za-z0-9-]*\).*/\1\
\2/p; s/^[[:space:]]*\(--[A-Za-z0-9][A-Za-z0-9-]*\).*/\1/p' "$1"
}

# command_help CMD OUT: the --help text of CMD (of the program when CMD is
# empty) into OUT, followed by the --help texts of its subcommands when it
# lists any ("subcommands:" lines, as `sqlshift rules --help` has). Returns
# the status of `sqlshift CMD --help`.
command_help() {
    _st=0
    if [ -n "$1" ]; then
        "$SQLSHIFT" "$1" --help >"$2" 2>"$2.err" || _st=$?
    else
        "$SQLSHIFT" --help >"$2" 2>"$2.err" || _st=$?
    fi
    if [ -n "$1" ]; then
        # shellcheck disable=SC2013 # subcommand names are single words
        for _sub in $(awk '/^subcommands:/ { f = 1; next } f && /^[^[:space:]]/ { f = 0 }
                          f && /^  [a-z]/ { print $1 }' "$2"); do
            "$SQLSHIFT" "$1" "$_sub" --help >>"$2" 2>>"$2.err" || _st=$?
        done
    fi
    return $_st
}

# has_option TEXTFILE OPTION: OPTION occurs in TEXTFILE as a word of its own.
has_option() {
    grep -Eq -- "(^|[^A-Za-z0-9-])$2([^A-Za-z0-9-]|\$)" "$1"
}

# ------------------------------------------------------------------ lint
pages=
for p in "$man"/*.[1-9]; do
    [ -f "$p" ] && pages="$pages ${p##*/}"
done
for want in sqlshift.1 sqlshift-convert.1 sqlshift-assess.1 sqlshift-rules.1 \
    sqlshift-parse.1 sqlshift-rules.5 sqlshift-actions.7; do
    if [ -f "$man/$want" ]; then
        ok "man/$want exists"
    else
        not_ok "man/$want exists"
    fi
done
for p in $pages; do
    if [ $have_mandoc -eq 0 ]; then
        skip "mandoc not found: man/$p not linted"
        continue
    fi
    rc=0
    mandoc -Tlint -W warning "$man/$p" >"$tmp/lint" 2>&1 || rc=$?
    if [ $rc -eq 0 ] && [ ! -s "$tmp/lint" ]; then
        ok "man/$p: mandoc -Tlint -W warning is clean"
    else
        not_ok "man/$p: mandoc -Tlint -W warning is clean (status $rc)"
        diag_file "$tmp/lint" 15
    fi
done
for p in $pages; do
    render "$man/$p" >"$tmp/$p.txt"
done

# ------------------------------------------------------------------ commands
rc=0
"$SQLSHIFT" --help >"$tmp/help" 2>&1 || rc=$?
awk '/^commands:/ { f = 1; next } f && /^[[:space:]]*$/ { exit } f { print $1 }' "$tmp/help" >"$tmp/commands"
if [ $rc -eq 0 ] && [ -s "$tmp/commands" ]; then
    ok "sqlshift --help lists commands ($(tr '\n' ' ' <"$tmp/commands"| sed 's/ $//'))"
else
    not_ok "sqlshift --help lists commands (status $rc)"
    diag_file "$tmp/help"
fi

# page_of CMD: the page that documents CMD: man/sqlshift-CMD.1, else a page
# whose NAME section names sqlshift-CMD. Empty if none.
page_of() {
    if [ -f "$man/sqlshift-$1.1" ]; then
        echo "sqlshift-$1.1"
        return
    fi
    for _p in $pages; do
        [ -f "$tmp/$_p.txt" ] || continue
        if section "$tmp/$_p.txt" NAME | grep -Eq "(^|[ ,])sqlshift-$1(,|[[:space:]]|\$)"; then
            echo "$_p"
            return
        fi
    done
}

while IFS= read -r cmd; do
    page=$(page_of "$cmd")
    if [ -n "$page" ]; then
        ok "command $cmd has a manual page (man/$page)"
    else
        not_ok "command $cmd has a manual page (man/sqlshift-$cmd.1, or a NAME section naming sqlshift-$cmd)"
    fi
done <"$tmp/commands"

# ------------------------------------------------------------------ options
# Every long option of `sqlshift CMD --help` is in the page of CMD.
for cmd in convert assess parse lex rules; do
    page=$(page_of "$cmd")
    rc=0
    command_help "$cmd" "$tmp/help.$cmd" || rc=$?
    if [ $rc -ne 0 ]; then
        not_ok "sqlshift $cmd --help (and its subcommands' --help) exit 0 (status $rc)"
        diag_file "$tmp/help.$cmd.err"
        continue
    fi
    if [ -z "$page" ]; then
        not_ok "the options of $cmd are documented: no page for $cmd"
        continue
    fi
    help_options "$tmp/help.$cmd" | grep '^--' | sort -u >"$tmp/opts.$cmd"
    if [ ! -s "$tmp/opts.$cmd" ]; then
        ok "sqlshift $cmd --help shows no long options: nothing to check in man/$page"
        continue
    fi
    while IFS= read -r opt; do
        if has_option "$tmp/$page.txt" "$opt"; then
            ok "man/$page documents $cmd $opt"
        else
            not_ok "man/$page documents $cmd $opt"
        fi
    done <"$tmp/opts.$cmd"
done

# ------------------------------------------------------------------ examples
# command_lines TEXTFILE: the "sqlshift ..." command lines of the EXAMPLES
# section (after an optional "$ " prompt), continuation lines joined.
command_lines() {
    section "$1" EXAMPLES | awk '
        { sub(/^[[:space:]]+/, "") }
        cont != "" { $0 = cont " " $0; cont = "" }
        /\\$/ { sub(/[[:space:]]*\\$/, ""); cont = $0; next }
        { sub(/^[$%#][[:space:]]+/, "") }
        /^sqlshift([[:space:]]|$)/ { print }'
}

# check_line LINE: prints the options in LINE that the --help of its command
# does not show (stops at a pipe, redirection, ; or &&).
check_line() {
    set -f
    # shellcheck disable=SC2086 # split the command line into words
    set -- $1
    set +f
    shift # sqlshift
    _cmd=
    case ${1:-} in
    -*|'') _cmd= ;;
    *) _cmd=$1; shift ;;
    esac
    if [ ! -f "$tmp/helpopts.$_cmd" ]; then
        command_help "$_cmd" "$tmp/help.x" || :
        help_options "$tmp/help.x" >"$tmp/helpopts.$_cmd"
    fi
    for _w in "$@"; do
        case $_w in
        '|'|'||'|'&&'|';'|*'<'*|*'>'*) break ;;
        -) ;;
        -*)
            _o=${_w%%=*}
            grep -Fqx -- "$_o" "$tmp/helpopts.$_cmd" || printf '%s ' "$_o"
            ;;
        esac
    done
}

for p in $pages; do
    case $p in *.1) ;; *) continue ;; esac
    command_lines "$tmp/$p.txt" >"$tmp/examples"
    if [ ! -s "$tmp/examples" ]; then
        case $p in
        sqlshift.1|sqlshift-convert.1)
            not_ok "man/$p: EXAMPLES holds sqlshift command lines" ;;
        esac
        continue
    fi
    bad=0
    while IFS= read -r line; do
        unknown=$(check_line "$line")
        if [ -n "$unknown" ]; then
            bad=1
            diag "man/$p: $line"
            diag "  options not in --help: $unknown"
        fi
    done <"$tmp/examples"
    result $bad "man/$p: EXAMPLES use only options that exist ($(wc -l <"$tmp/examples" | tr -d ' ') command lines)"
done

done_testing
