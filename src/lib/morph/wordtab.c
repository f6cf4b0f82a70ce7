/*
 * wordtab.c - a compiled word-form table of a Hunspell dictionary (see wordtab.h): the
 * lookups. Compiling is wordtab_build.c's, the cache file wordtab_file.c's.
 *
 * Hunspell_spell costs 2-8 µs a word (more for words it rejects: it tries every
 * suffix rule), Hunspell_stem 8-15 µs, and the suggester asks about hundreds of
 * edit-distance-1 candidates per misspelt word. Debian's ru_RU and uk_UA are simple
 * dictionaries: UTF-8, one-character flags, suffix rules only, no compounding, no
 * continuation classes. So we expand them ourselves: every stem of the .dic, and every
 * stem with every suffix rule of its flags whose strip and condition match, is one
 * form, and that stem is one of the form's stems. The file keeps the forms' 64-bit
 * hashes, sorted into buckets by their top bits, each with its stem or list of stems:
 *
 *   header | bucket index | hashes | hidden hashes | stem refs | stem lists |
 *   stem offsets | stem texts                                  (see file_size)
 *
 * A lookup reads two index entries and a few neighbouring hashes. A false "yes" needs
 * two different strings with one 64-bit hash (about count / 2^64 per lookup), so the
 * answer "in the table" is trusted; "not in the table" only means "ask Hunspell".
 * Where the table answers for stems, the answer is Hunspell_stem's as a set: Hunspell
 * analyses a form as every (stem, rule) that yields it, which is what the expansion
 * enumerates (bench/wordtab-check compares the two on a corpus).
 *
 * The file is written once per dictionary version (its name carries a hash of both
 * files' paths, sizes and modification times) into a temporary file and renamed, so a
 * reader never sees half a table and two processes building at once are harmless.
 * A dictionary with a feature we do not expand (prefixes, compounding, NEEDAFFIX,
 * flag aliases, ...) gets no table: every word then goes to Hunspell as before.
 */
#include "wordtab_p.h"

#include <string.h>
#include <unicode/uchar.h>

uint64_t wordtab_hash(const char *s, size_t n)
{
    uint64_t h = tl_hash(s, n);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/* The file: header | index uint32[2^bits + 1] (+ 1 to keep 8-byte alignment) |
 * hashes uint64[count] | hidden uint64[nhidden] | ref uint32[count] | lists uint32[nlists] |
 * soff uint32[nstems + 1] | pool bytes. 0 when the sizes cannot be a file. */
size_t wordtab_file_size(const wt_header *hd)
{
    if (hd->bits < 1 || hd->bits > 28 || hd->count > UINT32_MAX || hd->nhidden > UINT32_MAX ||
        hd->nlists > UINT32_MAX || hd->nstems >= UINT32_MAX || hd->pool > UINT32_MAX)
        return 0;
    size_t nidx = ((size_t)1 << hd->bits) + 1;
    return sizeof(wt_header) + (nidx + (nidx & 1)) * sizeof(uint32_t) +
           (size_t)(hd->count + hd->nhidden) * sizeof(uint64_t) +
           (size_t)(hd->count + hd->nlists + hd->nstems + 1) * sizeof(uint32_t) + (size_t)hd->pool;
}

int wordtab_attach(wordtab *t, void *mem, size_t len, uint64_t sig)
{
    const wt_header *hd = mem;
    if (len < sizeof *hd || hd->magic != WT_MAGIC || hd->version != WT_VERSION || hd->sig != sig ||
        wordtab_file_size(hd) != len)
        return 0;
    wordtab_attach_layout(t, mem);
    /* the open checks only what keeps reads inside the mapping (see wordtab_stems) */
    size_t nidx = ((size_t)1 << t->bits) + 1;
    return t->idx[nidx - 1] == t->count && t->soff[t->nstems] == t->npool &&
           (!t->npool || t->pool[t->npool - 1] == '\0');
}

void wordtab_attach_layout(wordtab *t, const void *mem)
{
    const wt_header *hd = mem;
    t->bits = hd->bits;
    t->flags = hd->flags;
    t->count = (size_t)hd->count;
    t->nhidden = (size_t)hd->nhidden;
    t->nlists = (size_t)hd->nlists;
    t->nstems = (size_t)hd->nstems;
    t->npool = (size_t)hd->pool;
    const char *p = (const char *)mem + sizeof *hd;
    size_t nidx = ((size_t)1 << t->bits) + 1;
    t->idx = (const uint32_t *)(const void *)p;
    p += (nidx + (nidx & 1)) * sizeof(uint32_t);
    t->h = (const uint64_t *)(const void *)p;
    p += t->count * sizeof(uint64_t);
    t->hidden = (const uint64_t *)(const void *)p;
    p += t->nhidden * sizeof(uint64_t);
    t->ref = (const uint32_t *)(const void *)p;
    p += t->count * sizeof(uint32_t);
    t->lists = (const uint32_t *)(const void *)p;
    p += t->nlists * sizeof(uint32_t);
    t->soff = (const uint32_t *)(const void *)p;
    p += (t->nstems + 1) * sizeof(uint32_t);
    t->pool = p;
}

/* The index of the form's hash, or -1. */
static long find(const wordtab *t, const char *s, size_t n)
{
    if (!t || n > MAX_FORM)
        return -1;
    uint64_t h = wordtab_hash(s, n);
    size_t b = (size_t)(h >> (64 - t->bits));
    for (uint32_t i = t->idx[b], e = t->idx[b + 1]; i < e && i < t->count && t->h[i] <= h; i++)
        if (t->h[i] == h)
            return (long)i;
    return -1;
}

int wordtab_has(const wordtab *t, const char *s, size_t n) { return find(t, s, n) >= 0; }

size_t wordtab_count(const wordtab *t) { return t ? t->count : 0; }

/* ---- case ------------------------------------------------------------------------ */

int wordtab_recase(const char *s, size_t n, int init, char *b, size_t cap, size_t *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, n - i, &c);
        if (!k)
            return -1;
        c = (uint32_t)(init && i == 0 ? u_toupper((UChar32)c) : u_tolower((UChar32)c));
        char enc[4];
        size_t e = utf8_encode(c, enc);
        if (o + e > cap)
            return -1;
        memcpy(b + o, enc, e);
        o += e;
        i += k;
    }
    *out = o;
    return 0;
}

/* Letter case of code point c: 1 upper, -1 lower, 2 another letter (title case), 0 not
 * a letter. The basic Cyrillic
 * block is decided here: it is nearly every letter asked about, and the word-form
 * table's misses (most of a suggestion search) ask this of every letter. */
static int letter_case(uint32_t c)
{
    if (c >= 0x410 && c <= 0x42F)
        return 1;
    if (c >= 0x430 && c <= 0x44F)
        return -1;
    if (!u_isalpha((UChar32)c))
        return 0;
    return u_isupper((UChar32)c) ? 1 : u_islower((UChar32)c) ? -1 : 2;
}

int wordtab_case(const char *s, size_t n)
{
    int first = 1, up_first = 0, lower_rest = 1, all_up = 1, letters = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, n - i, &c);
        if (!k)
            return CASE_OTHER;
        int lc = letter_case(c);
        if (lc) {
            int up = lc == 1, low = lc == -1;
            if (first && !up)
                return CASE_OTHER; /* neither Capitalised nor in capitals */
            if (first)
                up_first = up;
            else if (!low)
                lower_rest = 0;
            if (!up)
                all_up = 0;
            letters++;
            first = 0;
        }
        i += k;
    }
    if (letters > 1 && all_up)
        return CASE_ALL;
    return up_first && lower_rest ? CASE_INIT : CASE_OTHER;
}

static int spell_one(const wordtab *t, const char *s, size_t n)
{
    if (!t || n > MAX_FORM)
        return 0;
    if (wordtab_has(t, s, n))
        return 1;
    int c = wordtab_case(s, n);
    if (c == CASE_OTHER)
        return 0;
    char b[MAX_FORM * 2];
    size_t bn;
    if (!wordtab_recase(s, n, 0, b, sizeof b, &bn) && wordtab_has(t, b, bn))
        return 1;
    return c == CASE_ALL && !wordtab_recase(s, n, 1, b, sizeof b, &bn) && wordtab_has(t, b, bn);
}

int wordtab_spell(const wordtab *t, const char *s, size_t n)
{
    if (spell_one(t, s, n))
        return 1;
    /* Hunspell breaks a word in capitals only after putting it in lower case or
     * Capitalising it (uk «ТНК-В» is rejected though «ТНК» and «В» are words) */
    if (!t || !(t->flags & WT_HYPHEN_BREAK) || n > MAX_FORM || !memchr(s, '-', n) ||
        wordtab_case(s, n) == CASE_ALL)
        return 0;
    /* Hunspell, not finding the whole, splits at a hyphen and accepts when both sides
     * are right (recursively, at most 9 hyphens): parts the table knows are right */
    int parts = 0;
    for (size_t a = 0; a <= n;) {
        const char *h = memchr(s + a, '-', n - a);
        size_t b = h ? (size_t)(h - s) : n;
        if (b == a || ++parts > 10 || !spell_one(t, s + a, b - a))
            return 0;
        a = b + 1;
    }
    return parts > 1;
}

/* A plain word: Cyrillic letters and apostrophes, at most one hyphen between letters.
 * Returns the hyphen's offset, n when there is none, or 0 when not plain. */
static size_t plain(const char *s, size_t n)
{
    size_t hyphen = n;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, n - i, &c);
        if (!k)
            return 0;
        if (c == '-') {
            if (i == 0 || i + 1 == n || hyphen != n)
                return 0;
            hyphen = i;
        } else if (c != '\'' && (c < 0x400 || c > 0x4FF || !u_isalpha((UChar32)c))) {
            return 0;
        }
        i += k;
    }
    return hyphen;
}

static int has_hidden(const wordtab *t, const char *s, size_t n);

/* For a plain word without a hyphen that the table does not hold: 0 when Hunspell
 * certainly rejects it too, -1 when only Hunspell can say. */
static int final_no(const wordtab *t, const char *s, size_t n)
{
    int upper = 0, lower = 0, first_up = 0, apostrophe = 0;
    for (size_t i = 0, k; i < n; i += k) {
        uint32_t c;
        k = utf8_decode(s + i, n - i, &c);
        apostrophe |= c == '\'';
        if (u_isupper((UChar32)c)) {
            upper++;
            first_up |= i == 0;
        } else if (u_islower((UChar32)c)) {
            lower++;
        }
    }
    if (!upper)
        return 0; /* Hunspell looks it up as written, as the table did */
    char b[MAX_FORM * 2];
    size_t bn;
    if (upper == 1 && first_up) /* Capitalised: unless a hidden stem answers for it */
        return has_hidden(t, s, n) ? -1 : 0;
    /* in capitals: Hunspell also tries hidden stems' forms and, after an apostrophe,
     * a capital (Sant'Elia); mixed case has rules of its own */
    if (lower || apostrophe || wordtab_recase(s, n, 1, b, sizeof b, &bn) || has_hidden(t, b, bn))
        return -1;
    return 0;
}

int wordtab_check(const wordtab *t, const char *s, size_t n)
{
    if (wordtab_spell(t, s, n))
        return 1;
    if (!t || !(t->flags & WT_COMPLETE) || n > MAX_FORM)
        return -1;
    size_t h = plain(s, n);
    if (!h)
        return -1;
    if (h == n)
        return final_no(t, s, n);
    /* one hyphen: Hunspell looks the whole up (the table did), then accepts when both
     * sides are words; so a side the table certainly rejects settles it */
    if (!(t->flags & WT_HYPHEN_BREAK) || wordtab_case(s, n) == CASE_ALL || final_no(t, s, n) < 0)
        return -1;
    if ((!wordtab_spell(t, s, h) && final_no(t, s, h) == 0) ||
        (!wordtab_spell(t, s + h + 1, n - h - 1) && final_no(t, s + h + 1, n - h - 1) == 0))
        return 0;
    return -1;
}

/* ---- stems ------------------------------------------------------------------------- */

static int has_hidden(const wordtab *t, const char *s, size_t n)
{
    uint64_t h = wordtab_hash(s, n);
    size_t lo = 0, hi = t->nhidden;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->hidden[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->nhidden && t->hidden[lo] == h;
}

/* Adds the stem ids of form s (if in the table) to ids; 1 when it was, -1 when the
 * file is damaged. */
static int stems_of(const wordtab *t, const char *s, size_t n, uint32_t *ids, int *nids, int max)
{
    long i = find(t, s, n);
    if (i < 0)
        return 0;
    uint32_t r = t->ref[i], one = r, cnt = 1;
    const uint32_t *list = &one;
    if (r & STEM_LIST) {
        size_t off = r & ~STEM_LIST;
        if (off >= t->nlists || t->lists[off] > t->nlists - off - 1)
            return -1;
        cnt = t->lists[off];
        list = t->lists + off + 1;
    }
    for (uint32_t k = 0; k < cnt; k++) {
        if (list[k] >= t->nstems)
            return -1;
        int dup = 0;
        for (int j = 0; j < *nids && !dup; j++)
            dup = ids[j] == list[k];
        if (!dup && *nids < max)
            ids[(*nids)++] = list[k];
    }
    return 1;
}

int wordtab_stems(const wordtab *t, const char *s, size_t n,
                  void (*fn)(void *arg, const char *stem), void *arg)
{
    if (!t || !t->nstems || n > MAX_FORM)
        return -1;
    /* letters and apostrophes only: a hyphen (BREAK), an ICONV or IGNORE character, a
     * dot are ways of Hunspell's that the table does not follow */
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, n - i, &c);
        if (!k || (!u_isalpha((UChar32)c) && c != '\''))
            return -1;
        i += k;
    }
    /* Hunspell analyses a Capitalised word as written and in lower case, a word in
     * capitals as written, in lower case and Capitalised: the union of their stems */
    uint32_t ids[32];
    int nids = 0, found = 0, c = wordtab_case(s, n), r;
    char b[MAX_FORM * 2];
    size_t bn;
    if ((r = stems_of(t, s, n, ids, &nids, 32)) < 0)
        return -1;
    found |= r;
    if (c != CASE_OTHER) {
        if (wordtab_recase(s, n, 0, b, sizeof b, &bn) ||
            (r = stems_of(t, b, bn, ids, &nids, 32)) < 0)
            return -1;
        found |= r;
    }
    if (c == CASE_ALL) {
        if (wordtab_recase(s, n, 1, b, sizeof b, &bn) || has_hidden(t, b, bn) ||
            (r = stems_of(t, b, bn, ids, &nids, 32)) < 0)
            return -1;
        found |= r;
    }
    /* a Capitalised form the table leaves out for a hidden stem: Hunspell's to say */
    if (c == CASE_INIT && has_hidden(t, s, n))
        return -1;
    if (!found) /* a word Hunspell certainly rejects has no stems either */
        return wordtab_check(t, s, n) == 0 ? 0 : -1;
    for (int i = 0; i < nids; i++)
        fn(arg, t->pool + t->soff[ids[i]]);
    return nids;
}
