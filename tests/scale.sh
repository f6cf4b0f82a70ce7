#!/bin/sh
# tests/scale.sh - the work of a check grows with the text, not with its square.
#
# 1. A text of 200,000 sentences that name one body with three alternating head words
# («Центральный комитет / комиссия / отдел ... заседание N») gives the alternation rule
# 200,000 uses to group; comparing every pair took 79 s on the 2-core test machine, the
# buckets of check_alternation.c take 2 s. The check must end within 30 s, far above
# that and below the quadratic time (a hang guard, not a speed measurement: make bench
# measures speed), and report exactly the uses whose head is not the one most used with
# their number.
set -u
BUILD=${BUILD:-build}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
awk 'BEGIN {
    split("комитет комиссия отдел", h, " ")
    x = 12345
    for (s = 0; s < 200000; s++) {
        x = (x * 1103515245 + 12345) % 2147483648
        k = 1 + int(x / 65536) % 3; n = s % 50
        print "Центральный " h[k] " провёл заседание " n "."
        c[n, k]++
    }
    for (n = 0; n < 50; n++) {
        m = 0
        for (k = 1; k <= 3; k++) if (c[n, k] > m) m = c[n, k]
        want += c[n, 1] + c[n, 2] + c[n, 3] - m
    }
    print want > "/dev/stderr"
}' >"$dir/t.txt" 2>"$dir/want"
timeout 30 "$BUILD/termlint" check --lang ru --format jsonl "$dir/t.txt" >"$dir/out"
rc=$?
got=$(grep -c '"rule":"term.inconsistent"' "$dir/out")
want=$(cat "$dir/want")
echo "scale: 200,000 alternating head words: exit $rc, $got term.inconsistent findings (expected $want)"
[ "$rc" = 1 ] && [ "$got" = "$want" ] || exit 1

# 2. 150,000 uses of one glossary name in one text (15 MB: one section), a third of
# them with another capital: consistency.c counted the uses of each rendering and
# capitalisation by comparing every pair (200,000 shorter uses took 21 s, this text 38 s);
# it tallies the distinct ones now (2 s). Every minority use is reported.
awk -v N=150000 'BEGIN {
    split("депутаты решение доклад заседание комиссия бюджет вопрос работа", a, " ")
    split("обсудили утвердили рассмотрели приняли отметили поддержали", v, " ")
    split("закон план проект отчёт порядок график", o, " ")
    x = 777; lower = 0; upper = 0
    for (s = 0; s < N; s++) {
        x = (x * 1103515245 + 12345) % 2147483648; i = 1 + int(x / 65536) % 8
        x = (x * 1103515245 + 12345) % 2147483648; j = 1 + int(x / 65536) % 6
        x = (x * 1103515245 + 12345) % 2147483648; k = 1 + int(x / 65536) % 6
        x = (x * 1103515245 + 12345) % 2147483648; up = int(x / 65536) % 3 == 0
        if (up) upper++; else lower++
        printf "Вчера %s Национального %s %s %s %d.\n", a[i], up ? "Собрания" : "собрания", v[j], o[k], s
    }
    print (upper < lower ? upper : lower) > "/dev/stderr"
}' >"$dir/c.txt" 2>"$dir/want"
timeout 30 "$BUILD/termlint" check --lang ru --glossary default --format jsonl "$dir/c.txt" >"$dir/out"
rc=$?
got=$(grep -c '"rule":"term.inconsistent"' "$dir/out")
want=$(cat "$dir/want")
echo "scale: 150,000 uses of one name, two capitalisations: exit $rc, $got term.inconsistent findings (expected $want)"
[ "$rc" = 1 ] && [ "$got" = "$want" ]
