#!/bin/sh
# Runs every test: unit tests (cmocka, TAP output), golden CLI tests, fuzz corpus
# replay. Ends with the one-line summary "N passed, N failed". Exit 1 on any failure.
set -u
BUILD=${BUILD:-build}
pass=0
fail=0
log=$(mktemp)
# the word-form tables of the whole run go to one folder: the first test that loads a
# dictionary compiles its table, the others map it (the library reads no environment:
# the tests and the CLI pass this on)
if [ -z "${TERMLINT_CACHE_DIR:-}" ]; then
    TERMLINT_CACHE_DIR=$(mktemp -d)
    tabs=$TERMLINT_CACHE_DIR
fi
export TERMLINT_CACHE_DIR
trap 'rm -f "$log"; if [ -n "${tabs:-}" ]; then rm -rf "$tabs"; fi' EXIT

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    case "$t" in *.d) continue ;; esac
    CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    pass=$((pass + p))
    fail=$((fail + f))
    if [ "$f" -ne 0 ]; then
        echo "FAIL: $t"
        cat "$log"
    else
        echo "unit $(basename "$t"): $p passed"
    fi
done

BUILD=$BUILD sh tests/golden/run.sh >"$log" 2>&1
rc=$?
cat "$log"
p=$(grep -c '^PASS ' "$log")
f=$(grep -c '^FAIL ' "$log")
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
pass=$((pass + p))
fail=$((fail + f))

# each fuzz target's corpus (crashes and slow inputs ever found, seeds) and the inputs it
# is seeded from, with the hostile variants replay.c derives from them
replay_inputs() {
    case "$1" in
    check) echo "fuzz/corpus/check tests/golden" ;;
    glossary) echo "fuzz/corpus/glossary tests/fixtures/glossary" ;;
    *) echo "fuzz/corpus/$1" ;;
    esac
}
for r in "$BUILD"/fuzz-replay-*; do
    [ -x "$r" ] || continue
    case "$r" in *.d) continue ;; esac
    t=${r##*/fuzz-replay-}
    # shellcheck disable=SC2046 # the inputs are several words
    if "$r" $(replay_inputs "$t") >"$log" 2>&1; then
        pass=$((pass + 1))
        echo "fuzz replay $t: $(tail -n 1 "$log")"
    else
        fail=$((fail + 1))
        echo "FAIL: fuzz replay $t"
        cat "$log"
    fi
done

# Tests that drive other programs (tests/tools/*.sh: a SARIF schema validator, xmllint,
# pre-commit, dpkg-buildpackage): exit 0 passed, 77 skipped (the tool is missing; the
# reason is said), anything else failed.
for t in tests/tools/*.sh; do
    [ "$t" = tests/tools/common.sh ] && continue
    name=$(basename "$t" .sh)
    BUILD=$BUILD sh "$t" >"$log" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ]; then
        pass=$((pass + 1))
        echo "tool $name: $(tail -n 1 "$log")"
    elif [ "$rc" -eq 77 ]; then
        echo "tool $name: $(tail -n 1 "$log")"
    else
        fail=$((fail + 1))
        echo "FAIL: tool $name"
        cat "$log"
    fi
done

# The shipped glossary's examples, through the matcher: a glossary edit that breaks
# matching fails here
if TERMLINT_DATADIR=glossaries "$BUILD/termlint" glossary test default >"$log" 2>&1; then
    pass=$((pass + 1))
    echo "glossary test: $(tail -n 1 "$log")"
else
    fail=$((fail + 1))
    echo "FAIL: glossary test default"
    cat "$log"
fi

# make fuzz runs the fuzzers (issue 13, 11: with a fuzz/ folder it was "up to date" and
# did nothing): without running them, its commands must call fuzz/run.sh
if make -n fuzz FUZZ_SECONDS=1 2>/dev/null | grep -q 'fuzz/run.sh 1 '; then
    pass=$((pass + 1))
    echo "make fuzz: runs fuzz/run.sh"
else
    fail=$((fail + 1))
    echo "FAIL: make -n fuzz does not run fuzz/run.sh"
fi

# A test script run as `sh SCRIPT ARGS...` with $BUILD: passes when it exits 0; its
# output is shown either way.
script_test() {
    t=$1
    shift
    if BUILD=$BUILD sh "$t" "$@" >"$log" 2>&1; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $t"
    fi
    cat "$log"
}

# memory does not grow with the bytes of a text: a generated 32 MB text may take little
# more than a 1 MB one (tests/memory.sh; make check-slow runs it on 1 GB)
script_test tests/memory.sh "${MEMORY_MB:-32}"

# the work grows with the text, not its square: 200,000 uses for the alternation rule to
# group end in seconds, with the right findings (tests/scale.sh)
script_test tests/scale.sh

# The samples of ../shared are third-party and not in the repository: when present,
# check that termlint runs over them without input errors (exit 0 or 1).
if [ -d ../shared/samples ]; then
    TERMLINT_DATADIR=glossaries "$BUILD/termlint" check --glossary default ../shared/samples >/dev/null 2>"$log"
    rc=$?
    if [ "$rc" -le 1 ]; then
        pass=$((pass + 1))
        echo "shared samples: exit $rc"
    else
        fail=$((fail + 1))
        echo "FAIL: shared samples exit $rc"
        cat "$log"
    fi
else
    echo "shared samples: skipped (../shared/samples not present)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
