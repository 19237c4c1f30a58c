#!/bin/sh
# Every test suite: unit tests and golden command-line tests, each with the
# normal build, then under AddressSanitizer+UndefinedBehaviorSanitizer, then
# under valgrind.  Ends with one "N passed, N failed" line for the whole run.
set -u
cd "$(dirname "$0")/.." || exit 2
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 \
	LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
total_pass=0 total_fail=0

# count SUITE-NAME COMMAND...: run a suite whose output has TAP "ok"/"not ok"
# lines; a suite that exits non-zero without reporting a failure (a crash,
# a sanitizer or valgrind report) counts as one failure.
count() {
	name=$1
	shift
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	if [ "$f" -ne 0 ]; then
		grep -v '^ok ' "$log" | head -80
	fi
	echo "$name: $p passed, $f failed"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-possibly-lost=no \
--suppressions=tests/valgrind.supp"

# The manual page is checked by mandoc's own linter.
man_lint() {
	if mandoc -T lint -W warning doc/ssecmm.1; then
		echo "ok 1 - mandoc -T lint doc/ssecmm.1"
	else
		echo "not ok 1 - mandoc -T lint doc/ssecmm.1"
	fi
}
count "man page" man_lint

# The examples in the format documentation match the schema.
doc_examples() {
	dir=$(mktemp -d)
	awk -v dir="$dir" '/^```xml/ { n++; f = 1; next } /^```/ { f = 0 }
		f { print > (dir "/example-" n ".xml") }' doc/formats.md
	n=0
	for f in "$dir"/example-*.xml; do
		n=$((n + 1))
		if xmllint --noout --schema model-xml/appraisal.xsd "$f" 2>/dev/null; then
			echo "ok $n - doc/formats.md example $n matches appraisal.xsd"
		else
			echo "not ok $n - doc/formats.md example $n matches appraisal.xsd"
		fi
	done
	rm -rf "$dir"
	[ $n -gt 0 ]
}
count "doc examples" doc_examples

for t in build/obj/test_*; do
	count "unit $(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
done
count "cli" tests/run-cli.sh
count "import" tests/run-import.sh
count "products" tests/run-products.sh
count "hostile" tests/run-hostile.sh
count "scripts" tests/run-scripts.sh

for t in build/san/test_*; do
	count "unit+asan $(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
done
count "cli+asan" env SSECMM=build/san/ssecmm LABEL=cli+asan tests/run-cli.sh
count "scripts+asan" env SSECMM=build/san/ssecmm tests/run-scripts.sh

# The typesetter's whole path (layout, pagination, drawing, PDF) under the
# sanitizers and valgrind: a statement and a one-project report.
pdf_smoke() {
	dir=$(mktemp -d)
	n=0 rc=0
	for product in "statement samples/sentinel-vendor.xml" "report samples/harbourline-self-assessment.xml"; do
		n=$((n + 1))
		# shellcheck disable=SC2086 # the product's words are split on purpose
		if "$@" -q $product --format pdf -o "$dir/" && qpdf --check "$dir"/*.pdf >/dev/null; then
			echo "ok $n - $* $product"
		else
			echo "not ok $n - $* $product"
			rc=1
		fi
		rm -f "$dir"/*.pdf
	done
	rm -rf "$dir"
	return $rc
}
count "pdf+asan" pdf_smoke build/san/ssecmm
count "pdf+valgrind" pdf_smoke $vg ./ssecmm

for t in build/obj/test_*; do
	count "unit+valgrind $(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP $vg "$t"
done
count "cli+valgrind" env SSECMM_WRAPPER="$vg" LABEL=cli+valgrind tests/run-cli.sh

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
