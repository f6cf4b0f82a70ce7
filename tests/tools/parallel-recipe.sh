#!/bin/sh
# docs/scale.md's GNU parallel recipe, run as written (the sh block after its heading
# "## GNU parallel") on the test corpus with 2 processes and 1 file per job: its
# report equals `termlint report` of one run. Skipped without GNU parallel.
. tests/tools/common.sh
command -v parallel >/dev/null 2>&1 || skip "GNU parallel is not installed (Debian package parallel)"
parallel --version 2>/dev/null | grep -q 'GNU parallel' || skip "'parallel' is not GNU parallel"
recipe=$(sed -n '/^## GNU parallel/,/^## /p' docs/scale.md | sed -n '/^```sh$/,/^```$/p' | sed '1d;$d')
[ -n "$recipe" ] || fail "no recipe block in docs/scale.md"
F="$ROOT/tests/fixtures/report"
mkdir -p "$T/bin" "$T/work"
ln -s "$TERMLINT" "$T/bin/termlint"
cd "$T/work" || fail "no work folder"
cp -r "$F/corpus" corpus
# the recipe's settings line is replaced: this glossary, this corpus, 2 processes,
# jobs of one file (so there are several)
run=$(printf '%s\n' "$recipe" | sed "1s|.*|export G='$F/glossary.yaml' CORPUS=corpus N=2|; s/-N 250/-N 1/")
PATH="$T/bin:$PATH" sh -c "$run" || fail "the recipe failed"
[ "$(ls runs | wc -l)" -ge 2 ] || fail "the recipe made fewer than 2 jobs"
"$TERMLINT" report --glossary "$F/glossary.yaml" corpus >one.md || fail "report exited $?"
cmp -s one.md report.md || { diff -u one.md report.md | head -20; fail "the recipe's report differs from one run's"; }
echo "GNU parallel recipe: $(ls runs | wc -l) jobs, report identical to one run"
