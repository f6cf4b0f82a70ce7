#!/bin/sh
# tests/memory.sh MB - memory does not grow with the bytes of a text (docs/robustness.md):
# a text of MB megabytes (at least 16: the CLI maps such a file and drops its pages
# behind the check), generated here (nothing large is committed), is checked with
# --stats, and its peak RSS may exceed that of a 1 MB text of the same kind by at most
# 16 MiB (one section's document: core/sections.c) plus 2 KiB a finding, whatever MB is,
# written as JSON Lines (whose usage record reads the whole text for term candidates) and
# as an HTML review page (which writes it whole).
# Held in memory, the text itself would add MB megabytes: the 64 MB text took 117 MiB
# when it was, 53 MiB once mapped, and 38 MiB checked in sections. The text reads like prose
# (sentences of common Russian words in random order, a line each, a misspelling every
# 200th sentence), so the checks do their usual work; its words are few, so the word
# cache stays small.
#   make check        tests/memory.sh 32
#   make check-slow   tests/memory.sh 1024 (a 1 GB file: about 1 GB of disk for a while)
set -u
BUILD=${BUILD:-build}
mb=${1:-64}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

words='большой важный вечер вокруг вопрос встреча вчера газета главный год гора город
граница дважды день деревня деньги для дождь дом дорога её журнал завтра задача закон
закончили закрыли здание здесь история картина книга комитет комната лес машина месяц
между море музыка написали народ начали неделя небо новость новый ночь область обсудили
общий около окно открыли отправили очень перед песня письмо площадь погода подготовили
поездка получили поле полный после построили природа приняли проверили простой
прочитали работа рассмотрели река решение решили сад сегодня семья сказали сложный снег
снова собрание событие солнце старый столица страна театр также улица увидели учитель
утро хороший часто через школа ещё'

# MB megabytes of sentences: a deterministic generator, so every run checks the same text
gen() {
    awk -v mb="$1" -v words="$words" 'BEGIN {
        n = split(words, w, /[ \n]+/)
        x = 12345; size = 0; s = 0; target = mb * 1048576
        while (size < target) {
            x = (x * 1103515245 + 12345) % 2147483648
            len = 6 + x % 9; prev = 0; line = ""
            for (i = 0; i < len; i++) {
                do { x = (x * 1103515245 + 12345) % 2147483648; k = 1 + x % n } while (k == prev)
                prev = k
                word = (i == 0) ? toupper(substr(w[k], 1, 1)) substr(w[k], 2) : w[k]
                line = line (i ? " " : "") word
            }
            s++
            if (s % 200 == 0) line = line " ошибкка"
            line = line "."
            if (s % 5 == 0) line = line "\n"
            print line
            size += length(line) + 1
        }
    }'
}

peak() { # peak RSS in KiB of checking file $1; findings in $2
    "$BUILD/termlint" check --lang ru --stats -j 1 --format jsonl "$1" >"$dir/out" 2>"$dir/stats"
    grep -c 'unknown word' "$dir/out" >"$2"
    sed -n 's/.*peak_rss_kb=\([0-9]*\).*/\1/p' "$dir/stats"
}

case "$BUILD" in *-san | *-tsan)
    echo "memory: skipped in $BUILD (the sanitizers keep freed memory; measured in the plain build)"
    exit 0
    ;;
esac
gen 1 >"$dir/small.txt"
gen "$mb" >"$dir/big.txt"
peak "$dir/small.txt" "$dir/nsmall" >/dev/null # the word-form tables compiled, if need be
small=$(peak "$dir/small.txt" "$dir/nsmall")
big=$(peak "$dir/big.txt" "$dir/nbig")
findings=$(cat "$dir/nbig")
size=$(wc -c <"$dir/big.txt")
lines=$(wc -l <"$dir/big.txt")
limit=$((small + 16 * 1024 + 2 * findings))
echo "memory: $size bytes, $lines lines, $findings findings: peak RSS $big KiB (1 MB text: $small KiB; limit $limit KiB)"
[ -n "$big" ] && [ -n "$small" ] && [ "$big" -le "$limit" ] || exit 1

# the HTML review page writes the whole text: its pages are dropped behind it too
"$BUILD/termlint" check --lang ru --stats -j 1 --format html "$dir/big.txt" >/dev/null 2>"$dir/stats"
html=$(sed -n 's/.*peak_rss_kb=\([0-9]*\).*/\1/p' "$dir/stats")
echo "memory: the same as an HTML review page: peak RSS $html KiB (limit $limit KiB)"
[ -n "$html" ] && [ "$html" -le "$limit" ] || exit 1

# the same text through a pipe: what passes 16 MiB goes to a temporary file, mapped as a
# file is, so memory is bounded the same way (plus the 16 MiB it read first) and the
# findings are the file's
cat "$dir/big.txt" | "$BUILD/termlint" check --lang ru --stats -j 1 --format jsonl - >"$dir/out2" 2>"$dir/stats"
piped=$(sed -n 's/.*peak_rss_kb=\([0-9]*\).*/\1/p' "$dir/stats")
sed 's/"path":"[^"]*"//' "$dir/out" >"$dir/a"
sed 's/"path":"[^"]*"//' "$dir/out2" >"$dir/b"
echo "memory: the same through a pipe: peak RSS $piped KiB (limit $((limit + 16 * 1024)) KiB)"
[ -n "$piped" ] && [ "$piped" -le $((limit + 16 * 1024)) ] && cmp -s "$dir/a" "$dir/b" || exit 1

# termlint fix on the mapped text (16 MiB or more): it freed the mapping as if it had
# been read (a crash), and --dry-run printed the whole text as one change when edits
# were far apart; now the edits are written and the diff shows only the changed lines
cp "$dir/big.txt" "$dir/fix.txt"
printf 'Делегаты Всекитайского съезда партии Вьетнама обсудили план.\n' >>"$dir/fix.txt"
TERMLINT_DATADIR=glossaries "$BUILD/termlint" fix --dry-run --glossary default --lang ru \
    "$dir/fix.txt" >"$dir/diff" 2>"$dir/err"
drc=$?
TERMLINT_DATADIR=glossaries "$BUILD/termlint" fix --glossary default --lang ru "$dir/fix.txt" \
    >"$dir/log" 2>"$dir/err"
frc=$?
fixed=$(grep -c ' -> ' "$dir/log")
dlines=$(wc -l <"$dir/diff")
echo "memory: fix on the big text: exit $frc, $fixed fixes, a diff of $dlines lines (--dry-run exit $drc)"
[ "$frc" = 0 ] && [ "$drc" = 0 ] && [ "$fixed" -ge 1 ] && [ "$dlines" -le $((fixed * 12 + 10)) ] &&
    tail -n 1 "$dir/fix.txt" | grep -q 'Всевьетнамского съезда' || exit 1

# with no temporary folder to write to, that is said, with exit code 2
cat "$dir/big.txt" | TMPDIR=/nonexistent/termlint "$BUILD/termlint" check --lang ru -j 1 - >/dev/null 2>"$dir/err"
rc=$?
echo "memory: a pipe with no temporary folder: exit $rc, $(grep -c 'temporary file' "$dir/err") message"
[ "$rc" = 2 ] && grep -q "cannot read '-': a pipe's text beyond 16 MiB goes to a temporary file" "$dir/err"
