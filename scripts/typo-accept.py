#!/usr/bin/env python3
"""typo-accept.py - how many one-edit typos of known words termlint lets through.

    scripts/typo-accept.py [--termlint build/termlint] [--lang ru|uk] [--n 4000]
                           [--seed 1] TEXT...

Takes the distinct lower-case words of 5 letters or more of the TEXT files that Debian's
Hunspell dictionary of the language knows, makes one typo of each (a letter deleted,
inserted, replaced, or two swapped, at random), keeps the typos the dictionary rejects
(non-words by the dictionary's own judgement) and checks them with termlint, each
mid-sentence and, capitalised, at the start of a sentence before a lower-case word.
Prints the share of typos termlint accepts (no warning: a typo taken for a name, an
`info`, counts as accepted). With the dictionary alone that share is 0;
whatever termlint accepts beyond the dictionary (rule data: clipped compounds, numeral
and adjective compounds, abbreviations, supplementary words; names) shows here, so a
change to those must not raise it noticeably. The accepted typos are listed.

--prefixed takes only the words that begin with a `compound_prefixes` entry of the rule
data (glossaries/rules.yaml; needs PyYAML), with --per-word typos each: the words where
a typo could pass as a clipped compound («госдарственный» = «гос» + «дарственный»).
"""
import argparse
import json
import random
import re
import subprocess
import sys
import tempfile

LETTERS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
}
DICT = {"ru": "ru_RU", "uk": "uk_UA"}


def hunspell_bad(words, lang):
    """The words the dictionary rejects."""
    out = subprocess.run(["hunspell", "-d", DICT[lang], "-l", "-i", "utf-8"],
                         input="\n".join(words), capture_output=True, text=True,
                         check=True).stdout
    return set(out.split())


def typo(word, letters, rnd):
    i = rnd.randrange(len(word))
    op = rnd.randrange(4)
    if op == 0 and len(word) > 1:
        return word[:i] + word[i + 1:]
    if op == 1:
        return word[:i] + rnd.choice(letters) + word[i:]
    if op == 2:
        return word[:i] + rnd.choice(letters.replace(word[i], "")) + word[i + 1:]
    if i + 1 < len(word) and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + rnd.choice(letters) + word[i:]


def flagged_lines(termlint, lang, lines):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        f.flush()
        out = subprocess.run([termlint, "check", "--lang", lang, "--format", "json",
                              "--fail-on", "never", "--suggest", "none", f.name],
                             capture_output=True, check=False).stdout
    flagged = set()
    for d in json.loads(out)["files"][0]["diagnostics"]:
        if d["severity"] != "info" and (d["rule"].startswith("spelling") or
                                        d["rule"].startswith("lang.")):
            flagged.add(d["line"])
    return flagged


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--termlint", default="build/termlint")
    ap.add_argument("--lang", default="ru", choices=["ru", "uk"])
    ap.add_argument("--n", type=int, default=4000, help="words to take (at most)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prefixed", action="store_true",
                    help="only words that begin with a compound prefix of the rule data")
    ap.add_argument("--per-word", type=int, default=1, help="typos made of each word")
    ap.add_argument("--rules", default="glossaries/rules.yaml")
    ap.add_argument("texts", nargs="+")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    words = set()
    for path in args.texts:
        with open(path, encoding="utf-8", errors="replace") as f:
            words.update(re.findall(r"\b[а-яёіїєґ']{5,}\b", f.read()))
    words = sorted(w for w in words if not w.startswith("'") and not w.endswith("'"))
    if args.prefixed:
        import yaml  # only this mode needs it
        with open(args.rules, encoding="utf-8") as f:
            pre = yaml.safe_load(f)["spelling"][args.lang]["compound_prefixes"]
        words = [w for w in words if any(w.startswith(p) and len(w) > len(p) + 3 for p in pre)]
    words = sorted(set(words) - hunspell_bad(words, args.lang))
    rnd.shuffle(words)
    words = words[:args.n]
    typos = sorted({typo(w, LETTERS[args.lang], rnd) for w in words
                    for _ in range(args.per_word)})
    typos = sorted(hunspell_bad(typos, args.lang))
    filler = "и" if args.lang == "ru" else "та"
    mid = [f"{filler} {t} {filler}" for t in typos]
    start = [f"{t[0].upper()}{t[1:]} {filler} {filler}." for t in typos]
    accepted = []
    for kind, lines in (("mid-sentence", mid), ("sentence start", start)):
        flagged = flagged_lines(args.termlint, args.lang, lines)
        ok = [typos[i] for i in range(len(typos)) if i + 1 not in flagged]
        accepted += [(kind, t) for t in ok]
        print(f"{kind}: {len(ok)} of {len(typos)} typos accepted "
              f"({100.0 * len(ok) / max(1, len(typos)):.2f}%)")
    for kind, t in accepted:
        print(f"  accepted ({kind}): {t}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
