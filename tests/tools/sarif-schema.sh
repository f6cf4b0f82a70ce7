#!/bin/sh
# --format sarif validates against the official SARIF 2.1.0 schema (tests/sarif/) with a
# real validator (Debian's python3-jsonschema): the small project of the golden tests,
# and reports with what only some runs have: a baseline, setup notifications, a file
# that cannot be read, bytes that are not UTF-8, a file name with spaces and Cyrillic.
. tests/tools/common.sh
"$PY" -c 'import jsonschema' 2>/dev/null || skip "python3-jsonschema is not installed (scripts/install-deps.sh installs it)"
P=tests/fixtures/ci-project
(cd "$P" && "$TERMLINT" check --format sarif news docs >"$T/project.sarif")
[ $? -le 1 ] || fail "termlint on the project"
G=tests/golden/glossary-conflict-notes
"$TERMLINT" check --no-config --lang ru --glossary "$G/a.yaml" --glossary "$G/b.yaml" \
    --format sarif "$G/in.txt" missing.txt tests/golden/invalid-utf8 >"$T/notes.sarif" 2>/dev/null
mkdir "$T/Новости дня"
printf 'Здесь ошибкка и ещё одна ошибкка.\n' >"$T/Новости дня/статья.txt"
"$TERMLINT" check --no-config --write-baseline "$T/base.json" "$T/Новости дня" >/dev/null
printf 'Новая ошибккка.\n' >>"$T/Новости дня/статья.txt"
(cd "$T" && "$TERMLINT" check --no-config --baseline base.json --format sarif "Новости дня" >"$T/baseline.sarif")
"$PY" tests/sarif/validate.py "$T/project.sarif" "$T/notes.sarif" "$T/baseline.sarif" || fail "invalid SARIF"
grep -q '"toolConfigurationNotifications"' "$T/notes.sarif" || fail "no configuration notification"
grep -q '"toolExecutionNotifications"' "$T/notes.sarif" || fail "no execution notification"
grep -q '"baselineState":"new"' "$T/baseline.sarif" || fail "no baselineState"
grep -q '%D0%9D%D0%BE%D0%B2' "$T/baseline.sarif" || fail "the Cyrillic folder name is not percent-encoded"
echo "3 SARIF reports valid"
