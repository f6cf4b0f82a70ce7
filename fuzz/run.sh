#!/bin/sh
# fuzz/run.sh SECONDS TARGET... - `make fuzz`: runs each libFuzzer target
# build-fuzz/fuzz_TARGET for SECONDS, FUZZ_JOBS (default 2) at a time, and fails when
# one found a crash, a leak or an input slower than a second (libFuzzer's -timeout=1;
# its exit code is then not 0). Prints, per target, the executions, the coverage
# (edges: libFuzzer's "cov") and what was found; full logs in build-fuzz/logs/.
#
# Corpora: build-fuzz/corpus/TARGET is the working corpus (kept between runs); it is
# seeded from fuzz/corpus/TARGET (committed: seeds, and every crashing or slow input
# ever found, replayed by `make check`) and from the fixtures the target reads (below).
# A finding is written to build-fuzz/artifacts/TARGET/: fix it, then copy it into
# fuzz/corpus/TARGET/ under a name that says what it was.
set -u
secs=${1:?usage: fuzz/run.sh SECONDS TARGET...}
shift
B=build-fuzz
jobs=${FUZZ_JOBS:-2}
mkdir -p "$B/logs" "$B/cache"
# the library reads no environment: fuzz_check.c passes these on
TERMLINT_DATADIR=$(pwd)/glossaries
TERMLINT_CACHE_DIR=$(pwd)/$B/cache
export TERMLINT_DATADIR TERMLINT_CACHE_DIR
# -detect_leaks is libFuzzer's default with ASan; say it, and stop at the first finding
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS

# Seeds a target reads besides its committed corpus, copied into build-fuzz/seeds/.
# check: the first byte of an input picks the language and glossary (fuzz_check.c),
# so each text gets a selector byte of its own.
seed() {
    t=$1
    dir=$B/seeds/$t
    rm -rf "$dir"
    mkdir -p "$dir"
    case "$t" in
    check | stream)
        n=0
        for f in tests/golden/*/*.txt samples/*.txt; do
            n=$((n + 1))
            { printf "\\$(printf '%03o' $((n % 8)))"; head -c 4096 "$f"; } >"$dir/seed-$n"
        done
        ;;
    markdown)
        cp tests/golden/*/*.md "$dir/" 2>/dev/null
        ;;
    html)
        cp tests/golden/*/*.html "$dir/" 2>/dev/null
        ;;
    glossary)
        cp tests/fixtures/glossary/*.yaml "$dir/"
        cp tests/golden/*/g.yaml "$dir/" 2>/dev/null
        n=0
        for f in tests/golden/*/g.yaml; do
            n=$((n + 1))
            cp "$f" "$dir/golden-$n.yaml"
        done
        ;;
    esac
    echo "$dir"
}

run() {
    t=$1
    corpus=$B/corpus/$t
    mkdir -p "$corpus" "$B/artifacts/$t" "fuzz/corpus/$t"
    dict=
    [ -f "fuzz/$t.dict" ] && dict=-dict=fuzz/$t.dict
    seeds=$(seed "$t")
    # shellcheck disable=SC2086 # $dict is empty or one word
    "$B/fuzz_$t" -max_total_time="$secs" -timeout=1 -rss_limit_mb=2560 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$B/artifacts/$t/" $dict \
        "$corpus" "fuzz/corpus/$t" "$seeds" >"$B/logs/$t.log" 2>&1
    echo $? >"$B/logs/$t.rc"
}

targets=$*
for t in $targets; do
    [ -x "$B/fuzz_$t" ] || {
        echo "fuzz: $B/fuzz_$t is missing (make fuzz-build)" >&2
        exit 2
    }
    rm -f "$B/logs/$t.rc" "$B/logs/$t.log"
done

# FUZZ_JOBS at a time (the machine's cores): start one, and wait for the oldest when full
pids=
for t in $targets; do
    run "$t" &
    pids="$pids $!"
    # shellcheck disable=SC2086 # the list of process ids
    set -- $pids
    if [ $# -ge "$jobs" ]; then
        wait "$1"
        shift
        pids=$*
    fi
done
wait

rc=0
printf '%-10s %12s %8s %8s  %s\n' target executions edges corpus result
for t in $targets; do
    log=$B/logs/$t.log
    code=$(cat "$B/logs/$t.rc" 2>/dev/null || echo '?')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | sed 's/cov: //')
    units=$(grep -o 'corp: [0-9]*' "$log" | tail -n 1 | sed 's/corp: //')
    what=ok
    if [ "$code" != 0 ]; then
        rc=1
        what=$(grep -m1 -o 'ERROR: libFuzzer: [a-z-]*\|ERROR: LeakSanitizer\|ERROR: AddressSanitizer: [a-z-]*\|runtime error: .*' "$log" || echo "exit $code")
        what="FOUND: $what (build-fuzz/artifacts/$t/, $log)"
    fi
    printf '%-10s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "${cov:-?}" "${units:-?}" "$what"
done
exit $rc
