#!/bin/sh
# tests/slow.sh - the long cases of docs/robustness.md (make check-slow; .ci/run runs it
# when CI_SLOW=1): everything is generated here into a temporary folder (about 1.7 GB
# of disk at the peak) and removed. Ends with "N passed, N failed"; exit 1 on a failure.
#   - a 1 GB file: its peak memory close to a 1 MB file's (tests/memory.sh)
#   - a 100 MB line, and six 100 MB files at -j 2: peak memory bounded the same way
#   - a glossary of 1,000,000 terms (eight included files): loads; time and peak RSS
#   - 100,000 files in one folder: every one checked
set -u
BUILD=${BUILD:-build}
T=$BUILD/termlint
TERMLINT_DATADIR=$(pwd)/glossaries
export TERMLINT_DATADIR
if [ -z "${TERMLINT_CACHE_DIR:-}" ]; then
    TERMLINT_CACHE_DIR=$(mktemp -d)
    tabs=$TERMLINT_CACHE_DIR
fi
export TERMLINT_CACHE_DIR
dir=$(mktemp -d)
trap 'rm -rf "$dir"; if [ -n "${tabs:-}" ]; then rm -rf "$tabs"; fi' EXIT
pass=0
fail=0
ok() {
    pass=$((pass + 1))
    echo "ok: $*"
}
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}
peak() { sed -n 's/.*peak_rss_kb=\([0-9]*\).*/\1/p' "$1"; }
now() { date +%s; }

# 1. a 1 GB file
t0=$(now)
if BUILD=$BUILD sh tests/memory.sh 1024; then ok "1 GB file ($(($(now) - t0)) s)"; else bad "1 GB file"; fi

# 2. a 100 MB line (no line break), and the same text as six 100 MB files at -j 2
awk 'BEGIN {
    k = split("город работа вопрос решение задача история собрание вечер письмо дорога страна народ закон бюджет комитет", w, " ")
    x = 3; n = 0; prev = 0
    while (n < 100 * 1048576) {
        do { x = (x * 1103515245 + 12345) % 2147483648; i = 1 + x % k } while (i == prev)
        prev = i; printf "%s ", w[i]; n += length(w[i]) + 1
    }
}' >"$dir/line.txt"
printf 'короткий текст без ошибок\n' >"$dir/small.txt"
"$T" check --lang ru --stats "$dir/small.txt" >/dev/null 2>"$dir/s0"
"$T" check --lang ru --stats "$dir/small.txt" >/dev/null 2>"$dir/s0" # tables compiled
t0=$(now)
"$T" check --lang ru --stats "$dir/line.txt" >"$dir/out" 2>"$dir/s1"
rc=$?
small=$(peak "$dir/s0")
big=$(peak "$dir/s1")
findings=$(grep -c '^/' "$dir/out")
if [ "$rc" -le 1 ] && [ -n "$big" ] && [ "$big" -le $((small + 48 * 1024 + 2 * findings)) ]; then
    ok "100 MB line: exit $rc, $(sed -n 's/.*words=\([0-9]*\).*/\1/p' "$dir/s1") words, peak $big KiB against $small KiB, $findings findings ($(($(now) - t0)) s)"
else
    bad "100 MB line: exit $rc, peak $big KiB against $small KiB, $findings findings"
fi
for k in 1 2 3 4 5 6; do ln "$dir/line.txt" "$dir/six$k.txt"; done
t0=$(now)
"$T" check --lang ru --stats -j 2 "$dir"/six*.txt >"$dir/out" 2>"$dir/s2"
rc=$?
big=$(peak "$dir/s2")
findings=$(grep -c '^/' "$dir/out")
if [ "$rc" -le 1 ] && [ -n "$big" ] && [ "$big" -le $((small + 2 * 48 * 1024 + 2 * findings)) ]; then
    ok "six 100 MB files at -j 2: peak $big KiB, $findings findings ($(($(now) - t0)) s)"
else
    bad "six 100 MB files at -j 2: exit $rc, peak $big KiB, $findings findings"
fi
rm -f "$dir"/six*.txt "$dir/line.txt"

# 3. a glossary of 1,000,000 terms: 250,000 concepts of four terms, in eight files
mkdir "$dir/g"
for part in 0 1 2 3 4 5 6 7; do
    awk -v part=$part 'BEGIN {
        print "concepts:"
        for (i = part * 31250; i < (part + 1) * 31250; i++) {
            printf "  - id: c%d\n    vi: v%d\n    ru:\n      canonical: термин%dа\n", i, i, i
            printf "      variants: [вариант%dб]\n      forbidden: [запрет%dв]\n", i, i
            printf "    uk:\n      canonical: термін%dг\n", i
        }
    }' >"$dir/g/part$part.yaml"
done
printf 'include: [part0.yaml, part1.yaml, part2.yaml, part3.yaml, part4.yaml, part5.yaml, part6.yaml, part7.yaml]\n' >"$dir/g/top.yaml"
printf 'Здесь термин17а и запрет999999в, и запрет42в.\n' >"$dir/g/in.txt"
t0=$(now)
"$T" check --lang ru --stats --glossary "$dir/g/top.yaml" "$dir/g/in.txt" >"$dir/out" 2>"$dir/s3"
rc=$?
secs=$(($(now) - t0))
if [ "$rc" = 1 ] && grep -q "запрет42в" "$dir/out"; then
    ok "1,000,000-term glossary: loaded and used in $secs s, peak $(peak "$dir/s3") KiB"
else
    bad "1,000,000-term glossary: exit $rc"
    head -5 "$dir/out" "$dir/s3"
fi
rm -rf "$dir/g"

# 4. 100,000 files in one folder
mkdir "$dir/many"
(cd "$dir/many" && awk 'BEGIN { for (i = 0; i < 100000; i++) { f = sprintf("f%06d.txt", i); print "Текст номер " i ", без ошибок." >f; close(f) } }')
t0=$(now)
"$T" check --lang ru --stats -j 2 "$dir/many" >"$dir/out" 2>"$dir/s4"
rc=$?
if [ "$rc" = 0 ] && grep -q '^termlint: 100000 files checked: 0 errors' "$dir/out"; then
    ok "100,000 files: all checked in $(($(now) - t0)) s, peak $(peak "$dir/s4") KiB"
else
    bad "100,000 files: exit $rc, $(tail -n 1 "$dir/out")"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
