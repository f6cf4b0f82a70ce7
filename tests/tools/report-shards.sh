#!/bin/sh
# The terminology report of a corpus checked in one run (term candidates included)
# equals the report merged from
# the jsonl of the corpus checked as 1, 2 and 7 shards (given in reverse order), in
# markdown and JSON, and the report does not depend on -j (docs/scale.md).
# The corpus is written here: 14 short texts, 7 ru and 7 uk, each line holding a word
# no other text has, so that no line recurs across the run (recurring lines are
# judged per run: docs/scale.md says why a split changes them).
. tests/tools/common.sh
G="$ROOT/tests/fixtures/report/glossary.yaml"
mkdir -p "$T/corpus" "$T/out"
set -- Петров:Томск Иванов:Омск Сидоров:Курск Кузнецов:Псков Смирнов:Тверь \
    Волков:Вологда Лебедев:Казань
i=0
for p in "$@"; do
    s=${p%%:*} c=${p#*:}
    i=$((i + 1))
    cat >"$T/corpus/ru-$i.txt" <<TXT
Министр финансов $s посетил город $c в понедельник.
Глава Минфина $s обсудил налоги, а город $c ждёт решений.
Представители Агентства воды приехали в город $c вместе с $s.
Городской совет, по словам $s, поддержал город $c.
Делегация ASEAN и Нгуен Ван Тхань приехали в город $c к $s.
TXT
done
set -- Петренко:Львів Коваленко:Київ Шевченко:Умань Бондаренко:Ніжин \
    Ткаченко:Луцьк Кравченко:Рівне Олійник:Суми
i=0
for p in "$@"; do
    s=${p%%:*} c=${p#*:}
    i=$((i + 1))
    cat >"$T/corpus/uk-$i.txt" <<TXT
Міністр фінансів $s відвідав місто $c у понеділок.
Очільник Мінфіну $s обговорив податки, а місто $c чекає рішень.
Агентство води та $s прибули до міста $c.
Міська рада, за словами $s, підтримала місто $c.
Делегація ASEAN і Нгуєн Ван Тхань приїхали до міста $c до $s.
TXT
done
cd "$T/corpus" || fail "no corpus"
files=$(ls)
for fmt in md json csv html; do
    "$TERMLINT" report --format $fmt -j 2 --glossary "$G" $files >"$T/out/whole.$fmt" ||
        fail "report --format $fmt exited $?"
    "$TERMLINT" report --format $fmt -j 1 --glossary "$G" $files >"$T/out/j1.$fmt" ||
        fail "report -j 1 exited $?"
    cmp -s "$T/out/whole.$fmt" "$T/out/j1.$fmt" || fail "$fmt report: -j 1 and -j 2 differ"
done
grep -q '^| files | 14 |$' "$T/out/whole.md" || fail "the report does not count 14 files"
grep -q '^| 1 | ASEAN | ' "$T/out/whole.md" || fail "the report's first term candidate is not ASEAN"
for n in 1 2 7; do
    rm -f "$T"/out/shard-*.jsonl
    k=0
    for f in $files; do
        echo "$f" >>"$T/out/list-$((k % n))"
        k=$((k + 1))
    done
    for s in $(seq 0 $((n - 1))); do
        "$TERMLINT" check --format jsonl --glossary "$G" $(cat "$T/out/list-$s") \
            >"$T/out/shard-$s.jsonl"
        [ $? -le 1 ] || fail "check of shard $s of $n failed"
        rm -f "$T/out/list-$s"
    done
    shards=$(ls "$T"/out/shard-*.jsonl | sort -r)
    for fmt in md json; do
        "$TERMLINT" report --from-jsonl --format $fmt --glossary "$G" $shards \
            >"$T/out/merged-$n.$fmt" || fail "report --from-jsonl of $n shards exited $?"
        if ! cmp -s "$T/out/whole.$fmt" "$T/out/merged-$n.$fmt"; then
            diff -u "$T/out/whole.$fmt" "$T/out/merged-$n.$fmt" | head -20
            fail "$fmt report of $n shards differs from the report of one run"
        fi
    done
done
[ -n "${KEEP:-}" ] && cp "$T/out/whole.md" "$KEEP"
echo "report of 14 files: one run = 1, 2 and 7 shards merged (md, json, csv, html); -j 1 = -j 2"
