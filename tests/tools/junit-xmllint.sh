#!/bin/sh
# --format junit is well-formed XML that a real parser (xmllint, libxml2) reads: one
# testcase per file, one failure per finding at or above the fail level, the others in
# system-out, an error for a file that cannot be read; also with markup characters and
# bytes that are not UTF-8 in the input.
. tests/tools/common.sh
command -v xmllint >/dev/null 2>&1 || skip "xmllint is not installed (libxml2-utils; scripts/install-deps.sh installs it)"
P=tests/fixtures/ci-project
(cd "$P" && "$TERMLINT" check --format junit news docs >"$T/project.xml")
(cd "$P" && "$TERMLINT" check --format jsonl news docs >"$T/project.jsonl")
xmllint --noout "$T/project.xml" || fail "not well-formed"
count() { xmllint --xpath "$1" "$2"; }
files=$(grep -c '"type":"file"' "$T/project.jsonl")
at_or_above=$(grep '"type":"finding"' "$T/project.jsonl" | grep -c '"severity":"\(warning\|error\)"')
[ "$(count 'count(//testsuite/testcase)' "$T/project.xml")" = "$files" ] || fail "not one testcase per file"
[ "$(count 'count(//testcase/failure)' "$T/project.xml")" = "$at_or_above" ] || fail "not one failure per finding at or above warning"
[ "$(count 'count(//testcase[failure])' "$T/project.xml")" = "$(count 'string(//testsuite/@failures)' "$T/project.xml")" ] || fail "failures count"
count 'string(//testcase[@name="news/uk/uryad.txt"]/system-out)' "$T/project.xml" | grep -q 'term.variant' || fail "info finding not in system-out"
# markup in the text, and bytes that are not UTF-8 (the file is then also an error)
printf 'Текст <b>&amp;</b> "ошибкка" \377\001 конец.\n' >"$T/odd.txt"
"$TERMLINT" check --no-config --lang ru --fail-on info --format junit "$T/odd.txt" >"$T/odd.xml" 2>/dev/null
xmllint --noout "$T/odd.xml" || fail "not well-formed with markup and bad bytes"
[ "$(count "count(//testcase/error)" "$T/odd.xml")" = 1 ] || fail "no error for the file with bad bytes"
[ "$(count 'string(//testsuite/@errors)' "$T/odd.xml")" = 1 ] || fail "errors count"
echo "junit: $files testcases, $at_or_above failures, well-formed"
