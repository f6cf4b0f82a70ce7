#!/usr/bin/env python3
"""Scores termlint against an expected.tsv (file, line, text, category, expected, note).

A row counts as found when a diagnostic is on the row's line and its `text` overlaps
the row's text (the rule of issue #3/#4). Prints rows found per category, the missed
rows, and the diagnostics (warning/error) that match no row, with a rate per 1,000 words.

usage: scripts/score-samples.py [--termlint build/termlint] [--min CATEGORY=PCT]... SAMPLES_DIR
Exit 1 when a --min threshold is not met.
"""
import argparse, collections, csv, json, os, subprocess, sys

def overlaps(line_text, diag_text, row_text):
    # both texts are on the same line: find all occurrences and test overlap
    spans = []
    start = 0
    while row_text and (i := line_text.find(row_text, start)) >= 0:
        spans.append((i, i + len(row_text)))
        start = i + 1
    return spans

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--termlint", default="build/termlint")
    ap.add_argument("--min", action="append", default=[])
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("samples")
    a = ap.parse_args()
    rows = list(csv.DictReader(open(os.path.join(a.samples, "expected.tsv"), encoding="utf-8"), delimiter="\t"))
    files = sorted({r["file"] for r in rows} | {f for f in os.listdir(a.samples) if f.endswith(".txt")})
    out = subprocess.run([a.termlint, "check", "--glossary", "default", "--format", "json", "--suggest", "none"]
                         + [os.path.join(a.samples, f) for f in files], capture_output=True, text=True)
    doc = json.loads(out.stdout)
    diags = {}
    words = 0
    for f in doc["files"]:
        diags[os.path.basename(f["path"])] = f["diagnostics"]
        words += f.get("words", 0)
    lines = {f: open(os.path.join(a.samples, f), encoding="utf-8", errors="replace").read().splitlines() for f in files}
    found = collections.Counter(); total = collections.Counter(); used = set(); missed = []
    for r in rows:
        cat = r["category"]; total[cat] += 1
        ln = int(r["line"]); text = r["text"]
        line = lines[r["file"]][ln - 1] if ln - 1 < len(lines[r["file"]]) else ""
        row_spans = overlaps(line, None, text)
        hit = False
        for k, d in enumerate(diags.get(r["file"], [])):
            if d["line"] != ln:
                continue
            ds, de = d["column"] - 1, (d["end_column"] - 1 if d["end_line"] == ln else len(line))
            if any(ds < e and s < de for s, e in row_spans) or (not row_spans and text in d["text"]):
                hit = True
                used.add((r["file"], k))
        if hit:
            found[cat] += 1
        else:
            missed.append(r)
    print("category              found/rows")
    for cat in sorted(total):
        print(f"  {cat:20s} {found[cat]:3d}/{total[cat]:<3d}")
    tf = sum(found.values()); tt = sum(total.values())
    no = sum(found[c] for c in total if c != "other"); nt = sum(total[c] for c in total if c != "other")
    print(f"  {'ALL':20s} {tf:3d}/{tt}   outside 'other': {no}/{nt} = {100.0*no/max(nt,1):.0f}%")
    if not a.quiet:
        print("\nmissed rows:")
        for r in missed:
            print(f"  {r['file']}:{r['line']} [{r['category']}] {r['text']}")
    extra = [(f, k, d) for f, ds in diags.items() for k, d in enumerate(ds)
             if (f, k) not in used and d["severity"] in ("warning", "error")]
    extra_nt = [x for x in extra if not x[2]["rule"].startswith("typography")]
    print(f"\nunmatched warnings/errors: {len(extra)} ({len(extra_nt)} outside typography) in {words} words"
          f" = {1000.0*len(extra_nt)/max(words,1):.1f} per 1,000 words")
    if not a.quiet:
        for f, k, d in extra:
            print(f"  {f}:{d['line']}:{d['column']} {d['severity']} [{d['rule']}] {d['text']}")
    rc = 0
    for m in a.min:
        cat, pct = m.split("=")
        got = 100.0 * (no if cat == "non-other" else found[cat]) / max(nt if cat == "non-other" else total[cat], 1)
        if got < float(pct):
            print(f"FAIL: {cat} {got:.0f}% < {pct}%"); rc = 1
    return rc

if __name__ == "__main__":
    sys.exit(main())
