#!/bin/bash
# run.sh: the benchmark behind `make bench`: prints a table and writes bench/results.md.
#
# Each measurement is one untimed warm-up run and then BENCH_RUNS timed runs
# (default 5) of a whole command, each into an emptied output directory and
# after any Chromium helper of an earlier run has exited.  Wall time comes
# from the shell's clock around GNU time; peak memory is GNU time's %M, the
# largest resident set of any single process in the command's tree.
# The benchmark reports slowness, it never fails on it: it fails only when a
# command fails.  BENCH_BATCH (default 500) sets the size of the batch.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${BENCH_RUNS:-5}
BATCH=${BENCH_BATCH:-500}
FACTORS="1 2 5 10"
WORK=build/bench
OUT=$WORK/out
RESULTS=bench/results.md
SSECMM=$PWD/ssecmm
SAMPLE=samples/meridian-integrator.xml
export SSECMM_DATADIR=$PWD

for tool in /usr/bin/time weasyprint chromium pdfinfo pgrep; do
	if ! command -v "$tool" >/dev/null; then
		echo "bench: $tool is missing (make bench installs it)" >&2
		exit 1
	fi
done
if ! [ "$RUNS" -ge 1 ] 2>/dev/null || ! [ "$BATCH" -ge 1 ] 2>/dev/null; then
	echo "bench: BENCH_RUNS and BENCH_BATCH must be whole numbers >= 1" >&2
	exit 2
fi
mkdir -p "$WORK"
MD=$WORK/results.md.tmp
: >"$MD"

declare -A T_MED T_MIN T_MAX M_MED M_MAX

# ---- helpers ----

md() { printf '%s\n' "$@" >>"$MD"; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.3f s", ms / 1000 }'; }
mib() { awk -v kib="$1" 'BEGIN { printf "%.1f MiB", kib / 1024 }'; }
quot() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

# A table row: aligned on standard output, markdown in the results.
row() {
	local cell line="|"
	printf '%-46s' "$1"
	printf '%14s' "${@:2}"
	printf '\n'
	for cell in "$@"; do line="$line $cell |"; done
	md "$line"
}
# header TITLE COLUMN...: a titled table and its header row.
header() {
	local sep="|" col
	printf '\n%s\n' "$1"
	md "" "## $1" ""
	shift
	row "$@"
	for col in "$@"; do sep="$sep---|"; done
	md "$sep"
}
# stats NUMBER...: the median, the minimum and the maximum.
stats() {
	printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
		printf "%d %d %d\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2, v[1], v[NR] }'
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

# Chromium's helper processes outlive the command by a second or two, busy
# shutting down: wait for them, so that they do not slow what is timed next.
settle_chromium() {
	local i
	for ((i = 0; i < 150; i++)); do
		pgrep -f -- "--user-data-dir=$PWD/$WORK/chromium-profile" >/dev/null || break
		sleep 0.1
	done
}

# measure KEY COMMAND...: the warm-up run and the timed runs, each into an empty $OUT.
measure() {
	local key=$1 i t0 t1 times=() mems=() dummy
	shift
	for ((i = 0; i <= RUNS; i++)); do
		rm -rf "$OUT" && mkdir -p "$OUT"
		settle_chromium
		t0=${EPOCHREALTIME/./}
		if ! /usr/bin/time -f %M -o "$WORK/time.out" "$@" >"$WORK/command.log" 2>&1; then
			echo "bench: this command failed:" "$@" >&2
			tail -n 20 "$WORK/command.log" >&2
			exit 1
		fi
		t1=${EPOCHREALTIME/./}
		[ "$i" -eq 0 ] && continue
		times+=($(((t1 - t0) / 1000)))
		mems+=("$(tail -n 1 "$WORK/time.out")")
	done
	read -r "T_MED[$key]" "T_MIN[$key]" "T_MAX[$key]" < <(stats "${times[@]}")
	read -r "M_MED[$key]" dummy "M_MAX[$key]" < <(stats "${mems[@]}")
}
# result KEY LABEL [PDF]: the row of a measurement, with the page count of PDF.
result() {
	local key=$1 label=$2 pdf_pages=${3:+$(pages "$3")}
	row "$label" "$(secs "${T_MED[$key]}")" "$(secs "${T_MIN[$key]}")" \
		"$(secs "${T_MAX[$key]}")" "$RUNS" "$(mib "${M_MED[$key]}")" "$(mib "${M_MAX[$key]}")" \
		"${pdf_pages:--}"
}
measurement_header() {
	header "$1" "measurement" "median" "min" "max" "runs" "RSS median" "RSS max" "pages"
}

# ---- the machine ----

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
pkg() { dpkg-query -W -f '${Version}' "$1" 2>/dev/null || echo "not installed"; }
version="$("$SSECMM" --version)"
if git rev-parse --git-dir >/dev/null 2>&1; then
	version="$version (git $(git describe --always --dirty))"
fi
md "# ssecmm benchmark results" "" \
	"Written by \`make bench\` (bench/run.sh) on $(date -u '+%Y-%m-%d %H:%M UTC'); a generated file." \
	"Each measurement: one untimed warm-up run, then timed runs of the whole command ($RUNS);" \
	"wall time as median, min and max; peak RSS is GNU time's %M (the largest single process" \
	"of the command's process tree), median and max over the runs." \
	"" "## Machine" "" "| | |" "|---|---|" \
	"| CPU | $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo) |" \
	"| cores | $(nproc) |" \
	"| memory | $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |" \
	"| kernel | $(uname -sr) |" \
	"| system | $(. /etc/os-release && echo "$PRETTY_NAME") |" \
	"| ssecmm | $version |" \
	"| libxml2, libxslt | $(pkg libxml2), $(pkg libxslt1.1) |" \
	"| cairo, pango | $(pkg libcairo2), $(pkg libpango-1.0-0) |" \
	"| Chromium | $(pkg chromium) |" \
	"| WeasyPrint | $(pkg weasyprint) |" \
	"| load average before (1, 5, 15 min) | $load_before |"
echo "ssecmm benchmark: $RUNS runs each after a warm-up; $(nproc) cores; load average $load_before"
if le 0.5 "${load_before%% *}"; then
	echo "note: the machine is busy (load average ${load_before%% *}): expect noisy figures"
fi

# ---- 1-3: the products, and the same HTML printed by WeasyPrint and Chromium ----

CHROMIUM="chromium --headless --no-sandbox --disable-gpu --no-first-run \
--disable-background-networking --no-pdf-header-footer"
# documents: KEY, the ssecmm command line without -o, the stem of its products
DOCS=("handbook|handbook|sse-cmm-handbook"
      "report|report $SAMPLE|meridian-integrator-report"
      "statement|statement $SAMPLE|meridian-integrator-statement")

measurement_header "Products and the HTML-to-PDF printers"
for doc in "${DOCS[@]}"; do
	IFS='|' read -r key args stem <<<"$doc"
	html="$OUT/$stem.html"
	# $args is unquoted on purpose: a command line of plain words.
	measure "$key" "$SSECMM" -q $args -o "$OUT"
	result "$key" "$key: ssecmm HTML+PDF" "$OUT/$stem.pdf"
	measure "$key-html" "$SSECMM" -q $args --format html -o "$html"
	result "$key-html" "$key: ssecmm HTML only"
	measure "$key-weasy" sh -c "'$SSECMM' -q $args --format html -o '$html' &&
		weasyprint '$html' '$OUT/weasy.pdf'"
	result "$key-weasy" "$key: ssecmm HTML + WeasyPrint" "$OUT/weasy.pdf"
	measure "$key-chrome" sh -c "'$SSECMM' -q $args --format html -o '$html' &&
		$CHROMIUM --user-data-dir='$PWD/$WORK/chromium-profile' \
		--print-to-pdf='$OUT/chromium.pdf' 'file://$PWD/$html'"
	result "$key-chrome" "$key: ssecmm HTML + Chromium" "$OUT/chromium.pdf"
done
# The targets were set on a report of 14-17 pages: the smallest sample report
# is the nearest (one project, ten areas).
measure report-small "$SSECMM" -q report samples/kestrel-iso15504.xml -o "$OUT"
result report-small "report, one project: ssecmm HTML+PDF" "$OUT/kestrel-iso15504-report.pdf"
measure workbook "$SSECMM" -q workbook "$SAMPLE" -o "$OUT/"
result workbook "rating workbook (XLSX), three projects, 22 areas"
# The editable documents of the same report and statement, against the HTML
# only rows above.
for doc in "${DOCS[@]:1}"; do
	IFS='|' read -r key args stem <<<"$doc"
	for f in docx odt; do
		measure "$key-$f" "$SSECMM" -q $args --format "$f" -o "$OUT"
		result "$key-$f" "$key: ssecmm ${f^^} only"
	done
done
md "" "The printers' rows include making the HTML with \`ssecmm --format html\`." \
	"Chromium: \`$CHROMIUM --user-data-dir=PROFILE --print-to-pdf=OUT.pdf file:///IN.html\`;" \
	"its memory is its largest single process, not the sum of its processes."

header "Ratios: printer pipeline time / ssecmm HTML+PDF time (medians)" \
	"document" "WeasyPrint" "Chromium"
for doc in "${DOCS[@]}"; do
	key=${doc%%|*}
	row "$key" "$(ratio "${T_MED[$key-weasy]}" "${T_MED[$key]}")" \
		"$(ratio "${T_MED[$key-chrome]}" "${T_MED[$key]}")"
done

# ---- 4: a batch of generated appraisals ----

batch=no
if "$SSECMM" --help 2>&1 | grep -q '^ *batch '; then
	batch=yes
	inputs=$WORK/appraisals
	rm -rf "$inputs"
	bench/gen-appraisals.sh "$BATCH" 1 "$inputs"
	"$SSECMM" -q validate "$inputs"/*.xml
	measurement_header "Batch of $BATCH generated appraisals (report, statement, chart, result each)"
	for j in 1 2; do
		measure "batch-j$j" "$SSECMM" -q batch -j "$j" -o "$OUT" "$inputs"
		result "batch-j$j" "batch -j $j" "$OUT/index.pdf"
		made=$(find "$OUT" -name '*-report.pdf' | wc -l)
		if [ "$made" -ne "$BATCH" ]; then
			echo "note: batch -j $j wrote $made reports for $BATCH inputs"
			md "" "Note: batch -j $j wrote $made reports for $BATCH inputs."
		fi
	done
	md "" "Peak RSS here is that of the largest single process: the parent or one worker," \
		"whichever is larger (the batch forks one worker per input); not a sum."
	header "Batch per report and scaling" "measurement" "value"
	row "per report, -j 1" "$(secs "$(quot "${T_MED[batch-j1]}" "$BATCH")")"
	row "per report, -j 2" "$(secs "$(quot "${T_MED[batch-j2]}" "$BATCH")")"
	row "scaling, time -j 1 / time -j 2" "$(ratio "${T_MED[batch-j1]}" "${T_MED[batch-j2]}")"
else
	echo
	echo "batch: not available in this build"
	md "" "## Batch" "" \
		"batch: not available in this build (\`ssecmm --help\` lists no batch command)."
fi

# ---- 5: scaling with the size of the model ----

bytes() { stat -c %s "$WORK/model-x$1.xml"; }
measurement_header "Handbook HTML+PDF from a model FACTOR times larger (bench/gen-model.sh)"
for f in $FACTORS; do
	model=$WORK/model-x$f.xml
	bench/gen-model.sh "$f" "$model"
	"$SSECMM" -q validate "$model"
	measure "scale-$f" "$SSECMM" -q --model "$model" handbook -o "$OUT"
	result "scale-$f" "x$f, $(mib $(($(bytes "$f") / 1024))) model" \
		"$OUT/sse-cmm-handbook.pdf"
done
# per_mb F: the time per byte of model at factor F, relative to factor 1.
per_mb() {
	awk -v t="${T_MED[scale-$1]}" -v s="$(bytes "$1")" -v t1="${T_MED[scale-1]}" \
		-v s1="$(bytes 1)" 'BEGIN { printf "%.2f", t / s / (t1 / s1) }'
}
header "Time per megabyte of model, relative to x1" "factor" "size ratio" "time ratio" "per MB"
for f in $FACTORS; do
	row "x$f" "$(ratio "$(bytes "$f")" "$(bytes 1)")" \
		"$(ratio "${T_MED[scale-$f]}" "${T_MED[scale-1]}")" "$(per_mb "$f")"
done
per10=$(per_mb 10)
if le 0.85 "$per10" && le "$per10" 1.15; then
	linear="linear: time per MB at x10 is $per10 of x1 (within +/-15 %)"
elif le "$per10" 0.85; then
	linear="better than linear: time per MB at x10 is $per10 of x1"
else
	linear="worse than linear: time per MB at x10 is $per10 of x1 (more than 15 % above)"
fi
echo "$linear"
md "" "Time is $linear."

# ---- targets ----

# target DESCRIPTION MEASURED VALUE LIMIT [ge]: met when VALUE <= LIMIT (>= with ge).
target() {
	local verdict=missed
	if [ "${5:-le}" = ge ]; then le "$4" "$3" && verdict=met; else le "$3" "$4" && verdict=met; fi
	row "$1" "$2" "$verdict"
}
kib=1024
header "Targets" "target" "measured" "result"
target "handbook HTML+PDF <= 0.6 s" "$(secs "${T_MED[handbook]}")" "${T_MED[handbook]}" 600
target "handbook HTML+PDF <= 64 MiB" "$(mib "${M_MED[handbook]}")" "${M_MED[handbook]}" \
	$((64 * kib))
target "handbook >= 4x faster than HTML + Chromium" \
	"$(ratio "${T_MED[handbook-chrome]}" "${T_MED[handbook]}")" \
	"$(quot "${T_MED[handbook-chrome]}" "${T_MED[handbook]}")" 4 ge
target "handbook >= 25x faster than HTML + WeasyPrint" \
	"$(ratio "${T_MED[handbook-weasy]}" "${T_MED[handbook]}")" \
	"$(quot "${T_MED[handbook-weasy]}" "${T_MED[handbook]}")" 25 ge
target "report (three projects) <= 100 ms" "$(secs "${T_MED[report]}")" "${T_MED[report]}" 100
target "report (one project) <= 100 ms" "$(secs "${T_MED[report-small]}")" \
	"${T_MED[report-small]}" 100
target "statement <= 40 ms" "$(secs "${T_MED[statement]}")" "${T_MED[statement]}" 40
target "rating workbook (22 areas) < 1 s" "$(secs "${T_MED[workbook]}")" "${T_MED[workbook]}" 999
if [ "$batch" = yes ]; then
	limit=$((16000 * BATCH / 500))
	target "batch of $BATCH, -j 2, < $(secs "$limit")" \
		"$(secs "${T_MED[batch-j2]}")" "${T_MED[batch-j2]}" "$limit"
	target "batch: < 48 MiB per worker (largest process)" "$(mib "${M_MED[batch-j2]}")" \
		"${M_MED[batch-j2]}" $((48 * kib))
	target "batch: 1 to 2 workers scales >= 1.8x" \
		"$(ratio "${T_MED[batch-j1]}" "${T_MED[batch-j2]}")" \
		"$(quot "${T_MED[batch-j1]}" "${T_MED[batch-j2]}")" 1.8 ge
else
	row "batch targets" "-" "not measured"
fi
target "x10 handbook <= 6 s" "$(secs "${T_MED[scale-10]}")" "${T_MED[scale-10]}" 6000
target "x10 handbook <= 300 MiB" "$(mib "${M_MED[scale-10]}")" "${M_MED[scale-10]}" $((300 * kib))

md "" "Each target is on the median. The batch time target is 16 s for 500 inputs," \
	"scaled to the size of this batch."

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
md "" "Load average after the run (1, 5, 15 min): $load_after."
echo
echo "load average after: $load_after"
mv "$MD" "$RESULTS"
echo "written: $RESULTS"
