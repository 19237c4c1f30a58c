#!/bin/sh
# Golden tests of the command line: every tests/**/*.expected file names the
# arguments of one run ("args:" line) and holds its exit status, standard
# output and standard error.  With --update the files are rewritten from the
# actual runs (review the diff before committing).
#
# Environment: SSECMM (the binary, default ./ssecmm), SSECMM_WRAPPER (a
# command to run it under, e.g. valgrind), LABEL (prefix of test names).
set -u
cd "$(dirname "$0")/.." || exit 2
update=0
[ "${1:-}" = "--update" ] && update=1
bin=${SSECMM:-./ssecmm}
wrapper=${SSECMM_WRAPPER:-}
label=${LABEL:-cli}
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 n=0

for exp in $(find tests -name '*.expected' | LC_ALL=C sort); do
	n=$((n + 1))
	args=$(sed -n '1s/^# args: //p' "$exp")
	if [ -z "$args" ]; then
		echo "not ok $n - $label $exp: first line must be '# args: ...'"
		fail=$((fail + 1))
		continue
	fi
	# shellcheck disable=SC2086 # word splitting of args is intended
	( set -f; $wrapper $bin $args >"$tmp/out" 2>"$tmp/err" </dev/null; echo $? >"$tmp/rc" )
	{
		echo "# args: $args"
		echo "exit: $(cat "$tmp/rc")"
		echo "--- stdout"
		cat "$tmp/out"
		echo "--- stderr"
		cat "$tmp/err"
	} >"$tmp/actual"
	if [ $update -eq 1 ]; then
		cp "$tmp/actual" "$exp"
	fi
	if cmp -s "$tmp/actual" "$exp"; then
		echo "ok $n - $label $exp"
		pass=$((pass + 1))
	else
		echo "not ok $n - $label $exp"
		diff -u "$exp" "$tmp/actual" | sed 's/^/#   /' | head -40
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
