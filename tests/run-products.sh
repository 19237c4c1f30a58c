#!/bin/sh
# Every product from every sample, judged by real external checkers: the Nu
# HTML Checker (vnu) and axe-core with an internal-link check in Debian's
# Chromium for the HTML; qpdf, pdffonts, pdfinfo and pdftotext for the PDF,
# whose text is compared with tests/pdf-text/ (--update rewrites those files:
# review the diff), read by the layout check (tests/checkers/layout_check.py)
# and the accessibility check (tests/checkers/pdf_access_check.py), and whose
# structure tree pdfinfo reads; charts in every format.  TAP lines, then
# "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
bin=${SSECMM:-./ssecmm}
update=0
[ "${1:-}" = "--update" ] && update=1
out=$(mktemp -d) || exit 2
trap 'rm -rf "$out"' EXIT
. tests/tap.sh

run "handbook" $bin -q handbook -o "$out/"
for f in samples/*.xml; do
	grep -q '<appraisal ' "$f" || continue
	b=$(basename "$f" .xml)
	run "report $b" $bin -q report "$f" -o "$out/"
	run "statement $b" $bin -q statement "$f" -o "$out/"
	for ext in svg png pdf; do
		run "chart $b.$ext" $bin -q chart "$f" -o "$out/$b-chart.$ext"
	done
done
run "statement against a separate target profile" $bin -q statement \
	--target samples/rfp-2026-017-target.xml samples/meridian-integrator.xml \
	-o "$out/meridian-vs-rfp-statement.html"
run "statement against a separate target profile, PDF on US Letter" $bin -q statement \
	--target samples/rfp-2026-017-target.xml --paper letter samples/meridian-integrator.xml \
	-o "$out/meridian-vs-rfp-statement.pdf"

# A batch of every sample, each appraisal in its own worker, then the index
# rebuilt from the batch's outputs as a shard merge would; and a comparison.
run "batch of samples/" $bin -q batch -j 2 samples -o "$out/batch"
n_written=$(ls "$out/batch" | grep -c -- '-result\.xml$')
if [ "$n_written" -eq "$(grep -l '<appraisal ' samples/*.xml | wc -l)" ] &&
   [ -f "$out/batch/index.html" ] && [ -f "$out/batch/index.pdf" ]; then
	tap OK "batch wrote every appraisal's products and the index ($n_written)"
else
	tap FAIL "batch wrote every appraisal's products and the index ($n_written)"
fi
run "index of the batch's outputs" $bin -q index "$out/batch" -o "$out/"
# Every relative link of the index names a file that exists.
missing=$(grep -o 'href="\.[^"]*"' "$out/index.html" | sed 's/^href="//; s/"$//' |
	while read -r h; do [ -f "$out/$h" ] || echo "$h"; done)
links=$(grep -o 'href="\.[^"]*"' "$out/index.html" | wc -l)
if [ -z "$missing" ] && [ "$links" -ge 8 ]; then
	tap OK "index links to the products ($links links resolve)"
else
	tap FAIL "index links to the products ($links links; missing: $missing)"
fi
# The PDF index links to the same products as the HTML one.
html_links=$(grep -o 'href="\.[^"]*"' "$out/index.html" | sed 's/^href="//; s/"$//' | sort -u)
pdf_links=$(qpdf --qdf --object-streams=disable "$out/index.pdf" - 2>/dev/null |
	grep -a '^ */URI (' | sed 's/^ *\/URI (//; s/)$//' | sort -u)
if [ -n "$pdf_links" ] && [ "$pdf_links" = "$html_links" ]; then
	tap OK "index PDF links to the products as the HTML does ($(echo "$pdf_links" | wc -l))"
else
	tap FAIL "index PDF links to the products as the HTML does"
fi
# Shards: each input in exactly one of three, and the index of the three
# shards' outputs lists what the whole batch's index lists.
for k in 1 2 3; do
	$bin -q batch --shard $k/3 --format html -j 1 samples -o "$out/shard$k" 2>/dev/null
done
all=$(ls "$out/batch" | grep -- '-result\.xml$' | sort)
sharded=$(ls "$out/shard1" "$out/shard2" "$out/shard3" | grep -- '-result\.xml$' | sort)
if [ -n "$all" ] && [ "$all" = "$sharded" ]; then
	tap OK "shards 1/3, 2/3, 3/3 hold every input once"
else
	tap FAIL "shards 1/3, 2/3, 3/3 hold every input once"
fi
$bin -q index --format html "$out/shard1" "$out/shard2" "$out/shard3" -o "$out/merged.html"
if [ "$(grep -c '<tr>' "$out/merged.html")" = "$(grep -c '<tr>' "$out/index.html")" ]; then
	tap OK "index of three shards lists every appraisal"
else
	tap FAIL "index of three shards lists every appraisal"
fi
rm -f "$out/merged.html"
# A result file named to look like a script link still links as a file.
mkdir "$out/odd"
cp "$out/batch/sentinel-vendor-result.xml" "$out/odd/javascript:alert(1)-result.xml"
cp "$out/batch/sentinel-vendor-report.html" "$out/odd/javascript:alert(1)-report.html"
$bin -q index --format html "$out/odd" -o "$out/odd/"
if grep -q 'href="./javascript%3Aalert%281%29-report.html"' "$out/odd/index.html" &&
   ! grep -q 'href="javascript' "$out/odd/index.html"; then
	tap OK "index percent-encodes file names in links"
else
	tap FAIL "index percent-encodes file names in links"
fi
run "compare two appraisals of one organization" $bin -q compare \
	samples/harbourline-self-assessment.xml samples/harbourline-reappraisal-2027.xml -o "$out/"

# Page labels follow the footer's numbers: the cover is "Cover", the next
# page 2.
if qpdf --json --json-key=pagelabels "$out/sse-cmm-handbook.pdf" |
	tr -d ' \n' | grep -q '"index":0,"label":{"/P":"u:Cover","/St":1}},{"index":1,"label":{"/S":"/D","/St":2}'; then
	tap OK "handbook page labels: Cover, then 2, 3, ..."
else
	tap FAIL "handbook page labels: Cover, then 2, 3, ..."
fi

# The same input gives the same bytes.
$bin -q handbook --format pdf -o "$out/again.pdf"
run "handbook PDF is reproducible" cmp "$out/sse-cmm-handbook.pdf" "$out/again.pdf"
rm -f "$out/again.pdf"

for f in "$out"/*.pdf; do
	b=$(basename "$f" .pdf)
	case $b in *-chart) continue ;; esac
	# Every font embedded, and only the fonts we asked for (DejaVu, and the
	# Noto Sans CJK face of a CJK text's language): a fallback font would
	# mean pango drew boxes for missing glyphs.
	if pdffonts "$f" | awk 'NR > 2 { if ($(NF-4) != "yes" || ($1 !~ /^[A-Z]+\+DejaVuSans(-Bold|-Oblique|-BoldOblique|Mono)?$/ && $1 !~ /^[A-Z]+\+NotoSansCJK(sc|tc|hk|jp|kr)-(Regular|Bold)$/)) bad = 1 }
		END { exit bad }'; then
		tap OK "pdffonts $b: fonts embedded, no fallback"
	else
		tap FAIL "pdffonts $b: fonts embedded, no fallback"
		pdffonts "$f" | sed 's/^/#   /'
	fi
	info=$(pdfinfo "$f")
	if echo "$info" | grep -q '^Title: *[^ ]' && echo "$info" | grep -q '^Tagged: *yes' &&
	   echo "$info" | grep -q '^Creator: *ssecmm'; then
		tap OK "pdfinfo $b: title, creator, tagged"
	else
		tap FAIL "pdfinfo $b: title, creator, tagged"
	fi
	pages=$(echo "$info" | sed -n 's/^Pages: *//p')
	case $b in
	meridian-vs-rfp-statement)
		# The one statement made on US Letter: 50 pt shorter a page than
		# A4, it still takes the two pages the A4 one does.
		if [ "$pages" -ge 1 ] && [ "$pages" -le 2 ]; then
			tap OK "$b (US Letter) has 1-2 pages ($pages)"
		else
			tap FAIL "$b (US Letter) has 1-2 pages ($pages)"
		fi ;;
	*statement*)
		if [ "$pages" -ge 1 ] && [ "$pages" -le 2 ]; then
			tap OK "$b has 1-2 pages ($pages)"
		else
			tap FAIL "$b has 1-2 pages ($pages)"
		fi ;;
	esac
	pdftotext "$f" "$out/$b.txt"
	# Each process area's section, in order: its heading is the line before
	# the line naming its category.
	want=0
	case $b in sse-cmm-handbook) want=22 ;; *report) want=1 ;; esac
	if awk -v want=$want '
		/^(Category|Security process area|Project process area|Organization process area)$/ &&
		prev ~ /^PA[0-9][0-9] / { n = substr(prev, 3, 2) + 0; if (n <= last) bad = 1; last = n; count++ }
		{ prev = $0 }
		END { exit bad || count < want }' "$out/$b.txt"; then
		tap OK "pdftotext $b: process areas in order"
	else
		tap FAIL "pdftotext $b: process areas in order"
	fi
	golden=tests/pdf-text/$b.txt
	[ $update -eq 1 ] && cp "$out/$b.txt" "$golden"
	if cmp -s "$out/$b.txt" "$golden"; then
		tap OK "pdftotext $b matches $golden"
	else
		tap FAIL "pdftotext $b matches $golden"
		diff "$golden" "$out/$b.txt" 2>&1 | head -10 | sed 's/^/#   /'
	fi
done

# Every sample's statement takes two pages at most on US Letter too (50 pt
# shorter a page than A4; A4 is checked above with every product).
mkdir "$out/letter"
for f in samples/*.xml; do
	grep -q '<appraisal ' "$f" || continue
	b=$(basename "$f" .xml)
	$bin -q statement --paper letter --format pdf "$f" -o "$out/letter/$b-statement.pdf"
	pages=$(pdfinfo "$out/letter/$b-statement.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ -n "$pages" ] && [ "$pages" -le 2 ]; then
		tap OK "statement $b on US Letter has 1-2 pages ($pages)"
	else
		tap FAIL "statement $b on US Letter has 1-2 pages (${pages:-none})"
	fi
done

# An empty <ref> to a section or a glossary term shows the target's title or
# name: no product, HTML or PDF, may show such an anchor id as text.
for f in "$out"/*.html "$out"/*.txt; do
	raw=$(sed 's/<[^>]*>//g' "$f" | grep -oE '(^|[^A-Za-z0-9_.#-])(sec|term)-[a-z0-9]+(-[a-z0-9]+)*' |
		sed 's/^[^a-z]//' | sort -u | head -5 | tr '\n' ' ')
	if [ -z "$raw" ]; then
		tap OK "no raw section or term id in $(basename "$f")"
	else
		tap FAIL "no raw section or term id in $(basename "$f"): $raw"
	fi
done

# The handbook's index of work products gives each practice's page after
# its id: every "BP.nn.nn (p. N)" names a page that shows that practice
# (a line starting with its id), and there are hundreds of them.
if awk 'NR == FNR { pg += gsub(/\f/, "")
	if ($0 ~ /^BP\.[0-9][0-9]\.[0-9][0-9] [A-Z]/) on[$1 " " (pg + 1)] = 1; next }
	{ s = $0; while (match(s, /BP\.[0-9][0-9]\.[0-9][0-9] \(p\. [0-9]+\)/)) {
		r = substr(s, RSTART, RLENGTH); refs++
		if (!((substr(r, 1, 8) " " (substr(r, 14, RLENGTH - 14) + 0)) in on)) bad++
		s = substr(s, RSTART + RLENGTH) } }
	END { exit !(refs >= 100 && bad == 0) }' "$out/sse-cmm-handbook.txt" "$out/sse-cmm-handbook.txt"; then
	tap OK "handbook index: practices' pages right"
else
	tap FAIL "handbook index: practices' pages right"
fi

# The index's pages are the index's in the running head, as every other
# page names its chapter or process area: not the letter ("S") over its
# entries.
if pdftotext -layout "$out/sse-cmm-handbook.pdf" - | awk '
	BEGIN { RS = "\f" }
	/BP\.[0-9][0-9]\.[0-9][0-9] \(p\. [0-9]+\)/ {
		split($0, line, "\n"); pages++
		if (line[1] !~ /Index of work products[ \t]*$/) bad++
	}
	END { exit !(pages >= 3 && bad == 0) }'; then
	tap OK "handbook index: its running head names the index"
else
	tap FAIL "handbook index: its running head names the index"
fi

# Digests are set in groups of eight hex digits, a line broken only between
# groups: no product's PDF text holds a longer run of hex digits, and every
# report and statement gives its digests so in both renderings.
for f in "$out"/*.txt; do
	b=$(basename "$f" .txt)
	run=$(grep -oE '[0-9a-f]{9,}' "$f" | head -1)
	if [ -z "$run" ]; then
		tap OK "digests in groups of eight in $b (PDF)"
	else
		tap FAIL "digests in groups of eight in $b (PDF): $run"
	fi
done
for f in "$out"/*-report.html "$out"/*-statement.html; do
	b=$(basename "$f" .html)
	if grep -qE '<code class="digest">(<span>[0-9a-f]{8}</span>){8}</code>' "$f" &&
	   ! grep -qE '<code>[0-9a-f]{64}</code>' "$f"; then
		tap OK "digests in groups of eight in $b (HTML)"
	else
		tap FAIL "digests in groups of eight in $b (HTML)"
	fi
done

# The layout check reads every product PDF page by page, over the samples'
# products and generated appraisals' reports and statements, and names each
# heading or caption stranded at a page's foot, lead-in ending a page, short
# page, list marker alone on its line and word broken leaving fewer than
# three letters: a PDF passes with none.
bench/gen-appraisals.sh 3 7 "$out/gen" >/dev/null
for f in "$out"/gen/appraisal-*.xml; do
	$bin -q report --format pdf "$f" -o "$out/" && $bin -q statement --format pdf "$f" -o "$out/"
done
for f in "$out"/*.pdf; do
	b=$(basename "$f" .pdf)
	case $b in *-chart) continue ;; esac
	if (cd "$out" && python3 "$OLDPWD/tests/checkers/layout_check.py" "$b.pdf") >"$out/layout.log"; then
		tap OK "layout $b: no findings"
	else
		tap FAIL "layout $b: $(tail -1 "$out/layout.log")"
		head -10 "$out/layout.log" | sed 's/^/#   /'
	fi
done

# The structure tree (pdfinfo -struct-text): the elements each kind of
# product has, and its chapters (h2) in the order the pages show them.
for f in "$out"/*.pdf; do
	b=$(basename "$f" .pdf)
	case $b in
	*-chart) continue ;;
	*-report | sse-cmm-handbook) want="H1 H2 H3 P L LI Lbl LBody Table TR TH TD Figure" ;;
	*-statement) want="H1 H2 P Table TR TH TD Figure" ;;
	*) want="H1 H2 P Table TR TH TD" ;;
	esac
	[ "$b" = sse-cmm-handbook ] && want=$(echo "$want" | sed 's/ Figure//')
	pdfinfo -struct-text "$f" >"$out/struct.txt" 2>&1
	# An element with attributes prints as "TH:", its attributes under it.
	have=$(awk '{ sub(/:$/, "", $1); print $1 }' "$out/struct.txt" | sort -u | tr '\n' ' ')
	missing=""
	for e in $want; do
		case " $have" in *" $e "*) ;; *) missing="$missing $e" ;; esac
	done
	# pdftotext writes ligatures as their letters; the structure keeps them.
	awk '/^ *H2 \(block\)/ { getline; gsub(/^ *"|"$/, ""); gsub(/\xef\xac\x81/, "fi")
		gsub(/\xef\xac\x82/, "fl"); gsub(/\xef\xac\x83/, "ffi"); gsub(/\xef\xac\x80/, "ff")
		print substr($0, 1, 30) }' \
		"$out/struct.txt" >"$out/h2.struct"
	if [ -z "$missing" ] && [ -s "$out/h2.struct" ] &&
	   pdftotext "$f" - | awk -v list="$out/h2.struct" '
		BEGIN { while ((getline l < list) > 0) want[++n] = l; i = 1 }
		i <= n && index($0, want[i]) == 1 { i++ }
		END { exit !(i > n) }'; then
		tap OK "structure $b: $want; chapters in page order"
	else
		tap FAIL "structure $b: missing${missing:- nothing}, or chapters out of page order"
	fi
done

# What the PDF owes assistive technology (tests/checkers/pdf_access_check.py):
# the document language and the title shown by viewers, alternate text on
# every figure, a scope on every table header, and every mark on every page
# either tagged content or an artifact.
for f in "$out"/*.pdf; do
	b=$(basename "$f" .pdf)
	case $b in *-chart) continue ;; esac
	if python3 tests/checkers/pdf_access_check.py "$f" >"$out/access.log" 2>&1; then
		tap OK "accessibility $b: /Lang, title shown, figure text, header scope, artifacts"
	else
		tap FAIL "accessibility $b: $(tail -1 "$out/access.log")"
		head -10 "$out/access.log" | sed 's/^/#   /'
	fi
done

# Text wholly in another language than the document's (names and notes
# quoted from a Chinese appraisal in an English report) carries its /Lang.
n_lang=$(qpdf --qdf --object-streams=disable "$out/yunzhan-zh-report.pdf" - 2>/dev/null |
	grep -a -c '/Lang (zh-CN)')
if [ "$n_lang" -ge 10 ]; then
	tap OK "yunzhan-zh-report: Chinese text tagged /Lang (zh-CN) ($n_lang elements)"
else
	tap FAIL "yunzhan-zh-report: Chinese text tagged /Lang (zh-CN) ($n_lang elements)"
fi

for f in "$out"/*.png; do
	if [ "$(head -c 4 "$f" | tail -c 3)" = PNG ]; then
		tap OK "$(basename "$f") is a PNG image"
	else
		tap FAIL "$(basename "$f") is a PNG image"
	fi
done
for f in "$out"/*.pdf; do
	run "qpdf --check $(basename "$f")" qpdf --check "$f"
done
for f in "$out"/*.svg; do
	run "$(basename "$f") is well-formed SVG" xmllint --noout "$f"
done

# The checkers must be there: a missing one fails the run instead of
# passing every page unchecked.
checkers=tests/checkers/node_modules
vnu="java -jar $checkers/vnu-jar/build/dist/vnu.jar"
if $vnu --version >"$out/vnu.log" 2>&1; then
	tap OK "the Nu HTML Checker runs ($(cat "$out/vnu.log"))"
	# One Java start for every page; each page passes when vnu names no error in it.
	$vnu --errors-only --format gnu "$out"/*.html >"$out/vnu.log" 2>&1
	for f in "$out"/*.html; do
		if grep -q "^\"\{0,1\}$f" "$out/vnu.log"; then
			tap FAIL "vnu $(basename "$f")"
			grep "$f" "$out/vnu.log" | sed "s|$out/||; s/^/#   /" | head -10
		else
			tap OK "vnu $(basename "$f")"
		fi
	done
else
	tap FAIL "the Nu HTML Checker runs (make deps installs it)"
	sed 's/^/#   /' "$out/vnu.log" | head -5
fi
if node tests/checkers/axe-check.js "$out"/*.html >"$out/axe.log" 2>&1; then :; fi
n_axe=0
while IFS= read -r line; do
	case $line in
	"ok "*) tap OK "${line#ok * - }"; n_axe=$((n_axe + 1)) ;;
	"not ok "*) tap FAIL "${line#not ok * - }"; n_axe=$((n_axe + 1)) ;;
	"#"*) echo "$line" ;;
	esac
done <"$out/axe.log"
n_html=$(ls "$out"/*.html | wc -l)
if [ "$n_axe" -eq "$n_html" ]; then
	tap OK "axe judged every page ($n_axe of $n_html)"
else
	tap FAIL "axe judged every page ($n_axe of $n_html; make deps installs it)"
	grep -v '^\(not \)\{0,1\}ok ' "$out/axe.log" | sed 's/^/#   /' | head -5
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
