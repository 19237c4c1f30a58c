#!/bin/sh
# Text in any script: the Chinese sample and an appraisal with fields in
# Japanese, Korean, Arabic and Hebrew made into reports and statements.  Each
# PDF must embed the regional CJK face its text's language asks for, as a
# subset, give every string back through pdftotext, and draw no unknown glyph
# (ssecmm warns for each); the HTML must carry lang on that text.  With a font
# configuration that lacks the CJK faces every missing character must be
# warned about once, with its file and line.  An English report must load no
# CJK face.  TAP output.
#
# Environment: SSECMM (the binary, default ./ssecmm).
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${SSECMM:-./ssecmm}
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
n=0 fail=0

tap() { # tap OK|FAIL DESCRIPTION [DETAIL...]
	n=$((n + 1))
	if [ "$1" = OK ]; then
		echo "ok $n - scripts $2"
	else
		echo "not ok $n - scripts $2"
		shift 2
		for d in "$@"; do printf '%s\n' "$d" | sed 's/^/#   /' | head -20; done
		fail=$((fail + 1))
	fi
}

# White space removed: pdftotext breaks lines where the page does.
squeeze() { tr -d ' \n\t\f'; }

# The base font names pdffonts lists for a PDF, one a line, subset tag
# removed, with "subset" or "full" and "embedded" or "not-embedded".
fonts_of() {
	pdffonts "$1" 2>/dev/null | awk 'NR > 2 {
		name = $1; sub(/^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/, "", name)
		n = NF; print name, ($(n - 3) == "yes" ? "subset" : "full"), \
			($(n - 4) == "yes" ? "embedded" : "not-embedded") }' | sort -u
}

if [ -z "$(fc-list ':family=Noto Sans CJK SC' family 2>/dev/null)" ]; then
	echo "1..0 # SKIP no Noto Sans CJK font is installed (make deps installs fonts-noto-cjk)"
	exit 0
fi

# check_products NAME INPUT FACES STRINGS [OPTIONS]: report and statement of
# INPUT; FACES are the faces the report must embed, STRINGS the words the
# report's text must hold (white space aside), '|' between them.
check_products() {
	name=$1 input=$2 faces=$3 strings=$4
	shift 4
	mkdir -p "$tmp/$name"
	problems=
	for p in report statement; do
		"$bin" "$@" "$p" "$input" -o "$tmp/$name/" >"$tmp/$name/$p.out" 2>"$tmp/$name/$p.err"
		rc=$?
		[ $rc -eq 0 ] || problems="$problems
$p: exit $rc: $(cat "$tmp/$name/$p.err")"
		# No unknown glyph: the typesetter warns about each one it draws.
		if grep -q 'no installed font' "$tmp/$name/$p.err"; then
			problems="$problems
$p: $(grep -c 'no installed font' "$tmp/$name/$p.err") characters without a font: \
$(grep 'no installed font' "$tmp/$name/$p.err" | head -3)"
		fi
		fonts_of "$tmp/$name"/*-"$p".pdf >"$tmp/$name/$p.fonts"
		if grep -qv ' subset embedded$' "$tmp/$name/$p.fonts"; then
			problems="$problems
$p: a face not embedded as a subset: $(grep -v ' subset embedded$' "$tmp/$name/$p.fonts")"
		fi
	done
	old_ifs=$IFS
	IFS='|'
	for f in $faces; do
		grep -q "^$f " "$tmp/$name/report.fonts" || problems="$problems
report: $f is not embedded; the faces are: $(cut -d' ' -f1 "$tmp/$name/report.fonts" | tr '\n' ' ')"
	done
	pdftotext "$tmp/$name"/*-report.pdf - 2>/dev/null | squeeze >"$tmp/$name/report.txt"
	for s in $strings; do
		s=$(printf '%s' "$s" | squeeze)
		grep -qF -- "$s" "$tmp/$name/report.txt" || problems="$problems
report: pdftotext does not show '$s'"
	done
	IFS=$old_ifs
	if [ -z "$problems" ]; then
		tap OK "$name: report and statement written, every face a subset, the regional faces, the text back, no unknown glyph"
	else
		tap FAIL "$name: report and statement written, every face a subset, the regional faces, the text back, no unknown glyph" "$problems"
	fi
}

# --- the Chinese sample: Simplified Chinese forms, a Japanese name, a Korean role
zh=samples/yunzhan-zh.xml
check_products zh "$zh" \
	'NotoSansCJKsc-Regular|NotoSansCJKsc-Bold|NotoSansCJKjp-Regular|NotoSansCJKkr-Bold|DejaVuSans' \
	'杭州云栈信息安全技术有限公司|产品研发部（云栈网关）|林晓燕|高橋 直子|보안 담당자|每次构建都会运行静态分析|为每类资产制定四级影响标准'

# The HTML: the page's own words are English, the appraisal's text says its language.
h=$tmp/zh/yunzhan-zh-report.html
problems=
grep -q '^<html lang="en"' "$h" || problems="the page is not lang=\"en\""
grep -qF '<bdi lang="zh-CN">杭州云栈信息安全技术有限公司</bdi>' "$h" ||
	problems="$problems; the organization has no lang=\"zh-CN\""
grep -qF 'lang="ja">高橋 直子</' "$h" || problems="$problems; the Japanese name has no lang=\"ja\""
grep -qF 'lang="ko">보안 담당자</' "$h" || problems="$problems; the Korean role has no lang=\"ko\""
grep -q 'lang="zh-CN">每次构建都会运行静态分析' "$h" ||
	problems="$problems; the finding has no lang=\"zh-CN\""
if [ -z "$problems" ]; then
	tap OK "zh: HTML is lang=en with lang on the appraisal's text (zh-CN, ja, ko)"
else
	tap FAIL "zh: HTML is lang=en with lang on the appraisal's text (zh-CN, ja, ko)" "$problems"
fi

# --lang stands for the file's own xml:lang: Japanese forms for the Han text,
# while the name and role that say their language keep it; the running head
# quotes the appraisal's title and marking, and takes their language.
mkdir -p "$tmp/zh-ja"
"$bin" -q report --lang ja "$zh" -o "$tmp/zh-ja/r.pdf" 2>"$tmp/zh-ja/err"
"$bin" -q report --lang ja "$zh" -o "$tmp/zh-ja/r.html" 2>>"$tmp/zh-ja/err"
fonts_of "$tmp/zh-ja/r.pdf" >"$tmp/zh-ja/fonts"
if ! grep -q '^NotoSansCJKsc' "$tmp/zh-ja/fonts" && grep -q '^NotoSansCJKjp-Bold' "$tmp/zh-ja/fonts" &&
   grep -q '^NotoSansCJKkr' "$tmp/zh-ja/fonts" &&
   grep -qF '<bdi lang="ja">杭州云栈信息安全技术有限公司</bdi>' "$tmp/zh-ja/r.html" &&
   grep -qF 'lang="ko">보안 담당자</' "$tmp/zh-ja/r.html"; then
	tap OK "zh --lang ja: Japanese faces and lang=ja for the file's text, Korean kept"
else
	tap FAIL "zh --lang ja: Japanese faces and lang=ja for the file's text, Korean kept" \
		"$(cat "$tmp/zh-ja/fonts" "$tmp/zh-ja/err")"
fi

# --- an appraisal with fields in Japanese, Korean, Arabic and Hebrew
mixed=$tmp/mixed.xml
sed -e 's|<name>Test Org</name>|<name>東京セキュリティ株式会社</name>|' -e 's|<participant role="Security lead" project="P1"/>|<participant role="서울 개발팀" project="P1" xml:lang="ko"/>|' \
	-e 's|<appraisal xmlns="urn:ssecmm:appraisal:1" format="2" id="T-1">|<appraisal xmlns="urn:ssecmm:appraisal:1" format="2" id="T-1" xml:lang="ja">|' \
	-e 's|<member name="Bo" role="appraiser" affiliation="Test Org, security team"/>|&<member name="سارة الحربي" role="appraiser" xml:lang="ar"/><member name="נועה לוי" role="observer" xml:lang="he"/>|' \
	-e 's|<title>Test appraisal</title>|<title>情報セキュリティ評価 2026</title>|' \
	tests/bad/appraisal/clean-no-warnings.xml >"$mixed"
check_products mixed "$mixed" \
	'NotoSansCJKjp-Regular|NotoSansCJKkr-Bold|DejaVuSans' \
	'東京セキュリティ株式会社|서울 개발팀|情報セキュリティ評価 2026' \
	--model tests/data/mini-model.xml
# pdftotext gives right-to-left text in its visual order; the HTML has it in
# logical order, with its language.
h=$tmp/mixed/mixed-report.html
if grep -qF 'lang="ar">سارة الحربي<' "$h" && grep -qF 'lang="he">נועה לוי<' "$h" &&
   grep -qF 'lang="ko">서울 개발팀<' "$h"; then
	tap OK "mixed: HTML has lang=ar, he and ko on the text that says so"
else
	tap FAIL "mixed: HTML has lang=ar, he and ko on the text that says so" \
		"$(grep -o 'lang="[^"]*"' "$h" | sort | uniq -c)"
fi

# --- compare carries each appraisal's language, and --lang, to its names.
mkdir -p "$tmp/cmp" "$tmp/cmp-tw"
"$bin" -q compare "$zh" "$zh" -o "$tmp/cmp/" 2>"$tmp/cmp/err"
"$bin" -q compare --lang zh-TW "$zh" "$zh" -o "$tmp/cmp-tw/" 2>>"$tmp/cmp/err"
if grep -qF '<bdi lang="zh-CN">杭州云栈信息安全技术有限公司</bdi>' "$tmp/cmp"/*.html &&
   grep -qF '<bdi lang="zh-TW">杭州云栈信息安全技术有限公司</bdi>' "$tmp/cmp-tw"/*.html &&
   fonts_of "$tmp/cmp-tw"/*.pdf | grep -q '^NotoSansCJKtc'; then
	tap OK "compare: the organization in its language (zh-CN; zh-TW with --lang, in the TC face)"
else
	tap FAIL "compare: the organization in its language (zh-CN; zh-TW with --lang, in the TC face)" \
		"$(cat "$tmp/cmp/err")" "$(fonts_of "$tmp/cmp-tw"/*.pdf)"
fi

# --- the result document keeps the appraisal's language, so the index of a
# batch (made from the result files) marks the names too.
mkdir -p "$tmp/batch-in"
cp "$zh" "$tmp/batch-in/"
"$bin" -q batch -j 1 --format html "$tmp/batch-in" -o "$tmp/batch-out" 2>"$tmp/batch.err"
"$bin" -q index --format html "$tmp/batch-out" -o "$tmp/index.html" 2>>"$tmp/batch.err"
if grep -q 'xml:lang="zh-CN"' "$tmp/batch-out/yunzhan-zh-result.xml" &&
   grep -qF 'lang="zh-CN">杭州云栈信息安全技术有限公司<' "$tmp/index.html"; then
	tap OK "batch and index: the result keeps xml:lang, the index marks the organization"
else
	tap FAIL "batch and index: the result keeps xml:lang, the index marks the organization" \
		"$(cat "$tmp/batch.err")"
fi

# --- a model that says its language: the handbook marks the model's text,
# and --lang stands for the model's xml:lang.
sed 's/<model xmlns="urn:ssecmm:model:1" format="1"/& xml:lang="de"/' tests/data/mini-model.xml \
	>"$tmp/model-de.xml"
"$bin" -q --model "$tmp/model-de.xml" handbook -o "$tmp/hb-de.html" 2>"$tmp/hb.err"
"$bin" -q --model "$tmp/model-de.xml" handbook --lang fr -o "$tmp/hb-fr.html" 2>>"$tmp/hb.err"
de=$(grep -c 'lang="de"' "$tmp/hb-de.html")
fr=$(grep -c 'lang="fr"' "$tmp/hb-fr.html")
if [ "$de" -gt 10 ] && [ "$fr" -eq "$de" ] && ! grep -q 'lang="de"' "$tmp/hb-fr.html" &&
   grep -q '^<html lang="en"' "$tmp/hb-de.html"; then
	tap OK "model xml:lang=de: the handbook marks its text ($de elements), --lang fr replaces it"
else
	tap FAIL "model xml:lang=de: the handbook marks its text ($de elements), --lang fr replaces it" \
		"de: $de, fr: $fr" "$(cat "$tmp/hb.err")"
fi

# --- no sample's report draws an unknown glyph: pango marks each, and the
# typesetter warns about it.
problems=
for f in samples/*.xml; do
	grep -q '<appraisal ' "$f" || continue
	"$bin" report --format pdf "$f" -o "$tmp/glyphs.pdf" >/dev/null 2>"$tmp/glyphs.err"
	if grep -q 'no installed font' "$tmp/glyphs.err"; then
		problems="$problems
$f: $(grep -c 'no installed font' "$tmp/glyphs.err") characters: $(head -2 "$tmp/glyphs.err")"
	fi
done
if [ -z "$problems" ]; then
	tap OK "samples: no report draws an unknown glyph"
else
	tap FAIL "samples: no report draws an unknown glyph" "$problems"
fi

# --- an English report loads no CJK face
mkdir -p "$tmp/en"
"$bin" -q report samples/harbourline-self-assessment.xml -o "$tmp/en/r.pdf"
fonts_of "$tmp/en/r.pdf" >"$tmp/en/fonts"
if [ -s "$tmp/en/fonts" ] && ! grep -qi 'cjk' "$tmp/en/fonts"; then
	tap OK "en: an English report embeds no CJK face"
else
	tap FAIL "en: an English report embeds no CJK face" "$(cat "$tmp/en/fonts")"
fi

# --- a font configuration without the CJK faces: every missing character is
# warned about once, at the line of its first use, and the product is still made.
mkdir -p "$tmp/fc/cache"
cat >"$tmp/fc/fonts.conf" <<EOF
<?xml version="1.0"?>
<fontconfig>
  <dir>/usr/share/fonts/truetype/dejavu</dir>
  <cachedir>$tmp/fc/cache</cachedir>
</fontconfig>
EOF
FONTCONFIG_FILE=$tmp/fc/fonts.conf "$bin" report "$zh" -o "$tmp/fc/r.pdf" >/dev/null 2>"$tmp/fc/err"
rc=$?
# The distinct Han, kana, Hangul and full-width characters of the file.
want=$(perl -CSD -ne '
	$s{$_} = 1 for /([\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}])/g;
	END { print scalar(keys %s), "\n" }' "$zh")
got=$(grep -c "^ssecmm: $zh:[0-9]*: warning: no installed font has U+" "$tmp/fc/err")
dups=$(grep -o 'U+[0-9A-F]*' "$tmp/fc/err" | sort | uniq -d | wc -l)
first=$(grep -F 'U+676D ' "$tmp/fc/err")   # 杭, first used in the organization's name
line=$(grep -n '杭' "$zh" | head -1 | cut -d: -f1)
if [ $rc -eq 0 ] && [ -s "$tmp/fc/r.pdf" ] && [ "$got" -eq "$want" ] && [ "$dups" -eq 0 ] &&
   [ "$first" = "ssecmm: $zh:$line: warning: no installed font has U+676D (杭, Hani script)" ]; then
	tap OK "no CJK font: $got warnings, one per character, each at its first line; exit 0"
else
	tap FAIL "no CJK font: $got warnings, one per character, each at its first line; exit 0" \
		"exit $rc, $got warnings for $want characters, $dups repeated, first: $first (line $line)" \
		"$(head -5 "$tmp/fc/err")"
fi
# -q keeps them quiet, and HTML alone checks no font.
FONTCONFIG_FILE=$tmp/fc/fonts.conf "$bin" -q report "$zh" -o "$tmp/fc/q.pdf" 2>"$tmp/fc/q.err"
FONTCONFIG_FILE=$tmp/fc/fonts.conf "$bin" report "$zh" -o "$tmp/fc/h.html" 2>"$tmp/fc/h.err"
if [ ! -s "$tmp/fc/q.err" ] && ! grep -q 'no installed font' "$tmp/fc/h.err"; then
	tap OK "no CJK font: -q prints nothing, HTML alone warns about no font"
else
	tap FAIL "no CJK font: -q prints nothing, HTML alone warns about no font" \
		"$(cat "$tmp/fc/q.err" "$tmp/fc/h.err" | head -5)"
fi

echo "1..$n"
[ $fail -eq 0 ]
