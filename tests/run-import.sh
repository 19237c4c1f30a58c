#!/bin/sh
# Round trip of the rating sheet: for every sample appraisal, the sheet that
# `rate --format sheet` writes, imported with the sample itself as template,
# gives an appraisal that rates exactly as the sample does and writes the same
# sheet again.  The same for the rating workbook: the sheet laid out as a
# workbook by tests/xlsx/mkworkbook.py (shared strings, and inline strings).
# Workbooks saved again by LibreOffice are imported in the office group
# (tests/run-workbook.sh), which starts LibreOffice once for every check of
# it.  Prints TAP "ok"/"not ok" lines and "N passed, N failed".
#
# Environment: SSECMM (the binary, default ./ssecmm), SSECMM_WRAPPER (a
# command to run it under, e.g. valgrind).
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SSECMM:-./ssecmm}
wrapper=${SSECMM_WRAPPER:-}
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 n=0

# check NAME COMMAND...: one test, passed when the command succeeds.
check() {
	title=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $title"
		pass=$((pass + 1))
	else
		echo "not ok $n - $title"
		fail=$((fail + 1))
	fi
}

# ssecmm ARGS...: the program with the model options of the round trip.
ssecmm() {
	# shellcheck disable=SC2086 # the words of wrapper and opts are split on purpose
	$wrapper $bin -q $opts "$@"
}

# Both appraisals give the same standard output for the command.
same_output() {
	a=$1 b=$2
	shift 2
	ssecmm "$@" "$a" >"$tmp/a.out" && ssecmm "$@" "$b" >"$tmp/b.out" &&
		cmp -s "$tmp/a.out" "$tmp/b.out"
}

export_import() {
	ssecmm rate --format sheet "$src" >"$tmp/$name.csv" &&
		ssecmm import "$tmp/$name.csv" --template "$src" -o "$out"
}

# round_trip NAME APPRAISAL: the sheet of APPRAISAL, imported onto it, rates
# as it does.
round_trip() {
	name=$1 src=$2 out=$tmp/$1-imported.xml
	check "$name: rate --format sheet, then import --template the same appraisal" export_import
	check "$name: the imported appraisal is valid" ssecmm validate "$out"
	check "$name: rate gives the same table" same_output "$src" "$out" rate
	check "$name: rate --format csv gives the same levels" \
		same_output "$src" "$out" rate --format csv
	check "$name: rate --format sheet gives the same sheet" \
		same_output "$src" "$out" rate --format sheet
}

opts=
for sample in samples/*.xml; do
	grep -q '<appraisal' "$sample" || continue
	round_trip "$(basename "$sample" .xml)" "$sample"
done

# A sheet written by hand (quoted commas, line breaks in notes, a note that
# starts like a formula) keeps every value through export and import.
opts="--model tests/data/mini-model.xml"
ssecmm import tests/cli/import/quoted.csv --template tests/data/mini-appraisal.xml \
	-o "$tmp/by-hand.xml" || echo "# cannot import tests/cli/import/quoted.csv"
round_trip by-hand "$tmp/by-hand.xml"

# The rating workbook: the sheet as a workbook, with shared strings and with
# inline strings, imports to an appraisal that rates as the sample does.
to_workbook() { # to_workbook SRC OUT.xlsx [--inline-strings]
	ssecmm rate --format sheet "$1" >"$tmp/wb.csv" &&
		python3 tests/xlsx/mkworkbook.py from-sheet "$tmp/wb.csv" "$2" ${3:-}
}

import_rates_same() { # import_rates_same WORKBOOK SRC
	ssecmm import "$1" --template "$2" -o "$1.xml" && same_output "$2" "$1.xml" rate &&
		same_output "$2" "$1.xml" rate --format sheet
}

workbook_round_trip() { # workbook_round_trip SRC OUT.xlsx [--inline-strings]
	to_workbook "$@" && import_rates_same "$2" "$1"
}

opts=
mkdir "$tmp/wb"
for sample in samples/*.xml; do
	grep -q '<appraisal' "$sample" || continue
	name=$(basename "$sample" .xml)
	for strings in shared inline; do
		wb=$tmp/wb/$name-$strings.xlsx
		flag=
		[ $strings = inline ] && flag=--inline-strings
		check "$name: the sheet as a workbook with $strings strings imports and rates the same" \
			workbook_round_trip "$sample" "$wb" $flag
	done
done

# The corpus of the golden tests is what the script writes, byte for byte.
mkdir "$tmp/corpus"
check "tests/cli/xlsx/*.xlsx are what tests/xlsx/mkworkbook.py writes" \
	sh -c 'python3 tests/xlsx/mkworkbook.py corpus "$1" &&
		for f in "$1"/*.xlsx; do cmp -s "$f" "tests/cli/xlsx/${f##*/}" || exit 1; done &&
		[ "$(ls "$1" | wc -l)" = "$(ls tests/cli/xlsx/*.xlsx | wc -l)" ]' sh "$tmp/corpus"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
