/*
 * candidates.c - term candidates of a checked text, for the terminology report: word
 * groups that look like terms or names and that no glossary form covers
 * (docs/report.md, "Term candidates"). They go into the file's usage record, so a
 * report merged from shards has them too.
 *
 *   name    two to five capitalised Cyrillic words in a row («Нгуен Ван Ань»); at a
 *           sentence start the first word counts only when the dictionary does not
 *           know it (its capital says nothing otherwise)
 *   word    one capitalised word the dictionary does not know (spelling.unknown-name)
 *           that is not part of a name
 *   code    a Latin abbreviation in capitals, digits allowed («CPTPP», «G20»), not a
 *           Roman numeral nor the code of a document number («203/2025/QH15»)
 *   phrase  a noun phrase headed by a word that heads the names of bodies (комитет,
 *           комиссия, отдел, совет, ...; uk комітет, комісія, відділ, рада, ...) with
 *           one or two adjectives before it and/or «по»/«з» and up to two words after
 *           it: «народный комитет», «комиссия по внешним связям»
 *
 * Left out: anything overlapping a glossary use (a finding with a glossary term) or a
 * line of page furniture (boilerplate). The text is read here, by code point: the
 * letters are classified by their Unicode blocks (Cyrillic U+0400-U+04FF, Latin A-Z),
 * which is all these heuristics need, and no <ctype.h> touches UTF-8.
 *
 * Each candidate has a group key: its words lower-cased, each cut to a stem (a short
 * list of case endings), the letters transliteration confuses folded (э/е, ы/и/і/й,
 * ё/е, є/е, ї/и; ь, ъ and apostrophes dropped) and the spaces and hyphens removed, so
 * «Куанг Нам», «Куангнам» and «Куанг Нама» are one group.
 */
#include "usage.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 5 /* words of a name */
#define CAND_EXAMPLES USAGE_EXAMPLES

typedef struct {
    size_t off, len;
    unsigned char cap, allcaps, latin, digit, sent, joined; /* joined: only spaces or one
                                                               hyphen since the last word */
    unsigned line, col;
} word;

/* Decodes the code point at s[*i] (advancing *i); invalid bytes read as U+FFFD. */
static unsigned cp_at(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    if (p[0] < 0x80) {
        (*i)++;
        return p[0];
    }
    if ((p[0] & 0xE0) == 0xC0 && left >= 2 && (p[1] & 0xC0) == 0x80) {
        *i += 2;
        return (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    }
    if ((p[0] & 0xF0) == 0xE0 && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *i += 3;
        return (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    }
    (*i)++;
    return 0xFFFD;
}

static int is_cyr(unsigned c) { return c >= 0x400 && c <= 0x4FF; }
static int is_latin(unsigned c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static int is_upper(unsigned c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0x400 && c <= 0x42F) || c == 0x490;
}
static int is_apos(unsigned c) { return c == '\'' || c == 0x2019 || c == 0x2BC; }

/* Lower case of a Cyrillic or Latin capital; others as they are. */
static unsigned lower(unsigned c)
{
    if (c >= 'A' && c <= 'Z')
        return c + 0x20;
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    if (c == 0x490)
        return 0x491;
    return c;
}

static void put_utf8(char **o, unsigned c)
{
    char *p = *o;
    if (c < 0x80) {
        *p++ = (char)c;
    } else if (c < 0x800) {
        *p++ = (char)(0xC0 | c >> 6);
        *p++ = (char)(0x80 | (c & 0x3F));
    } else {
        *p++ = (char)(0xE0 | c >> 12);
        *p++ = (char)(0x80 | (c >> 6 & 0x3F));
        *p++ = (char)(0x80 | (c & 0x3F));
    }
    *o = p;
}

/* Where words_of() is in the text: what it carries from one block to the next. */
typedef struct {
    size_t line, col;
    int sent, joined, hyphens;
} reading;

/* The words of s[i, len) (a block of the text, from a line start), with what the
 * heuristics need, offsets from s; *n of them (owned); `r` carries the position. */
static word *words_of(const char *s, size_t i, size_t len, reading *r, size_t *n)
{
    size_t cap = 256, line = r->line, col = r->col;
    word *v = malloc(cap * sizeof *v);
    int sent = r->sent, joined = r->joined, hyphens = r->hyphens;
    *n = 0;
    if (!v)
        return NULL;
    while (i < len) {
        size_t start = i;
        unsigned c = cp_at(s, len, &i);
        if (!(is_cyr(c) || is_latin(c))) {
            if (c == '\n') {
                line++;
                col = 1;
                sent = 1;
                joined = 0;
                continue;
            }
            col++;
            if (c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';')
                sent = 1;
            if (c == '-' && !hyphens)
                hyphens = 1;
            else if (c != ' ' && c != 0xA0 && c != '\t')
                joined = 0;
            continue;
        }
        if (*n == cap) {
            word *w2 = realloc(v, 2 * cap * sizeof *v);
            if (!w2)
                break;
            v = w2;
            cap *= 2;
        }
        word *w = &v[(*n)++];
        memset(w, 0, sizeof *w);
        w->off = start;
        w->line = (unsigned)line;
        w->col = (unsigned)col;
        w->cap = (unsigned char)is_upper(c);
        w->allcaps = 1;
        w->latin = (unsigned char)is_latin(c);
        w->sent = (unsigned char)sent;
        w->joined = (unsigned char)joined;
        size_t letters = 0, end = i;
        for (unsigned d = c;;) {
            letters++;
            col++;
            if (is_cyr(d) || is_latin(d))
                w->allcaps &= (unsigned char)is_upper(d);
            w->digit |= d >= '0' && d <= '9';
            end = i;
            if (i >= len)
                break;
            size_t j = i;
            d = cp_at(s, len, &j);
            if (is_cyr(d) || is_latin(d) || (d >= '0' && d <= '9') || is_apos(d)) {
                i = j;
                continue;
            }
            break;
        }
        w->allcaps &= letters > 1;
        w->len = end - start;
        sent = 0;
        joined = 1;
        hyphens = 0;
    }
    r->line = line;
    r->col = col;
    r->sent = sent;
    r->joined = joined;
    r->hyphens = hyphens;
    return v;
}

/* ---- what is covered ------------------------------------------------------------------ */

typedef struct {
    uint64_t off, end;
} span;

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Glossary uses and furniture lines (sorted by start, each with the furthest end of
 * those up to it), and the unknown names (sorted). */
static void covered_of(const tl_result *r, span **cov, size_t *ncov, uint64_t **unk, size_t *nunk)
{
    size_t n = tl_result_count(r);
    *cov = malloc((n ? n : 1) * sizeof **cov);
    *unk = malloc((n ? n : 1) * sizeof **unk);
    *ncov = *nunk = 0;
    if (!*cov || !*unk)
        return;
    for (size_t i = 0; i < n; i++) {
        const tl_finding *x = tl_result_at(r, i);
        if ((x->term && x->concept) || x->rule == TL_RULE_BOILERPLATE)
            (*cov)[(*ncov)++] = (span){x->offset, x->offset + x->length};
        if (x->rule == TL_RULE_SPELLING_UNKNOWN_NAME)
            (*unk)[(*nunk)++] = x->offset;
    }
    qsort(*cov, *ncov, sizeof **cov, cmp_span);
    for (size_t i = 1; i < *ncov; i++) /* end: the furthest end so far */
        if ((*cov)[i].end < (*cov)[i - 1].end)
            (*cov)[i].end = (*cov)[i - 1].end;
}

/* Whether [off, end) overlaps a span: the last span starting before `end` (a binary
 * search: a long text has many) reaches past `off`, or one before it does, which its
 * running end says. */
static int is_covered(const span *c, size_t n, uint64_t off, uint64_t end)
{
    size_t lo = 0, hi = n; /* spans [0, lo) start before end */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c[mid].off < end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && c[lo - 1].end > off;
}

static int is_unknown(const uint64_t *u, size_t n, uint64_t off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (u[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && u[lo] == off;
}

/* ---- keys -------------------------------------------------------------------------------- */

/* the case endings of a name (only its last word inflects, and a transcribed syllable
 * may end in what looks like a longer ending: «Куангнам») */
static const char *const name_endings[] = {"ом", "ем", "ой", "ей", "ою", "ею", "а", "я",
                                           "у",  "ю",  "е",  "і",  "и",  "ы",  NULL};

/* case endings of the words of a phrase, cut from a word's end (lower case, longest
 * first), keeping 3 letters */
static const char *const endings[] = {
    "ами", "ями", "ого", "его", "ому", "ему", "ими", "ыми", "ах", "ях", "ов", "ев", "ей",
    "ой",  "ый",  "ий",  "ая",  "яя",  "ое",  "ее",  "ые",  "ие", "ую", "юю", "ым", "им",
    "ом",  "ем",  "ам",  "ям",  "их",  "ых",  "ою",  "ею",  "ів", "ій", "ої", "ом", "а",
    "я",   "у",   "ю",   "е",   "и",   "ы",   "і",   "ь",   "о",  NULL};

/* Bytes of word [p, p+n) lower-cased into *o. */
static void lower_into(char **o, const char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = cp_at(p, n, &i);
        put_utf8(o, lower(c));
    }
}

/* The stem of the lower-cased word at [a, *o): an ending of `list` cut. */
static void cut_ending(char *a, char **o, const char *const *list)
{
    size_t n = (size_t)(*o - a);
    for (size_t k = 0; list[k]; k++) {
        size_t e = strlen(list[k]);
        /* at least three letters (6 bytes of Cyrillic) stay */
        if (n >= e + 6 && !memcmp(*o - e, list[k], e)) {
            *o -= e;
            return;
        }
    }
}

/* The folded form of a stem for the key: what transliteration confuses read as one. */
static void fold_into(char **o, const char *a, const char *b)
{
    for (size_t i = 0; a + i < b;) {
        unsigned c = cp_at(a, (size_t)(b - a), &i);
        switch (c) {
        case 0x44D: c = 0x435; break; /* э -> е */
        case 0x451: c = 0x435; break; /* ё -> е */
        case 0x454: c = 0x435; break; /* є -> е */
        case 0x44B:
        case 0x456:
        case 0x457:
        case 0x439: c = 0x438; break; /* ы і ї й -> и */
        case 0x44C:
        case 0x44A:
        case '\'':
        case 0x2019:
        case 0x2BC: continue; /* ь ъ ' */
        default: break;
        }
        put_utf8(o, c);
    }
}

/* The text of words [a, b) as written (white space as single spaces) and its key; a
 * name's words but the last keep their endings. */
static void text_and_key(const char *s, const word *w, size_t a, size_t b, int name, char **text,
                         char **key)
{
    size_t cap = 1;
    for (size_t k = a; k < b; k++)
        cap += w[k].len * 2 + 2;
    *text = malloc(cap);
    *key = malloc(cap);
    char *stem = malloc(cap);
    if (!*text || !*key || !stem) {
        free(stem);
        return;
    }
    char *t = *text, *y = *key;
    for (size_t k = a; k < b; k++) {
        if (k > a)
            *t++ = w[k].joined && s[w[k].off - 1] == '-' ? '-' : ' ';
        memcpy(t, s + w[k].off, w[k].len);
        t += w[k].len;
        char *st = stem, *se = stem;
        lower_into(&se, s + w[k].off, w[k].len);
        if (!w[k].latin && !name)
            cut_ending(st, &se, endings);
        else if (!w[k].latin && k + 1 == b)
            cut_ending(st, &se, name_endings);
        fold_into(&y, st, se);
    }
    *t = '\0';
    *y = '\0';
    free(stem);
}

/* ---- body heads and adjectives --------------------------------------------------------- */

/* stems of the words that head the names of bodies (lower case) */
static const char *const heads[] = {
    "комитет",     "комисси",   "отдел",      "совет",      "департамент", "министерств",
    "управлени",   "ассоциаци", "союз",       "фронт",      "собрани",     "агентств",
    "институт",    "академи",   "суд",        "прокуратур", "корпораци",   "служб",
    "инспекци",    "канцеляри", "комітет",    "коміс",      "відділ",      "рад",
    "міністерств", "управлін",  "асоціац",    "спілк",      "зібран",      "агентств",
    "інститут",    "академі",   "прокуратур", "корпорац",   "інспекці",    NULL};

static int is_head(const char *s, const word *w)
{
    char buf[128], *o = buf;
    if (w->latin || w->len > 60)
        return 0;
    lower_into(&o, s + w->off, w->len);
    size_t n = (size_t)(o - buf);
    for (size_t k = 0; heads[k]; k++) {
        size_t h = strlen(heads[k]);
        /* the stem plus at most a two-letter ending: «совета», not «советский» */
        if (n >= h && n <= h + 4 && !memcmp(buf, heads[k], h))
            return 1;
    }
    return 0;
}

/* adjective endings (ru and uk), lower case */
static const char *const adj_end[] = {"ый",  "ий",  "ой",  "ая",  "яя", "ое", "ее", "ые", "ие",
                                      "ого", "его", "ому", "ему", "ым", "им", "ую", "юю", "ых",
                                      "их",  "ыми", "ими", "ої",  "ій", "ою", "і",  NULL};

static int is_adj(const char *s, const word *w)
{
    char buf[128], *o = buf;
    if (w->latin || w->len > 60 || w->len < 8)
        return 0;
    lower_into(&o, s + w->off, w->len);
    size_t n = (size_t)(o - buf);
    for (size_t k = 0; adj_end[k]; k++) {
        size_t e = strlen(adj_end[k]);
        if (n > e && !memcmp(buf + n - e, adj_end[k], e))
            return 1;
    }
    return 0;
}

static int word_is(const char *s, const word *w, const char *lit)
{
    return w->len == strlen(lit) && !memcmp(s + w->off, lit, w->len);
}

/* Roman numerals are not codes («XIV съезд») */
static int is_roman(const char *s, const word *w)
{
    for (size_t i = 0; i < w->len; i++)
        if (!strchr("IVXLCDM", s[w->off + i]))
            return 0;
    return 1;
}

/* ---- the candidates ------------------------------------------------------------------- */

/* One group of candidates: the same key and text, counted, with the first
 * CAND_EXAMPLES places. Groups are found by a hash of key and text, so memory holds a
 * group per distinct candidate, not one per occurrence. */
typedef struct {
    const char *kind;
    char *text, *key;
    uint64_t hash;
    size_t count, nex;
    struct {
        uint64_t off, len;
        unsigned line, col;
    } ex[CAND_EXAMPLES];
} group;

typedef struct {
    group *v;
    size_t n, cap;
    size_t *slot; /* index + 1 into v, 0 empty; nslot a power of two */
    size_t nslot;
} cands;

static uint64_t hash_of(const char *key, const char *text)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const char *p = key; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    h = (h ^ 0xFF) * 0x100000001b3ull;
    for (const char *p = text; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    return h;
}

/* Room for one more group, the slots rehashed when they are half full; -1 when out of
 * memory. */
static int room(cands *c)
{
    if (c->n == c->cap) {
        size_t nc = c->cap ? 2 * c->cap : 32;
        group *v = realloc(c->v, nc * sizeof *v);
        if (!v)
            return -1;
        c->v = v;
        c->cap = nc;
    }
    if (2 * (c->n + 1) <= c->nslot)
        return 0;
    size_t ns = c->nslot ? 2 * c->nslot : 64;
    size_t *slot = calloc(ns, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < c->n; i++) {
        size_t k = c->v[i].hash & (ns - 1);
        while (slot[k])
            k = (k + 1) & (ns - 1);
        slot[k] = i + 1;
    }
    free(c->slot);
    c->slot = slot;
    c->nslot = ns;
    return 0;
}

static void add(cands *c, const char *s, const word *w, size_t a, size_t b, const char *kind)
{
    char *text, *key;
    text_and_key(s, w, a, b, strcmp(kind, "phrase") != 0, &text, &key);
    if (!text || !key || room(c)) {
        free(text);
        free(key);
        return;
    }
    uint64_t h = hash_of(key, text);
    size_t k = h & (c->nslot - 1);
    group *g = NULL;
    for (; c->slot[k]; k = (k + 1) & (c->nslot - 1)) {
        group *x = &c->v[c->slot[k] - 1];
        if (x->hash == h && !strcmp(x->key, key) && !strcmp(x->text, text)) {
            g = x;
            break;
        }
    }
    if (g) {
        free(text);
        free(key);
    } else {
        c->slot[k] = c->n + 1;
        g = &c->v[c->n++];
        memset(g, 0, sizeof *g);
        g->kind = kind;
        g->text = text;
        g->key = key;
        g->hash = h;
    }
    g->count++;
    if (g->nex < CAND_EXAMPLES) { /* the text is read in order: the first places */
        g->ex[g->nex].off = w[a].off;
        g->ex[g->nex].len = w[b - 1].off + w[b - 1].len - w[a].off;
        g->ex[g->nex].line = w[a].line;
        g->ex[g->nex].col = w[a].col;
        g->nex++;
    }
}

static int cmp_group(const void *pa, const void *pb)
{
    const group *a = *(group *const *)pa, *b = *(group *const *)pb;
    int c = strcmp(a->key, b->key);
    return c ? c : strcmp(a->text, b->text);
}

/* Names, words, codes and phrases of words w[0, n). */
static void find(cands *c, const char *s, size_t len, const word *w, size_t n, const span *cov,
                 size_t ncov, const uint64_t *unk, size_t nunk)
{
#define COVERED(a, b) is_covered(cov, ncov, w[a].off, w[(b)-1].off + w[(b)-1].len)
    for (size_t i = 0; i < n;) {
        const word *x = &w[i];
        /* a code inside a document number («203/2025/QH15») belongs to the number */
        int in_number = (x->off > 0 && s[x->off - 1] == '/') ||
                        (x->off + x->len < len && s[x->off + x->len] == '/');
        if (x->latin && x->allcaps && !is_roman(s, x) && x->len <= 12 && !in_number &&
            !COVERED(i, i + 1)) {
            add(c, s, w, i, i + 1, "code");
            i++;
            continue;
        }
        if (!x->cap || x->latin || x->allcaps) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n && j - i < MAX_WORDS && w[j].cap && !w[j].latin && !w[j].allcaps &&
               w[j].joined && !w[j].sent)
            j++;
        size_t a = i;
        if (w[a].sent && !is_unknown(unk, nunk, w[a].off))
            a++;
        if (j - a >= 2 && !COVERED(a, j))
            add(c, s, w, a, j, "name");
        else if (j - a == 1 && is_unknown(unk, nunk, w[a].off) && !COVERED(a, j))
            add(c, s, w, a, j, "word");
        i = j;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_head(s, &w[i]))
            continue;
        size_t a = i, b = i + 1;
        while (a > 0 && i - a < 2 && w[a].joined && !w[a].sent && is_adj(s, &w[a - 1]))
            a--;
        if (b + 1 < n && w[b].joined && w[b + 1].joined &&
            (word_is(s, &w[b], "по") || word_is(s, &w[b], "з") || word_is(s, &w[b], "у"))) {
            b += 2;
            if (b < n && w[b].joined && is_adj(s, &w[b - 1]) && !w[b].latin)
                b++;
        }
        if (b - a >= 2 && !COVERED(a, b))
            add(c, s, w, a, b, "phrase");
    }
#undef COVERED
}

/* The end of the block of the text read at once from `at`: whole lines of about
 * BLOCK bytes (a name or a phrase never spans a line break), so that memory holds the
 * words of one block, whatever the size of the text. In a line longer than a block, the
 * block ends after a sentence («. »), else after a blank: a name there may be cut. */
#define BLOCK ((size_t)1 << 20)

static size_t block_end(const char *s, size_t len, size_t at)
{
    if (len - at <= BLOCK)
        return len;
    size_t from = at + BLOCK, reach = len - from < BLOCK ? len - from : BLOCK;
    const char *nl = memchr(s + from, '\n', reach);
    if (nl)
        return (size_t)(nl - s) + 1;
    reach = reach < 65536 ? reach : 65536;
    for (size_t i = from; i + 1 < from + reach; i++)
        if (s[i] == '.' && s[i + 1] == ' ')
            return i + 2;
    for (size_t i = from; i < from + reach; i++)
        if (s[i] == ' ')
            return i + 1;
    return len;
}

json_t *candidates_of(const report_file *f)
{
    json_t *out = json_array();
    if (!f->result || !f->data)
        return out;
    size_t ncov = 0, nunk = 0;
    span *cov = NULL;
    uint64_t *unk = NULL;
    covered_of(f->result, &cov, &ncov, &unk, &nunk);
    cands c;
    memset(&c, 0, sizeof c);
    reading r = {1, 1, 1, 0, 0};
    for (size_t at = 0; cov && unk && at < f->len;) {
        size_t end = block_end(f->data, f->len, at), nw = 0;
        word *w = words_of(f->data, at, end, &r, &nw);
        if (w)
            find(&c, f->data, f->len, w, nw, cov, ncov, unk, nunk);
        free(w);
        if (f->consumed)
            f->consumed(f->consumed_arg, end);
        at = end;
    }
    group **order = malloc((c.n ? c.n : 1) * sizeof *order);
    for (size_t i = 0; order && i < c.n; i++)
        order[i] = &c.v[i];
    if (order && c.n)
        qsort(order, c.n, sizeof *order, cmp_group);
    const char *lang = tl_lang_str(tl_result_lang(f->result));
    for (size_t i = 0; order && i < c.n; i++) {
        const group *g = order[i];
        json_t *ex = json_array();
        for (size_t k = 0; k < g->nex; k++) {
            tl_finding x;
            memset(&x, 0, sizeof x);
            x.line = g->ex[k].line;
            x.col = g->ex[k].col;
            x.offset = g->ex[k].off;
            x.length = g->ex[k].len;
            json_array_append_new(ex, usage_example(f, &x, g->text));
        }
        json_array_append_new(out, json_pack("{s:s,s:s,s:s,s:s,s:I,s:o}", "kind", g->kind,
                                             "language", lang, "key", g->key, "text", g->text,
                                             "count", (json_int_t)g->count, "examples", ex));
    }
    for (size_t i = 0; i < c.n; i++) {
        free(c.v[i].text);
        free(c.v[i].key);
    }
    free(order);
    free(c.v);
    free(c.slot);
    free(cov);
    free(unk);
    return out;
}
