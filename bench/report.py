#!/usr/bin/env python3
"""Turn the raw figures of bench/run.sh into the Markdown tables of bench/README.md.

Usage: report.py RAW.tsv META.txt > results.md

RAW.tsv: label, run, seconds, max_rss_kb (one line a run); META.txt: key=value lines.
Every ratio is computed from medians of runs taken in the same bench run.
"""
import re
import statistics
import sys


def load(raw_path, meta_path):
    runs = {}
    with open(raw_path, encoding="utf-8") as f:
        next(f, None)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                continue
            label, _, secs, rss = parts
            runs.setdefault(label, []).append((float(secs), int(rss) if rss.isdigit() else 0))
    meta = {}
    with open(meta_path, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                meta[k] = v
    return runs, meta


class Bench:
    def __init__(self, runs, meta):
        self.runs, self.meta = runs, meta

    def has(self, label):
        return bool(self.runs.get(label))

    def times(self, label):
        return [t for t, _ in self.runs.get(label, [])]

    def median(self, label):
        t = self.times(label)
        return statistics.median(t) if t else None

    def rss_mib(self, label):
        r = [m for _, m in self.runs.get(label, [])]
        return max(r) / 1024 if r else None

    def num(self, key):
        v = self.meta.get(key, "")
        try:
            return float(v.split()[0])
        except (ValueError, IndexError):
            return None

    def stats(self, key):
        """Parse 'stats: words=N cache_lookups=N cache_hits=N'."""
        return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", self.meta.get(key, ""))}


def fmt_s(x, digits=3):
    return "n/a" if x is None else f"{x:.{digits}f}"


def fmt(x, spec):
    return "n/a" if x is None else format(x, spec)


def div(a, b):
    return None if a is None or b is None or b == 0 else a / b


def verdict(ok):
    if ok == "info":
        return "(info)"
    return "n/a" if ok is None else ("**yes**" if ok else "**NO**")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    b = Bench(*load(sys.argv[1], sys.argv[2]))
    m = b.meta
    size = m.get("size", "10mb")
    quick = m.get("quick") == "1"
    out = []
    w = out.append

    w(f"### termlint benchmark, {m.get('date', '?')}" + (" (BENCH_QUICK smoke run: 1 MB files, 1 run)" if quick else ""))
    w("")
    w(f"Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('memory', '?')}; "
      f"{m.get('os', '?')}, kernel {m.get('kernel', '?')}. Hunspell {m.get('hunspell', '?')} "
      f"(dictionaries ru {m.get('dict_ru', '?')}, uk {m.get('dict_uk', '?')}), ICU {m.get('icu', '?')}, "
      f"termlint at commit {m.get('commit', '?')}.")
    w(f"Corpus: distinct text ru {b.num('distinct_ru') and m['distinct_ru'].split('(')[-1].rstrip(')') or '?'}, "
      f"uk {b.num('distinct_uk') and m['distinct_uk'].split('(')[-1].rstrip(')') or '?'}; "
      "ru-50mb repeats it (memory and linearity only). "
      f"Runs per figure: {m.get('runs', '?')} (hunspell -l: {m.get('hunspell_runs', '?')}); "
      "times are wall-clock seconds, min / median / max; ratios use medians of this run.")
    busy = b.num("load_start")
    if busy is not None and busy > 0.7:
        w("")
        w(f"**The machine was busy before the bench started** (load average {m.get('load_start')}; "
          f"{m.get('load_end', '?')} at the end, the bench's own single thread counting for about 1): "
          "absolute times are too slow and ratios noisy. Run it on an idle machine.")
    if m.get("have_termlint") != "1":
        w("")
        w(f"**termlint was not found ({m.get('termlint', '?')}): only the references were measured.**")
    if m.get("failed"):
        w("")
        w(f"**Failed measurements: {m['failed']}** (see the bench output).")
    w("")

    # --- throughput ---
    w(f"#### Throughput, one thread, {size} files")
    w("")
    w("| file | program | runs | min s | median s | max s | MB/s | words/s | peak RSS MiB | time ÷ floor |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    progs = [("termlint", "termlint check -j 1 --format json"), ("hunspell", "hunspell -l"),
             ("floor", "ICU word breaks (floor)")]
    for lang in ("ru", "uk"):
        fname = f"{lang}-{size}"
        nbytes = b.num(f"bytes_{fname}")
        words = b.num(f"words_{fname}")
        floor = b.median(f"floor-{fname}")
        for key, name in progs:
            label = f"{key}-{fname}"
            t = b.times(label)
            med = b.median(label)
            w(f"| {fname} | {name} | {len(t)} | {fmt_s(min(t) if t else None)} | {fmt_s(med)} | "
              f"{fmt_s(max(t) if t else None)} | {fmt(div(nbytes / 1e6 if nbytes else None, med), '.1f')} | "
              f"{fmt(div(words, med), ',.0f')} | {fmt(b.rss_mib(label), '.1f')} | {fmt(div(med, floor), '.2f')} |")
    w("")
    w("words: ICU word segments of the file (what the floor counts), the same count for every program.")
    w("")

    # --- targets ---
    t_ru = b.median(f"termlint-ru-{size}")
    t_uk = b.median(f"termlint-uk-{size}")
    rows = []

    def row(what, value, goal, ok):
        rows.append(f"| {what} | {value} | {goal} | {verdict(ok)} |")

    for lang, t_tl in (("ru", t_ru), ("uk", t_uk)):
        hs = b.median(f"hunspell-{lang}-{size}")
        fl = b.median(f"floor-{lang}-{size}")
        speed = div(hs, t_tl)
        slow = div(t_tl, fl)
        suffix = "" if lang == "ru" else " (for information)"
        row(f"throughput ÷ `hunspell -l`, {lang}-{size}{suffix}", fmt(speed, ".1f") + "×", "≥ 10×",
            "info" if lang != "ru" else None if speed is None else speed >= 10)
        row(f"time ÷ ICU floor, {lang}-{size}{suffix}", fmt(slow, ".2f") + "×", "≤ 6×",
            "info" if lang != "ru" else None if slow is None else slow <= 6)
    t50 = b.median("termlint-ru-50mb")
    t10 = b.median("termlint-ru-10mb")
    lin = div(t50, t10)
    row("time 50 MB ÷ time 10 MB (ru)", fmt(lin, ".2f"), "≤ 5.5", None if lin is None else lin <= 5.5)
    rss50 = b.rss_mib("termlint-ru-50mb")
    base = b.rss_mib("startup-termlint-ru")
    if rss50 is not None and base is not None:
        findings = (b.num("output_bytes_ru-50mb") or 0) / 1048576
        limit = base + 3 * (b.num("bytes_ru-50mb") or 0) / 1048576 + findings
        row("peak RSS, ru-50mb (MiB)", f"{rss50:.0f}",
            f"≤ {limit:.0f} = start-up {base:.0f} + 3 × file + findings {findings:.0f} (JSON size)", rss50 <= limit)
    else:
        row("peak RSS, ru-50mb (MiB)", "n/a", "≤ dictionaries + 3 × file + findings", None)
    j1, j2 = b.median("articles-j1"), b.median("articles-j2")
    sp = div(j1, j2)
    row("files/s `-j 2` ÷ `-j 1` (articles/)", fmt(sp, ".2f") + "×", "≥ 1.7×", None if sp is None else sp >= 1.7)
    ident = m.get("articles_identical")
    row("`-j 1` and `-j 2` outputs byte-identical", ident or "n/a", "yes", None if ident is None else ident == "yes")
    g = b.median(f"glossary10k-ru-{size}")
    gr = div(t_ru, g)
    row(f"throughput with the 10k glossary ÷ shipped only, ru-{size}", fmt(None if gr is None else 100 * gr, ".0f") + "%",
        "≥ 90%", None if gr is None else gr >= 0.9)
    s0, s1 = b.median("startup-termlint-ru"), b.median("startup-glossary10k-ru")
    g_load = None if s0 is None or s1 is None else s1 - s0
    row("10k glossary load time (empty input, with − without)", fmt_s(g_load) + " s", "< 0.3 s",
        None if g_load is None else g_load < 0.3)
    for lang in ("ru", "uk"):
        st, sh = b.median(f"startup-termlint-{lang}"), b.median(f"startup-hunspell-{lang}")
        row(f"start-up `--lang {lang}` (empty input) vs `hunspell -d {hs_dict(lang)}`",
            f"{fmt_s(st)} s vs {fmt_s(sh)} s", "termlint ≤ hunspell", None if st is None or sh is None else st <= sh)
    w("#### Targets (issue 5)")
    w("")
    w("| target | measured | goal | met |")
    w("|---|---|---|---|")
    out.extend(rows)
    w("")

    # --- scaling ---
    w("#### Scaling with size (ru, `-j 1`)")
    w("")
    w("| file | MB | termlint median s | MB/s | peak RSS MiB | time ÷ 10 MB time | floor median s | floor MB/s |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    for s in ("1mb", "10mb", "50mb"):
        nbytes = b.num(f"bytes_ru-{s}")
        mb = nbytes / 1e6 if nbytes else None
        tm, fl = b.median(f"termlint-ru-{s}"), b.median(f"floor-ru-{s}")
        if tm is None and fl is None:
            continue
        w(f"| ru-{s} | {fmt(mb, '.1f')} | {fmt_s(tm)} | {fmt(div(mb, tm), '.1f')} | "
          f"{fmt(b.rss_mib(f'termlint-ru-{s}'), '.1f')} | {fmt(div(tm, t10), '.2f')} | {fmt_s(fl)} | "
          f"{fmt(div(mb, fl), '.1f')} |")
    w("")
    w("ru-50mb repeats the distinct Russian text (about 15 MB): the spelling cache sees repeated words, "
      "so its time is a lower bound; it is there for memory and linearity.")
    w("")

    # --- threads ---
    w(f"#### Threads: articles/ ({m.get('articles_files', '?')} files, "
      f"{fmt((b.num('articles_bytes') or 0) / 1e6, '.1f')} MB, ru and uk)")
    w("")
    w("| `-j` | runs | min s | median s | max s | files/s | MB/s | peak RSS MiB | speed-up |")
    w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    nfiles = b.num("articles_files")
    abytes = b.num("articles_bytes")
    for j in (1, 2):
        label = f"articles-j{j}"
        t = b.times(label)
        med = b.median(label)
        w(f"| {j} | {len(t)} | {fmt_s(min(t) if t else None)} | {fmt_s(med)} | {fmt_s(max(t) if t else None)} | "
          f"{fmt(div(nfiles, med), ',.0f')} | {fmt(div(abytes / 1e6 if abytes else None, med), '.1f')} | "
          f"{fmt(b.rss_mib(label), '.1f')} | {fmt(div(j1, med), '.2f')} |")
    w("")
    w(f"Outputs of `-j 1` and `-j 2` byte-identical: {ident or 'n/a'}.")
    w("")

    # --- start-up and glossary ---
    w("#### Start-up (empty input, `-j 1`) and glossary load")
    w("")
    w("| command | runs | min s | median s | max s | peak RSS MiB |")
    w("|---|---:|---:|---:|---:|---:|")
    for label, name in (("startup-termlint-ru", "termlint --lang ru, shipped glossary"),
                        ("startup-termlint-uk", "termlint --lang uk, shipped glossary"),
                        ("startup-glossary10k-ru", "termlint --lang ru, shipped + 10k glossary"),
                        ("startup-hunspell-ru", "hunspell -d ru_RU -l"),
                        ("startup-hunspell-uk", "hunspell -d uk_UA -l")):
        t = b.times(label)
        if not t:
            continue
        w(f"| {name} | {len(t)} | {fmt_s(min(t))} | {fmt_s(b.median(label))} | {fmt_s(max(t))} | "
          f"{fmt(b.rss_mib(label), '.1f')} |")
    w("")
    if g is not None:
        w(f"ru-{size} with the shipped glossary: {fmt_s(t_ru)} s; with the shipped + 10k glossary: {fmt_s(g)} s "
          f"(peak RSS {fmt(b.rss_mib(f'termlint-ru-{size}'), '.1f')} → {fmt(b.rss_mib(f'glossary10k-ru-{size}'), '.1f')} MiB).")
        w("")

    # --- word-form table (research) ---
    if b.has("tables-compile-ru") or b.has(f"termlint-notab-ru-{size}"):
        w("#### Word-form table (research, src/lib/morph/wordtab*.c)")
        w("")
        w("| | ru | uk |")
        w("|---|---:|---:|")
        first = [b.median(f"tables-compile-{l}") for l in ("ru", "uk")]
        start = [b.median(f"startup-termlint-{l}") for l in ("ru", "uk")]
        w(f"| first run, empty input (compiles the table) s | {fmt_s(first[0])} | {fmt_s(first[1])} |")
        w(f"| later runs, empty input (maps it) s | {fmt_s(start[0])} | {fmt_s(start[1])} |")
        w(f"| table file MB | {fmt((b.num('table_bytes_ru_RU') or 0) / 1e6, '.1f')} | "
          f"{fmt((b.num('table_bytes_uk_UA') or 0) / 1e6, '.1f')} |")
        with_t = [b.median(f"termlint-{l}-{size}") for l in ("ru", "uk")]
        without = [b.median(f"termlint-notab-{l}-{size}") for l in ("ru", "uk")]
        w(f"| {size}, with the table s | {fmt_s(with_t[0])} | {fmt_s(with_t[1])} |")
        w(f"| {size}, `TERMLINT_WORDTAB=0` (Hunspell for every word) s | {fmt_s(without[0])} | {fmt_s(without[1])} |")
        w(f"| speed-up | {fmt(div(without[0], with_t[0]), '.2f')}× | {fmt(div(without[1], with_t[1]), '.2f')}× |")
        w("")

    # --- cache ---
    lines = []
    for key in (f"ru-{size}", f"uk-{size}", "ru-50mb"):
        st = b.stats(f"stats_{key}")
        if not st:
            continue
        look, hits = st.get("cache_lookups"), st.get("cache_hits")
        rate = div(hits, look)
        lines.append(f"| {key} | {fmt(st.get('words'), ',')} | {fmt(look, ',')} | "
                     f"{fmt(hits, ',')} | {fmt(None if rate is None else 100 * rate, '.1f')}% | "
                     f"{fmt((b.num(f'output_bytes_{key}') or 0) / 1e6, '.2f')} |")
    if lines:
        w("#### Spelling cache (`--stats`)")
        w("")
        w("| file | words | cache lookups | hits | hit rate | JSON output MB |")
        w("|---|---:|---:|---:|---:|---:|")
        out.extend(lines)
        w("")
    print("\n".join(out))
    return 0


def hs_dict(lang):
    return {"ru": "ru_RU", "uk": "uk_UA"}[lang]


if __name__ == "__main__":
    sys.exit(main())
