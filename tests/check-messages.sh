#!/bin/sh
# Keeps src/messages.h the one place where diagnostics are worded: every
# message it defines is raised somewhere, every call of a raising function
# names a message (M_...), and no code prints "ssecmm: ..." by hand.  TAP.
#
# usage: tests/check-messages.sh [SRCDIR]   (default src)
set -u
cd "$(dirname "$0")/.." || exit 2
src=${1:-src}
n=0 fail=0

tap() { # tap OK|FAIL DESCRIPTION [DETAIL]
	n=$((n + 1))
	if [ "$1" = OK ]; then
		echo "ok $n - messages $2"
	else
		echo "not ok $n - messages $2"
		[ $# -gt 2 ] && printf '%s\n' "$3" | sed 's/^/#   /' | head -20
		fail=$((fail + 1))
	fi
}

# The functions that raise a message; their format comes from an M_ id.
raisers='diag_report_at|diag_vreport_at|diag_report|diag_vreport|report_at|report_line|sheet_report|usage_error|add_finding|give_reason|fail'

defined=$(sed -n 's/^#define \(M_[A-Z0-9_]*\).*/\1/p' "$src/messages.h")
unused=""
for id in $defined; do
	grep -rqw --include='*.c' -e "$id" "$src" || unused="$unused $id"
done
if [ -n "$defined" ] && [ -z "$unused" ]; then
	tap OK "every id in messages.h is raised"
else
	tap FAIL "every id in messages.h is raised" "unused:$unused"
fi

# Each call, joined onto one line up to its closing parenthesis, must name an
# M_ id.  Comments are blanked first (keeping their newlines); a call that
# passes on its own fmt (a raising function forwarding what it was given) and
# a definition or declaration are let through.
bare=$(find "$src" -name '*.c' -print | xargs perl -0777 -ne '
	my $f = $ARGV;
	s{/\*.*?\*/}{ $& =~ tr/\n//cdr }gse;
	while (/(?<![\w.>])('"$raisers"')\s*(\((?:[^()"]++|"(?:[^"\\]|\\.)*+"|(?2))*\))/g) {
		my ($name, $args) = ($1, $2);
		my $line = 1 + (substr($_, 0, $-[1]) =~ tr/\n//);
		next if $args =~ /\bM_[A-Z0-9_]+\b|\bfmt\b|__VA_ARGS__|\.\.\.\)$/;
		print "$f:$line: $name$args" =~ s/\s+/ /gr, "\n";
	}') || bare="the scan failed"
[ -n "$defined" ] || bare="no messages in $src/messages.h"
if [ -z "$bare" ]; then
	tap OK "every raising call names an id"
else
	tap FAIL "every raising call names an id" "$bare"
fi

# diag.c prints the prefix for everyone; "said" lines (diag_say) are not problems.
by_hand=$(grep -rn --include='*.c' -E '(fprintf|fputs|printf)\s*\([^"]*"ssecmm: ' "$src" |
	grep -v "^$src/diag.c:")
if [ -z "$by_hand" ]; then
	tap OK "no diagnostic printed by hand"
else
	tap FAIL "no diagnostic printed by hand" "$by_hand"
fi

echo "1..$n"
[ "$fail" -eq 0 ]
