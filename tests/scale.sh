#!/bin/sh
# tests/scale.sh - the work of a check grows with the text, not with its square. A text
# of 200,000 sentences that name one body with three alternating head words
# («Центральный комитет / комиссия / отдел ... заседание N») gives the alternation rule
# 200,000 uses to group; comparing every pair took 79 s on the 2-core test machine, the
# buckets of check_alternation.c take 2 s. The check must end within a bound fifteen
# times that (a hang guard, not a speed measurement: make bench measures speed) and report
# exactly the uses whose head is not the one most used with their number.
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
timeout 40 "$BUILD/termlint" check --lang ru --format jsonl "$dir/t.txt" >"$dir/out"
rc=$?
got=$(grep -c '"rule":"term.inconsistent"' "$dir/out")
want=$(cat "$dir/want")
echo "scale: 200,000 alternating head words: exit $rc, $got term.inconsistent findings (expected $want)"
[ "$rc" = 1 ] && [ "$got" = "$want" ]
