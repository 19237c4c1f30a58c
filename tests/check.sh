#!/bin/sh
# One group of the test suites, as `make check-GROUP` runs it, or the total of
# the groups that ran.  Each suite prints TAP "ok"/"not ok" lines; a suite
# that exits non-zero without reporting a failure (a crash, a sanitizer or
# valgrind report, a missing checker) counts as one failure.  A group prints
# a line per suite and ends with "GROUP: N passed, N failed"; its counts go
# to build/check/GROUP for the total.
#
# usage: tests/check.sh unit|cli|products|office|hostile|san|valgrind
#        tests/check.sh total GROUP...
set -u
cd "$(dirname "$0")/.." || exit 2
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 \
	LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
group=${1:?usage: tests/check.sh GROUP}
shift
mkdir -p build/check || exit 2

if [ "$group" = total ]; then
	pass=0 fail=0
	for g in "$@"; do
		if [ -r "build/check/$g" ]; then
			read -r p f <"build/check/$g"
		else
			echo "$g: did not finish"
			p=0 f=1
		fi
		pass=$((pass + p))
		fail=$((fail + f))
	done
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
fi

rm -f "build/check/$group"
log=$(mktemp) || exit 2
trap 'rm -f "$log"' EXIT
total_pass=0 total_fail=0

# count SUITE-NAME COMMAND...: run one suite and add up its TAP lines.
count() {
	name=$1
	shift
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "# $name exited with status $rc"
	fi
	if [ "$f" -ne 0 ]; then
		grep -v '^ok ' "$log" | head -80
	fi
	echo "$name: $p passed, $f failed"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
--show-possibly-lost=no --suppressions=tests/valgrind.supp"

# The manual page is checked by mandoc's own linter.
man_lint() {
	if mandoc -T lint -W warning doc/ssecmm.1; then
		echo "ok 1 - mandoc -T lint doc/ssecmm.1"
	else
		echo "not ok 1 - mandoc -T lint doc/ssecmm.1"
	fi
}

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

# The typesetter's whole path (layout, pagination, drawing, PDF) under a
# sanitizer or valgrind: a statement and a one-project report.
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

# The rating workbook's whole path (rows, libxlsxwriter, output) under a
# sanitizer or valgrind, on a rated appraisal of the test model.
workbook_smoke() {
	dir=$(mktemp -d)
	if "$@" -q --model tests/data/mini-model.xml workbook tests/data/mini-appraisal.xml \
		-o "$dir/" && [ -s "$dir/mini-appraisal-ratings.xlsx" ]; then
		echo "ok 1 - $* workbook"
	else
		echo "not ok 1 - $* workbook"
	fi
	rm -rf "$dir"
}

# The office documents' whole path (charts as images, the templates, the
# zip) under a sanitizer or valgrind: a statement as DOCX and ODT (the same
# code as a report, in a third of the time under valgrind).
office_smoke() {
	dir=$(mktemp -d)
	rc=0
	if "$@" -q statement samples/meridian-integrator.xml --format docx,odt -o "$dir/" &&
	   unzip -tq "$dir"/*.docx >/dev/null && unzip -tq "$dir"/*.odt >/dev/null; then
		echo "ok 1 - $* statement docx,odt"
	else
		echo "not ok 1 - $* statement docx,odt"
		rc=1
	fi
	rm -rf "$dir"
	return $rc
}

case $group in
unit)
	count "man page" man_lint
	count "doc examples" doc_examples
	count "messages" tests/check-messages.sh
	for t in build/obj/test_*; do
		count "unit $(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
	done ;;
cli)
	count "golden" tests/run-cli.sh
	count "import" tests/run-import.sh ;;
products)
	count "products" tests/run-products.sh
	count "scripts" tests/run-scripts.sh ;;
office)
	# LibreOffice as the real client of the office formats.
	count "workbook" tests/run-workbook.sh
	count "office" tests/run-office.sh ;;
hostile)
	count "hostile" tests/run-hostile.sh ;;
san)
	for t in build/san/test_*; do
		count "unit+asan $(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
	done
	count "golden+asan" env GOLDEN=build/san/golden LABEL=golden+asan tests/run-cli.sh
	count "scripts+asan" env SSECMM=build/san/ssecmm tests/run-scripts.sh
	count "import+asan" env SSECMM=build/san/ssecmm tests/run-import.sh
	count "pdf+asan" pdf_smoke build/san/ssecmm
	count "workbook+asan" workbook_smoke build/san/ssecmm
	count "office+asan" office_smoke build/san/ssecmm ;;
valgrind)
	for t in build/obj/test_*; do
		count "unit+valgrind $(basename "$t")" env CMOCKA_MESSAGE_OUTPUT=TAP $vg "$t"
	done
	count "golden+valgrind" env GOLDEN_WRAPPER="$vg" LABEL=golden+valgrind tests/run-cli.sh
	count "pdf+valgrind" pdf_smoke $vg ./ssecmm
	count "workbook+valgrind" workbook_smoke $vg ./ssecmm
	count "office+valgrind" office_smoke $vg ./ssecmm ;;
*)
	echo "tests/check.sh: unknown group $group" >&2
	exit 2 ;;
esac

echo "$total_pass $total_fail" >"build/check/$group"
echo "$group: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
