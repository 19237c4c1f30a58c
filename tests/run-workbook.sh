#!/bin/sh
# The rating workbook in a real spreadsheet.  Every sample's workbook, and a
# template's, is written and its parts checked (the drop-down, the colours,
# the protection, the frozen header, the properties: see
# tests/checkers/workbook_check.py); LibreOffice then opens them all, in one
# start with a private profile and a time limit, and exports every sheet to
# CSV, where each project sheet's rated rows must equal `ssecmm rate --format
# sheet`, notes that start like formulas included.  The same input and
# SOURCE_DATE_EPOCH give the same bytes.  Each workbook, as written and as
# LibreOffice saves it again, imports onto its appraisal to the same ratings
# (`rate --format sheet` equal).  A missing checker fails the suite.  TAP
# lines, then "N passed, N failed".
#
# Environment: SSECMM (the binary, default ./ssecmm), SOFFICE (default
# soffice), OFFICE_TIMEOUT (seconds LibreOffice may take, default 300).
set -u
cd "$(dirname "$0")/.." || exit 2
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8
unset SOURCE_DATE_EPOCH
bin=${SSECMM:-./ssecmm}
soffice=${SOFFICE:-soffice}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/book" "$tmp/csv" "$tmp/want"
check="python3 tests/checkers/workbook_check.py"
# LibreOffice's CSV export: comma, double quote, UTF-8 (76), from line 1,
# cells as shown; token 12, -1, writes each sheet to STEM-SHEET.csv.
csv_filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
. tests/tap.sh

for tool in "$soffice" python3 timeout cmp; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		tap FAIL "checker $tool is installed (make deps)"
		echo "$pass passed, $fail failed"
		exit 1
	fi
done

# The property dcterms:created of a workbook.
created() {
	python3 -c 'import sys, zipfile, re
core = zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode()
print(re.search(r"<dcterms:created[^>]*>([^<]*)<", core).group(1))' "$1"
}

same_bytes_later() { # same_bytes_later APPRAISAL: two runs a second apart
	SOURCE_DATE_EPOCH=1700000000 "$bin" -q workbook "$1" -o "$tmp/first.xlsx" && sleep 1 &&
		SOURCE_DATE_EPOCH=1700000000 "$bin" -q workbook "$1" -o "$tmp/second.xlsx" &&
		cmp "$tmp/first.xlsx" "$tmp/second.xlsx" &&
		[ "$(created "$tmp/first.xlsx")" = 2023-11-14T22:13:20Z ]
}

dated_by_first_day() { # dated_by_first_day APPRAISAL DATE
	"$bin" -q workbook "$1" -o "$tmp/undated.xlsx" &&
		[ "$(created "$tmp/undated.xlsx")" = "$2" ]
}

for f in samples/*.xml; do
	grep -q '<appraisal ' "$f" || continue
	name=$(basename "$f" .xml)
	run "$name: workbook written" "$bin" -q workbook "$f" -o "$tmp/book/"
	"$bin" -q rate --format sheet "$f" >"$tmp/want/$name-ratings.csv"
done
# $mini is split into its two words on purpose.
mini="--model tests/data/mini-model.xml"
run "mini-template: a template without ratings gives a workbook" \
	"$bin" -q $mini workbook tests/data/mini-template.xml -o "$tmp/book/"
# Notes that start like formulas (= + - @) or hold what reads as an escape
# (_x000D_) must reach the spreadsheet as text.
run "formula-notes: workbook written" \
	"$bin" -q $mini workbook tests/data/formula-notes.xml -o "$tmp/book/"
"$bin" -q $mini rate --format sheet tests/data/formula-notes.xml \
	>"$tmp/want/formula-notes-ratings.csv"
for book in "$tmp"/book/*.xlsx; do
	run "$(basename "$book"): drop-down, colours, protection, frozen header, properties" \
		$check structure "$book"
done
run "the same input and SOURCE_DATE_EPOCH give the same bytes, dated by it" \
	same_bytes_later samples/meridian-integrator.xml
run "without SOURCE_DATE_EPOCH the workbook is dated by the first day on site" \
	dated_by_first_day samples/meridian-integrator.xml 2026-05-11T00:00:00Z

beside_the_input() {
	cp tests/data/mini-template.xml "$tmp/frame.xml" &&
		"$bin" -q $mini workbook "$tmp/frame.xml" && [ -s "$tmp/frame-ratings.xlsx" ]
}
to_standard_output() {
	SOURCE_DATE_EPOCH=1 "$bin" -q $mini workbook tests/data/mini-appraisal.xml -o - \
		>"$tmp/stdout.xlsx" &&
		SOURCE_DATE_EPOCH=1 "$bin" -q $mini workbook tests/data/mini-appraisal.xml \
			-o "$tmp/file.xlsx" && cmp "$tmp/stdout.xlsx" "$tmp/file.xlsx"
}
# A model file that happens to end in .xlsx is an input all the same.
not_over_an_input() {
	cp tests/data/mini-model.xml "$tmp/model.xlsx" && cp "$tmp/model.xlsx" "$tmp/model.orig"
	"$bin" -q --model "$tmp/model.xlsx" workbook tests/data/mini-template.xml \
		-o "$tmp/model.xlsx" 2>"$tmp/refused"
	[ $? -eq 3 ] && grep -q 'refusing to overwrite an input file' "$tmp/refused" &&
		cmp "$tmp/model.xlsx" "$tmp/model.orig"
}
run "without -o the workbook goes beside the input as NAME-ratings.xlsx" beside_the_input
run "-o - writes the same bytes as a file" to_standard_output
run "the workbook is never written over an input" not_over_an_input

run "LibreOffice opens every workbook and exports every sheet to CSV" \
	timeout "${OFFICE_TIMEOUT:-300}" "$soffice" --headless --norestore \
	"-env:UserInstallation=file://$tmp/profile" --convert-to "$csv_filter" \
	--outdir "$tmp/csv" "$tmp"/book/*.xlsx
for book in "$tmp"/book/*.xlsx; do
	stem=$(basename "$book" .xlsx)
	want=$tmp/want/$stem.csv
	[ -e "$want" ] || want=-
	run "$stem: each project sheet in LibreOffice equals rate --format sheet" \
		$check rows "$book" "$tmp/csv" "$want"
done

# The way back: what `workbook` wrote, and the same saved again by
# LibreOffice, imports onto its appraisal to the same ratings.
mkdir "$tmp/resaved" "$tmp/back"
run "LibreOffice saves every workbook again as XLSX" \
	timeout "${OFFICE_TIMEOUT:-300}" "$soffice" --headless --norestore \
	"-env:UserInstallation=file://$tmp/profile" --convert-to 'xlsx:Calc MS Excel 2007 XML' \
	--outdir "$tmp/resaved" "$tmp"/book/*.xlsx
imports_back() { # imports_back BOOK APPRAISAL [MODEL OPTION...]
	book=$1 appraisal=$2
	shift 2
	"$bin" -q "$@" import "$book" --template "$appraisal" -o "$tmp/back/new.xml" &&
		"$bin" -q "$@" rate --format sheet "$tmp/back/new.xml" >"$tmp/back/got.csv" &&
		"$bin" -q "$@" rate --format sheet "$appraisal" >"$tmp/back/want.csv" &&
		cmp "$tmp/back/want.csv" "$tmp/back/got.csv"
}
for f in samples/*.xml; do
	grep -q '<appraisal ' "$f" || continue
	name=$(basename "$f" .xml)
	run "$name: the workbook imports to the same ratings" \
		imports_back "$tmp/book/$name-ratings.xlsx" "$f"
	run "$name: saved again by LibreOffice, it imports to the same ratings" \
		imports_back "$tmp/resaved/$name-ratings.xlsx" "$f"
done
run "formula-notes: notes like formulas and escapes import as typed" \
	imports_back "$tmp/book/formula-notes-ratings.xlsx" tests/data/formula-notes.xml $mini
run "formula-notes: the same after LibreOffice" \
	imports_back "$tmp/resaved/formula-notes-ratings.xlsx" tests/data/formula-notes.xml $mini

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
