#!/bin/sh
# tests/tsan.sh - ThreadSanitizer over what runs threads (make check-tsan): the run's
# unit tests (results in input order whatever the threads, run-wide consistency, a run
# ended early) and the command line at -j 4, with and without --consistency run, on
# every golden input and the samples, whose output must be the -j 1 output. A data
# race or a lock-order problem ends the program with exit code 66 and its report.
set -u
BUILD=${BUILD:-build-tsan}
TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
TERMLINT_DATADIR=$(pwd)/glossaries
export TSAN_OPTIONS TERMLINT_DATADIR
if [ -z "${TERMLINT_CACHE_DIR:-}" ]; then
    TERMLINT_CACHE_DIR=$(mktemp -d)
    tabs=$TERMLINT_CACHE_DIR
fi
export TERMLINT_CACHE_DIR
out=$(mktemp -d)
trap 'rm -rf "$out"; if [ -n "${tabs:-}" ]; then rm -rf "$tabs"; fi' EXIT
fail=0
for t in test_run test_check; do
    if CMOCKA_MESSAGE_OUTPUT=TAP "$BUILD/tests/$t" >"$out/log" 2>&1; then
        echo "tsan $t: $(grep -c '^ok ' "$out/log") passed"
    else
        echo "FAIL tsan $t"
        cat "$out/log"
        fail=1
    fi
done
# every golden input and the samples, in one run
find tests/golden samples -name '*.txt' | sort >"$out/files"
for mode in document run; do
    for j in 1 4; do
        # shellcheck disable=SC2046 # the file list
        "$BUILD/termlint" check -j $j --glossary default --consistency $mode --suggest 20 \
            $(cat "$out/files") >"$out/$mode-$j" 2>"$out/$mode-$j.err"
        echo "exit $?" >>"$out/$mode-$j"
    done
    if grep -q 'ThreadSanitizer' "$out/$mode-4.err" "$out/$mode-1.err"; then
        echo "FAIL tsan --consistency $mode -j 4"
        cat "$out/$mode-4.err" "$out/$mode-1.err"
        fail=1
    elif ! cmp -s "$out/$mode-1" "$out/$mode-4"; then
        echo "FAIL tsan --consistency $mode: -j 4 differs from -j 1"
        diff "$out/$mode-1" "$out/$mode-4" | head -20
        fail=1
    else
        echo "tsan --consistency $mode -j 4: $(wc -l <"$out/files") files, same as -j 1 ($(tail -n 1 "$out/$mode-4"))"
    fi
done
exit $fail
