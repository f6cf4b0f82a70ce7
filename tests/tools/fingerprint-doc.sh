#!/bin/sh
# The fingerprint is what docs/baseline.md says: a second implementation, written from
# the documentation in Python, gives the fingerprint of every finding of the small
# project's JSON Lines report.
. tests/tools/common.sh
"$PY" -c 'import json' 2>/dev/null || skip "python3 is not installed"
P=tests/fixtures/ci-project
(cd "$P" && "$TERMLINT" check --format jsonl news docs >"$T/all.jsonl")
"$PY" - "$P" "$T/all.jsonl" <<'PYEOF' || fail "a fingerprint differs from docs/baseline.md"
import json, os, sys

def fnv(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) % (1 << 64)
    return h

def flat(b):
    out, space = bytearray(), False
    for c in b:
        if c in b" \t\r\n":
            space = True
            continue
        if space and out:
            out += b" "
        space = False
        out.append(c)
    return bytes(out)

def before(t, off):
    floor, i = max(0, off - 256), off
    for _ in range(3):
        while i > floor and t[i - 1] in b" \t":
            i -= 1
        if i == floor or t[i - 1] in b"\r\n":
            break
        while i > floor and t[i - 1] not in b" \t\r\n":
            i -= 1
    return flat(t[i:off])

def after(t, end):
    ceil, i = min(len(t), end + 256), end
    for _ in range(3):
        while i < ceil and t[i] in b" \t":
            i += 1
        if i == ceil or t[i] in b"\r\n":
            break
        while i < ceil and t[i] not in b" \t\r\n":
            i += 1
    return flat(t[end:i])

root, n = sys.argv[1], 0
for line in open(sys.argv[2], encoding="utf-8"):
    f = json.loads(line)
    if f["type"] != "finding":
        continue
    t = open(os.path.join(root, f["path"]), "rb").read()
    off, end = f["byte_offset"], f["byte_offset"] + f["byte_length"]
    data = (b"termlint-fp1\0" + f["rule"].encode() + b"\0" + flat(t[off:end]) + b"\0"
            + before(t, off) + b"\0" + after(t, end))
    want = "%016x" % fnv(data)
    assert f["fingerprint"] == want, (f["path"], f["line"], f["fingerprint"], want)
    n += 1
assert n > 5
print(f"{n} fingerprints as documented")
PYEOF
