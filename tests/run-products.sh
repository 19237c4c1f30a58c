#!/bin/sh
# Every product from every sample, judged by real external checkers: the Nu
# HTML Checker (vnu) and axe-core with an internal-link check in Debian's
# Chromium; charts in every format checked by their file type.  TAP lines,
# then "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
bin=${SSECMM:-./ssecmm}
out=$(mktemp -d) || exit 2
trap 'rm -rf "$out"' EXIT
n=0 pass=0 fail=0

tap() { # tap OK|FAIL description
	n=$((n + 1))
	if [ "$1" = OK ]; then
		echo "ok $n - $2"
		pass=$((pass + 1))
	else
		echo "not ok $n - $2"
		fail=$((fail + 1))
	fi
}

run() { # run description command...: the command must succeed
	desc=$1
	shift
	if "$@" >"$out/log" 2>&1; then
		tap OK "$desc"
	else
		tap FAIL "$desc"
		sed 's/^/#   /' "$out/log" | head -20
	fi
}

run "handbook" $bin -q handbook -o "$out/handbook.html"
for f in samples/*.xml; do
	grep -q '<appraisal ' "$f" || continue
	b=$(basename "$f" .xml)
	run "report $b" $bin -q report "$f" -o "$out/$b-report.html"
	run "statement $b" $bin -q statement "$f" -o "$out/$b-statement.html"
	for ext in svg png pdf; do
		run "chart $b.$ext" $bin -q chart "$f" -o "$out/$b-chart.$ext"
	done
done
run "statement against a separate target profile" $bin -q statement \
	--target samples/rfp-2026-017-target.xml samples/meridian-integrator.xml \
	-o "$out/meridian-vs-rfp-statement.html"

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

checkers=tests/checkers/node_modules
vnu="java -jar $checkers/vnu-jar/build/dist/vnu.jar"
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
if node tests/checkers/axe-check.js "$out"/*.html >"$out/axe.log" 2>&1; then :; fi
while IFS= read -r line; do
	case $line in
	"ok "*) tap OK "${line#ok * - }" ;;
	"not ok "*) tap FAIL "${line#not ok * - }" ;;
	"#"*) echo "$line" ;;
	esac
done <"$out/axe.log"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
