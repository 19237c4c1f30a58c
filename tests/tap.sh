# The TAP helpers the test suites share (sourced, not run): tap, run and the
# counters n, pass and fail that each suite prints at its end as
# "$pass passed, $fail failed".

n=0 pass=0 fail=0

# tap OK|FAIL DESCRIPTION [DETAIL...]: one TAP line; each detail follows a
# failure as a comment, cut to twelve lines.
tap() {
	n=$((n + 1))
	if [ "$1" = OK ]; then
		echo "ok $n - $2"
		pass=$((pass + 1))
	else
		echo "not ok $n - $2"
		fail=$((fail + 1))
		shift 2
		for tap_detail in "$@"; do
			printf '%s\n' "$tap_detail" | head -c 2000 | head -12 | sed 's/^/#   /'
		done
	fi
}

# run DESCRIPTION COMMAND...: passes when the command succeeds; what it
# printed follows a failure as comments.
run() {
	run_desc=$1
	shift
	run_log=$(mktemp) || exit 2
	if "$@" >"$run_log" 2>&1; then
		tap OK "$run_desc"
	else
		tap FAIL "$run_desc"
		sed 's/^/#   /' "$run_log" | head -20
	fi
	rm -f "$run_log"
}
