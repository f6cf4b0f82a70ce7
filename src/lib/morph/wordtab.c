/*
 * wordtab.c - a compiled word-form table of a Hunspell dictionary (see wordtab.h).
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
#include "wordtab.h"
#include "base.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unicode/uchar.h>
#include <unistd.h>

#define WT_MAGIC 0x31545754u /* "TWT1" */
#define WT_VERSION 5u
#define STEM_LIST 0x80000000u /* ref[]: an offset into lists[] rather than a stem id */
/* header flags. WT_HYPHEN_BREAK: Hunspell breaks words at hyphens (BREAK: its default,
 * or a pattern "-"), so a word whose parts are all words is right. WT_COMPLETE: the
 * table holds every form Hunspell accepts among plain words (see wordtab_check): no
 * .dic line was skipped, no form held an IGNORE character, no ICONV source is a
 * Cyrillic letter, an apostrophe or a hyphen, and BREAK is at most "-". */
#define WT_HYPHEN_BREAK 1u
#define WT_COMPLETE 2u
#define MAX_FORM 100         /* Hunspell's MAXWORDLEN: longer words it never accepts */
#define MAX_COND 24          /* code points in one rule's condition */

typedef struct {
    uint32_t magic, version;
    uint64_t sig;
    uint64_t count;   /* distinct form hashes */
    uint32_t bits, flags; /* WT_HYPHEN_BREAK, WT_COMPLETE */
    uint64_t nhidden; /* hashes of Capitalised forms of hidden stems (see read_dic) */
    uint64_t nlists;  /* uint32 words of lists[] */
    uint64_t nstems;  /* stems of the .dic */
    uint64_t pool;    /* bytes of stem text */
} wt_header;

struct wordtab {
    const uint32_t *idx;
    const uint64_t *h;
    const uint64_t *hidden; /* sorted */
    const uint32_t *ref;    /* per form: its stem id, or STEM_LIST | offset in lists */
    const uint32_t *lists;  /* at an offset: count, then that many stem ids */
    const uint32_t *soff;   /* stem id -> offset of its NUL-terminated text in pool */
    const char *pool;
    uint32_t bits, flags;
    size_t count, nhidden, nlists, nstems, npool;
    void *mem;
    size_t memlen;
    int mapped;
};

/* tl_hash with a final mix, so that the top bits that pick the bucket are uniform.
 * The file stores these values: changing this function needs a new WT_VERSION. */
static uint64_t form_hash(const char *s, size_t n)
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
static size_t file_size(const wt_header *hd)
{
    if (hd->bits < 1 || hd->bits > 28 || hd->count > UINT32_MAX || hd->nhidden > UINT32_MAX ||
        hd->nlists > UINT32_MAX || hd->nstems >= UINT32_MAX || hd->pool > UINT32_MAX)
        return 0;
    size_t nidx = ((size_t)1 << hd->bits) + 1;
    return sizeof(wt_header) + (nidx + (nidx & 1)) * sizeof(uint32_t) +
           (size_t)(hd->count + hd->nhidden) * sizeof(uint64_t) +
           (size_t)(hd->count + hd->nlists + hd->nstems + 1) * sizeof(uint32_t) + (size_t)hd->pool;
}

/* Points t's arrays into a file image of `len` bytes; 0 when the image is not a table
 * of signature `sig` (wrong magic, version or size: truncated or foreign files). */
static void attach_layout(wordtab *t, const void *mem);

static int attach(wordtab *t, void *mem, size_t len, uint64_t sig)
{
    const wt_header *hd = mem;
    if (len < sizeof *hd || hd->magic != WT_MAGIC || hd->version != WT_VERSION || hd->sig != sig ||
        file_size(hd) != len)
        return 0;
    attach_layout(t, mem);
    /* the open checks only what keeps reads inside the mapping (see wordtab_stems) */
    size_t nidx = ((size_t)1 << t->bits) + 1;
    return t->idx[nidx - 1] == t->count && t->soff[t->nstems] == t->npool &&
           (!t->npool || t->pool[t->npool - 1] == '\0');
}

/* Points t's arrays into an image whose header sizes are valid. */
static void attach_layout(wordtab *t, const void *mem)
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
    uint64_t h = form_hash(s, n);
    size_t b = (size_t)(h >> (64 - t->bits));
    for (uint32_t i = t->idx[b], e = t->idx[b + 1]; i < e && i < t->count && t->h[i] <= h; i++)
        if (t->h[i] == h)
            return (long)i;
    return -1;
}

int wordtab_has(const wordtab *t, const char *s, size_t n) { return find(t, s, n) >= 0; }

size_t wordtab_count(const wordtab *t) { return t ? t->count : 0; }

/* ---- case ------------------------------------------------------------------------ */

enum { CASE_OTHER, CASE_INIT, CASE_ALL };

/* Rewrites s into b lower-cased (init = 0) or Capitalised (init = 1). -1 on bad UTF-8. */
static int recase(const char *s, size_t n, int init, char *b, size_t cap, size_t *out)
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

static int case_of(const char *s, size_t n)
{
    int first = 1, up_first = 0, lower_rest = 1, all_up = 1, letters = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = utf8_decode(s + i, n - i, &c);
        if (!k)
            return CASE_OTHER;
        if (u_isalpha((UChar32)c)) {
            int up = u_isupper((UChar32)c), low = u_islower((UChar32)c);
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
    int c = case_of(s, n);
    if (c == CASE_OTHER)
        return 0;
    char b[MAX_FORM * 2];
    size_t bn;
    if (!recase(s, n, 0, b, sizeof b, &bn) && wordtab_has(t, b, bn))
        return 1;
    return c == CASE_ALL && !recase(s, n, 1, b, sizeof b, &bn) && wordtab_has(t, b, bn);
}

int wordtab_spell(const wordtab *t, const char *s, size_t n)
{
    if (spell_one(t, s, n))
        return 1;
    /* Hunspell breaks a word in capitals only after putting it in lower case or
     * Capitalising it (uk «ТНК-В» is rejected though «ТНК» and «В» are words) */
    if (!t || !(t->flags & WT_HYPHEN_BREAK) || n > MAX_FORM || !memchr(s, '-', n) ||
        case_of(s, n) == CASE_ALL)
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
    if (lower || apostrophe || recase(s, n, 1, b, sizeof b, &bn) || has_hidden(t, b, bn))
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
    if (!(t->flags & WT_HYPHEN_BREAK) || case_of(s, n) == CASE_ALL || final_no(t, s, n) < 0)
        return -1;
    if ((!wordtab_spell(t, s, h) && final_no(t, s, h) == 0) ||
        (!wordtab_spell(t, s + h + 1, n - h - 1) && final_no(t, s + h + 1, n - h - 1) == 0))
        return 0;
    return -1;
}

/* ---- stems ------------------------------------------------------------------------- */

static int has_hidden(const wordtab *t, const char *s, size_t n)
{
    uint64_t h = form_hash(s, n);
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
    int nids = 0, found = 0, c = case_of(s, n), r;
    char b[MAX_FORM * 2];
    size_t bn;
    if ((r = stems_of(t, s, n, ids, &nids, 32)) < 0)
        return -1;
    found |= r;
    if (c != CASE_OTHER) {
        if (recase(s, n, 0, b, sizeof b, &bn) || (r = stems_of(t, b, bn, ids, &nids, 32)) < 0)
            return -1;
        found |= r;
    }
    if (c == CASE_ALL) {
        if (recase(s, n, 1, b, sizeof b, &bn) || has_hidden(t, b, bn) ||
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

/* ---- compiling the dictionary ------------------------------------------------------- */

typedef struct {
    uint32_t off;  /* into the code point pool */
    uint16_t n;
    uint8_t kind;  /* COND_ONE, COND_SET, COND_NOTSET, COND_ANY */
} cond_elem;

enum { COND_ONE, COND_SET, COND_NOTSET, COND_ANY };

typedef struct {
    char *strip, *app;
    size_t nstrip, napp;
    uint32_t elem, nelem; /* the condition: elements in the pool */
} sfx_rule;

typedef struct {
    sfx_rule *r;
    size_t n, cap;
    size_t first[257]; /* rules of flag f: [first[f], first[f + 1]) after sorting */
    uint8_t *flag;     /* per rule */
    cond_elem *el;
    size_t nel, capel;
    uint32_t *cp;
    size_t ncp, capcp;
    /* ICONV sources: Hunspell rewrites them in its input before the lookup, so a form
     * holding one can never be matched as written (uk_UA maps ʼ and ’ to ', Latin
     * letters to 0); such forms are left out. lead[] marks their first bytes. */
    char **iconv;
    size_t niconv, capiconv;
    uint8_t lead[32];
    int fullstrip; /* FULLSTRIP: a rule may strip the whole stem (else Hunspell refuses) */
    int nbreak, hyphen_break; /* BREAK patterns seen; one of them is "-" */
    int incomplete;           /* see WT_COMPLETE */
    uint32_t ignore[16];      /* IGNORE characters */
    int nignore;
    tl_arena mem;
} affixes;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : 64;
    while (nc < need)
        nc *= 2;
    void *q = tl_realloc(*p, nc * size);
    if (!q)
        return -1;
    *p = q;
    *cap = nc;
    return 0;
}

static int add_cp(affixes *a, uint32_t c)
{
    if (grow((void **)&a->cp, &a->capcp, a->ncp + 1, sizeof *a->cp))
        return -1;
    a->cp[a->ncp++] = c;
    return 0;
}

/* Parses a condition («[^аеиоу]ть», «.», «[лнртв]ый») into elements; -1 when malformed. */
static int parse_cond(affixes *a, const char *s, uint32_t *first, uint32_t *count)
{
    *first = (uint32_t)a->nel;
    *count = 0;
    if (strcmp(s, ".") == 0)
        return 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        if (grow((void **)&a->el, &a->capel, a->nel + 1, sizeof *a->el))
            return -1;
        cond_elem *e = &a->el[a->nel];
        e->off = (uint32_t)a->ncp;
        e->n = 0;
        if (s[i] == '.') {
            e->kind = COND_ANY;
            i++;
        } else if (s[i] == '[') {
            i++;
            e->kind = COND_SET;
            if (i < n && s[i] == '^') {
                e->kind = COND_NOTSET;
                i++;
            }
            while (i < n && s[i] != ']') {
                uint32_t c;
                size_t k = utf8_decode(s + i, n - i, &c);
                if (!k || add_cp(a, c))
                    return -1;
                e->n++;
                i += k;
            }
            if (i >= n)
                return -1;
            i++;
        } else {
            uint32_t c;
            size_t k = utf8_decode(s + i, n - i, &c);
            if (!k || add_cp(a, c))
                return -1;
            e->kind = COND_ONE;
            e->n = 1;
            i += k;
        }
        a->nel++;
        if (++*count > MAX_COND)
            return -1;
    }
    return 0;
}

static int elem_ok(const affixes *a, const cond_elem *e, uint32_t c)
{
    if (e->kind == COND_ANY)
        return 1;
    int in = 0;
    for (uint16_t k = 0; k < e->n && !in; k++)
        in = a->cp[e->off + k] == c;
    return e->kind == COND_NOTSET ? !in : in;
}

/* Directives whose words we could get wrong: with any of them, no table. */
static int unsupported(const char *kw)
{
    static const char *const no[] = {
        "PFX", "FLAG", "AF", "AM", "COMPOUNDFLAG", "COMPOUNDBEGIN", "COMPOUNDMIDDLE",
        "COMPOUNDEND", "COMPOUNDRULE", "COMPOUNDPERMITFLAG", "COMPOUNDFORBIDFLAG",
        "ONLYINCOMPOUND", "NEEDAFFIX", "PSEUDOROOT", "FORBIDDENWORD", "KEEPCASE",
        "CIRCUMFIX", "FORCEUCASE", "SUBSTANDARD", "COMPLEXPREFIXES", "CHECKSHARPS",
        "NOSUGGEST", "WARN", "FORBIDWARN", "LANG", NULL};
    for (int i = 0; no[i]; i++)
        if (strcmp(kw, no[i]) == 0)
            return 1;
    return 0;
}

static char *field(char **p)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s || *s == '\n' || *s == '\r')
        return NULL;
    char *e = s;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
        e++;
    if (*e)
        *e++ = '\0';
    *p = e;
    return s;
}

static int read_aff(const char *path, affixes *a)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char line[1024];
    int utf8 = 0, bad = 0;
    while (!bad && fgets(line, sizeof line, f)) {
        if (!strchr(line, '\n') && !feof(f)) {
            bad = 1; /* a line longer than the buffer would be read as two: no table */
            break;
        }
        char *p = line, *kw = field(&p);
        if (!kw || kw[0] == '#')
            continue;
        if (strcmp(kw, "SET") == 0) {
            char *v = field(&p);
            utf8 = v && strcmp(v, "UTF-8") == 0;
            continue;
        }
        if (unsupported(kw)) {
            bad = 1;
            break;
        }
        if (strcmp(kw, "BREAK") == 0) {
            char *v = field(&p);
            char *more = v ? field(&p) : NULL;
            if (v && !more && strspn(v, "0123456789") != strlen(v)) { /* not the count */
                a->nbreak++;
                a->hyphen_break |= strcmp(v, "-") == 0;
                a->incomplete |= strcmp(v, "-") && strcmp(v, "^-") && strcmp(v, "-$");
            } else if (v && strcmp(v, "0") == 0) {
                a->nbreak = -1; /* «BREAK 0»: no breaking at all */
            }
            continue;
        }
        if (strcmp(kw, "IGNORE") == 0) {
            char *v = field(&p);
            for (size_t i = 0, k; v && v[i]; i += k) {
                uint32_t c;
                if (!(k = utf8_decode(v + i, strlen(v + i), &c)) || a->nignore == 16) {
                    a->incomplete = 1;
                    break;
                }
                a->ignore[a->nignore++] = c;
            }
            continue;
        }
        if (strcmp(kw, "FULLSTRIP") == 0) {
            a->fullstrip = 1;
            continue;
        }
        if (strcmp(kw, "ICONV") == 0) {
            char *from = field(&p), *to = field(&p);
            if (!from || !to)
                continue; /* the header «ICONV 64» */
            if (grow((void **)&a->iconv, &a->capiconv, a->niconv + 1, sizeof *a->iconv) ||
                !(a->iconv[a->niconv] = tl_arena_strdup(&a->mem, from))) {
                bad = 1;
                break;
            }
            a->niconv++;
            uint32_t c0;
            if (!utf8_decode(from, strlen(from), &c0) || c0 == '\'' || c0 == '-' ||
                (c0 >= 0x400 && c0 <= 0x4FF))
                a->incomplete = 1; /* it rewrites what plain() lets through */
            a->lead[(unsigned char)from[0] >> 3] |= (uint8_t)(1u << ((unsigned char)from[0] & 7));
            continue;
        }
        if (strcmp(kw, "SFX") != 0)
            continue;
        char *fl = field(&p), *strip = field(&p), *app = field(&p), *cond = field(&p);
        if (!fl || !strip || !app || strlen(fl) != 1) {
            bad = 1;
            break;
        }
        if (!cond) /* the header «SFX F Y 12» */
            continue;
        char *slash = strchr(app, '/');
        if (slash)
            *slash = '\0'; /* continuation classes: the form itself is a word */
        size_t had = a->cap;
        if (grow((void **)&a->r, &a->cap, a->n + 1, sizeof *a->r)) {
            bad = 1;
            break;
        }
        if (a->cap != had) { /* a->flag runs parallel to a->r */
            uint8_t *nf = tl_realloc(a->flag, a->cap);
            if (!nf) {
                bad = 1;
                break;
            }
            a->flag = nf;
        }
        sfx_rule *r = &a->r[a->n];
        r->strip = tl_arena_strdup(&a->mem, strcmp(strip, "0") ? strip : "");
        r->app = tl_arena_strdup(&a->mem, strcmp(app, "0") ? app : "");
        if (!r->strip || !r->app || parse_cond(a, cond, &r->elem, &r->nelem)) {
            bad = 1;
            break;
        }
        r->nstrip = strlen(r->strip);
        r->napp = strlen(r->app);
        a->flag[a->n++] = (uint8_t)fl[0];
    }
    fclose(f);
    return bad || !utf8 ? -1 : 0;
}

/* Groups the rules by flag (stable) so a stem's flag finds its rules directly. */
static int group_rules(affixes *a)
{
    size_t cnt[257] = {0};
    for (size_t i = 0; i < a->n; i++)
        cnt[a->flag[i] + 1]++;
    for (int f = 1; f <= 256; f++)
        cnt[f] += cnt[f - 1];
    memcpy(a->first, cnt, sizeof cnt);
    sfx_rule *r = tl_malloc((a->n ? a->n : 1) * sizeof *r);
    if (!r)
        return -1;
    for (size_t i = 0; i < a->n; i++)
        r[cnt[a->flag[i]]++] = a->r[i];
    tl_free(a->r);
    a->r = r;
    a->cap = a->n;
    return 0;
}

typedef struct {
    uint64_t h;
    uint32_t stem;
} pair;

typedef struct {
    pair *h;          /* (form hash, stem id) */
    size_t n, cap;
    uint32_t stem;    /* the stem being expanded */
    tl_buf pool;      /* stem texts, NUL-terminated */
    uint32_t *soff;   /* stem id -> offset in pool */
    size_t nstems, capstems;
    const affixes *a;
    const uint64_t *hidden; /* sorted hashes of hidden stems' forms (see read_dic) */
    size_t nhidden;
    int incomplete; /* a line or form had to be left out (see WT_COMPLETE) */
    int hidden_incomplete; /* the same, in the pass over hidden stems */
    int (*fn)(void *arg, const char *form, size_t len); /* instead of storing: see */
    void *arg;                                         /* wordtab_each_form */
} hashes;

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static int cmp_pair(const void *x, const void *y)
{
    const pair *a = x, *b = y;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return a->stem < b->stem ? -1 : a->stem > b->stem;
}

static int has_iconv_source(const affixes *a, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(a->lead[c >> 3] & (1u << (c & 7))))
            continue;
        for (size_t k = 0; k < a->niconv; k++) {
            size_t len = strlen(a->iconv[k]);
            if (len <= n - i && memcmp(s + i, a->iconv[k], len) == 0)
                return 1;
        }
    }
    return 0;
}

static int has_ignored(const affixes *a, const char *s, size_t n)
{
    for (size_t i = 0, k; a->nignore && i < n; i += k) {
        uint32_t c;
        if (!(k = utf8_decode(s + i, n - i, &c)))
            return 1;
        for (int j = 0; j < a->nignore; j++)
            if (a->ignore[j] == c)
                return 1;
    }
    return 0;
}

static int add_form(hashes *hs, const char *s, size_t n)
{
    if (n == 0 || n > MAX_FORM || (hs->a && has_iconv_source(hs->a, s, n)))
        return 0;
    if (hs->a && has_ignored(hs->a, s, n)) { /* Hunspell drops it from the word: not us */
        hs->incomplete = 1;
        return 0;
    }
    uint64_t h = form_hash(s, n);
    if (hs->nhidden && case_of(s, n) == CASE_INIT &&
        bsearch(&h, hs->hidden, hs->nhidden, sizeof h, cmp_u64))
        return 0;
    if (hs->fn)
        return hs->fn(hs->arg, s, n);
    if (grow((void **)&hs->h, &hs->cap, hs->n + 1, sizeof *hs->h))
        return -1;
    hs->h[hs->n++] = (pair){h, hs->stem};
    return 0;
}

/* Adds stem and its suffixed forms for the flags in `flags`. */
static int expand(const affixes *a, const char *stem, size_t n, const char *flags, hashes *hs)
{
    if (add_form(hs, stem, n))
        return -1;
    uint32_t cp[MAX_FORM];
    size_t ncp = 0;
    for (size_t i = 0; i < n && ncp < MAX_FORM;) {
        uint32_t c;
        size_t k = utf8_decode(stem + i, n - i, &c);
        if (!k) {
            hs->incomplete = 1;
            return 0; /* not UTF-8: Hunspell's business */
        }
        cp[ncp++] = c;
        i += k;
    }
    char form[MAX_FORM * 2 + 8];
    for (const char *f = flags; *f; f++) {
        unsigned fl = (unsigned char)*f;
        for (size_t i = a->first[fl]; i < a->first[fl + 1]; i++) {
            const sfx_rule *r = &a->r[i];
            if (r->nelem > ncp || r->nstrip > n || (r->nstrip == n && !a->fullstrip) ||
                memcmp(stem + n - r->nstrip, r->strip, r->nstrip) != 0)
                continue;
            int ok = 1;
            for (uint32_t e = 0; e < r->nelem && ok; e++)
                ok = elem_ok(a, &a->el[r->elem + e], cp[ncp - r->nelem + e]);
            size_t base = n - r->nstrip;
            if (!ok || base + r->napp > sizeof form)
                continue;
            memcpy(form, stem, base);
            memcpy(form + base, r->app, r->napp);
            if (add_form(hs, form, base + r->napp))
                return -1;
        }
    }
    return 0;
}

/* Hunspell's case shape of a stem (get_captype): 0 no capitals, 1 Capitalised,
 * 2 ALL CAPS, 3 mixed. -1 on bad UTF-8. */
static int captype(const char *s, size_t n)
{
    size_t ncp = 0, ncap = 0, nneutral = 0;
    int firstcap = 0;
    for (size_t i = 0, k; i < n; i += k, ncp++) {
        uint32_t c;
        if (!(k = utf8_decode(s + i, n - i, &c)))
            return -1;
        UChar32 lo = u_tolower((UChar32)c);
        if (lo != (UChar32)c) {
            ncap++;
            firstcap |= ncp == 0;
        }
        nneutral += u_toupper((UChar32)c) == lo;
    }
    if (!ncap)
        return 0;
    if (ncap == 1 && firstcap)
        return 1;
    return ncap == ncp || ncap + nneutral == ncp ? 2 : 3;
}

/* Reads the stems of `path`, expanding each into `hs`. With hidden != NULL, instead
 * collects the forms of Hunspell's hidden stems: for a stem in ALL CAPS with affixes
 * («ЗАЗ/1») or in mixed case, Hunspell adds «Заз/1» marked ONLYUPCASE so that «ЗАЗУ»
 * is accepted, and then rejects a Capitalised input («Зазу») that parses as such a
 * stem plus a suffix, even when another stem (a name «Заза») yields the same form: it
 * stops at the first root it finds. Those Capitalised forms are left out of the table
 * (their lower-case forms, when words, still count in wordtab_spell). */
static int read_dic(const char *path, const affixes *a, hashes *hs, int hidden)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char line[1024];
    int st = 0, first = 1;
    while (!st && fgets(line, sizeof line, f)) {
        if (!strchr(line, '\n') && !feof(f))
            hs->incomplete = 1; /* a line longer than the buffer: read in pieces */
        if (first) { /* the word count */
            first = 0;
            continue;
        }
        size_t n = strcspn(line, " \t\r\n");
        line[n] = '\0';
        char *slash = strchr(line, '/');
        const char *flags = "";
        if (slash) {
            if (slash > line && slash[-1] == '\\') {
                hs->incomplete = 1;
                continue; /* an escaped slash: rare, leave it to Hunspell */
            }
            *slash = '\0';
            flags = slash + 1;
        }
        size_t wl = strlen(line);
        if (!hidden) {
            if (grow((void **)&hs->soff, &hs->capstems, hs->nstems + 1, sizeof *hs->soff) ||
                hs->pool.len > UINT32_MAX / 2) {
                st = -1;
                break;
            }
            hs->stem = (uint32_t)hs->nstems;
            hs->soff[hs->nstems++] = (uint32_t)hs->pool.len;
            tl_buf_add(&hs->pool, line, wl + 1);
            st = hs->pool.oom ? -1 : expand(a, line, wl, flags, hs);
            continue;
        }
        int ct = captype(line, wl);
        char cap[MAX_FORM * 2];
        size_t cn;
        if (ct == 3 || (ct == 2 && *flags)) {
            if (recase(line, wl, 1, cap, sizeof cap, &cn))
                hs->incomplete = 1;
            else
                st = expand(a, cap, cn, flags, hs);
        }
    }
    fclose(f);
    return st;
}

/* Lays the pairs out as a file image (see file_size): the distinct hashes sorted, each
 * with its stem or its list of stems, then the hidden hashes and the stem texts. */
static void *layout(hashes *hs, const uint64_t *hidden, size_t nhidden, uint64_t sig,
                    size_t *len)
{
    qsort(hs->h, hs->n, sizeof *hs->h, cmp_pair);
    size_t np = 0, w = 0, nlists = 0;
    for (size_t i = 0; i < hs->n; i++)
        if (!np || hs->h[i].h != hs->h[np - 1].h || hs->h[i].stem != hs->h[np - 1].stem)
            hs->h[np++] = hs->h[i];
    for (size_t i = 0, j; i < np; i = j) {
        for (j = i + 1; j < np && hs->h[j].h == hs->h[i].h; j++)
            ;
        w++;
        if (j - i > 1)
            nlists += 1 + (j - i);
    }
    uint32_t bits = 1;
    while (bits < 28 && ((size_t)1 << bits) < w / 4)
        bits++;
    const affixes *a = hs->a;
    uint32_t flags = a->nbreak == 0 || (a->nbreak > 0 && a->hyphen_break) ? WT_HYPHEN_BREAK : 0;
    if (!a->incomplete && !hs->incomplete && !hs->hidden_incomplete)
        flags |= WT_COMPLETE;
    wt_header head = {WT_MAGIC, WT_VERSION, sig, w, bits, flags, nhidden, nlists, hs->nstems,
                      hs->pool.len};
    if (!(*len = file_size(&head)) || nlists >= STEM_LIST)
        return NULL;
    char *mem = tl_calloc(1, *len);
    if (!mem)
        return NULL;
    memcpy(mem, &head, sizeof head);
    wordtab t;
    attach_layout(&t, mem);
    uint32_t *idx = (uint32_t *)t.idx, *ref = (uint32_t *)t.ref, *lists = (uint32_t *)t.lists;
    uint64_t *h = (uint64_t *)t.h;
    size_t k = 0, l = 0;
    for (size_t i = 0, j; i < np; i = j) {
        for (j = i + 1; j < np && hs->h[j].h == hs->h[i].h; j++)
            ;
        h[k] = hs->h[i].h;
        if (j - i == 1) {
            ref[k] = hs->h[i].stem;
        } else {
            ref[k] = STEM_LIST | (uint32_t)l;
            lists[l++] = (uint32_t)(j - i);
            for (size_t m = i; m < j; m++)
                lists[l++] = hs->h[m].stem;
        }
        k++;
    }
    size_t nidx = ((size_t)1 << bits) + 1, i = 0;
    for (size_t b = 0; b < nidx - 1; b++) {
        idx[b] = (uint32_t)i;
        while (i < w && (size_t)(h[i] >> (64 - bits)) == b)
            i++;
    }
    idx[nidx - 1] = (uint32_t)w;
    memcpy((uint64_t *)t.hidden, hidden, nhidden * sizeof *hidden);
    memcpy((uint32_t *)t.soff, hs->soff, hs->nstems * sizeof *hs->soff);
    ((uint32_t *)t.soff)[hs->nstems] = (uint32_t)hs->pool.len;
    memcpy((char *)t.pool, hs->pool.data, hs->pool.len);
    return mem;
}

/* Expands the dictionary: into a file image (fn == NULL), else form by form to fn. */
static void *compile(const char *aff, const char *dic, uint64_t sig, size_t *len,
                     int (*fn)(void *, const char *, size_t), void *arg, int *rc)
{
    affixes a;
    memset(&a, 0, sizeof a);
    tl_arena_init(&a.mem);
    hashes hs, hid;
    memset(&hs, 0, sizeof hs);
    memset(&hid, 0, sizeof hid);
    tl_buf_init(&hs.pool, 0);
    tl_buf_init(&hid.pool, 0);
    uint64_t *hidden = NULL;
    size_t nhidden = 0;
    void *mem = NULL;
    *rc = -1;
    if (!read_aff(aff, &a) && !group_rules(&a) && !read_dic(dic, &a, &hid, 1) &&
        (hidden = tl_malloc((hid.n ? hid.n : 1) * sizeof *hidden))) {
        for (size_t i = 0; i < hid.n; i++)
            hidden[i] = hid.h[i].h;
        qsort(hidden, hid.n, sizeof *hidden, cmp_u64);
        for (size_t i = 0; i < hid.n; i++)
            if (!nhidden || hidden[i] != hidden[nhidden - 1])
                hidden[nhidden++] = hidden[i];
        hs.a = &a;
        hs.hidden = hidden;
        hs.hidden_incomplete = hid.incomplete;
        hs.nhidden = nhidden;
        hs.fn = fn;
        hs.arg = arg;
        *rc = read_dic(dic, &a, &hs, 0);
        if (!*rc && !fn)
            mem = layout(&hs, hidden, nhidden, sig, len);
    }
    tl_free(hidden);
    tl_free(hid.h);
    tl_free(hs.soff);
    tl_buf_release(&hs.pool);
    tl_buf_release(&hid.pool);
    tl_free(a.iconv);
    tl_free(a.r);
    tl_free(a.flag);
    tl_free(a.el);
    tl_free(a.cp);
    tl_arena_release(&a.mem);
    tl_free(hs.h);
    return mem;
}

/* ---- the cache file ------------------------------------------------------------------ */

/* Creates folder `path` and its missing parents (like mkdir -p), private to the user. */
static void make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(path, 0700);
        *p = '/';
    }
    mkdir(path, 0700);
}

/* The folder for tables, `given` (NULL or "": none), created when missing. 0 when
 * there is none. */
static int cache_dir_path(const char *given, tl_buf *b)
{
    if (!given || !*given)
        return 0;
    tl_buf_adds(b, given);
    if (b->oom)
        return 0;
    make_dirs(b->data);
    struct stat st;
    return stat(b->data, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Identifies the dictionary version: both paths, sizes and modification times. */
static int signature(const char *aff, const char *dic, uint64_t *sig)
{
    struct stat sa, sd;
    if (stat(aff, &sa) || stat(dic, &sd))
        return -1;
    char b[8192];
    int n = snprintf(b, sizeof b, "%u|%s|%lld|%lld.%ld|%s|%lld|%lld.%ld", WT_VERSION, aff,
                     (long long)sa.st_size, (long long)sa.st_mtim.tv_sec, (long)sa.st_mtim.tv_nsec,
                     dic, (long long)sd.st_size, (long long)sd.st_mtim.tv_sec,
                     (long)sd.st_mtim.tv_nsec);
    if (n < 0 || (size_t)n >= sizeof b)
        return -1;
    *sig = form_hash(b, (size_t)n);
    return 0;
}

static wordtab *map_file(const char *path, uint64_t sig)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *m = MAP_FAILED;
    if (fstat(fd, &st) == 0 && st.st_size >= (off_t)sizeof(wt_header))
        m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m == MAP_FAILED)
        return NULL;
    wordtab *t = tl_calloc(1, sizeof *t);
    if (!t || !attach(t, m, (size_t)st.st_size, sig)) {
        munmap(m, (size_t)st.st_size);
        tl_free(t);
        return NULL;
    }
    t->mem = m;
    t->memlen = (size_t)st.st_size;
    t->mapped = 1;
    return t;
}

/* Writes the image to path through a temporary file in the same folder. */
static void save(const char *path, const void *mem, size_t len)
{
    tl_buf tmp;
    tl_buf_init(&tmp, 0);
    tl_buf_printf(&tmp, "%s.%ld.tmp", path, (long)getpid());
    int fd = tmp.oom ? -1 : open(tmp.data, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
        const char *p = mem;
        size_t left = len;
        while (left) {
            ssize_t w = write(fd, p, left);
            if (w <= 0)
                break;
            p += w;
            left -= (size_t)w;
        }
        if (close(fd) || left || rename(tmp.data, path))
            unlink(tmp.data);
    }
    tl_buf_release(&tmp);
}

wordtab *wordtab_open(const char *aff, const char *dic, const char *cache_dir, int *built)
{
    if (built)
        *built = 0;
    uint64_t sig;
    if (signature(aff, dic, &sig))
        return NULL;
    tl_buf path;
    tl_buf_init(&path, 0);
    int have_dir = cache_dir_path(cache_dir, &path);
    if (have_dir) {
        const char *base = strrchr(dic, '/');
        base = base ? base + 1 : dic;
        size_t bn = strcspn(base, ".");
        tl_buf_printf(&path, "/%.*s-%016llx.tab", (int)bn, base, (unsigned long long)sig);
        wordtab *t = path.oom ? NULL : map_file(path.data, sig);
        if (t) {
            tl_buf_release(&path);
            return t;
        }
    }
    size_t len = 0;
    int rc;
    void *mem = compile(aff, dic, sig, &len, NULL, NULL, &rc);
    wordtab *t = mem ? tl_calloc(1, sizeof *t) : NULL;
    if (!t || !attach(t, mem, len, sig)) {
        tl_free(mem);
        tl_free(t);
        tl_buf_release(&path);
        return NULL;
    }
    t->mem = mem;
    t->memlen = len;
    if (built)
        *built = 1;
    if (have_dir && !path.oom)
        save(path.data, mem, len);
    tl_buf_release(&path);
    return t;
}

void wordtab_close(wordtab *t)
{
    if (!t)
        return;
    if (t->mapped)
        munmap(t->mem, t->memlen);
    else
        tl_free(t->mem);
    tl_free(t);
}

int wordtab_each_form(const char *aff, const char *dic,
                      int (*fn)(void *arg, const char *form, size_t len), void *arg)
{
    size_t len;
    int rc;
    compile(aff, dic, 0, &len, fn, arg, &rc);
    return rc;
}
