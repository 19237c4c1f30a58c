#!/bin/sh
# gen-model.sh FACTOR OUT.xml: a valid model about FACTOR times the size of model-xml/sse-cmm.xml.
#
# Every process area, overview section and glossary term is copied FACTOR-1
# more times under new ids (PA23..., sec-...-copy2, term-...-copy2, titles
# marked "(copy N)"); the fixed capability levels get each paragraph repeated
# FACTOR times instead.  Cross references keep pointing at the originals.
set -eu

if [ $# -ne 2 ] || ! [ "$1" -ge 1 ] 2>/dev/null; then
	echo "usage: $0 FACTOR OUT.xml   (FACTOR a whole number >= 1)" >&2
	exit 2
fi
factor=$1 out=$2
model=$(dirname "$0")/../model-xml/sse-cmm.xml

awk -v factor="$factor" '
# Rewrite the ids of a copied block for copy k; mark the title of its first line.
function copy_block(text, kind, k,    n, lines, i, line, num) {
	n = split(text, lines, "\n")
	for (i = 1; i < n; i++) {
		line = lines[i]
		if (kind == "pa") {
			if (match(line, /id="PA[0-9]+/)) {
				num = substr(line, RSTART + 6, RLENGTH - 6) + k * n_pas
				line = substr(line, 1, RSTART - 1) sprintf("id=\"PA%02d", num) \
				       substr(line, RSTART + RLENGTH)
			}
			if (match(line, /id="BP\.[0-9]+\./)) {
				num = substr(line, RSTART + 7, RLENGTH - 8) + k * n_pas
				line = substr(line, 1, RSTART - 1) sprintf("id=\"BP.%02d.", num) \
				       substr(line, RSTART + RLENGTH)
			}
		} else if (i == 1) {
			sub(/id="[a-z0-9-]+/, "&-copy" (k + 1), line)
		}
		if (i == 1)
			sub(/(title|name)="[^"]+/, "& (copy " (k + 1) ")", line)
		print line
	}
}
function flush_copies(kind, count,    k, i) {
	for (k = 1; k < factor; k++)
		for (i = 1; i <= count; i++)
			copy_block(block[kind, i], kind, k)
}

/^ *<capability-levels>/  { in_levels = 1 }
/^ *<\/capability-levels>/ { in_levels = 0 }

# Paragraphs of the capability levels: repeated in place.
in_levels && /^ *<p>/ { para = ""; in_para = 1 }
in_para {
	para = para $0 "\n"
	if ($0 ~ /<\/p>/) {
		for (k = 0; k < factor; k++)
			printf "%s", para
		in_para = 0
	}
	next
}

# Blocks copied after the originals, at the end of their container.
/^ *<section /      { kind = "sec" }
/^ *<process-area / { kind = "pa"; n_pas++ }
/^ *<term /         { kind = "term" }
kind != "" {
	cur = cur $0 "\n"
	if ($0 ~ /^ *<\/(section|process-area|term)>/) {
		block[kind, ++count[kind]] = cur
		cur = ""
		kind = ""
	}
}
/^ *<\/overview>/      { flush_copies("sec", count["sec"]) }
/^ *<\/process-areas>/ { flush_copies("pa", count["pa"]) }
/^ *<\/glossary>/      { flush_copies("term", count["term"]) }
{ print }
' "$model" >"$out.tmp"
mv "$out.tmp" "$out"
