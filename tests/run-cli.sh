#!/bin/sh
# Golden tests of the command line: every tests/**/*.expected file names the
# arguments of one run ("# args:" line) and holds its exit status, standard
# output and standard error.  One process runs them all (tests/golden.c calls
# ssecmm_main in turn), so a run under valgrind starts valgrind once.  With
# --update the files are rewritten from the actual runs (review the diff
# before committing).
#
# Environment: GOLDEN (the driver, default build/obj/golden), GOLDEN_WRAPPER
# (a command to run it under, e.g. valgrind), LABEL (prefix of test names).
set -u
cd "$(dirname "$0")/.." || exit 2
update=""
[ "${1:-}" = "--update" ] && update=--update
export SSECMM_DATADIR="$PWD" NO_COLOR=1 LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
# shellcheck disable=SC2046,SC2086 # file names have no spaces; the wrapper's words split
exec ${GOLDEN_WRAPPER:-} "${GOLDEN:-build/obj/golden}" $update --label "${LABEL:-cli}" \
	$(find tests -name '*.expected' | LC_ALL=C sort)
