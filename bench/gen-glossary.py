#!/usr/bin/env python3
"""Generate the 10,000-concept benchmark glossary from words of the corpus.

Usage: gen-glossary.py CORPUS_DIR [COUNT]

Reads CORPUS_DIR/ru-10mb.txt and CORPUS_DIR/uk-10mb.txt (made by make-corpus.sh) and
writes CORPUS_DIR/glossary-10k.yaml (format: docs/glossary-format.md) with COUNT
(default 10,000) concepts. Each concept has an id, a category, a made-up Vietnamese
source form, and Russian and Ukrainian terms of 2 to 4 words (45% / 35% / 20%) taken
from noun phrases of the corpus, so the matcher meets them in the text it checks:

  adjective + noun                          системный администратор / системний адміністратор
  adjective + noun + genitive               рабочая область окна
  adjective + noun + adjective + noun       полное имя нового файла

The phrases are found with suffix heuristics on lower-case running text (a nominative
adjective followed by a noun whose ending agrees with it), which is enough for a
benchmark: the terms look and behave like real multi-word terms, with the odd mistake.
The Russian and Ukrainian terms of one concept are not translations of each other.
The most frequent phrases become canonical forms (found often, no finding), the next
ones variants (term.variant findings), rare ones forbidden forms (term.forbidden
findings, now and then). The text has fewer distinct nominative phrases than 30,000 a
language, so the lists are filled up with phrases composed of its adjectives and nouns
(same gender; words seen in several phrases), which mostly do not occur. Every term is
unique within its language across the file. Deterministic: no randomness, ties broken
by a hash of the text.
"""
import collections
import hashlib
import os
import re
import sys

WORD = re.compile(r"[а-яёіїєґ]+(?:['’ʼ-][а-яёіїєґ]+)*|\S", re.I)
CYR_LOWER = re.compile(r"^[а-яёіїєґ]+(?:['’ʼ-][а-яёіїєґ]+)*$")

STOP = set("""
который которая которое которые какой какая какое такой такая такое другой другая другое
любой любая любое каждый каждая каждое свой своя своё свое мой моя моё мое твой весь вся всё
все этот эта это тот та то самый самая самое сам сама само никакой некоторый некоторая
какой-либо какой-то следующий следующая следующее данный данная данное
был была было были стал стала стало будет может можно нужно надо является более менее далее
также тоже уже ещё еще лишь только очень почти вместе после перед между через около против
його її їх який яка яке які такий така таке інший інша інше кожний кожна кожне кожен
свій своя своє мій моя моє твій весь вся все цей ця це той та те самий сама саме жодний
деякий деяка деяке певний певна певне наступний наступна наступне даний дана дане
був була було були став стала стало буде може можна треба слід є також вже лише тільки
дуже майже разом після перед між через біля проти більше менше далі
этого этой этому этим этом этих этими эти которого которой которому котором которых которым
которую которыми такие таких такими такого такой таком другие других другого другой всего всех
вашего вашей ваших нашего нашей наших своего своей своих своим моего моей
теперь сейчас здесь тогда всегда никогда должен должна должно должны можем могут будут нужен
нужна нужны или либо для без под над при про как что где когда если чтобы надо чем тем
цього цієї цим цих ці такі таких такого іншого інших інші всього всіх свого своєї своїх
вашого вашої ваших нашого нашої наших якого якої яких які тепер зараз тут тоді завжди ніколи
повинен повинна повинно повинні мають має будуть або для без під над при про від між як що
де коли якщо щоб чим тим усі всі
каждого каждой каждых нельзя благодаря наподобие впервые кажется кажутся снова вручну одразу
їхні їхній їхня їхнє наші ваші свої мої твої інші деякі кожного кожної кожних повністю
""".split())
# short adjectives and participles that look like genitive nouns: испорчены, предназначена
NOT_TAIL = ("ена", "ана", "ены", "аны", "ятны", "ятна", "ьны", "ьна", "тна", "тны", "ено", "ано",
            "ся", "сь", "ют", "ят", "ут")
# Russian gerunds that end like feminine adjectives: вызывая, придавая, оставляя, используя
GERUND = ("ывая", "авая", "ляя", "уя", "юя")
IMPERATIVE = ("йте", "ите", "ьте")

# nominative adjective endings -> gender (p: plural)
RU_ADJ = [("ый", "m"), ("ий", "m"), ("ой", "m"), ("ая", "f"), ("яя", "f"), ("ое", "n"),
          ("ее", "n"), ("ые", "p"), ("ие", "p")]
UK_ADJ = [("ий", "m"), ("ій", "m"), ("а", "f"), ("я", "f"), ("е", "n"), ("є", "n"), ("і", "p")]
VOWELS = set("аеёиоуыэюяіїєу")
# noun endings that agree with an adjective of each gender
NOUN_ENDS = {
    "ru": {"m": lambda w: w[-1] not in VOWELS or w.endswith("ь"),
           "f": lambda w: w.endswith(("а", "я", "ь")),
           "n": lambda w: w.endswith(("о", "е", "ие", "ье")),
           "p": lambda w: w.endswith(("ы", "и", "а", "я"))},
    "uk": {"m": lambda w: w[-1] not in VOWELS or w.endswith("ь"),
           "f": lambda w: w.endswith(("а", "я", "ь")),
           "n": lambda w: w.endswith(("о", "е", "я")),
           "p": lambda w: w.endswith(("и", "і", "ї", "а", "я"))},
}
# endings of oblique cases: not a noun in the nominative
OBLIQUE = {
    "ru": ("ом", "ем", "ём", "ам", "ям", "ах", "ях", "ми", "ой", "ей", "ую", "ью", "ых", "их",
           "ого", "ему", "ому", "ов", "ев", "ый", "ий", "ая", "яя", "ое", "ее", "ые", "ие"),
    "uk": ("ом", "ем", "ам", "ям", "ах", "ях", "ми", "ою", "ею", "ої", "ів", "их", "ого", "ому",
           "ий", "ій", "ими"),
}
# verbal nouns look like Russian plural adjectives: решение, занятие
RU_NOT_ADJ = ("ание", "ение", "ятие", "итие", "ытие", "отие")
# genitive forms that may follow a noun: nouns, and adjective + noun pairs
GEN_NOUN = {"ru": ("а", "я", "ы", "и", "ов", "ев", "ей"),
            "uk": ("а", "я", "у", "ю", "и", "і", "ї", "ів", "ей")}
GEN_ADJ = {"ru": ("ого", "его", "ой", "ей", "ых", "их"),
           "uk": ("ого", "ього", "ої", "ьої", "их", "іх")}

CATEGORIES = ["body", "document", "event", "general", "title"]
VI_SYLLABLES = """ban bộ cơ quan hội đồng chính phủ quốc gia trung ương ủy viên thường vụ tổ
chức kinh tế xã văn hóa giáo dục khoa học công nghệ phát triển an ninh phòng ngoại giao tư
pháp nội tài kế hoạch đầu nông nghiệp môi trường đảng nhà nước quy định nghị quyết chỉ thị
thông báo hướng dẫn đại biểu lãnh đạo cán bộ thành phố tỉnh huyện""".split()


def adj_gender(word, lang, masc):
    """Gender of a nominative adjective form, or None."""
    if len(word) < 5 or word in STOP:
        return None
    if lang == "ru":
        if word.endswith(RU_NOT_ADJ + GERUND):
            return None
        for end, gender in RU_ADJ:
            if word.endswith(end) and len(word) > len(end) + 2:
                return gender
        return None
    # Ukrainian: -ий/-ій is masculine; the other endings only when the masculine is seen
    if word.endswith(("ий", "ій")):
        return "m"
    for end, gender in UK_ADJ[2:]:
        if word.endswith(end):
            stem = word[:-1]
            if stem + "ий" in masc or stem + "ій" in masc:
                return gender
    return None


def is_noun(word, lang, gender, masc):
    if len(word) < 3 or word in STOP or word in masc or word.endswith(OBLIQUE[lang]):
        return False
    if adj_gender(word, lang, masc) is not None:
        return False
    if word.endswith(("ть", "ти", "ся", "сь", "ться")) and gender != "f" or word.endswith(IMPERATIVE):
        return False
    return NOUN_ENDS[lang][gender](word)


def sentences(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.strip():
                yield WORD.findall(line)


class Lexicon:
    """Noun phrases seen in the text, and the parts to compose more of them."""

    def __init__(self):
        self.phrases = collections.Counter()     # tuple of words -> count
        # gender -> word -> the words seen with it (composed phrases use words seen in
        # several phrases, which weeds out the odd mistake of the suffix heuristics)
        self.adjs = collections.defaultdict(lambda: collections.defaultdict(set))
        self.nouns = collections.defaultdict(lambda: collections.defaultdict(set))
        self.tails = {1: collections.defaultdict(set), 2: collections.defaultdict(set)}
        self.cores = None  # composed adjective + noun pairs, see composed()


def scan(path, lang):
    toks = list(sentences(path))
    masc = set()  # masculine adjectives seen, for the Ukrainian check
    for sent in toks:
        for t in sent:
            if t.endswith(("ий", "ій")) and len(t) >= 5 and t.islower():
                masc.add(t)
    lex = Lexicon()
    gen_noun, gen_adj = GEN_NOUN[lang], GEN_ADJ[lang]

    def tail_noun(w):
        return (len(w) >= 4 and w not in STOP and CYR_LOWER.match(w) is not None
                and w.endswith(gen_noun) and not w.endswith(gen_adj + NOT_TAIL + IMPERATIVE)
                and adj_gender(w, lang, masc) is None)

    for sent in toks:
        n = len(sent)
        for i in range(n - 1):
            a, b = sent[i], sent[i + 1]
            if not (CYR_LOWER.match(a) and CYR_LOWER.match(b)):
                continue
            gender = adj_gender(a, lang, masc)
            if not gender or not is_noun(b, lang, gender, masc):
                continue
            lex.phrases[(a, b)] += 1
            lex.adjs[gender][a].add(b)
            lex.nouns[gender][b].add(a)
            c = sent[i + 2] if i + 2 < n else ""
            d = sent[i + 3] if i + 3 < n else ""
            if tail_noun(c):
                lex.phrases[(a, b, c)] += 1
                lex.tails[1][(c,)].add((a, b))
            elif len(c) >= 5 and c.endswith(gen_adj) and CYR_LOWER.match(c) and c not in STOP and tail_noun(d):
                lex.phrases[(a, b, c, d)] += 1
                lex.tails[2][(c, d)].add((a, b))
    return lex


def hkey(t):
    return hashlib.sha1(" ".join(t).encode("utf-8")).digest()


def best(words, top, minimum=2):
    """The `top` words seen with the most distinct partners (at least `minimum`)."""
    ranked = sorted(((w, len(p)) for w, p in words.items() if len(p) >= minimum),
                    key=lambda x: (-x[1], x[0]))
    return [w for w, _ in ranked[:top]]


def composed(lex, k, top=300):
    """Phrases of k words composed from parts seen in the text (adjective + noun of the
    same gender, + a genitive tail), in a fixed pseudo-random order, most not in the text."""
    if lex.cores is None:
        lex.cores = []
        for gender in sorted(lex.adjs):
            adjs, nouns = best(lex.adjs[gender], top), best(lex.nouns[gender], top)
            lex.cores += [(a, n) for a in adjs for n in nouns]
        lex.cores.sort(key=hkey)
    cores = lex.cores
    if k == 2:
        yield from cores
        return
    tails = best(lex.tails[k - 2], top)
    if not tails:
        return
    for j, core in enumerate(cores):
        yield core + tails[int.from_bytes(hkey(core)[:4], "big") % len(tails)]


def term_key(p):
    """Two terms with the same key would claim the same surface forms: ё is е, and the
    apostrophes of Ukrainian (' ’ ʼ) are one."""
    return tuple(w.replace("ё", "е").replace("’", "'").replace("ʼ", "'") for w in p)


def pick(lex, count):
    """Canonical, variant and forbidden terms, `count` of each, unique within the
    language: 45% of 2 words, 35% of 3, 20% of 4. Canonical forms are the most frequent
    phrases of the text, variants the next ones, forbidden forms the rare ones; where the
    text has too few, phrases composed from its words fill the lists."""
    share = {2: int(count * 0.45), 3: int(count * 0.35)}
    share[4] = count - share[2] - share[3]
    used = set()  # term keys
    lists = {"canonical": [], "variant": [], "forbidden": []}
    seen_n = {"canonical": 0, "variant": 0, "forbidden": 0}
    for k in (2, 3, 4):
        obs = []
        for p in sorted((p for p in lex.phrases if len(p) == k), key=lambda p: (-lex.phrases[p], hkey(p))):
            if term_key(p) not in used:
                used.add(term_key(p))
                obs.append(p)
        want = share[k]
        canon = obs[:want]
        variant = obs[want:2 * want]
        forbidden = [p for p in obs[2 * want:] if lex.phrases[p] <= 2][:want]
        gen = composed(lex, k)
        for name, got in (("canonical", canon), ("variant", variant), ("forbidden", forbidden)):
            seen_n[name] += len(got)
            while len(got) < want:
                p = next(gen, None)
                if p is None:
                    break
                if term_key(p) in used:
                    continue
                used.add(term_key(p))
                got.append(p)
            lists[name] += got
    return lists, seen_n


def vi_form(i):
    h = hashlib.sha1(str(i).encode()).digest()
    n = 2 + h[0] % 3
    return " ".join(VI_SYLLABLES[h[j + 1] % len(VI_SYLLABLES)] for j in range(n))


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def lang_block(out, lang, canon, variant, forbidden):
    out.append(f"    {lang}:")
    out.append(f"      canonical: {q(' '.join(canon))}")
    if variant:
        out.append("      variants:")
        out.append(f"        - {q(' '.join(variant))}")
    if forbidden:
        out.append("      forbidden:")
        out.append(f"        - term: {q(' '.join(forbidden))}")
        out.append("          message: generated benchmark term")


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    corpus = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 10000
    picked = {}
    for lang in ("ru", "uk"):
        path = os.path.join(corpus, f"{lang}-10mb.txt")
        lex = scan(path, lang)
        lists, observed = pick(lex, count)
        picked[lang] = (lists["canonical"], lists["variant"], lists["forbidden"])
        print(f"gen-glossary: {lang}: {len(lex.phrases)} noun phrases in the text; of the "
              f"{count} canonical / variant / forbidden terms, {observed['canonical']} / "
              f"{observed['variant']} / {observed['forbidden']} occur in the text as written, "
              f"the others are composed of its words")
        if len(lists["canonical"]) < count:
            print(f"gen-glossary: only {len(lists['canonical'])} {lang} terms", file=sys.stderr)
            return 1
    out = ["# Generated by bench/gen-glossary.py from the benchmark corpus: do not edit.",
           "# 10,000 multi-word concepts to measure the matcher at scale (bench/README.md).",
           "# The Russian and Ukrainian terms of a concept are unrelated phrases of the corpus.",
           f"name: termlint benchmark glossary ({count} generated concepts)",
           "version: 1",
           "languages: [ru, uk]",
           "concepts:"]
    for i in range(count):
        out.append(f"  - id: bench-{i + 1:05d}")
        out.append(f"    category: {CATEGORIES[i % len(CATEGORIES)]}")
        out.append(f"    vi: {q(vi_form(i))}")
        for lang in ("ru", "uk"):
            c, v, f = picked[lang]
            lang_block(out, lang, c[i], v[i] if i < len(v) else None, f[i] if i < len(f) else None)
    path = os.path.join(corpus, "glossary-10k.yaml")
    with open(path + ".tmp", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(out) + "\n")
    os.replace(path + ".tmp", path)
    print(f"gen-glossary: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
