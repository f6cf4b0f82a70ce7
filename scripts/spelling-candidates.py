#!/usr/bin/env python3
"""spelling-candidates.py - words another Debian word list has and Hunspell lacks.

    scripts/spelling-candidates.py --lang ru|uk [--sample N] [--write FILE]

The method behind the `words:` of the `spelling:` rule data (docs/glossary-format.md):
dumps Debian's Aspell dictionary of the language (packages aspell-ru, aspell-uk: every
form, `aspell dump master | aspell expand`), keeps the forms the Hunspell dictionary
termlint uses (ru_RU, uk_UA) rejects, and splits them into
  - forms the other language's Hunspell dictionary knows: words of both languages, or
    the other language's words (in an older Ukrainian list, mostly Russianisms);
  - all-capital forms (abbreviations: termlint does not spell those of up to six
    letters anyway);
  - the rest: the candidates.
Prints the counts and a random sample of each group for review. With --write, the
candidates go to FILE as rule data (`spelling: {LANG: {words: [...]}}`) for a reviewer
to cut down; nothing is shipped without that review. Needs aspell, aspell-ru/-uk,
hunspell, hunspell-ru/-uk.
"""
import argparse
import random
import subprocess
import sys

HUNSPELL = {"ru": "ru_RU", "uk": "uk_UA"}


def run(cmd, text=None):
    return subprocess.run(cmd, input=text, capture_output=True, text=True, check=True).stdout


def aspell_forms(lang):
    dump = run(["aspell", "-d", lang, "dump", "master"])
    return sorted(set(run(["aspell", "-l", lang, "expand"], dump).split()))


def rejected(words, lang):
    return set(run(["hunspell", "-d", HUNSPELL[lang], "-l", "-i", "utf-8"],
                   "\n".join(words)).split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", required=True, choices=["ru", "uk"])
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write", metavar="FILE")
    args = ap.parse_args()
    other = "uk" if args.lang == "ru" else "ru"
    forms = aspell_forms(args.lang)
    missing = sorted(rejected(forms, args.lang))
    other_bad = rejected(missing, other)
    both = [w for w in missing if w not in other_bad]
    caps = [w for w in missing if w in other_bad and w.isupper()]
    cands = [w for w in missing if w in other_bad and not w.isupper()]
    rnd = random.Random(args.seed)
    print(f"aspell {args.lang}: {len(forms)} forms; {HUNSPELL[args.lang]} rejects {len(missing)}")
    for name, group in (("known to the other language's dictionary", both),
                        ("all capitals", caps), ("candidates", cands)):
        print(f"\n{name}: {len(group)}")
        print(" ".join(rnd.sample(group, min(args.sample, len(group)))))
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write(f"# Candidates from aspell-{args.lang} that {HUNSPELL[args.lang]} lacks "
                    "(scripts/spelling-candidates.py): review before use.\n")
            f.write(f"spelling:\n  {args.lang}:\n    words:\n")
            for w in cands:
                f.write(f"      - \"{w}\"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
