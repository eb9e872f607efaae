#!/usr/bin/perl
# tests/behaviour/parse_case.pl CASE.sql OUTDIR: reads the structured
# comments of a behaviour case (format: tests/behaviour/README) and writes
# what tests/behaviour.sh needs into OUTDIR:
#   title                  the "-- behaviour:" line
#   script                 the script to convert, when the case takes it
#                          from another case ("-- script: PATH", relative
#                          to the case's folder); else the case itself
#   items                  "L:C CODE kind BLOCK" per declared finding
#                          (kind: kept | item), BLOCK = block number
#   blocks                 "N|routine name|line of its CREATE" per block
#   calls/NNN.sql          the statement(s) of call NNN
#   calls/NNN.exp          expected output: the rows as psql -At prints them,
#                          or "ERROR SQLSTATE: message"
#   calls/NNN.why          the reason ("-- because:")
#   calls/NNN.block        the block number the call belongs to
#   casebug                a known converter bug that breaks the whole case
#   checkbug               known plpgsql_check errors in the converted code
#   calls/NNN.bug          a known converter bug that makes call NNN fail
#   calls/NNN.flagged      "L:C CODE" when PostgreSQL is known to answer
#                          differently and the converter flags it there
# A malformed case is an error (message on stderr, exit status 1): a call
# without an expectation or a reason, an expectation without a call, an
# unknown directive.
use strict;
use warnings;

my ($case, $out) = @ARGV;
die "usage: parse_case.pl CASE.sql OUTDIR\n" unless defined $out;
open(my $in, '<', $case) or die "$case: $!\n";
my @lines = <$in>;
close $in;
s/\r?\n\z// for @lines;

my %directive = map { $_ => 1 } qw(behaviour script routine kept expect-item call expect-rows
                                   expect-no-rows expect-error because flagged known-bug
                                   known-check-errors);
my (@calls, @items, @blocks, $title, $script, $err, $casebug, $checkbug);
my $sql_line;     # the first line of SQL (not allowed with "-- script:")
my $block = 0;
my $cur;          # the call being described
my $rows;         # 1 while reading the rows after "-- expect-rows:"

sub fail { print STDERR "$case:$_[0]: $_[1]\n"; $err = 1; }

sub close_call {
    my ($ln) = @_;
    return unless $cur;
    fail($cur->{line}, "call without an expectation (expect-rows, expect-no-rows or expect-error)")
        unless defined $cur->{exp};
    fail($cur->{line}, "call without a reason (-- because: ...)") unless defined $cur->{why};
    push @calls, $cur;
    $cur = undef;
}

for (my $i = 0; $i < @lines; $i++) {
    my $ln = $i + 1;
    my $l = $lines[$i];
    # a routine's CREATE: the line the block's findings are about
    if (@blocks && !defined $blocks[-1]{create} &&
        $l =~ /^\s*CREATE\s+(?:OR\s+ALTER\s+)?(?:PROC|PROCEDURE|FUNCTION|TRIGGER)\b/i) {
        $blocks[-1]{create} = $ln;
    }
    if ($l =~ /^--\s?([a-z][a-z-]*):(?:\s(.*))?$/ && $directive{$1}) {
        my ($d, $v) = ($1, defined $2 ? $2 : '');
        $v =~ s/\s+$//;
        $rows = 0;
        if ($d eq 'behaviour') {
            $title = $v;
        } elsif ($d eq 'script') {
            fail($ln, "script: empty") if $v eq '';
            fail($ln, "script: after the first '-- routine:'") if $block;
            $script = $v;
        } elsif ($d eq 'routine') {
            close_call($ln);
            $block++;
            push @blocks, {n => $block, name => $v, line => $ln};
        } elsif ($d eq 'kept' || $d eq 'expect-item') {
            if ($v =~ /^(SS\d{4}) at (\d+):(\d+)$/) {
                push @items, "$2:$3 $1 " . ($d eq 'kept' ? 'kept' : 'item') . " $block";
            } else {
                fail($ln, "$d: want 'SSnnnn at LINE:COL', got '$v'");
            }
            fail($ln, "kept: outside a '-- routine:' block") if $d eq 'kept' && !$block;
        } elsif ($d eq 'call') {
            close_call($ln);
            fail($ln, "call: outside a '-- routine:' block") unless $block;
            $cur = {line => $ln, sql => $v, block => $block};
            # a call may go on over more "--   " lines (indented by two)
            while ($i + 1 < @lines && $lines[$i + 1] =~ /^--   (.*)$/) {
                $cur->{sql} .= "\n$1";
                $i++;
            }
        } elsif ($d eq 'known-check-errors') {
            # plpgsql_check errors in the converted code, known, not fixed yet
            fail($ln, "known-check-errors: empty") if $v eq '';
            $checkbug = $v;
        } elsif ($d eq 'known-bug' && !$cur) {
            # before any call: the case as a whole (its script is rejected)
            fail($ln, "known-bug: empty") if $v eq '';
            $casebug = $v;
        } elsif (!$cur) {
            fail($ln, "$d: no call before it");
        } elsif ($d eq 'known-bug') {
            fail($ln, "known-bug: empty") if $v eq '';
            $cur->{bug} = $v;
        } elsif ($d eq 'expect-rows') {
            fail($ln, "a second expectation for one call") if defined $cur->{exp};
            $cur->{exp} = '';
            $rows = 1;
        } elsif ($d eq 'expect-no-rows') {
            fail($ln, "a second expectation for one call") if defined $cur->{exp};
            $cur->{exp} = '';
        } elsif ($d eq 'expect-error') {
            fail($ln, "a second expectation for one call") if defined $cur->{exp};
            if ($v =~ /^([0-9A-Z]{5}) (.+)$/) {
                $cur->{exp} = "ERROR $1: $2\n";
            } else {
                fail($ln, "expect-error: want 'SQLSTATE message', got '$v'");
            }
        } elsif ($d eq 'flagged') {
            if ($v =~ /^(SS\d{4}) at (\d+):(\d+)$/) {
                $cur->{flagged} = "$2:$3 $1";
                push @items, "$2:$3 $1 item $block";
            } else {
                fail($ln, "flagged: want 'SSnnnn at LINE:COL', got '$v'");
            }
        } elsif ($d eq 'because') {
            fail($ln, "because: empty") if $v eq '';
            $cur->{why} = defined $cur->{why} ? "$cur->{why} $v" : $v;
        }
        next;
    }
    if ($rows && $l =~ /^-- ?(.*)$/) {
        $cur->{exp} .= "$1\n";
        next;
    }
    $rows = 0;
    if ($l =~ /^--\s?([a-z][a-z-]*):/ && $1 =~ /^(expect|call|kept|routine|script)/) {
        fail($ln, "unknown directive '$1'");
    }
    $sql_line //= $ln if $l !~ /^\s*(--.*)?$/;
}
close_call(scalar @lines);
fail(1, "no '-- behaviour:' title line") unless defined $title;
if (defined $script) {
    # the routines are those of the script, found by their own
    # "-- routine:" lines; positions (L:C) are the script's
    fail($sql_line, "SQL in a case that takes its script from $script") if defined $sql_line;
    (my $dir = $case) =~ s{[^/]*\z}{};
    my $path = $script =~ m{^/} ? $script : "$dir$script";
    if (open(my $sin, '<', $path)) {
        my (%create, $name);
        my $sln = 0;
        while (my $l = <$sin>) {
            $sln++;
            if ($l =~ /^--\s?routine:\s(.*?)\s*$/) {
                $name = $1;
            } elsif (defined $name && $l =~ /^\s*CREATE\s+(?:OR\s+ALTER\s+)?(?:PROC|PROCEDURE|FUNCTION|TRIGGER)\b/i) {
                $create{$name} //= $sln;
                $name = undef;
            }
        }
        close $sin;
        for my $b (@blocks) {
            if (defined $create{$b->{name}}) {
                $b->{create} = $create{$b->{name}};
            } else {
                fail($b->{line}, "routine: $b->{name} is not a '-- routine:' block of $script");
                $b->{create} = 0;
            }
        }
    } else {
        fail(1, "script: $path: $!");
    }
}
for my $b (@blocks) {
    fail($b->{line}, "routine: no CREATE PROCEDURE/FUNCTION/TRIGGER after it") unless defined $b->{create};
}
exit 1 if $err;

mkdir "$out/calls" or die "$out/calls: $!\n";
sub put { my ($f, $s) = @_; open(my $o, '>', $f) or die "$f: $!\n"; print $o $s; close $o; }
put("$out/title", "$title\n");
put("$out/script", "$script\n") if defined $script;
put("$out/casebug", "$casebug\n") if defined $casebug;
put("$out/checkbug", "$checkbug\n") if defined $checkbug;
put("$out/items", join('', map { "$_\n" } @items));
put("$out/blocks", join('', map { "$_->{n}|$_->{name}|$_->{create}\n" } @blocks));
my $n = 0;
for my $c (@calls) {
    $n++;
    my $p = sprintf("%s/calls/%03d", $out, $n);
    put("$p.sql", "$c->{sql}\n");
    put("$p.exp", $c->{exp});
    put("$p.why", "$c->{why}\n");
    put("$p.block", "$c->{block}\n");
    put("$p.line", "$c->{line}\n");
    put("$p.flagged", "$c->{flagged}\n") if defined $c->{flagged};
    put("$p.bug", "$c->{bug}\n") if defined $c->{bug};
}
