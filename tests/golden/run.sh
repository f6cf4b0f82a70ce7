#!/bin/sh
# Golden tests: each folder tests/golden/CASE/ holds `cmd` (a shell line run inside
# the folder, with $TERMLINT the binary), input files, and the expected output:
# expected.stdout, expected.stderr, expected.exit. A case without its expected files
# gets them written from the actual output and FAILS, so nothing passes by accident;
# review them and run again. UPDATE=1 rewrites all expectations (review the diff!).
set -u
ROOT=$(pwd)
BUILD=${BUILD:-build}
TERMLINT="$ROOT/$BUILD/termlint"
# the time limits of cases that guard against a hang grow with a slow runner
TL_SLOW=1
if [ -n "${VALGRIND:-}" ]; then # memcheck on every termlint the cases run
    TERMLINT_BINARY=$TERMLINT
    TERMLINT="$ROOT/tests/valgrind.sh"
    TL_SLOW=30
    export TERMLINT_BINARY
fi
export TERMLINT TL_SLOW
export TERMLINT_DATADIR="$ROOT/glossaries"
export NO_COLOR=1
rc=0
out=$(mktemp) err=$(mktemp)
# the word-form tables go to a folder of this run (or of the caller's, tests/run-all.sh):
# the first case compiles them
tabs=
if [ -z "${TERMLINT_CACHE_DIR:-}" ]; then
    tabs=$(mktemp -d)
    export TERMLINT_CACHE_DIR="$tabs"
fi
trap 'rm -f "$out" "$err"; if [ -n "$tabs" ]; then rm -rf "$tabs"; fi' EXIT
# compile the word-form tables once outside memcheck, where it would take minutes
if [ -n "${VALGRIND:-}" ]; then
    printf 'а\n' | "$TERMLINT_BINARY" check --lang ru - >/dev/null 2>&1
    printf 'а\n' | "$TERMLINT_BINARY" check --lang uk - >/dev/null 2>&1
fi
for dir in tests/golden/*/; do
    name=$(basename "$dir")
    [ -f "$dir/cmd" ] || continue
    (cd "$dir" && sh ./cmd) >"$out" 2>"$err" </dev/null
    code=$?
    if [ "${UPDATE:-0}" = 1 ] || [ ! -f "$dir/expected.exit" ]; then
        new=$([ -f "$dir/expected.exit" ] && echo 0 || echo 1)
        cp "$out" "$dir/expected.stdout"
        cp "$err" "$dir/expected.stderr"
        echo "$code" >"$dir/expected.exit"
        if [ "$new" = 1 ] && [ "${UPDATE:-0}" != 1 ]; then
            echo "FAIL $name: no expectations; written from this run, review them"
            rc=1
            continue
        fi
    fi
    ok=1
    if ! diff -u "$dir/expected.stdout" "$out" >/dev/null; then ok=0; diff -u "$dir/expected.stdout" "$out" | head -40; fi
    if ! diff -u "$dir/expected.stderr" "$err" >/dev/null; then ok=0; diff -u "$dir/expected.stderr" "$err" | head -20; fi
    if [ "$(cat "$dir/expected.exit")" != "$code" ]; then ok=0; echo "exit: expected $(cat "$dir/expected.exit"), got $code"; fi
    if [ "$ok" = 1 ]; then echo "PASS $name"; else echo "FAIL $name"; rc=1; fi
done
exit $rc
