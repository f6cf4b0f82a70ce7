# tests/tools/common.sh - sourced by the tool tests (tests/tools/*.sh), which run from the
# project's root: $TERMLINT, the data folder, a temporary folder $T removed at exit, and
# skip(): exit 77 (what tests/run-all.sh counts as skipped) with the reason.
set -u
ROOT=$(pwd)
BUILD=${BUILD:-build}
TERMLINT="$ROOT/$BUILD/termlint"
export TERMLINT_DATADIR="$ROOT/glossaries" NO_COLOR=1
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
skip() {
    echo "skipped: $*"
    exit 77
}
fail() {
    echo "FAIL: $*"
    exit 1
}
# Debian's Python, whose modules python3-* packages install (a python3 earlier on the
# PATH may not see them)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
