#!/bin/sh
# --format github: each workflow command, unescaped as GitHub's runner does it
# (actions/runner ActionCommand: %25 %0D %0A, and in properties also %3A %2C), gives back
# exactly the file, position, rule and message the JSON Lines report has.
. tests/tools/common.sh
"$PY" -c 'import json' 2>/dev/null || skip "python3 is not installed"
G=tests/golden/github-escaping
(cd "$G" && "$TERMLINT" check --no-config --lang uk --glossary g.yaml --format github . >"$T/gh.txt")
(cd "$G" && "$TERMLINT" check --no-config --lang uk --glossary g.yaml --format jsonl . >"$T/all.jsonl")
"$PY" - "$T/gh.txt" "$T/all.jsonl" <<'PYEOF' || fail "a command does not round-trip"
import json, re, sys

def unescape(s, prop):
    # the runner's order: %0D, %0A, then (properties) %3A %2C, %25 last
    s = s.replace("%0D", "\r").replace("%0A", "\n")
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%25", "%")

cmds = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.startswith("::")]
found = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if '"finding"' in l]
assert len(cmds) == len(found), (len(cmds), len(found))
for line, f in zip(cmds, found):
    m = re.match(r"::(error|warning|notice) ([^:]*)::(.*)$", line)
    assert m, line
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    props = {k: unescape(v, True) for k, v in props.items()}
    message = unescape(m.group(3), False)
    assert props["file"] == f["path"].removeprefix("./"), props["file"]
    assert int(props["line"]) == f["line"] and int(props["endLine"]) == f["end_line"]
    assert int(props["col"]) == f["column"] and int(props["endColumn"]) == f["end_column"]
    assert props["title"] == f["rule"]
    assert message.split("\nsuggestion: ")[0] == f["message"], (message, f["message"])
    level = {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
    assert m.group(1) == level
print(f"{len(cmds)} commands round-trip")
PYEOF
grep -q '%3A' "$T/gh.txt" && grep -q '%2C' "$T/gh.txt" && grep -q '%25' "$T/gh.txt" && grep -q '%0A' "$T/gh.txt" || fail "the case does not exercise every escape"
