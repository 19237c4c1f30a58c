#!/bin/sh
# The editable report and statement (DOCX, ODT) of every sample, opened by a
# real word processor: LibreOffice converts them all to PDF in one headless
# process (a private profile, under a time limit, so a hanging office suite
# fails the test instead of the run), and the PDFs must hold every process
# area in scope, the ratings tables and the chart.  The packages themselves
# are read by tests/checkers/office_package.py, and must be the same bytes
# when made again (checked for one report, DOCX and ODT).  A missing checker
# fails the suite.  TAP lines, then
# "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
bin=${SSECMM:-./ssecmm}
out=$(mktemp -d) || exit 2
trap 'rm -rf "$out"' EXIT
. tests/tap.sh

for c in soffice pdftotext pdfimages pdfinfo python3 perl unzip cmp timeout; do
	command -v "$c" >/dev/null 2>&1 || { tap FAIL "checker $c is installed"; exit 1; }
done

# The documents: each sample's report and statement, DOCX and ODT (named
# apart, since LibreOffice names a PDF after its input's stem), and the
# Harbourline report on Letter paper.
mkdir -p "$out/docs" "$out/again" "$out/pdf"
samples=""
for f in samples/*.xml; do
	grep -q '<appraisal ' "$f" || continue
	b=$(basename "$f" .xml)
	samples="$samples $b"
	for product in report statement; do
		for ext in docx odt; do
			doc="$b-$product-$ext.$ext"
			if $bin -q "$product" "$f" -o "$out/docs/$doc" 2>"$out/log"; then
				tap OK "$product $b $ext"
			else
				tap FAIL "$product $b $ext"
				sed 's/^/#   /' "$out/log" | head -10
			fi
		done
	done
done
for ext in docx odt; do
	doc=meridian-integrator-report-$ext.$ext
	$bin -q report samples/meridian-integrator.xml -o "$out/again/$doc"
	if cmp -s "$out/docs/$doc" "$out/again/$doc"; then
		tap OK "$doc is the same bytes when made again"
	else
		tap FAIL "$doc is the same bytes when made again"
	fi
	$bin -q report samples/harbourline-self-assessment.xml --paper letter \
		-o "$out/docs/letter-report-$ext.$ext" ||
		tap FAIL "report on letter paper as $ext"
done

# Text that would be markup, a field or a link in either format, in every
# field of an appraisal, must stay text.
nasty='</w:t><w:instrText>INCLUDETEXT "/etc/passwd"</w:instrText> ]]> <text:a xlink:href="http://127.0.0.1:9/">x</text:a>'
NASTY=$(printf '%s' "$nasty" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g') \
	perl -pe 's/\@LINE\@/$ENV{NASTY}/g; s/\@PARA\@/$ENV{NASTY}/g; s/\@ID\@/P1/g' \
	tests/hostile/text/appraisal.xml.in >"$out/nasty.xml"
for ext in docx odt; do
	$bin -q --model tests/data/mini-model.xml report "$out/nasty.xml" -o "$out/docs/nasty-report-$ext.$ext" ||
		tap FAIL "report of hostile text as $ext"
done
fields=$(unzip -p "$out/docs/nasty-report-docx.docx" word/document.xml | grep -o '<w:instrText' | wc -l)
links=$(unzip -p "$out/docs/nasty-report-odt.odt" content.xml | grep -o '<text:a [^>]*xlink:href="http' | wc -l)
if [ "$fields" -eq 1 ] && [ "$links" -eq 0 ]; then
	tap OK "hostile text makes no field (the contents' only) and no outside link"
else
	tap FAIL "hostile text makes no field (the contents' only) and no outside link ($fields fields, $links links)"
fi

# A run that fails leaves no file behind.
if ! $bin -q report tests/data/mini-model.xml -o "$out/failed.docx" 2>/dev/null &&
   [ ! -e "$out/failed.docx" ]; then
	tap OK "a failed report leaves no DOCX"
else
	tap FAIL "a failed report leaves no DOCX"
fi

if python3 tests/checkers/office_package.py "$out"/docs/* >"$out/packages" 2>&1; then
	tap OK "packages hold together ($(grep -c '^ok' "$out/packages") checks)"
else
	tap FAIL "packages hold together"
	grep -v '^ok' "$out/packages" | sed 's/^/#   /' | head -20
fi

# One office process converts every document.
start=$(date +%s)
if timeout 600 soffice -env:UserInstallation="file://$out/profile" --headless --norestore \
	--convert-to pdf --outdir "$out/pdf" "$out"/docs/* >"$out/log" 2>&1; then
	tap OK "LibreOffice converts $(ls "$out/docs" | wc -l) documents to PDF ($(($(date +%s) - start)) s)"
else
	tap FAIL "LibreOffice converts every document to PDF (status $?)"
	sed 's/^/#   /' "$out/log" | head -10
fi

# text PDF: the PDF's text, lines joined, spaces collapsed.
text() { pdftotext "$1" - 2>/dev/null | tr -s ' \n' '  '; }

for b in $samples; do
	# The process areas in scope, by title.
	$bin -q rate --format csv "samples/$b.xml" |
		awk -F'","' '$1 == "\"organization" && $5 != "not appraised" { print $4 }' >"$out/areas"
	for product in report statement; do
		for ext in docx odt; do
			pdf="$out/pdf/$b-$product-$ext.pdf"
			if [ ! -s "$pdf" ]; then
				tap FAIL "$b-$product-$ext.pdf was made"
				continue
			fi
			t=$(text "$pdf")
			missing=$(while read -r area; do
				case $t in *"$area"*) ;; *) echo "$area" ;; esac
			done <"$out/areas")
			if [ -n "$missing" ]; then
				tap FAIL "$b $product $ext: every area in scope (missing: $missing)"
			else
				tap OK "$b $product $ext: every area in scope ($(wc -l <"$out/areas"))"
			fi
			case $product in
			report) table="Practice ratings in PA" ;;
			statement) table="Achieved capability profile" ;;
			esac
			case $t in
			*"$table"*) tap OK "$b $product $ext: the ratings table" ;;
			*) tap FAIL "$b $product $ext: the ratings table ('$table')" ;;
			esac
			# The DOCX carries the chart as a PNG; LibreOffice draws the
			# ODT's SVG as vectors, whose legend is text.
			if [ "$ext" = docx ]; then
				if [ "$(pdfimages -list "$pdf" 2>/dev/null | awk 'NR > 2 && $4 >= 1000' | wc -l)" -ge 1 ]; then
					tap OK "$b $product docx: the chart image at print resolution"
				else
					tap FAIL "$b $product docx: the chart image at print resolution"
				fi
			else
				case $t in
				*"n/a: not applicable"*) tap OK "$b $product odt: the chart drawn from SVG" ;;
				*) tap FAIL "$b $product odt: the chart drawn from SVG" ;;
				esac
			fi
			pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
			case $t in
			*"Page 2 of $pages "*) tap OK "$b $product $ext: the footer's page numbers" ;;
			*) tap FAIL "$b $product $ext: the footer's page numbers (Page 2 of $pages)" ;;
			esac
		done
	done
done

for ext in docx odt; do
	case $(text "$out/pdf/nasty-report-$ext.pdf") in
	*"$nasty"*) tap OK "hostile text reads as text in the $ext" ;;
	*) tap FAIL "hostile text reads as text in the $ext" ;;
	esac
done

for ext in docx odt; do
	size=$(pdfinfo "$out/pdf/letter-report-$ext.pdf" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1x\2/p')
	if [ "$size" = "612x792" ]; then
		tap OK "report on letter paper as $ext"
	else
		tap FAIL "report on letter paper as $ext (page size '$size')"
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
