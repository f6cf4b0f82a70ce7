#!/usr/bin/env python3
"""Extract prose-like Russian and Ukrainian paragraphs from unpacked Debian packages.

Usage: corpus.py SRC_ROOT OUTDIR

SRC_ROOT holds one folder per Debian package, each the ru/uk files unpacked from its
.deb (see make-corpus.sh). Sources read:
  * gettext catalogues (*.mo) under a ru/ or uk/ locale folder: only the translated
    msgstr strings (first plural form), parsed directly (the same data `msgunfmt` prints);
  * help and documentation in XML/HTML (*.page Mallard, *.xhp LibreOffice help,
    *.html, *.docbook): the text of paragraph elements;
  * man pages (*.[0-9]*.gz under man/ru, man/uk): groff requests dropped, text kept.
Each candidate paragraph is cleaned (markup, accelerators, entities, whitespace) and
kept only if it reads like prose: no format-string junk, at least MIN_WORDS words,
mostly Cyrillic letters, Latin-script words at most 5% of the words, no letter of the
other language (ы э ъ ё in Ukrainian, і ї є ґ in Russian: untranslated copies). Paragraphs are
deduplicated (case- and punctuation-insensitive) and ordered by a hash of their text,
so the output is deterministic and each prefix is a mix of all sources.

Writes into OUTDIR: ru-1mb.txt, ru-10mb.txt, uk-1mb.txt, uk-10mb.txt (distinct paragraphs
separated by blank lines; each 1 MB file is the start of the 10 MB one), ru-50mb.txt (all
distinct Russian text, repeated until 50 MB), articles/ (2,000 files of about 5 KB,
alternating ru and uk), MANIFEST.txt (sizes, distinct text per language) and SOURCES.txt
(what each package contributed).
"""
import bz2
import gzip
import hashlib
import html
import os
import re
import shutil
import struct
import sys

MIN_WORDS = 6
MAX_LATIN_SHARE = 0.05

LANGS = ("ru", "uk")
LANG_DIR = re.compile(r"/(ru|uk)(?:[_-](?:RU|UA))?(?:\.[A-Za-z0-9-]+)?/")

# format-string and placeholder junk: printf (%s, %1$d, %(x)s, %-10s), {0} {name},
# ${var}, $VAR, literal escapes (\n, \t), XML leftovers
FORMAT_JUNK = re.compile(
    r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t|I64)?[sdiuoxXfFeEgGcpn%]"
    r"|%\([A-Za-z_]+\)[sd]|%[A-Za-z]%|%\d|\{[A-Za-z0-9_.:]*\}|\$\{|\$[A-Z_]{2,}"
    r"|\\[ntr\\\"]|<[^>]*>|&[a-z]+;|&#\d+;|[@#]\w+@|__|\|\|")
TAG = re.compile(r"<[^>]+>")
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.UNICODE)
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
CYR = re.compile(r"[\u0400-\u04FF]")
ACCEL = re.compile(r"[_&](?=[^\W\d_])")  # GTK _Open, KDE &Open, also mid-word: Від&крити
ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
SPACE_BEFORE = re.compile(r"\s+([.,;:!?»)\]])")  # left by removed inline markup: «<b>Да</b> .»
SPACE_AFTER = re.compile(r"([«(\[])\s+")
SPACE = re.compile(r"\s+")


def lang_of(path):
    m = LANG_DIR.search(path)
    if m:
        return m.group(1)
    base = os.path.basename(path)
    for lang in LANGS:
        if base in (lang + ".mo", lang + ".po"):
            return lang
    return None


def read_mo(data):
    """Yield msgstr strings of a GNU .mo file (first plural form only)."""
    if len(data) < 28:
        return
    magic = struct.unpack("<I", data[:4])[0]
    if magic == 0x950412DE:
        end = "<"
    elif magic == 0xDE120495:
        end = ">"
    else:
        return
    _, count, _orig_off, trans_off = struct.unpack(end + "4I", data[4:20])
    for i in range(count):
        length, offset = struct.unpack(end + "2I", data[trans_off + 8 * i:trans_off + 8 * i + 8])
        if length == 0:
            continue
        raw = data[offset:offset + length]
        first = raw.split(b"\0", 1)[0]
        try:
            text = first.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if i == 0 and text.startswith("Project-Id-Version") or "Content-Type:" in text[:200]:
            continue
        yield text


PARA_XML = re.compile(
    r"<(p|para|paragraph|simpara|li|dd|td|note|title|h[1-6])\b[^>]*>(.*?)</\1\s*>",
    re.S | re.I)


def read_xml(text):
    # drop code, scripts, styles and comments first
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"<(script|style|code|pre|screen|programlisting|cmd|input|bookmark_value"
                  r"|ahelp|embedvar|switchinline|caseinline|defaultinline)\b.*?</\1\s*>",
                  " ", text, flags=re.S | re.I)
    for m in PARA_XML.finditer(text):
        inner = m.group(2)
        if PARA_XML.search(inner):  # nested paragraphs: they will be seen on their own
            continue
        inner = TAG.sub(" ", inner)
        yield html.unescape(inner)


def read_man(text):
    """Yield paragraphs of a groff man page: text lines joined, requests dropped."""
    para = []
    for line in text.splitlines():
        if line.startswith((".", "'")):
            req = line[1:].split(None, 1)
            name = req[0] if req else ""
            if name in ("B", "I", "BI", "IB", "RB", "BR", "IR", "RI", "SM", "SB") and len(req) > 1:
                words = re.findall(r'"[^"]*"|\S+', req[1])
                para.append("".join(w.strip('"') for w in words) if name not in ("B", "I", "SM", "SB")
                            else " ".join(w.strip('"') for w in words))
                continue
            if para:
                yield " ".join(para)
                para = []
            continue
        if not line.strip():
            if para:
                yield " ".join(para)
                para = []
            continue
        para.append(line)
    if para:
        yield " ".join(para)


GROFF_ESC = re.compile(r"\\f(?:\[[^\]]*\]|\(..|.)|\\s[-+]?\d+|\\\*(?:\(..|\[[^\]]*\]|.)|\\\((..)|\\\[([^\]]*)\]|\\[&|^%:]|\\e|\\-|\\ |\\c")
GROFF_CHARS = {"em": "—", "en": "–", "lq": "«", "rq": "»", "Fo": "«", "Fc": "»",
               "aq": "'", "dq": '"', "hy": "-", "co": "©", "bu": "•"}


def groff_clean(s):
    def rep(m):
        name = m.group(1) or m.group(2)
        if name:
            return GROFF_CHARS.get(name, "")
        tok = m.group(0)
        if tok == "\\-":
            return "-"
        if tok == "\\ ":
            return " "
        if tok == "\\e":
            return "\\"
        return ""
    return GROFF_ESC.sub(rep, s)


def clean(s):
    s = s.replace("\u00a0", " ").replace("\u00ad", "")
    s = ENTITY.sub(lambda m: html.unescape(m.group(0)), s)
    s = ACCEL.sub("", s)
    s = SPACE.sub(" ", s).strip()
    s = SPACE_BEFORE.sub(r"\1", s)
    return SPACE_AFTER.sub(r"\1", s)


# letters of one language that the other does not have: a paragraph with them is in the
# wrong language (an untranslated copy, say)
OTHER_LANG = {"ru": re.compile(r"[іїєґІЇЄҐ]"), "uk": re.compile(r"[ыэъёЫЭЪЁ]")}


def prose(s, lang):
    """Return the reason a paragraph is rejected, or None if it is kept."""
    if FORMAT_JUNK.search(s):
        return "format"
    if OTHER_LANG[lang].search(s):
        return "other_lang"
    words = WORD.findall(s)
    if len(words) < MIN_WORDS:
        return "short"
    latin = sum(1 for w in words if LATIN.search(w))
    if latin > MAX_LATIN_SHARE * len(words):
        return "latin"
    if any(c in s for c in "/\\=|[]{}<>`~^") or "://" in s:
        return "format"
    ncyr = len(CYR.findall(s))
    if ncyr < 0.8 * sum(1 for c in s if c.isalpha()):
        return "latin"
    if not (s[0].isupper() or s[0] in "«\"(—–-„"):
        return "fragment"
    return None


def candidates(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = "/" + os.path.relpath(path, root)
            pkg = rel.split("/")[1]
            lang = lang_of(rel)
            if lang is None or os.path.islink(path):
                continue
            low = name.lower()
            try:
                if low.endswith(".mo"):
                    with open(path, "rb") as f:
                        for s in read_mo(f.read()):
                            # a msgstr with several lines is one or more paragraphs
                            for part in re.split(r"\n\s*\n", TAG.sub(" ", s) if "<" in s and ">" in s else s):
                                yield lang, pkg, "mo", html.unescape(part) if "<" in s else part
                elif low.endswith((".page", ".xhp", ".html", ".htm", ".xhtml", ".docbook", ".xml",
                                   ".cache.bz2")):
                    opener = bz2.open if low.endswith(".bz2") else open
                    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
                        for s in read_xml(f.read()):
                            yield lang, pkg, "doc", s
                elif "/man/" in rel and re.search(r"\.\d\w*(\.gz)?$", low):
                    opener = gzip.open if low.endswith(".gz") else open
                    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
                        for s in read_man(f.read()):
                            yield lang, pkg, "man", groff_clean(s)
            except (OSError, EOFError, ValueError, struct.error) as e:
                print(f"corpus-extract: skipping {rel}: {e}", file=sys.stderr)


def extract(root):
    """Return ({lang: [paragraph, ...]} in hash order, {(lang, pkg, kind): counters})."""
    seen = {lang: set() for lang in LANGS}
    kept = {lang: [] for lang in LANGS}
    stats = {}
    for lang, pkg, kind, raw in candidates(root):
        s = clean(raw)
        if not s:
            continue
        why = prose(s, lang)
        st = stats.setdefault((lang, pkg, kind), dict.fromkeys(
            ("kept", "bytes", "dup", "short", "latin", "other_lang", "format", "fragment"), 0))
        if why:
            st[why] += 1
            continue
        norm = " ".join(w.casefold() for w in WORD.findall(s))
        h = hashlib.sha1(norm.encode("utf-8")).digest()
        if h in seen[lang]:
            st["dup"] += 1
            continue
        seen[lang].add(h)
        st["kept"] += 1
        st["bytes"] += len(s.encode("utf-8")) + 2
        kept[lang].append((h, s))
    pools = {}
    for lang in LANGS:
        kept[lang].sort()
        pools[lang] = [s for _, s in kept[lang]]
    return pools, stats


def pool_bytes(pool):
    return sum(len(p.encode("utf-8")) + 2 for p in pool)


def write_sized(path, pool, target):
    """Write paragraphs of pool (cycling if needed) separated by blank lines, stopping
    before target bytes would be exceeded. Returns (bytes, paragraphs, repeated)."""
    size = count = passes = 0
    repeated = False
    done = not pool
    # written aside and renamed: a reader never sees a half-written file
    with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        while not done:
            for p in pool:
                b = len(p.encode("utf-8")) + 2
                if size + b > target:
                    done = True
                    break
                f.write(p + "\n\n")
                size += b
                count += 1
                repeated = repeated or passes > 0
            else:
                passes += 1
    os.replace(path + ".tmp", path)
    return size, count, repeated


def write_articles(folder, pools, n_files, target):
    """n_files article-sized files alternating ru and uk, from the ends of the pools,
    written into a new folder that then replaces `folder`."""
    final, folder = folder, folder + ".tmp"
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    cursors = {lang: len(pools[lang]) - 1 for lang in LANGS}
    total = 0
    for i in range(1, n_files + 1):
        lang = LANGS[(i - 1) % len(LANGS)]
        pool = pools[lang]
        parts, size = [], 0
        guard = 0
        while size < target and pool and guard < len(pool):
            p = pool[cursors[lang]]
            cursors[lang] = (cursors[lang] - 1) % len(pool)
            guard += 1
            b = len(p.encode("utf-8")) + 2
            if b > target * 0.6:  # keep articles near the target size
                continue
            parts.append(p)
            size += b
        with open(os.path.join(folder, f"a{i:04d}-{lang}.txt"), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write("\n\n".join(parts) + "\n")
        total += size
    shutil.rmtree(final + ".old", ignore_errors=True)
    if os.path.exists(final):
        os.rename(final, final + ".old")
    os.rename(folder, final)
    shutil.rmtree(final + ".old", ignore_errors=True)
    return total


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    root, out = sys.argv[1], sys.argv[2]
    pools, stats = extract(root)
    for lang in LANGS:
        if pool_bytes(pools[lang]) < 10**6:
            print(f"corpus: only {pool_bytes(pools[lang])} bytes of {lang} text under {root}: "
                  "were the packages fetched? (see .cache/make-corpus.log)", file=sys.stderr)
            return 1
    os.makedirs(out, exist_ok=True)

    with open(os.path.join(out, "SOURCES.txt"), "w", encoding="utf-8") as f:
        f.write("# distinct text kept per source package (after filtering and dedup, in order)\n")
        for (lang, pkg, kind), st in sorted(stats.items()):
            f.write(f"{lang} {pkg:32} {kind:4} kept={st['kept']:7d} ({st['bytes'] / 1e6:6.2f} MB) "
                    f"dup={st['dup']:7d} short={st['short']:7d} latin={st['latin']:6d} "
                    f"other_lang={st['other_lang']:5d} format={st['format']:6d} "
                    f"fragment={st['fragment']:6d}\n")

    lines = ["# termlint benchmark corpus (bench/make-corpus.sh); sizes in bytes"]
    for lang in LANGS:
        lines.append(f"distinct-{lang}: {len(pools[lang])} paragraphs, {pool_bytes(pools[lang])} bytes "
                     f"({pool_bytes(pools[lang]) / 1e6:.2f} MB)")
    plan = [("ru-1mb.txt", "ru", 10**6), ("ru-10mb.txt", "ru", 10**7),
            ("uk-1mb.txt", "uk", 10**6), ("uk-10mb.txt", "uk", 10**7),
            ("ru-50mb.txt", "ru", 5 * 10**7)]
    for name, lang, target in plan:
        size, count, repeated = write_sized(os.path.join(out, name), pools[lang], target)
        note = "REPEATS TEXT (all distinct text, then again from the start)" if repeated else "distinct text"
        lines.append(f"{name}: {size} bytes, {count} paragraphs, {note}")
        if repeated and target <= 10**7:
            print(f"corpus: warning: {name} needs more distinct {lang} text than the sources hold; "
                  f"it repeats paragraphs", file=sys.stderr)
    total = write_articles(os.path.join(out, "articles"), pools, 2000, 5000)
    lines.append(f"articles/: 2000 files (a0001-ru.txt, a0002-uk.txt, ...), {total} bytes")
    with open(os.path.join(out, "MANIFEST.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
