#!/bin/sh
# Hostile input and failing writes: inputs that try to read a canary file or reach a
# loopback listener, an output corpus of hostile text, write failures and signals,
# and resource limits.  Cases and templates are in tests/hostile/.  TAP lines, then
# "N passed, N failed".
#
# Environment: SSECMM (the binary, default ./ssecmm).
set -u
cd "$(dirname "$0")/.." || exit 2
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
bin=${SSECMM:-./ssecmm}
case $bin in /*) ;; *) bin=$PWD/${bin#./} ;; esac
model=tests/data/mini-model.xml
mini=tests/data/mini-appraisal.xml
tmp=$(mktemp -d) || exit 2
listener='' vnu=''
cleanup() {
	[ -n "$listener" ] && kill "$listener" 2>/dev/null
	[ -n "$vnu" ] && kill "$vnu" 2>/dev/null
	chmod -R u+rwX "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
. tests/tap.sh

skip() { # skip description reason
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
	pass=$((pass + 1))
}

# How many files are in a directory, hidden ones (temporary files) included.
count_files() {
	k=0
	for e in "$1"/* "$1"/.[!.]* "$1"/..?*; do
		if [ -e "$e" ] || [ -L "$e" ]; then k=$((k + 1)); fi
	done
	echo $k
}

# A clean, empty directory for one run's products.
fresh() {
	if [ ! -d "$1" ] || [ "$(count_files "$1")" != 0 ]; then
		rm -rf "$1"
		mkdir -p "$1"
	fi
}

# subst_file FILE FROM...: replace each @NAME@ in FILE by the value of the
# environment variable NAME (literally: no regular expressions, no escapes).
subst_file() {
	sf_file=$1
	shift
	awk -v names="$*" '
		function subst(s, from, to,    i, out) {
			out = ""
			while ((i = index(s, from)) > 0) {
				out = out substr(s, 1, i - 1) to
				s = substr(s, i + length(from))
			}
			return out s
		}
		BEGIN { k = split(names, name, " ") }
		{ for (j = 1; j <= k; j++) $0 = subst($0, "@" name[j] "@", ENVIRON[name[j]]); print }' "$sf_file"
}

# The values of a .case file ("key: value" lines) as c_KEY variables, "-"
# in a key becoming "_"; keys the file does not give are empty.
read_case() {
	c_kind='' c_exit='' c_prolog='' c_attrs='' c_tattrs='' c_text='' c_line='' c_para=''
	c_id='' c_pdf='' c_pdf_cjk='' c_pdf_count='' c_pdf_report='' c_pdf_statement=''
	while IFS= read -r kv; do
		case $kv in
		kind:\ *) c_kind=${kv#*: } ;;
		exit:\ *) c_exit=${kv#*: } ;;
		prolog:\ *) c_prolog=${kv#*: } ;;
		attrs:\ *) c_attrs=${kv#*: } ;;
		tattrs:\ *) c_tattrs=${kv#*: } ;;
		text:\ *) c_text=${kv#*: } ;;
		line:\ *) c_line=${kv#*: } ;;
		para:\ *) c_para=${kv#*: } ;;
		id:\ *) c_id=${kv#*: } ;;
		pdf:\ *) c_pdf=${kv#*: } ;;
		pdf-cjk:\ *) c_pdf_cjk=${kv#*: } ;;
		pdf-count:\ *) c_pdf_count=${kv#*: } ;;
		pdf-report:\ *) c_pdf_report=${kv#*: } ;;
		pdf-statement:\ *) c_pdf_statement=${kv#*: } ;;
		esac
	done <"$1"
}

# XML text (with &...; escapes) as the characters it stands for.
xml_text() {
	printf '<t>%s</t>' "$1" | xmllint --xpath 'string(/t)' - 2>/dev/null
}

# Characters as they must appear in HTML text: & < > escaped, nothing else.
html_escape() {
	printf '%s' "$1" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g'
}

# Visible text only: no white space, no zero-width characters (the
# typesetter adds U+200B as break opportunities; none of them is drawn).
squeeze() {
	LC_ALL=C sed 's/\xe2\x80[\x8b\x8c\x8d]//g; s/\xe2\x81\xa0//g; s/\xef\xbb\xbf//g' |
		LC_ALL=C tr -d ' \t\n\r\f'
}

# What makes an HTML product unsafe; prints nothing when it is clean.  Given
# a reference head, the head must start exactly as it does: charset first,
# then the unchanged Content-Security-Policy.
html_problems() { # html_problems FILE [REFERENCE-HEAD]
	REF=${2:-}
	export REF
	awk 'NR <= 5 { head = head $0 "\n" }
		tolower($0) ~ /<script/ { script = 1 }
		/Content-Security-Policy/ { csp++ }
		END {
			if (script) print "a <script> element"
			if (csp != 1) print csp + 0 " Content-Security-Policy lines"
			if (ENVIRON["REF"] != "" && head != ENVIRON["REF"] "\n")
				print "the head does not start with the charset and the unchanged policy:\n" head
		}' "$1"
	counts=$(xmllint --html --xpath "concat(
		count(//@*[starts-with(translate(name(), 'ON', 'on'), 'on')]), ' ',
		count(//@*[(name() = 'href' or name() = 'xlink:href' or name() = 'action' or
			name() = 'formaction') and not(starts-with(., '#'))]), ' ',
		count(//@*[name() = 'src' or name() = 'srcset' or name() = 'style' or name() = 'background']), ' ',
		count(//script | //iframe | //object | //embed | //link | //base | //form |
			//img | //meta[@http-equiv and @http-equiv != 'Content-Security-Policy']), ' ',
		count(//style))" "$1" 2>/dev/null)
	if [ "$counts" != "0 0 0 0 1" ]; then
		echo "event attributes, links out, src/style attributes, active elements, style elements: $counts"
	fi
}

# What is wrong with a PDF product; prints nothing when it is sound: qpdf
# finds no error, and there is no action that leaves the document.
pdf_problems() { # pdf_problems FILE
	if ! qpdf --check "$1" >"$tmp/qpdf.log" 2>&1; then
		echo "qpdf --check:"
		tail -5 "$tmp/qpdf.log"
	fi
	if ! qpdf --qdf --object-streams=disable "$1" "$tmp/qdf.pdf" 2>/dev/null; then
		echo "qpdf cannot rewrite it uncompressed"
	elif LC_ALL=C grep -aqE '/(URI|JavaScript|JS|Launch|SubmitForm|ImportData|GoToR|RichMedia)[^A-Za-z]' "$tmp/qdf.pdf"; then
		echo "an action that leaves the document:"
		LC_ALL=C grep -aoE '/(URI|JavaScript|JS|Launch|SubmitForm|ImportData|GoToR|RichMedia)[^A-Za-z].{0,40}' "$tmp/qdf.pdf" | head -3
	fi
	rm -f "$tmp/qdf.pdf"
}

if ! [ -x "$bin" ]; then
	tap FAIL "the binary $bin exists"
	echo "$pass passed, $fail failed"
	exit 1
fi

# ---------------------------------------------------------------------------
# 1. The canary and the listener
# ---------------------------------------------------------------------------

secret="canary-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
mkdir "$tmp/canary" "$tmp/fetch"
canary=$tmp/canary/keep-out.txt
printf '%s\n' "$secret" >"$canary"

perl tests/hostile/listener.pl "$tmp/port" "$tmp/connections" 2>"$tmp/listener.err" &
listener=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do
	sleep 0.05
	i=$((i + 1))
done
port=$(cat "$tmp/port" 2>/dev/null)
: >"$tmp/connections"

# Controls: the listener records a connection, and strace sees a file opened.
if [ -n "$port" ] && perl -MIO::Socket::INET -e \
	'IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $ARGV[0]) or exit 1' "$port"; then
	i=0
	while [ ! -s "$tmp/connections" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
fi
if [ -s "$tmp/connections" ]; then
	tap OK "control: the loopback listener on port $port records a connection"
else
	tap FAIL "control: the loopback listener records a connection" "$(cat "$tmp/listener.err")"
fi
: >"$tmp/connections"

# With --seccomp-bpf only the traced calls stop the process: much faster.
have_strace=0
strace_bpf=--seccomp-bpf
if command -v strace >/dev/null 2>&1 &&
   { strace -f -qq $strace_bpf -o "$tmp/control.trace" -e trace=%file,%network cat "$canary" ||
     { strace_bpf= && strace -f -qq -o "$tmp/control.trace" -e trace=%file,%network cat "$canary"; }
   } >/dev/null 2>&1; then
	if grep -qF "$canary" "$tmp/control.trace"; then
		have_strace=1
		tap OK "control: strace sees cat open the canary"
	else
		tap FAIL "control: strace sees cat open the canary"
	fi
else
	skip "control: strace sees cat open the canary" "strace is missing or cannot trace here"
fi

# make_hostile CASE OUTPUT: the input the case describes, with the canary path
# and the listener's port filled in (after the case's values, which name them).
make_hostile() {
	read_case "$1"
	PROLOG=$c_prolog ATTRS=$c_attrs TATTRS=$c_tattrs TEXT=${c_text:-Hostile test}
	CANARY=$canary PORT=$port
	export PROLOG ATTRS TATTRS TEXT CANARY PORT
	subst_file "tests/hostile/fetch/$c_kind.xml.in" PROLOG ATTRS TATTRS TEXT CANARY PORT >"$2"
}

# hostile_run TRACE STDIN COMMAND...: run one command on a hostile input,
# under strace when it is there; sets rc, output in $tmp/out and $tmp/err.
hostile_run() {
	trace=$1 input=$2
	shift 2
	if [ $have_strace -eq 1 ]; then
		timeout 60 strace -f -qq $strace_bpf -o "$trace" -e trace=%file,%network "$@" \
			<"$input" >"$tmp/out" 2>"$tmp/err"
	else
		timeout 60 "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
	fi
	rc=$?
}

# Control: a parser that substitutes entities leaks the canary from this input.
ctl=$tmp/fetch/control.xml
make_hostile tests/hostile/fetch/xxe-file-entity.case "$ctl"
if xmllint --noent --nonet "$ctl" 2>&1 | grep -qF "$secret"; then
	tap OK "control: xmllint --noent --nonet leaks the canary from xxe-file-entity"
else
	tap FAIL "control: xmllint --noent --nonet leaks the canary from xxe-file-entity"
fi

out=$tmp/fetch-out
for c in tests/hostile/fetch/*.case; do
	name=${c##*/}
	name=${name%.case}
	f=$tmp/fetch/$name.xml
	make_hostile "$c" "$f"
	kind=$c_kind want=$c_exit
	case $kind in
	appraisal)
		set -- "validate" "rate" "report" "statement" "chart"
		# Standard input goes through the same loader; two cases show it.
		case $name in xxe-file-entity | xxe-http-entity) set -- "$@" "validate-stdin" ;; esac ;;
	model)
		set -- "validate" "rate" "report" "handbook" ;;
	target)
		set -- "validate" "rate" "statement" ;;
	esac
	for cmd in "$@"; do
		fresh "$out"
		trace=$tmp/fetch/$name.$cmd.trace
		case $kind:$cmd in
		appraisal:validate-stdin)
			hostile_run "$trace" "$f" "$bin" --model "$model" validate - ;;
		appraisal:chart)
			hostile_run "$trace" /dev/null "$bin" --model "$model" chart "$f" -o "$out/chart.svg" ;;
		appraisal:validate | appraisal:rate)
			hostile_run "$trace" /dev/null "$bin" --model "$model" "$cmd" "$f" ;;
		appraisal:*)
			hostile_run "$trace" /dev/null "$bin" --model "$model" "$cmd" "$f" -o "$out/" ;;
		model:validate)
			hostile_run "$trace" /dev/null "$bin" validate "$f" ;;
		model:rate)
			hostile_run "$trace" /dev/null "$bin" --model "$f" rate "$mini" ;;
		model:report)
			hostile_run "$trace" /dev/null "$bin" --model "$f" report "$mini" -o "$out/" ;;
		model:handbook)
			hostile_run "$trace" /dev/null "$bin" --model "$f" handbook -o "$out/" ;;
		target:validate)
			hostile_run "$trace" /dev/null "$bin" --model "$model" validate "$f" ;;
		target:rate)
			hostile_run "$trace" /dev/null "$bin" --model "$model" rate "$mini" --target "$f" ;;
		target:statement)
			hostile_run "$trace" /dev/null "$bin" --model "$model" statement "$mini" \
				--target "$f" -o "$out/" ;;
		esac
		problems=
		[ "$rc" = "$want" ] || problems="exit $rc, expected $want"
		if grep -rqF "$secret" "$tmp/out" "$tmp/err" "$out"; then
			problems="$problems; the canary's secret is in the output"
		fi
		if [ "$want" != 0 ] && [ "$(count_files "$out")" != 0 ]; then
			problems="$problems; a refused input left files: $(ls -A "$out")"
		fi
		if [ "$want" = 0 ]; then
			for h in "$out"/*.html; do
				[ -e "$h" ] || continue
				p=$(html_problems "$h")
				[ -z "$p" ] || problems="$problems; $(basename "$h"): $p"
			done
		fi
		if [ -z "$problems" ]; then
			tap OK "hostile $name: $cmd exits $want, no canary in any output"
		else
			tap FAIL "hostile $name: $cmd exits $want, no canary in any output" "$problems" \
				"$(cat "$tmp/err")"
		fi
	done
	if [ $have_strace -eq 1 ]; then
		cat "$tmp/fetch/$name".*.trace >"$tmp/fetch/$name.trace"
		if grep -F "$canary" "$tmp/fetch/$name.trace" >"$tmp/bad.trace" ||
		   grep -E 'socket\(AF_INET6?|connect\(.*AF_INET' "$tmp/fetch/$name.trace" >>"$tmp/bad.trace"; then
			tap FAIL "hostile $name: strace shows no open of the canary, no network socket" \
				"$(cat "$tmp/bad.trace")"
		else
			tap OK "hostile $name: strace shows no open of the canary, no network socket"
		fi
	else
		skip "hostile $name: strace shows no open of the canary, no network socket" "no strace"
	fi
done

# Rating workbooks whose parts try to read the canary or reach the listener
# (entities, XInclude, a relationship to a file, external links), made by
# tests/xlsx/mkworkbook.py as NAME-EXIT.xlsx and imported under strace.
mkdir "$tmp/fetch-xlsx"
if python3 tests/xlsx/mkworkbook.py fetch "$tmp/fetch-xlsx" "$canary" "$port"; then
	for f in "$tmp"/fetch-xlsx/*.xlsx; do
		name=${f##*/}
		name=${name%.xlsx}
		want=${name##*-}
		name=workbook-${name%-*}
		fresh "$out"
		hostile_run "$tmp/fetch/$name.trace" /dev/null "$bin" --model "$model" import "$f" \
			--template "$mini" -o "$out/new.xml"
		problems=
		[ "$rc" = "$want" ] || problems="exit $rc, expected $want"
		if grep -rqF "$secret" "$tmp/out" "$tmp/err" "$out"; then
			problems="$problems; the canary's secret is in the output"
		fi
		if [ "$want" != 0 ] && [ "$(count_files "$out")" != 0 ]; then
			problems="$problems; a refused input left files: $(ls -A "$out")"
		fi
		if [ -z "$problems" ]; then
			tap OK "hostile $name: import exits $want, no canary in any output"
		else
			tap FAIL "hostile $name: import exits $want, no canary in any output" "$problems" \
				"$(cat "$tmp/err")"
		fi
		if [ $have_strace -eq 0 ]; then
			skip "hostile $name: strace shows no open of the canary, no network socket" "no strace"
		elif grep -F "$canary" "$tmp/fetch/$name.trace" >"$tmp/bad.trace" ||
		     grep -E 'socket\(AF_INET6?|connect\(.*AF_INET' "$tmp/fetch/$name.trace" >>"$tmp/bad.trace"; then
			tap FAIL "hostile $name: strace shows no open of the canary, no network socket" \
				"$(cat "$tmp/bad.trace")"
		else
			tap OK "hostile $name: strace shows no open of the canary, no network socket"
		fi
	done
else
	tap FAIL "the hostile workbooks are made by tests/xlsx/mkworkbook.py fetch"
fi

# The transform's sandbox: a hostile template, put in place of statement.xsl
# in a copy of the data directory, cannot read, fetch, import from elsewhere,
# write, recurse without end or run an XPath expression for hours.
evil=$tmp/evil-data
mkdir -p "$evil"
cp -R model-xml templates stylesheets "$evil/"
printf '%s\n' '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>' \
	>"$tmp/canary/outside.xsl"
EVIL=$tmp/canary/outside.xsl WRITTEN=$tmp/canary/written.txt
export EVIL WRITTEN
for t in tests/hostile/templates/*.xsl.in; do
	name=${t##*/}
	name=${name%.xsl.in}
	subst_file "$t" CANARY PORT EVIL WRITTEN >"$evil/templates/statement.xsl"
	fresh "$out"
	hostile_run "$tmp/template.trace" /dev/null env SSECMM_DATADIR="$evil" \
		"$bin" -q --model "$model" statement "$mini" --format html -o "$out/"
	problems=
	[ "$rc" = 5 ] || problems="exit $rc, expected 5"
	[ "$(count_files "$out")" = 0 ] || problems="$problems; it wrote $(ls -A "$out")"
	[ ! -e "$WRITTEN" ] || problems="$problems; the template wrote a file"
	if grep -rqF "$secret" "$tmp/out" "$tmp/err" "$out"; then
		problems="$problems; the canary's secret is in the output"
	fi
	if [ $have_strace -eq 1 ] && { grep -F "$canary" "$tmp/template.trace" ||
	   grep -E 'socket\(AF_INET6?|connect\(.*AF_INET' "$tmp/template.trace"; } >"$tmp/bad.trace"; then
		problems="$problems; strace: $(cat "$tmp/bad.trace")"
	fi
	if [ -z "$problems" ]; then
		tap OK "template $name: the transform stops (exit 5), nothing read, fetched or written"
	else
		tap FAIL "template $name: the transform stops (exit 5), nothing read, fetched or written" \
			"$problems" "$(head -5 "$tmp/err")"
	fi
done

if [ -f "$tmp/connections" ] && [ ! -s "$tmp/connections" ] && kill -0 "$listener" 2>/dev/null; then
	tap OK "the listener saw no connection from any hostile run"
else
	tap FAIL "the listener saw no connection from any hostile run" "$(cat "$tmp/connections")"
fi
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null
listener=

# ---------------------------------------------------------------------------
# 2. The output corpus: hostile text in every field that reaches a product
# ---------------------------------------------------------------------------

WORD300=$(awk 'BEGIN { while (n++ < 300) printf "x" }')
WORD10000=$(awk 'BEGIN { while (n++ < 10000) printf "x" }')
NAME300=$(awk 'BEGIN { s = "Very Long Organization Name"; while (length(s) < 300) s = s " Holdings " ++n; print substr(s, 1, 299) "Z" }')
NAME301=${NAME300}Z
export WORD300 WORD10000 NAME300 NAME301
expand() { # the big placeholders of a case value
	case $1 in
	*@*)
		printf '%s\n' "$1" >"$tmp/value"
		subst_file "$tmp/value" WORD300 WORD10000 NAME300 NAME301 ;;
	*) printf '%s\n' "$1" ;;
	esac
}

# Is there a font with CJK glyphs?  Without one pango draws hex boxes.
cjk_font=$(fc-list ':lang=zh-cn' family 2>/dev/null | head -1)

corpus_make() { # corpus_make LINE PARA ID OUTPUT
	LINE=$1 PARA=$2 ID=$3
	export LINE PARA ID
	subst_file tests/hostile/text/appraisal.xml.in LINE PARA ID >"$4"
}

# The reference: the same template with plain text gives the head every
# product must start with.
ref=$tmp/text/reference
mkdir -p "$ref"
corpus_make "Reference" "Reference paragraph." "P1" "$ref/reference.xml"
"$bin" -q --model "$model" report "$ref/reference.xml" -o "$ref/" >/dev/null 2>&1
"$bin" -q --model "$model" statement "$ref/reference.xml" -o "$ref/" >/dev/null 2>&1
ref_report=$(head -5 "$ref/reference-report.html" 2>/dev/null)
ref_statement=$(head -5 "$ref/reference-statement.html" 2>/dev/null)
css_hash=$(sha256sum stylesheets/ssecmm.css | cut -c1-64 | perl -ne 'chomp; print pack("H*", $_)' | base64)
csp="<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-$css_hash'; img-src data:; base-uri 'none'; form-action 'none'\">"
if [ "$(printf '%s\n' "$ref_report" | sed -n 4p)" = '<meta charset="utf-8">' ] &&
   [ "$(printf '%s\n' "$ref_report" | sed -n 5p)" = "$csp" ] &&
   [ "$ref_statement" = "$ref_report" ]; then
	tap OK "reference products: charset, then the policy with the hash of the style sheet"
else
	tap FAIL "reference products: charset, then the policy with the hash of the style sheet" \
		"$ref_report" "expected line 5: $csp"
fi

# The templates never put data where escaping cannot help: no
# disable-output-escaping, no script, comment or processing instruction made
# from data, no style or event attributes, no computed element or attribute
# names, no src, and links only to "#..." anchors (the index's links to its
# products are file names that src/cmd/index.c has already percent-encoded,
# and the ODT's images are the package's own parts, named by
# src/render/office.c).
grep -nE 'disable-output-escaping|<script|<xsl:comment|<xsl:processing-instruction|<style[[:space:]>]|[[:space:]]style=|[[:space:]]on[a-z]+=|[[:space:]]src=|<xsl:(element|attribute) name="[^"]*\{|<xsl:attribute name="(href|src|style|on[a-z]*)"' \
	templates/*.xsl >"$tmp/templates.bad"
# shellcheck disable=SC2016 # the $ is the template's, not the shell's
grep -nE 'href="[^"#]*\{' templates/*.xsl | grep -vE 'templates/index.xsl:.*href="\{\$(html|pdf)\}"' |
	grep -vE 'templates/odt.xsl:.*xlink:href="\{@data-(image|vector)\}"' \
	>>"$tmp/templates.bad"
if [ ! -s "$tmp/templates.bad" ]; then
	tap OK "templates: no unescaped output, script, style or event attribute, computed name or outside link"
else
	tap FAIL "templates: no unescaped output, script, style or event attribute, computed name or outside link" \
		"$(cat "$tmp/templates.bad")"
fi

vnu_files=
for c in tests/hostile/text/*.case; do
	name=${c##*/}
	name=${name%.case}
	dir=$tmp/text/$name
	mkdir -p "$dir"
	read_case "$c"
	line=$(expand "$c_line")
	para=$line
	[ -z "$c_para" ] || para=$(expand "$c_para")
	id=${c_id:-P1}
	want=${c_exit:-0}
	corpus_make "$line" "$para" "$id" "$dir/$name.xml"

	# Both products, HTML and PDF each, and the chart, within bounded time.
	fresh "$dir/out"
	rcs=
	for p in report statement; do
		timeout 60 "$bin" -q --model "$model" "$p" "$dir/$name.xml" -o "$dir/out/" \
			>"$dir/$p.out" 2>"$dir/$p.err"
		rcs="$rcs $?"
	done
	timeout 60 "$bin" -q --model "$model" chart "$dir/$name.xml" -o "$dir/out/chart.svg" \
		>"$dir/chart.out" 2>"$dir/chart.err"
	rcs="$rcs $?"
	if [ "$want" != 0 ]; then
		if [ "$rcs" = " $want $want $want" ] && [ "$(count_files "$dir/out")" = 0 ] &&
		   grep -q 'error:' "$dir/report.err"; then
			tap OK "text $name: refused (exit $want) with an error, no file written"
		else
			tap FAIL "text $name: refused (exit $want) with an error, no file written" \
				"exits:$rcs" "$(cat "$dir/report.err")"
		fi
		continue
	fi
	if [ "$rcs" = " 0 0 0" ]; then
		tap OK "text $name: report, statement and chart exit 0 within 60 s"
	else
		tap FAIL "text $name: report, statement and chart exit 0 within 60 s" "exits:$rcs" \
			"$(cat "$dir/report.err" "$dir/statement.err" "$dir/chart.err")"
		continue
	fi

	# The HTML: safe, and the text is there, escaped, isolated in <bdi>.  Both
	# products end with the input's SHA-256: a product cut short lacks it.
	text=$(xml_text "$line")
	shown=$(html_escape "$text")
	sha=$(sha256sum "$dir/$name.xml" | cut -c1-64)
	for p in report statement; do
		h=$dir/out/$name-$p.html
		problems=$(html_problems "$h" "$ref_report")
		if ! grep -qF "<bdi>$shown</bdi>" "$h"; then
			problems="$problems
the text is not there, escaped, inside <bdi>"
		fi
		# The digest is set in groups, a span each: read without the tags.
		if ! sed 's#</*span>##g' "$h" | grep -qF "$sha"; then
			problems="$problems
the document is cut short: no SHA-256 of the input at its end"
		fi
		# Wherever it is, it is escaped: never there as raw markup.
		case $text in
		*[\<\&]*)
			if grep -qF -- "$text" "$h"; then
				problems="$problems
the text is there unescaped"
			fi ;;
		esac
		if [ -z "$problems" ]; then
			tap OK "text $name: $p HTML has no script or handler, policy first, text escaped"
		else
			tap FAIL "text $name: $p HTML has no script or handler, policy first, text escaped" \
				"$problems"
		fi
	done
	case $name in
	script-element | img-onerror | bidi-override | long-word | emoji)
		vnu_files="$vnu_files $dir/out/$name-report.html" ;;
	esac

	# The PDF: sound, and pdftotext gives the text back.
	if [ -n "$c_pdf" ]; then tokens=$(xml_text "$c_pdf"); else tokens=$(printf '%s' "$text" | squeeze); fi
	cjk=$c_pdf_cjk
	if [ -n "$cjk" ] && [ -n "$cjk_font" ]; then tokens="$tokens $(xml_text "$cjk")"; fi
	count=$c_pdf_count
	for p in report statement; do
		f=$dir/out/$name-$p.pdf
		problems=$(pdf_problems "$f")
		pdftotext "$f" "$dir/$p.txt" 2>/dev/null
		squeeze <"$dir/$p.txt" >"$dir/$p.squeezed"
		more=
		# A phrase of one product, in order (white space aside).
		if [ $p = report ] && [ -n "$c_pdf_report" ]; then
			more=$(xml_text "$c_pdf_report" | squeeze)
		fi
		if [ $p = statement ] && [ -n "$c_pdf_statement" ]; then
			more=$(xml_text "$c_pdf_statement" | squeeze)
		fi
		set -f
		for t in $tokens $more $sha; do
			grep -qF -- "$t" "$dir/$p.squeezed" || problems="$problems
pdftotext does not show: $(printf '%s' "$t" | cut -c1-60)"
		done
		set +f
		if [ -n "$count" ] && [ $p = report ]; then
			ch=${count% *}
			have=$(tr -cd "$ch" <"$dir/$p.txt" | wc -c)
			[ "$have" -ge "${count#* }" ] || problems="$problems
pdftotext shows $have of '$ch', expected at least ${count#* }"
		fi
		if [ -z "$problems" ]; then
			tap OK "text $name: $p PDF passes qpdf, no outside action, pdftotext shows the text to the end"
		else
			tap FAIL "text $name: $p PDF passes qpdf, no outside action, pdftotext shows the text to the end" \
				"$problems"
		fi
	done
	if [ -n "$cjk" ] && [ -z "$cjk_font" ]; then
		echo "# text $name: no CJK font is installed: the CJK characters are drawn as boxes"
	fi

	# The chart: well-formed SVG without script, the text in it escaped.
	# (xmllint fails on a document that is not well-formed.)
	s=$dir/out/chart.svg
	problems=
	if xmllint --xpath "concat(count(//*[local-name() = 'script' or local-name() = 'foreignObject'] |
		//@*[starts-with(name(), 'on') or local-name() = 'href']), ' ',
		//*[local-name() = 'title'])" "$s" >"$dir/svg" 2>/dev/null; then
		counts=$(sed -n '1s/ .*//p' "$dir/svg")
		[ "$counts" = 0 ] || problems="$counts script elements, handlers or links"
		squeeze <"$dir/svg" | grep -qF -- "$(printf '%s' "$text" | squeeze)" ||
			problems="$problems; the title does not hold the text"
	else
		problems="not well-formed"
	fi
	if [ -z "$problems" ]; then
		tap OK "text $name: chart SVG well-formed, no script, handler or link, text in its title"
	else
		tap FAIL "text $name: chart SVG well-formed, no script, handler or link, text in its title" \
			"$problems"
	fi
done

# The Nu HTML Checker on a few of them: one Java start, in the background
# while parts 3 and 4 run; its results are reported at the end.
vnu_jar=tests/checkers/node_modules/vnu-jar/build/dist/vnu.jar
vnu=
if command -v java >/dev/null 2>&1 && [ -f "$vnu_jar" ] && [ -n "$vnu_files" ]; then
	# shellcheck disable=SC2086 # the list of files is split on purpose
	timeout 120 java -jar "$vnu_jar" --errors-only --format gnu $vnu_files >"$tmp/vnu.log" 2>&1 &
	vnu=$!
fi

# ---------------------------------------------------------------------------
# 3. Write failures
# ---------------------------------------------------------------------------

w=$tmp/write
mkdir -p "$w"

# expect_fail DESCRIPTION STATUS MESSAGE COMMAND...: the command fails with the
# status and an error containing the message, within bounded time.
expect_fail() {
	desc=$1 status=$2 msg=$3
	shift 3
	timeout 60 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ "$rc" = "$status" ] && grep -qF -- "$msg" "$tmp/err"; then
		tap OK "$desc"
	else
		tap FAIL "$desc" "exit $rc, expected $status with '$msg'" "$(cat "$tmp/err")"
	fi
}

expect_fail "write: -o /dev/full is refused as not a regular file (exit 3)" 3 \
	"refusing to write: not a regular file" "$bin" -q --model "$model" import \
	tests/cli/import/blank-lines.csv --template "$mini" -o /dev/full
expect_fail "write: -o /dev/full for a product is refused by its name (exit 2)" 2 \
	"a file name ending in .html, .pdf, .docx or .odt" "$bin" -q --model "$model" report "$mini" -o /dev/full
if [ -c /dev/full ]; then
	tap OK "write: /dev/full is still a device"
else
	tap FAIL "write: /dev/full is still a device"
fi
for cmd in "report $mini --format html -o -" "statement $mini --format pdf -o -" "rate $mini"; do
	# shellcheck disable=SC2086 # the command's words are split on purpose
	timeout 60 "$bin" -q --model "$model" $cmd >/dev/full 2>"$tmp/err"
	rc=$?
	if [ $rc = 3 ] && grep -qF "cannot write standard output: No space left on device" "$tmp/err"; then
		tap OK "write: ${cmd%% *} to a full standard output fails with exit 3 and says so"
	else
		tap FAIL "write: ${cmd%% *} to a full standard output fails with exit 3 and says so" \
			"exit $rc" "$(cat "$tmp/err")"
	fi
done

# A file size limit (ulimit -f, SIGXFSZ at its default) while writing the handbook.
for fmt in pdf html; do
	fresh "$w/ulimit"
	printf 'the previous %s\n' "$fmt" >"$w/ulimit/handbook.$fmt"
	cp "$w/ulimit/handbook.$fmt" "$w/previous"
	(ulimit -f 64 && exec timeout 60 "$bin" -q handbook -o "$w/ulimit/handbook.$fmt") \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	left=$(ls -A "$w/ulimit")
	if [ $rc = 3 ] && grep -qF "cannot write" "$tmp/err" && [ "$left" = "handbook.$fmt" ] &&
	   cmp -s "$w/previous" "$w/ulimit/handbook.$fmt"; then
		tap OK "write: handbook $fmt past ulimit -f 64 fails (exit 3), previous file intact, no temporary file"
	else
		tap FAIL "write: handbook $fmt past ulimit -f 64 fails (exit 3), previous file intact, no temporary file" \
			"exit $rc; directory holds: $left" "$(cat "$tmp/err")"
	fi
done

# Signals while the handbook is being written: every catchable signal that
# ends a process removes the temporary files.
for sig in TERM INT HUP QUIT ABRT PIPE ALRM USR1 USR2 SEGV; do
	fresh "$w/signal"
	echo "previous pdf" >"$w/signal/sse-cmm-handbook.pdf"
	echo "previous html" >"$w/signal/sse-cmm-handbook.html"
	cp "$w/signal/sse-cmm-handbook.pdf" "$w/previous.pdf"
	cp "$w/signal/sse-cmm-handbook.html" "$w/previous.html"
	"$bin" -q handbook -o "$w/signal/" >/dev/null 2>&1 &
	pid=$!
	seen=
	i=0
	while [ $i -lt 3000 ]; do
		seen=$(find "$w/signal" -name '.sse-cmm-handbook.*' | head -1)
		[ -n "$seen" ] && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.01
		i=$((i + 1))
	done
	[ -n "$seen" ] && kill -s $sig $pid
	wait $pid 2>/dev/null
	rc=$?
	if [ -z "$seen" ]; then
		skip "write: SIG$sig while the handbook is written" "the run ended before its temporary file was seen"
		continue
	fi
	# shellcheck disable=SC2012 # our own file names
	left=$(ls -A "$w/signal" | tr '\n' ' ')
	if [ $rc -gt 128 ] && [ "$left" = "sse-cmm-handbook.html sse-cmm-handbook.pdf " ] &&
	   cmp -s "$w/previous.pdf" "$w/signal/sse-cmm-handbook.pdf" &&
	   cmp -s "$w/previous.html" "$w/signal/sse-cmm-handbook.html"; then
		tap OK "write: SIG$sig while the handbook is written: previous files intact, no temporary file"
	else
		tap FAIL "write: SIG$sig while the handbook is written: previous files intact, no temporary file" \
			"exit $rc; directory holds: $left"
	fi
done

# Targets that must be refused, and left as they were.
fresh "$w/targets"
cp "$mini" "$w/targets/in.xml"
cp "$model" "$w/targets/model.html"
sed -n '/<target-profile/,/<\/target-profile>/p' "$mini" |
	sed 's|<target-profile id="RFP-1">|<target-profile xmlns="urn:ssecmm:appraisal:1" format="1" id="RFP-1">|' \
	>"$w/targets/target.pdf"
cp "$w/targets/target.pdf" "$w/targets/target.copy"
ln "$w/targets/in.xml" "$w/targets/hard-link.html"
echo "keep me" >"$w/targets/victim.txt"
ln -s victim.txt "$w/targets/symlink.html"
ln -s victim.txt "$w/targets/symlink.svg"
ln -s nowhere.html "$w/targets/dangling.html"
mkfifo "$w/targets/fifo.html" "$w/targets/fifo.xml"
expect_fail "write: a hard link to the input is refused as an input file" 3 \
	"refusing to overwrite an input file" \
	"$bin" -q --model "$model" report "$w/targets/in.xml" -o "$w/targets/hard-link.html"
expect_fail "write: the --model file is refused as an output" 3 \
	"refusing to overwrite an input file" \
	"$bin" -q --model "$w/targets/model.html" handbook -o "$w/targets/model.html"
expect_fail "write: the --target file is refused as an output" 3 \
	"refusing to overwrite an input file" \
	"$bin" -q --model "$model" statement "$w/targets/in.xml" --target "$w/targets/target.pdf" \
	-o "$w/targets/target.pdf"
expect_fail "write: a symbolic link to a file is refused" 3 \
	"refusing to write through a symbolic link" \
	"$bin" -q --model "$model" report "$w/targets/in.xml" -o "$w/targets/symlink.html"
expect_fail "write: a symbolic link is refused for a chart" 3 \
	"refusing to write through a symbolic link" \
	"$bin" -q --model "$model" chart "$w/targets/in.xml" -o "$w/targets/symlink.svg"
expect_fail "write: a dangling symbolic link is refused" 3 \
	"refusing to write through a symbolic link" \
	"$bin" -q --model "$model" report "$w/targets/in.xml" -o "$w/targets/dangling.html"
expect_fail "write: a FIFO is refused as an output, without blocking" 3 \
	"refusing to write: not a regular file" \
	"$bin" -q --model "$model" report "$w/targets/in.xml" -o "$w/targets/fifo.html"
expect_fail "read: a FIFO is refused as an input, without blocking" 3 \
	"not a regular file" "$bin" --model "$model" validate "$w/targets/fifo.xml"
if cmp -s "$mini" "$w/targets/in.xml" && cmp -s "$model" "$w/targets/model.html" &&
   cmp -s "$w/targets/target.copy" "$w/targets/target.pdf" &&
   [ "$(cat "$w/targets/victim.txt")" = "keep me" ] && [ ! -e "$w/targets/nowhere.html" ] &&
   [ -p "$w/targets/fifo.html" ] && [ -z "$(find "$w/targets" -name '.*')" ]; then
	tap OK "write: inputs, link targets and the FIFO are untouched, nothing created"
else
	tap FAIL "write: inputs, link targets and the FIFO are untouched, nothing created" \
		"$(ls -la "$w/targets")"
fi

# Two runs writing the same file at once: each rename is whole.
fresh "$w/race"
"$bin" -q --model "$model" report "$mini" -o "$w/race/alone.pdf" 2>/dev/null
"$bin" -q --model "$model" report "$mini" -o "$w/race/both.pdf" 2>/dev/null &
p1=$!
"$bin" -q --model "$model" report "$mini" -o "$w/race/both.pdf" 2>/dev/null &
p2=$!
wait $p1
r1=$?
wait $p2
r2=$?
if [ $r1 = 0 ] && [ $r2 = 0 ] && cmp -s "$w/race/alone.pdf" "$w/race/both.pdf" &&
   [ "$(count_files "$w/race")" = 2 ]; then
	tap OK "write: two runs to the same file at once leave one whole file, no temporary file"
else
	tap FAIL "write: two runs to the same file at once leave one whole file, no temporary file" \
		"exits $r1 $r2" "$(ls -A "$w/race")"
fi

# -o names one file for one format, a directory for both; anything else is refused.
fresh "$w/names"
expect_fail "write: -o without .html, .pdf or a trailing / is refused (exit 2), saying what to write" 2 \
	"a file name ending in .html, .pdf, .docx or .odt" \
	"$bin" -q --model "$model" report "$mini" -o "$w/names/myreport"
"$bin" -q --model "$model" report "$mini" -o "$w/names/R.PDF" 2>"$tmp/err"
r1=$?
"$bin" -q --model "$model" report "$mini" -o "$w/names/r.Html" 2>>"$tmp/err"
r2=$?
"$bin" -q --model "$model" report "$mini" -o "$w/names/new/" 2>>"$tmp/err"
r3=$?
# shellcheck disable=SC2012 # our own file names
left=$(ls -A "$w/names" "$w/names/new" | tr '\n' ' ')
if [ $r1 = 0 ] && [ $r2 = 0 ] && [ $r3 = 0 ] && [ "$(head -c 5 "$w/names/R.PDF")" = "%PDF-" ] &&
   grep -q '^<!DOCTYPE html>' "$w/names/r.Html" &&
   [ "$left" = "$w/names: R.PDF new r.Html  $w/names/new: mini-appraisal-report.html mini-appraisal-report.pdf " ]; then
	tap OK "write: -o X.PDF holds a PDF, -o X.Html HTML (any case), -o DIR/ both, in a new directory"
else
	tap FAIL "write: -o X.PDF holds a PDF, -o X.Html HTML (any case), -o DIR/ both, in a new directory" \
		"exits $r1 $r2 $r3; $left" "$(cat "$tmp/err")"
fi
expect_fail "write: -o X.pdf with --format html is refused (exit 2)" 2 "names one format" \
	"$bin" -q --model "$model" report "$mini" --format html -o "$w/names/x.pdf"

# The HTML and PDF of a product appear together: an HTML name that fits but
# whose temporary name (8 bytes more) does not is refused before anything is
# written, and the earlier pair stays as it was.
fresh "$w/pair"
long=$(printf '%0236d' 0)
cp "$mini" "$w/pair/$long.xml"
echo "previous pdf" >"$w/pair/$long-report.pdf"
echo "previous html" >"$w/pair/$long-report.html"
"$bin" -q --model "$model" report "$w/pair/$long.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 3 ] && grep -qF "file name too long: 248 bytes" "$tmp/err" &&
   [ "$(cat "$w/pair/$long-report.pdf")" = "previous pdf" ] &&
   [ "$(cat "$w/pair/$long-report.html")" = "previous html" ] &&
   [ "$(count_files "$w/pair")" = 3 ]; then
	tap OK "write: a temporary name too long for the HTML: exit 3 before writing, both earlier files intact"
else
	tap FAIL "write: a temporary name too long for the HTML: exit 3 before writing, both earlier files intact" \
		"exit $rc" "$(cat "$tmp/err")" "$(find "$w/pair" | cut -c230-)"
fi

# Replacing a file keeps its permissions; a new file follows the umask.
fresh "$w/mode"
echo previous >"$w/mode/private.html"
chmod 600 "$w/mode/private.html"
(umask 027 && "$bin" -q --model "$model" report "$mini" -o "$w/mode/private.html" &&
	"$bin" -q --model "$model" report "$mini" -o "$w/mode/new.html") 2>"$tmp/err"
rc=$?
modes="$(stat -c %a "$w/mode/private.html") $(stat -c %a "$w/mode/new.html" 2>/dev/null)"
if [ $rc = 0 ] && [ "$modes" = "600 640" ]; then
	tap OK "write: a 0600 file replaced stays 0600; a new file under umask 027 is 0640"
else
	tap FAIL "write: a 0600 file replaced stays 0600; a new file under umask 027 is 0640" \
		"exit $rc; modes $modes" "$(cat "$tmp/err")"
fi

# An unprivileged user: root ignores permissions, so run as nobody when root.
as_user=
if [ "$(id -u)" != 0 ]; then
	as_user='env'
elif command -v setpriv >/dev/null 2>&1; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
elif command -v runuser >/dev/null 2>&1; then
	as_user="runuser -u nobody --"
fi
if [ -z "$as_user" ]; then
	skip "write: permission tests as an unprivileged user" "neither setpriv nor runuser"
else
	# Everything the user needs, in a tree it can read; the repository may not be.
	u=$tmp/user
	mkdir -p "$u/data" "$u/in" "$u/ro"
	cp -R model-xml templates stylesheets "$u/data/"
	cp "$bin" "$u/ssecmm"
	cp "$model" "$mini" "$u/in/"
	echo "previous" >"$u/ro/mini-appraisal-report.html"
	chmod 666 "$u/ro/mini-appraisal-report.html"
	echo "secret" >"$u/in/unreadable.xml"
	chmod 000 "$u/in/unreadable.xml"
	chmod -R a+rX "$u/data" "$u/ssecmm"
	chmod 755 "$u/in"
	chmod 555 "$u/ro"
	chmod 711 "$tmp" "$u"
	ub() { # run ssecmm as the user
		# shellcheck disable=SC2086 # as_user is a command with its options
		timeout 60 $as_user env SSECMM_DATADIR="$u/data" "$u/ssecmm" "$@"
	}
	ub -q --model "$u/in/mini-model.xml" report "$u/in/mini-appraisal.xml" -o "$u/ro/" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = 3 ] && grep -qF "cannot create: Permission denied" "$tmp/err" &&
	   [ "$(ls -A "$u/ro")" = mini-appraisal-report.html ] &&
	   [ "$(cat "$u/ro/mini-appraisal-report.html")" = previous ]; then
		tap OK "write: an unwritable directory gives exit 3, 'Permission denied'; its file intact, nothing created"
	else
		tap FAIL "write: an unwritable directory gives exit 3, 'Permission denied'; its file intact, nothing created" \
			"exit $rc" "$(cat "$tmp/err")" "$(ls -lA "$u/ro")"
	fi
	chmod 555 "$u/in"
	ub -q --model "$u/in/mini-model.xml" statement "$u/in/mini-appraisal.xml" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = 3 ] && grep -qF "Permission denied" "$tmp/err" &&
	   [ "$(count_files "$u/in")" = 3 ]; then
		tap OK "write: beside an input in an unwritable directory: exit 3, nothing created"
	else
		tap FAIL "write: beside an input in an unwritable directory: exit 3, nothing created" \
			"exit $rc" "$(cat "$tmp/err")"
	fi
	ub -q --model "$u/in/mini-model.xml" chart "$u/in/mini-appraisal.xml" -o "$u/ro/chart.png" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = 3 ] && grep -qF "Permission denied" "$tmp/err" && [ ! -e "$u/ro/chart.png" ]; then
		tap OK "write: a chart into an unwritable directory: exit 3, nothing created"
	else
		tap FAIL "write: a chart into an unwritable directory: exit 3, nothing created" \
			"exit $rc" "$(cat "$tmp/err")"
	fi
	ub validate "$u/in/unreadable.xml" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc = 3 ] && grep -qF "cannot open: Permission denied" "$tmp/err" &&
	   ! grep -qF secret "$tmp/out" "$tmp/err"; then
		tap OK "read: an unreadable input gives exit 3, 'Permission denied'"
	else
		tap FAIL "read: an unreadable input gives exit 3, 'Permission denied'" \
			"exit $rc" "$(cat "$tmp/err")"
	fi
	chmod 700 "$tmp"
fi

# ---------------------------------------------------------------------------
# Names and text from files reach terminals escaped and documents as UTF-8
# ---------------------------------------------------------------------------

nm=$tmp/names
mkdir -p "$nm/in" "$nm/out"
esc=$(printf '\033')
bel=$(printf '\007')
raw_controls() { # raw_controls FILE: prints the lines holding ESC, BEL, C1 or bidi controls
	LC_ALL=C grep -n "$esc\|$bel\|$(printf '\302\233')\|$(printf '\342\200\256')" "$1"
}
# A file named with ESC, BEL and a Latin-1 byte (not UTF-8).
evil=$(printf 'e\033[31mvil\007-\351t\351')
cp "$mini" "$nm/in/$evil.xml"
"$bin" --model "$model" report "$nm/in/$evil.xml" --format html -o "$nm/out/" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && [ -z "$(raw_controls "$tmp/err")" ] &&
   grep -qF 'wrote' "$tmp/err" && grep -qF '\x1B[31mvil\x07-\xE9t\xE9-report.html' "$tmp/err"; then
	tap OK "names: the 'wrote' lines show a file name's controls and bad bytes as escapes"
else
	tap FAIL "names: the 'wrote' lines show a file name's controls and bad bytes as escapes" \
		"exit $rc" "$(cat -v "$tmp/err")"
fi
"$bin" --model "$model" validate "$nm/in/$evil.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && [ -z "$(raw_controls "$tmp/out")" ] && grep -qF '\x1B[31m' "$tmp/out"; then
	tap OK "names: validate's summary escapes the file name"
else
	tap FAIL "names: validate's summary escapes the file name" "exit $rc" "$(cat -v "$tmp/out")"
fi
"$bin" -q --model "$model" rate --format xml "$nm/in/$evil.xml" >"$nm/out/rate.xml" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && xmllint --noout "$nm/out/rate.xml" 2>"$tmp/err" &&
   grep -qF "name=\"e$(printf '\357\277\275')[31mvil$(printf '\357\277\275')-$(printf '\357\277\275')t$(printf '\357\277\275').xml\"" "$nm/out/rate.xml"; then
	tap OK "names: rate --format xml gives a non-UTF-8, control-laden file name as U+FFFD, well-formed"
else
	tap FAIL "names: rate --format xml gives a non-UTF-8, control-laden file name as U+FFFD, well-formed" \
		"exit $rc" "$(cat "$tmp/err")" "$(grep -a 'input ' "$nm/out/rate.xml" | cat -v)"
fi
"$bin" --model "$model" batch --format html "$nm/in" -o "$nm/batch" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -qF '1 written, 0 skipped' "$tmp/err" && [ -f "$nm/batch/index.html" ] &&
   [ -z "$(raw_controls "$tmp/err")" ] && iconv -f UTF-8 -t UTF-8 "$nm/batch/index.html" >/dev/null &&
   iconv -f UTF-8 -t UTF-8 "$nm/batch/$evil-report.html" >/dev/null; then
	tap OK "names: batch over a non-UTF-8 file name writes its index; every page valid UTF-8"
else
	tap FAIL "names: batch over a non-UTF-8 file name writes its index; every page valid UTF-8" \
		"exit $rc" "$(cat -v "$tmp/err")"
fi
# A model whose titles hold C1 controls and a right-to-left override.
sed 's|title="Administer Security Controls"|title="Admin\&#x9B;31m\&#x202E;ister"|' "$model" \
	>"$nm/hostile-model.xml"
"$bin" --model "$nm/hostile-model.xml" rate "$mini" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -qF 'Admin\u{009B}31m\u{202E}ister' "$tmp/out" &&
   [ -z "$(raw_controls "$tmp/out")" ]; then
	tap OK "names: rate's table escapes C1 and bidi controls from a model's titles"
else
	tap FAIL "names: rate's table escapes C1 and bidi controls from a model's titles" \
		"exit $rc" "$(cat -v "$tmp/out" | head -20)" "$(cat "$tmp/err")"
fi

# ---------------------------------------------------------------------------
# Environment and messages
# ---------------------------------------------------------------------------

for v in abc -1 1e9 ' 1700000000' 253402300800 99999999999999999999; do
	SOURCE_DATE_EPOCH=$v "$bin" -q --model "$model" report "$mini" -o "$nm/out/epoch.pdf" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc = 2 ] && grep -qF "error: SOURCE_DATE_EPOCH='$v' is not a number of seconds" "$tmp/err" &&
	   [ ! -e "$nm/out/epoch.pdf" ]; then
		tap OK "environment: SOURCE_DATE_EPOCH='$v' is an error (exit 2), nothing written"
	else
		tap FAIL "environment: SOURCE_DATE_EPOCH='$v' is an error (exit 2), nothing written" \
			"exit $rc" "$(cat "$tmp/err")"
	fi
done
SOURCE_DATE_EPOCH=253402300799 "$bin" -q --model "$model" report "$mini" -o "$nm/out/epoch.pdf" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && pdfinfo -isodates "$nm/out/epoch.pdf" | grep -q 'CreationDate: *9999-12-31T23:59:59'; then
	tap OK "environment: SOURCE_DATE_EPOCH at its largest gives the PDF date 9999-12-31T23:59:59"
else
	tap FAIL "environment: SOURCE_DATE_EPOCH at its largest gives the PDF date 9999-12-31T23:59:59" \
		"exit $rc" "$(cat "$tmp/err")" "$(pdfinfo -isodates "$nm/out/epoch.pdf" 2>&1 | grep Date)"
fi
"$bin" --model "$model" compare "$mini" "$mini" --format html -o "$nm/out/same.html" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -qF "mini-appraisal.xml:1: warning: the same appraisal as" "$tmp/err"; then
	tap OK "messages: compare A A warns that nothing was compared"
else
	tap FAIL "messages: compare A A warns that nothing was compared" "exit $rc" "$(cat "$tmp/err")"
fi
expect_fail "messages: report -x.xml says to write ./-x.xml or put -- before it" 2 \
	"a file whose name starts with '-' is written ./-x.xml, or after --" \
	"$bin" --model "$model" report -x.xml
{
	echo "project,process_area,practice,rating"
	awk 'BEGIN { for (i = 0; i < 100000; i++) print "P1,PA01,BP.01.01,X" }'
} >"$nm/bad-rows.csv"
"$bin" --model "$model" import "$nm/bad-rows.csv" --template "$mini" -o "$nm/out/imported.xml" \
	>"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && [ "$(grep -c ': error: ' "$tmp/err")" = 100 ] &&
   [ "$(tail -1 "$tmp/err")" = "ssecmm: $nm/bad-rows.csv: 99900 more errors not shown" ] &&
   [ ! -e "$nm/out/imported.xml" ]; then
	tap OK "messages: a sheet of 100,000 bad rows prints 100 errors and the count of the rest"
else
	tap FAIL "messages: a sheet of 100,000 bad rows prints 100 errors and the count of the rest" \
		"exit $rc, $(wc -l <"$tmp/err") lines" "$(tail -3 "$tmp/err")"
fi
printf '\377\376\0\0p\0\0\0' >"$nm/utf32.csv"
expect_fail "messages: a UTF-32 sheet is named UTF-32, at line 1" 1 "utf32.csv:1:1: error: UTF-32 text" \
	"$bin" --model "$model" import "$nm/utf32.csv" --template "$mini" -o "$nm/out/imported.xml"

# ---------------------------------------------------------------------------
# 4. Resource limits (the big inputs are made here, not stored)
# ---------------------------------------------------------------------------

l=$tmp/limits
mkdir -p "$l"
limit=16777216
mini_model_head=$(sed '$d' "$model")

# A valid model padded with white space to exactly the limit, and one byte more.
{
	printf '%s\n' "$mini_model_head"
	awk -v n=$((limit - $(wc -c <"$model"))) 'BEGIN {
		line = sprintf("%1023s", "")
		for (; n >= 1024; n -= 1024) print line
		if (n > 0) printf "%s\n", substr(line, 1, n - 1)
	}'
	echo '</model>'
} >"$l/exact.xml"
size=$(wc -c <"$l/exact.xml")
timeout 60 "$bin" -q validate "$l/exact.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$size" = $limit ] && [ $rc = 0 ]; then
	tap OK "limit: a valid model of exactly 16 MiB is accepted"
else
	tap FAIL "limit: a valid model of exactly 16 MiB is accepted" "size $size, exit $rc" "$(cat "$tmp/err")"
fi
printf ' ' >>"$l/exact.xml"
expect_fail "limit: 16 MiB + 1 byte is refused with exit 4, naming the limit" 4 \
	"exceeds the limit of 16777216 bytes" "$bin" validate "$l/exact.xml"
timeout 60 "$bin" validate - <"$l/exact.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 4 ] && grep -qF "exceeds the limit of 16777216 bytes" "$tmp/err"; then
	tap OK "limit: 16 MiB + 1 byte on standard input is refused with exit 4"
else
	tap FAIL "limit: 16 MiB + 1 byte on standard input is refused with exit 4" "exit $rc" "$(cat "$tmp/err")"
fi
# Appraisals have a lower cap, 4 MiB, so that whatever validate accepts is
# made into a report within a batch worker's limits.
alimit=$((4 * 1024 * 1024))
{
	cat "$mini"
	awk -v n=$((alimit - $(wc -c <"$mini"))) 'BEGIN {
		line = sprintf("%1023s", "")
		for (; n >= 1024; n -= 1024) print line
		if (n > 0) printf "%s\n", substr(line, 1, n - 1)
	}'
} >"$l/appraisal.xml"
timeout 60 "$bin" -q --model "$model" validate "$l/appraisal.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$(wc -c <"$l/appraisal.xml")" = $alimit ] && [ $rc = 0 ]; then
	tap OK "limit: an appraisal of exactly 4 MiB is accepted"
else
	tap FAIL "limit: an appraisal of exactly 4 MiB is accepted" "exit $rc" "$(cat "$tmp/err")"
fi
printf ' ' >>"$l/appraisal.xml"
expect_fail "limit: an appraisal of 4 MiB + 1 byte is refused by validate (exit 4), naming the limit" 4 \
	"appraisal.xml:1: error: an appraisal of 4194305 bytes exceeds the limit of 4194304 bytes for appraisals" \
	"$bin" --model "$model" validate "$l/appraisal.xml"
# 100,000 ratings (20,000 projects of five): refused by validate, quickly.
awk 'BEGIN { r = "<process-area ref=\"PA01\"><practice ref=\"BP.01.01\" rating=\"F\"/><practice ref=\"BP.01.02\" rating=\"F\"/><practice ref=\"GP-2.1.1\" rating=\"F\"/><practice ref=\"GP-2.1.2\" rating=\"F\"/><practice ref=\"GP-3.1.1\" rating=\"F\"/></process-area>" }
	/<ratings project=/ { for (i = 1; i <= 20000; i++) printf "<ratings project=\"P%d\">%s</ratings>\n", i, r; skip = 1 }
	skip && /<\/ratings>/ { skip = 0; next }
	skip { next }
	{ print }' "$mini" >"$l/ratings.xml"
expect_fail "limit: an appraisal of 100,000 ratings is refused by validate (exit 4)" 4 \
	"exceeds the limit of 4194304 bytes for appraisals" \
	"$bin" --model "$model" validate "$l/ratings.xml"
# 100 kB names: over the schema's 300 characters, refused by validate.
name=$(printf '%0102400d' 0 | tr 0 n)
sed "s|<name>Test Org</name>|<name>$name</name>|" "$mini" >"$l/name.xml"
expect_fail "limit: a 100 kB organization name is refused by validate (exit 1)" 1 \
	"name.xml:7: error:" "$bin" --model "$model" validate "$l/name.xml"
# shellcheck disable=SC2002 # a pipe, not a file, on standard input
cat "$l/exact.xml" | timeout 60 "$bin" validate - >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 4 ] && grep -qF "exceeds the limit of 16777216 bytes" "$tmp/err"; then
	tap OK "limit: 16 MiB + 1 byte through a pipe is refused with exit 4"
else
	tap FAIL "limit: 16 MiB + 1 byte through a pipe is refused with exit 4" "exit $rc" "$(cat "$tmp/err")"
fi
rm -f "$l/exact.xml"

# Elements: the root and 499,999 more pass the counter; one more does not.
for total in 500000 500001; do
	awk -v n=$((total - 1)) 'BEGIN {
		print "<appraisal xmlns=\"urn:ssecmm:appraisal:1\" format=\"1\" id=\"T-1\">"
		while (n-- > 0) print "<unit/>"
		print "</appraisal>"
	}' >"$l/elements.xml"
	timeout 60 "$bin" --model "$model" validate "$l/elements.xml" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $total = 500000 ]; then
		if [ $rc = 1 ] && ! grep -q 'exceeds the limit' "$tmp/err"; then
			tap OK "limit: 500,000 elements pass the element limit (the schema then refuses them)"
		else
			tap FAIL "limit: 500,000 elements pass the element limit (the schema then refuses them)" \
				"exit $rc" "$(cat "$tmp/err")"
		fi
	elif [ $rc = 4 ] && grep -qF "number of elements exceeds the limit of 500000" "$tmp/err"; then
		tap OK "limit: 500,001 elements are refused with exit 4, naming the limit"
	else
		tap FAIL "limit: 500,001 elements are refused with exit 4, naming the limit" \
			"exit $rc" "$(cat "$tmp/err")"
	fi
done
rm -f "$l/elements.xml"

awk 'BEGIN { while (n++ < 10000) printf "<d>"; n = 0; while (n++ < 10000) printf "</d>"; print "" }' >"$l/deep.xml"
expect_fail "limit: nesting 10,000 deep is refused with exit 4, naming the limit" 4 \
	"element nesting depth exceeds the limit of 64" "$bin" validate "$l/deep.xml"

# 100,000 attributes cost libxml2 2.9 18 s of CPU; they are counted first.
awk 'BEGIN { printf "<appraisal"; while (n++ < 100000) printf " a%d=\"x\"", n; print "/>" }' >"$l/attributes.xml"
expect_fail "limit: 100,000 attributes are refused with exit 4 before parsing" 4 \
	"attributes on one element exceed the limit of 64" "$bin" validate "$l/attributes.xml"

awk 'BEGIN { printf "<"; while (n++ < 60000) printf "n"; print "/>" }' >"$l/long-name.xml"
expect_fail "limit: a 60,000-character element name is refused (exit 1)" 1 \
	"Name too long" "$bin" validate "$l/long-name.xml"

# The quadratic blow-up: a 50 kB entity referenced 20,000 times (1 MB).
{
	echo '<?xml version="1.0"?>'
	printf '<!DOCTYPE appraisal [<!ENTITY big "'
	awk 'BEGIN { while (n++ < 50000) printf "x" }'
	echo '">]>'
	printf '<appraisal xmlns="urn:ssecmm:appraisal:1" format="1" id="T-1"><title>'
	awk 'BEGIN { while (n++ < 20000) printf "&big;" }'
	echo '</title></appraisal>'
} >"$l/quadratic.xml"
expect_fail "limit: the quadratic entity blow-up is refused at its DOCTYPE (exit 1)" 1 \
	"a document type declaration (DOCTYPE) is not accepted" "$bin" validate "$l/quadratic.xml"

# Compression bombs (64 MiB of zeros in 290 kB, 16 MiB in 3 kB): never inflated.
head -c 67108864 /dev/zero | gzip -1 -c >"$l/bomb.xml"
expect_fail "limit: a gzip bomb is refused as compressed data (exit 1)" 1 \
	"gzip-compressed data is not accepted" "$bin" validate "$l/bomb.xml"
if command -v xz >/dev/null 2>&1; then
	head -c 16777216 /dev/zero | xz -0 -c >"$l/bomb.xml"
	expect_fail "limit: an xz bomb is refused as compressed data (exit 1)" 1 \
		"xz-compressed data is not accepted" "$bin" validate "$l/bomb.xml"
else
	skip "limit: an xz bomb is refused as compressed data" "no xz"
fi
gzip -c "$mini" >"$l/mini.xml.gz"
expect_fail "limit: a gzip-compressed appraisal on standard input is refused (exit 1)" 1 \
	"gzip-compressed data is not accepted" sh -c "exec \"\$0\" --model \"\$1\" rate - <\"\$2\"" \
	"$bin" "$model" "$l/mini.xml.gz"

# UTF-16 with a byte-order mark rates exactly like UTF-8.
"$bin" -q --model "$model" rate "$mini" >"$l/utf8.txt" 2>&1
for enc in UTF-16LE UTF-16BE; do
	{
		case $enc in UTF-16LE) printf '\377\376' ;; *) printf '\376\377' ;; esac
		iconv -f UTF-8 -t $enc "$mini"
	} >"$l/$enc.xml"
	"$bin" -q --model "$model" rate "$l/$enc.xml" >"$l/$enc.txt" 2>&1
	rc=$?
	if [ $rc = 0 ] && cmp -s "$l/utf8.txt" "$l/$enc.txt"; then
		tap OK "encoding: $enc with a byte-order mark rates exactly like UTF-8"
	else
		tap FAIL "encoding: $enc with a byte-order mark rates exactly like UTF-8" "exit $rc" \
			"$(diff "$l/utf8.txt" "$l/$enc.txt" | head -5)"
	fi
done

# Lists as long as the schema allows render: no template recursion as deep
# as a list.  1,000 evidence items cited by one rating; a finding naming every
# practice of its area renders, and one naming each four times (136 ids, where
# about 130 used to stop the transform) is refused by validate, with its line.
ex=$tmp/extremes
mkdir -p "$ex"
awk 'BEGIN { for (i = 1000; i <= 1999; i++) { ids = ids " E" i
	items = items sprintf("<item id=\"E%d\" kind=\"document\" date=\"2026-01-02\"><title>T%d</title><location>L</location></item>", i, i) } }
	/<\/evidence>/ { print items }
	/"BP.01.01"/ { sub(/evidence="E1"/, "evidence=\"E1" ids "\"") }
	{ print }' "$mini" >"$ex/evidence.xml"
"$bin" -q --model "$model" report "$ex/evidence.xml" -o "$ex/" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && grep -q '<a href="#ev-E1999">E1999</a>' "$ex/evidence-report.html" &&
   pdftotext "$ex/evidence-report.pdf" - | grep -q 'E1999'; then
	tap OK "extremes: 1,000 evidence ids on one rating render in HTML and PDF"
else
	tap FAIL "extremes: 1,000 evidence ids on one rating render in HTML and PDF" "exit $rc" "$(cat "$tmp/err")"
fi
all=$(grep -o 'practice[^>]* id="[^"]*"' model-xml/sse-cmm.xml | sed 's/.* id="//; s/"$//' |
	grep -E '^(BP\.05|GP-)' | tr '\n' ' ')
awk -v all="$all" '/<finding / && !done { sub(/practices="[^"]*"/, "practices=\"" all "\""); done = 1 } { print }' \
	samples/sentinel-vendor.xml >"$ex/finding.xml"
"$bin" -q report "$ex/finding.xml" --format html -o "$ex/" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && [ "$(echo "$all" | wc -w)" -gt 30 ] && grep -q 'BP.05.02, BP.05.03' "$ex/finding-report.html"; then
	tap OK "extremes: a finding naming all its $(echo "$all" | wc -w) practices renders"
else
	tap FAIL "extremes: a finding naming all its practices renders" "exit $rc" "$(cat "$tmp/err")"
fi
awk -v all="$all$all$all$all" '/<finding / && !done { sub(/practices="[^"]*"/, "practices=\"" all "\""); done = 1 } { print }' \
	samples/sentinel-vendor.xml >"$ex/finding4.xml"
"$bin" validate "$ex/finding4.xml" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && grep -q "^ssecmm: $ex/finding4.xml:[0-9]*: error: finding .*: ${all%% *} is named twice in its practices" "$tmp/err"; then
	tap OK "extremes: a finding naming each practice four times is refused by validate"
else
	tap FAIL "extremes: a finding naming each practice four times is refused by validate" "exit $rc" "$(cat "$tmp/err")"
fi

# A model of 770 process areas (the schema allows three digits): the PNG
# chart is scaled to fit 8,192 pixels instead of failing, and the report and
# statement are made (no XPath over every project's areas for each area).
awk '/<\/process-areas>/ { for (i = 100; i < 870; i++) printf "<process-area id=\"PA%d\" category=\"security\" title=\"Area %d\"><summary><p>S.</p></summary><goal id=\"PA%d.G1\">G.</goal><base-practice id=\"BP.%d.01\" title=\"P\"><statement>S.</statement><description><p>D.</p></description><work-products><work-product>W</work-product><work-product>X</work-product><work-product>Y</work-product></work-products></base-practice></process-area>\n", i, i, i, i }
	{ print }' "$model" >"$ex/model-770.xml"
excluded=$(awk 'BEGIN { for (i = 100; i < 870; i++) printf "<excluded process-area=\"PA%d\">Not here.</excluded>", i }')
sed "s|</description></scope>|</description>$excluded</scope>|" "$mini" >"$ex/areas-770.xml"
"$bin" -q --model "$ex/model-770.xml" chart "$ex/areas-770.xml" -o "$ex/areas-770.png" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 0 ] && file "$ex/areas-770.png" | grep -q 'PNG image data, 8192 x '; then
	tap OK "extremes: the PNG chart of 770 process areas is scaled to 8,192 pixels"
else
	tap FAIL "extremes: the PNG chart of 770 process areas is scaled to 8,192 pixels" "exit $rc" \
		"$(cat "$tmp/err")" "$(file "$ex/areas-770.png")"
fi
"$bin" -q --model "$ex/model-770.xml" report "$ex/areas-770.xml" --format html -o "$ex/" >"$tmp/out" 2>"$tmp/err"
r1=$?
"$bin" -q --model "$ex/model-770.xml" statement "$ex/areas-770.xml" --format html -o "$ex/" >"$tmp/out" 2>>"$tmp/err"
r2=$?
if [ $r1 = 0 ] && [ $r2 = 0 ] && grep -q 'PA869' "$ex/areas-770-report.html" &&
   grep -q 'PA869' "$ex/areas-770-statement.html"; then
	tap OK "extremes: the report and statement over 770 process areas are made"
else
	tap FAIL "extremes: the report and statement over 770 process areas are made" "exits $r1 $r2" \
		"$(cat "$tmp/err")"
fi

# ---------------------------------------------------------------------------
# batch: each input in its own worker process
# ---------------------------------------------------------------------------

# A hostile input (a DOCTYPE that tries the canary), a broken one and two good
# ones in one batch: the good ones are written, each bad one fails alone with
# its own diagnostic, and the index names the failures.
b=$tmp/batch
mkdir -p "$b/in"
cp "$mini" "$b/in/good-1.xml"
sed 's/id="T-1"/id="T-2"/' "$mini" >"$b/in/good-2.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file://%s">]>\n<appraisal>&x;</appraisal>\n' \
	"$canary" >"$b/in/hostile.xml"
printf '<appraisal xmlns="urn:ssecmm:appraisal:1"><title>cut short' >"$b/in/broken.xml"
"$bin" -q --model "$model" batch -j 2 "$b/in" -o "$b/out" >"$b/stdout" 2>"$b/stderr"
rc=$?
if [ $rc = 1 ] && [ -f "$b/out/good-1-report.pdf" ] && [ -f "$b/out/good-2-statement.html" ] &&
   [ ! -e "$b/out/hostile-report.pdf" ] && [ ! -e "$b/out/broken-report.pdf" ] &&
   grep -q 'hostile.xml:2: error: a document type declaration' "$b/stderr" &&
   grep -q 'broken.xml:1:.*error' "$b/stderr" &&
   grep -q '<bdi>broken.xml</bdi>: invalid input' "$b/out/index.html" &&
   grep -q '<bdi>hostile.xml</bdi>: invalid input' "$b/out/index.html" &&
   [ "$(count_files "$b/out")" = 14 ]; then
	tap OK "batch: a hostile and a broken input fail alone; the good ones and the index are written"
else
	tap FAIL "batch: a hostile and a broken input fail alone; the good ones and the index are written" \
		"exit $rc" "$(cat "$b/stderr")" "$(ls -a "$b/out")"
fi

# A worker stopped by the kernel at its CPU time limit (SIGXCPU, sent here
# instead of waiting a minute): the batch names the limit, leaves no temporary
# file, goes on with the next input and exits 4.
mkdir -p "$b/slow"
for k in 1 2 3; do cp samples/meridian-integrator.xml "$b/slow/m$k.xml"; done
"$bin" -q batch -j 1 "$b/slow" -o "$b/slow-out" >"$b/stdout" 2>"$b/stderr" &
batch_pid=$!
worker=''
for k in $(seq 1 200); do
	worker=$(pgrep -P "$batch_pid" | head -1)
	[ -n "$worker" ] && break
	sleep 0.05
done
[ -n "$worker" ] && kill -XCPU "$worker"
wait "$batch_pid"
rc=$?
if [ -n "$worker" ] && [ $rc = 4 ] &&
   grep -q 'm1.xml: error: stopped at the CPU time limit of 60 s' "$b/stderr" &&
   [ -f "$b/slow-out/m2-report.pdf" ] && [ -f "$b/slow-out/m3-result.xml" ] &&
   [ ! -e "$b/slow-out/m1-result.xml" ] && ! ls -a "$b/slow-out" | grep -q '^\.m' &&
   grep -q '<bdi>m1.xml</bdi>: stopped at the CPU time limit' "$b/slow-out/index.html"; then
	tap OK "batch: a worker stopped at the CPU limit fails alone, named, no temporary file left"
else
	tap FAIL "batch: a worker stopped at the CPU limit fails alone, named, no temporary file left" \
		"exit $rc, worker ${worker:-not found}" "$(cat "$b/stderr")" "$(ls -a "$b/slow-out" 2>&1)"
fi

# A worker killed outright (SIGKILL, as at the wall-time limit or the kernel's
# hard CPU limit) cannot remove its temporary files: the batch does.
"$bin" -q batch -j 1 --format html "$b/slow" -o "$b/kill-out" >"$b/stdout" 2>"$b/stderr" &
batch_pid=$!
worker='' seen=''
for k in $(seq 1 600); do
	worker=$(pgrep -P "$batch_pid" | head -1)
	seen=$(find "$b/kill-out" -name '.m1*' 2>/dev/null | head -1)
	[ -n "$worker" ] && [ -n "$seen" ] && break
	sleep 0.02
done
[ -n "$worker" ] && kill -KILL "$worker"
wait "$batch_pid"
rc=$?
if [ -z "$seen" ]; then
	skip "batch: a worker killed outright leaves no temporary file" "no temporary file seen in time"
elif [ $rc = 4 ] && [ -z "$(find "$b/kill-out" -name '.*')" ] && [ -f "$b/kill-out/m2-result.xml" ]; then
	tap OK "batch: a worker killed outright leaves no temporary file; the batch goes on"
else
	tap FAIL "batch: a worker killed outright leaves no temporary file; the batch goes on" \
		"exit $rc" "$(cat "$b/stderr")" "$(ls -a "$b/kill-out" 2>&1)"
fi

# An input named like another input's product, beside it: refused before any
# worker starts (exit 2, naming both), every file as it was.  A result
# document there is an earlier run's product: skipped, and a second run into
# the input directory works.
mkdir -p "$b/clash"
cp "$mini" "$b/clash/acme.xml"
cp "$mini" "$b/clash/acme-result.xml"
cp "$mini" "$b/clash/keep.copy"
"$bin" -q --model "$model" batch "$b/clash" -o "$b/clash" >"$b/stdout" 2>"$b/stderr"
rc=$?
if [ $rc = 2 ] && grep -q 'acme-result.xml: error: this input would be overwritten by .*/acme-result.xml, a product of .*/acme.xml' "$b/stderr" &&
   cmp -s "$mini" "$b/clash/acme-result.xml" && [ "$(count_files "$b/clash")" = 3 ]; then
	tap OK "batch: an input that another input's product would replace: exit 2 naming both, nothing written"
else
	tap FAIL "batch: an input that another input's product would replace: exit 2 naming both, nothing written" \
		"exit $rc" "$(cat "$b/stderr")" "$(ls -A "$b/clash")"
fi
rm "$b/clash/acme-result.xml" "$b/clash/keep.copy"
"$bin" --model "$model" batch --format html "$b/clash" -o "$b/clash" >"$b/stdout" 2>"$b/stderr"
r1=$?
"$bin" --model "$model" batch --format html "$b/clash" -o "$b/clash" >"$b/stdout" 2>"$b/stderr"
r2=$?
if [ $r1 = 0 ] && [ $r2 = 0 ] && grep -q '1 written, 1 skipped' "$b/stderr" &&
   cmp -s "$mini" "$b/clash/acme.xml" && [ "$(count_files "$b/clash")" = 6 ]; then
	tap OK "batch: a second run into its input directory skips the earlier result and replaces it"
else
	tap FAIL "batch: a second run into its input directory skips the earlier result and replaces it" \
		"exits $r1 $r2" "$(cat "$b/stderr")" "$(ls -A "$b/clash")"
fi
ln "$b/clash/acme.xml" "$b/clash/other.xml.link"
mkdir -p "$b/clash2"
ln "$b/clash/acme.xml" "$b/clash2/acme-chart.svg"
expect_fail "batch: an output that is a hard link to an input is refused (exit 2)" 2 \
	"this input would be overwritten by" \
	"$bin" -q --model "$model" batch "$b/clash/acme.xml" -o "$b/clash2"

# SIGTERM, SIGINT or SIGHUP to a running batch ends its workers (each leads a
# process group of its own) and leaves no temporary file.
mkdir -p "$b/stop"
for k in 1 2 3 4; do cp samples/meridian-integrator.xml "$b/stop/m$k.xml"; done
for sig in TERM INT HUP; do
	rm -rf "$b/stop-out"
	"$bin" -q batch -j 2 --format html "$b/stop" -o "$b/stop-out" >/dev/null 2>&1 &
	batch_pid=$!
	seen=
	for k in $(seq 1 600); do
		seen=$(find "$b/stop-out" -name '.m*' 2>/dev/null | head -1)
		[ -n "$seen" ] && break
		kill -0 "$batch_pid" 2>/dev/null || break
		sleep 0.02
	done
	workers=$(pgrep -P "$batch_pid" | tr '\n' ' ')
	[ -n "$seen" ] && kill -s $sig "$batch_pid"
	wait "$batch_pid" 2>/dev/null
	rc=$?
	alive=
	for pid in $workers; do kill -0 "$pid" 2>/dev/null && alive="$alive $pid"; done
	left=$(find "$b/stop-out" -name '.*' | head -3)
	if [ -z "$seen" ]; then
		skip "batch: SIG$sig ends the workers" "no temporary file seen before the batch ended"
	elif [ $rc -gt 128 ] && [ -n "$workers" ] && [ -z "$alive" ] && [ -z "$left" ]; then
		tap OK "batch: SIG$sig ends the batch and its workers, no temporary file left"
	else
		tap FAIL "batch: SIG$sig ends the batch and its workers, no temporary file left" \
			"exit $rc; workers $workers; still alive:$alive" "$left"
	fi
done

# ---------------------------------------------------------------------------
# The Nu HTML Checker's results
# ---------------------------------------------------------------------------

if [ -n "$vnu" ]; then
	wait "$vnu"
	for h in $vnu_files; do
		if grep -qF "$h" "$tmp/vnu.log"; then
			tap FAIL "vnu $(basename "$h")" "$(grep -F "$h" "$tmp/vnu.log" | sed "s|$tmp/||")"
		elif grep -q 'rror\|xception' "$tmp/vnu.log"; then
			tap FAIL "vnu $(basename "$h")" "$(sed "s|$tmp/||" "$tmp/vnu.log")"
		else
			tap OK "vnu $(basename "$h")"
		fi
	done
else
	skip "vnu on the output corpus" "no java or no vnu.jar (npm ci --prefix tests/checkers)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
