#!/bin/sh
# The HTML review page (check --format html) in a real browser, headless Chromium:
#  - our own script runs (the CSP's hash of it is right): the root gets data-ready;
#  - highlights exist, and the tooltip of a finding (?show=fN) names its rule, severity,
#    message and suggestion;
#  - text holding <script>, "><img src=x onerror=...>, </textarea>, in the input, in a
#    file name and in a glossary message, shows literally and runs nothing;
#  - a 1 MB text: every filter switches off and on again, each within a second or so
#    (the page measures itself: data-load-ms, data-filter-ms).
#  - the terminology report as HTML (report --format html): its script runs under its
#    CSP, it has its three charts, and the same hostile text shows literally.
# Screenshots go to $BUILD/test-output/html-review/. Skipped without chromium.
. tests/tools/common.sh
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || skip "chromium is not installed (Debian package chromium)"
OUT="$ROOT/$BUILD/test-output/html-review"
mkdir -p "$OUT"
browse() { # URL, then chromium's own arguments: the DOM after the scripts ran, on stdout
    url=$1
    shift
    timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run \
        --user-data-dir="$T/profile" "$@" "$url" 2>>"$T/chromium.log"
}
cd "$T" || fail "no temporary folder"
cat >g.yaml <<'YAML'
name: a glossary whose message holds markup
concepts:
  - id: plan
    ru:
      canonical: план
      forbidden:
        - term: проект-схема
          message: "see <script>document.title='PWNED-MSG'</script> and \"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','msg')\">"
YAML
name='x <i>&amp;.txt'
cat >"$name" <<'TXT'
Новый проект-схема <script>document.title='PWNED'</script> обсуждался весь день.
Текст "><img src=x onerror="document.documentElement.setAttribute('data-pwned','1')"> и ошибкка рядом.
Конец </textarea><b>жирный</b> & «кавычки» 'одинарные' </pre></main><script>alert(1)</script>
TXT
"$TERMLINT" check --format html --lang ru --glossary g.yaml "$name" >page.html
[ $? -eq 1 ] || fail "check --format html did not exit 1 (findings)"
grep -q '<meta http-equiv="Content-Security-Policy" content="default-src '"'"'none'"'"';' page.html ||
    fail "no Content-Security-Policy forbidding loads"
browse "file://$T/page.html?show=f1" --dump-dom >dom.html || fail "chromium failed: $(tail -3 "$T/chromium.log")"
grep -q '<html lang="ru" data-load-ms="[0-9]*" data-ready="1"' dom.html ||
    fail "the page's script did not run (CSP hash?)"
grep -q ' data-pwned="' dom.html && fail "an injected script ran"
grep -q '<title>termlint review</title>' dom.html || fail "the title was changed by an injected script"
n=$(grep -o '<mark id="f[0-9]*"' dom.html | wc -l)
[ "$n" -ge 2 ] || fail "expected at least 2 highlights, found $n"
grep -c '<img' dom.html | grep -qx 0 || fail "an <img> element was injected"
grep -q '<b>жирный' dom.html && fail "a <b> element was injected"
grep -q '&lt;/<mark[^>]*>textarea</mark>&gt;' dom.html || fail "</textarea> does not show literally"
for lit in '&lt;script&gt;document.title=' '"&gt;&lt;img src=x onerror="document' \
    '&gt;&lt;b&gt;жирный&lt;/b&gt; &amp; «кавычки»' '&lt;/pre&gt;&lt;/main&gt;&lt;script&gt;alert(1)' \
    'x &lt;i&gt;&amp;amp;.txt'; do
    grep -qF -- "$lit" dom.html || fail "the text does not show literally: $lit"
done
tip=$(sed -n 's/.*<div id="tip" role="tooltip" style="display: block;[^"]*">\(.*\)<\/div>.*/\1/p' dom.html)
[ -n "$tip" ] || fail "no tooltip shown for ?show=f1"
for want in '<b>term.forbidden</b>' '<span class="sev"> error</span>' \
    '«проект-схема» is a wrong rendering; write «план»' \
    'see &lt;script&gt;document.title=' 'suggestion: план'; do
    echo "$tip" | grep -qF -- "$want" || fail "the tooltip lacks '$want': $tip"
done
browse "file://$T/page.html?show=f1" --hide-scrollbars --window-size=1280,720 \
    --screenshot="$OUT/review.png" >/dev/null
[ -s "$OUT/review.png" ] || fail "no screenshot"
# the terminology report as HTML (report --format html) of the same hostile text: its
# script runs, its three charts exist, the examples show the markup literally
"$TERMLINT" report --format html --lang ru --glossary g.yaml "$name" >report.html ||
    fail "report --format html exited $?"
browse "file://$T/report.html" --dump-dom >rdom.html || fail "chromium failed on the report"
grep -q 'data-ready="1"' rdom.html || fail "the report's script did not run (CSP hash?)"
[ "$(grep -o '<svg ' rdom.html | wc -l)" -eq 3 ] || fail "the report has not 3 charts"
grep -q ' data-pwned="' rdom.html && fail "an injected script ran in the report"
grep -c '<img' rdom.html | grep -qx 0 || fail "an <img> element was injected into the report"
grep -qF '&lt;script&gt;document.title=' rdom.html || fail "the report's example is not literal"
"$TERMLINT" report --format html --glossary "$ROOT/tests/fixtures/report/glossary.yaml" \
    "$ROOT/tests/fixtures/report/corpus" >corpus-report.html || fail "report --format html exited $?"
browse "file://$T/corpus-report.html" --hide-scrollbars --window-size=1280,1600 \
    --screenshot="$OUT/report.png" >/dev/null
[ -s "$OUT/report.png" ] || fail "no screenshot of the report"
# a 1 MB text: 8,000 lines, each with a forbidden term and a misspelt word
awk 'BEGIN { for (i = 0; i < 8000; i++)
    printf "Строка %d: новый проект-схема и ошибкка в длинном предложении о работе комиссии.\n", i }' >big.txt
"$TERMLINT" check --format html --lang ru --glossary g.yaml big.txt >big.html
[ $? -eq 1 ] || fail "check of the 1 MB text did not exit 1"
browse "file://$T/big.html?selftest" --dump-dom >bigdom.html || fail "chromium failed on the 1 MB page"
load=$(sed -n 's/.*data-load-ms="\([0-9]*\)".*/\1/p' bigdom.html | head -1)
filt=$(sed -n 's/.*data-filter-ms="\([0-9]*\)".*/\1/p' bigdom.html | head -1)
[ -n "$load" ] && [ -n "$filt" ] || fail "the 1 MB page did not time itself"
marks=$(grep -o '<mark id=' bigdom.html | wc -l)
# the times are printed, not judged: speed is measured by `make bench`, not by tests
[ "$marks" -gt 0 ] || fail "the 1 MB page has no highlights"
browse "file://$T/big.html" --hide-scrollbars --window-size=1280,720 \
    --screenshot="$OUT/big.png" >/dev/null
echo "html review in chromium: escaping, tooltip, CSP; 1 MB page ($(wc -c <big.txt) bytes," \
    "$marks highlights): loaded in $load ms, filters in $filt ms"
