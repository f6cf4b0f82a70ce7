#!/usr/bin/env python3
"""alarm-rate.py - warnings and errors per 1,000 words on text that has no defects.

    scripts/alarm-rate.py [--termlint build/termlint] [--top N] FILE_OR_DIR... [-- OPTIONS]

Runs `termlint check --format json --glossary default` (plus OPTIONS) over the inputs and
prints, per rule, the warnings and errors found and their rate per 1,000 words, with the
most frequent flagged texts of each rule. On clean prose (documentation and interface
text, such as the bench corpus: `bench/make-corpus.sh`) every warning or error is a false
alarm, so this is how a new detection is measured before it is switched on: the rate
must not rise. `info` findings are listed apart (they do not fail a run by default).
"""
import argparse
import collections
import json
import signal
import subprocess
import sys


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--termlint", default="build/termlint")
    ap.add_argument("--top", type=int, default=5, help="examples shown per rule")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args(argv)
    cmd = [args.termlint, "check", "--format", "json", "--glossary", "default",
           "--fail-on", "never"] + extra + args.paths
    out = subprocess.run(cmd, stdout=subprocess.PIPE, check=False).stdout
    data = json.loads(out)
    words = sum(f.get("words", 0) for f in data["files"])
    by_rule = collections.Counter()
    infos = collections.Counter()
    texts = collections.defaultdict(collections.Counter)
    for f in data["files"]:
        for d in f["diagnostics"]:
            if d["severity"] in ("warning", "error"):
                by_rule[d["rule"]] += 1
                texts[d["rule"]][d.get("text", "")] += 1
            elif d["severity"] == "info":
                infos[d["rule"]] += 1
    total = sum(by_rule.values())
    per = 1000.0 / words if words else 0.0
    print(f"files {len(data['files'])}, words {words}, warnings+errors {total} "
          f"({total * per:.2f} per 1,000 words)")
    for rule, n in by_rule.most_common():
        ex = ", ".join(f"«{t}»×{c}" for t, c in texts[rule].most_common(args.top))
        print(f"  {rule:32} {n:6}  {n * per:6.2f}  {ex}")
    if infos:
        print("infos: " + ", ".join(f"{r} {n}" for r, n in infos.most_common()))


if __name__ == "__main__":
    main()
