/*
 * check_numbering.c - rule `numbering.mixed`: ordinals of one kind for one body written
 * in Roman numerals in one place and in Arabic figures with an ending in another.
 *
 *   «XIV съезд» ... «13-м Национальным съездом»      -> report «13-м ...», suggest XIII
 *   «ЦК КПВ 14-го созыва» next to «НС XV созыва»     -> different bodies: fine
 *   «Департамент II», «IX сессии»                     -> not an ordinal of our kinds
 *
 * An ordinal is a valid Roman numeral (optionally with an ending, «XIV-го») or figures
 * with a hyphen and an ending («13-м», «14-го»), followed by up to three adjectives and
 * then a noun of one of the kinds: the congress (съезд, з'їзд), the plenum (пленум), the
 * convocation (созыв, скликання). Each use is recorded with its kind and body:
 *   congress, plenum  the party's (default); a local one when a word such as
 *                     «городской», «провинции», «міського» is among the adjectives or
 *                     the three words after the noun; another organisation's when the
 *                     word after the noun is a capitalised name other than the party's
 *                     («съезд Союза молодёжи»);
 *   convocation       the body named in the three words before the ordinal (nearest
 *                     first: ЦК/комитет/партия -> the Central Committee, НС/собрание/
 *                     збори -> the National Assembly, совет/рада -> a council), else in
 *                     the three words after the noun («созыва в Национальное собрание»),
 *                     else the stem of the word just before the ordinal.
 * At the end of the document each (kind, body) group with both styles gets its minority
 * uses reported; a tie goes to Roman numerals for congresses (agency usage, DOMAIN.md)
 * and to Arabic figures for plenums and convocations. The suggestion converts the
 * ordinal and keeps the rest of the span: «XIII Национальным съездом»; Roman -> Arabic
 * takes the ending from the written one, else from the adjective or the noun's case
 * («XIV Национального съезда» -> «14-го»), else gives the bare number.
 */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ADJ 3
#define MAX_VALUE 399

enum { K_CONGRESS = 0, K_PLENUM, K_CONVOCATION, K_CONFERENCE };
enum { ST_ROMAN = 0, ST_ARABIC };

typedef struct {
    size_t off, len;  /* the ordinal through the noun */
    size_t ord_len;   /* bytes of the ordinal itself, with its ending */
    const char *body; /* "kind:body" (arena) */
    uint32_t seq;
    uint16_t value;
    uint8_t kind, style;
    char ending[8]; /* Roman uses: the Arabic ending to write, "" if unknown */
} ordinal_use;

typedef struct {
    ordinal_use *v;
    size_t n, cap;
} numbering_state;

static const char *const kind_name[] = {"congress", "plenum", "convocation", "conference"};

static void release(void *st)
{
    numbering_state *s = st;
    tl_free(s->v);
}

/* ---- tokens and words ---------------------------------------------------------------- */

static int joined(const tl_doc *d, size_t i)
{
    return i < d->ntok && !(d->tok[i].flags & (TF_SPACE_BEFORE | TF_LINE_START));
}

static int is_hyphen(const tl_doc *d, size_t i)
{
    return i < d->ntok && d->tok[i].kind == TK_PUNCT && d->tok[i].len == 1 &&
           d->src.text[d->tok[i].off] == '-';
}

/* The word at token i when it is a Cyrillic word, else NULL. SCRIPT_OTHER may come
 * with it: the Ukrainian apostrophe U+02BC («зʼїзд») is a letter of no script. */
static const tl_word *cyr_word(const tl_doc *d, size_t i)
{
    if (i >= d->ntok || d->tok[i].kind != TK_WORD || !d->tok[i].w)
        return NULL;
    unsigned sc = d->tok[i].w->script;
    return (sc & SCRIPT_CYRILLIC) && !(sc & (SCRIPT_LATIN | SCRIPT_GREEK)) ? d->tok[i].w : NULL;
}

static int ends_with(const char *key, size_t n, const char *suf)
{
    size_t m = strlen(suf);
    return m <= n && memcmp(key + n - m, suf, m) == 0;
}

static int starts_with(const char *key, const char *pre)
{
    return strncmp(key, pre, strlen(pre)) == 0;
}

static int starts_with_any(const char *key, const char *const *pre)
{
    for (; *pre; pre++)
        if (starts_with(key, *pre))
            return 1;
    return 0;
}

/* An ordinal ending after a hyphen: a short Cyrillic word touching it («м», «го»). */
static int ending_at(const tl_doc *d, size_t i)
{
    const tl_word *w = cyr_word(d, i);
    return w && joined(d, i) && is_hyphen(d, i - 1) && joined(d, i - 1) && w->ncp <= 3;
}

/* ---- numerals --------------------------------------------------------------------------- */

static int roman_digit(char c)
{
    switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    default: return 0;
    }
}

/* Writes the Roman numeral of 1 <= v <= MAX_VALUE into out (>= 16 bytes). */
static void to_roman(unsigned v, char *out)
{
    static const struct {
        unsigned v;
        const char *s;
    } t[] = {{100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"},
             {9, "IX"},  {5, "V"},   {4, "IV"}, {1, "I"}};
    size_t n = 0;
    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
        while (v >= t[k].v && n + 2 < 16) {
            size_t m = strlen(t[k].s);
            memcpy(out + n, t[k].s, m);
            n += m;
            v -= t[k].v;
        }
    out[n] = 0;
}

/* The value of a canonical Roman numeral [p, p+n), else 0 («IIII», «VX» are not). */
static unsigned roman_value(const char *p, size_t n)
{
    if (n == 0 || n > 9)
        return 0;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        int a = roman_digit(p[i]), b = i + 1 < n ? roman_digit(p[i + 1]) : 0;
        if (!a)
            return 0;
        v += a < b ? -a : a;
    }
    char back[16];
    if (v <= 0 || v > MAX_VALUE)
        return 0;
    to_roman((unsigned)v, back);
    return strlen(back) == n && memcmp(back, p, n) == 0 ? (unsigned)v : 0;
}

/* Figures at token i: their value (1..MAX_VALUE), else 0. */
static unsigned arabic_value(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_NUMBER || t->len > 3)
        return 0;
    unsigned v = 0;
    for (size_t k = 0; k < t->len; k++) {
        char c = d->src.text[t->off + k];
        if (c < '0' || c > '9')
            return 0;
        v = v * 10 + (unsigned)(c - '0');
    }
    return v <= MAX_VALUE ? v : 0;
}

/* An opening bracket or quote, which may touch an ordinal: «(XIV съезд». */
static int opening_mark(const tl_doc *d, size_t i)
{
    static const char *const marks[] = {"(", "[", "«", "\"", "“", "„", NULL};
    const tl_token *t = &d->tok[i];
    for (const char *const *m = marks; *m; m++)
        if (t->kind == TK_PUNCT && t->len == strlen(*m) &&
            !memcmp(d->src.text + t->off, *m, t->len))
            return 1;
    return 0;
}

/* An ordinal at token i: sets value, style and *last (its last token). */
static unsigned ordinal_at(const tl_doc *d, size_t i, int *style, size_t *last)
{
    const tl_token *t = &d->tok[i];
    if (t->flags & TF_URL)
        return 0;
    if (i > 0 && joined(d, i) && !opening_mark(d, i - 1))
        return 0; /* part of «2020-13», «№13», «3/13» */
    unsigned v = 0;
    if (t->kind == TK_WORD && t->w && t->w->script == SCRIPT_LATIN) {
        v = roman_value(d->src.text + t->off, t->len);
        *style = ST_ROMAN;
        *last = ending_at(d, i + 2) ? i + 2 : i;
    } else if (t->kind == TK_NUMBER) {
        v = ending_at(d, i + 2) ? arabic_value(d, i) : 0;
        *style = ST_ARABIC;
        *last = i + 2;
    }
    return v;
}

/* ---- kinds and bodies ----------------------------------------------------------------- */

static int kind_of(const tl_word *w)
{
    static const struct {
        const char *stem;
        int kind;
    } nouns[] = {{"съезд", K_CONGRESS},
                 {"з'їзд", K_CONGRESS},
                 /* MT's calque for the congress: still the same event's ordinal */
                 {"конгресс", K_CONGRESS},
                 {"конгрес", K_CONGRESS},
                 {"пленум", K_PLENUM},
                 {"созыв", K_CONVOCATION},
                 {"скликан", K_CONVOCATION},
                 /* MT's «срок» / «термін» for the convocation (khóa): «на 20-й срок» next
                  * to «XX созыва» is one convocation written two ways */
                 {"срок", K_CONVOCATION},
                 {"термін", K_CONVOCATION},
                 /* «конференция» (hội nghị): a plenum or a party conference, counted apart */
                 {"конференц", K_CONFERENCE}};
    for (size_t k = 0; k < sizeof nouns / sizeof nouns[0]; k++) {
        size_t n = strlen(nouns[k].stem);
        if (starts_with(w->key, nouns[k].stem) && w->keylen - n <= 6)
            return nouns[k].kind;
    }
    return -1;
}

/* Adjective endings (after the ordinal, before the noun). */
static int adjective(const tl_word *w)
{
    static const char *const end[] = {"ый",  "ий",  "ой",   "ая",   "яя", "ое", "ее", "ые", "ие",
                                      "ого", "его", "ому",  "ему",  "ым", "им", "ых", "их", "ую",
                                      "ом",  "ем",  "ього", "ьому", "ім", "іх", "ій", NULL};
    for (const char *const *e = end; *e; e++)
        if (ends_with(w->key, w->keylen, *e))
            return 1;
    return 0;
}

static const char *const local_stems[] = {"город",  "горком", "провинц",     "провком", "уезд",
                                          "район",  "област", "обком",       "міськ",   "провінц",
                                          "обласн", "повіт",  "парторганиз", NULL};

/* The party and its Central Committee: «съезд КПВ», «пленум ЦК», «пленум Центрального
 * комитета» are the party's. */
static const char *const party_stems[] = {"парти",          "партії",      "партій",  "кпв",
                                          "коммунистическ", "комуністичн", "компарт", "цк",
                                          "центральн",      "комитет",     "комітет", NULL};

/* Body of a congress or plenum whose noun is token j, adjectives at [a, j). */
static const char *assembly_body(const tl_doc *d, size_t a, size_t j)
{
    for (size_t k = a; k < j; k++)
        if (starts_with_any(d->tok[k].w->key, local_stems))
            return "local";
    for (size_t k = j + 1; k <= j + 3; k++) {
        const tl_word *w = cyr_word(d, k);
        if (!w || !(d->tok[k].flags & TF_SPACE_BEFORE) || (d->tok[k].flags & TF_LINE_START))
            break; /* (a headline's noun ends its line: the next line is not its body) */
        if (starts_with_any(w->key, local_stems))
            return "local";
        if (k == j + 1 && (w->flags & WF_CAP) && !starts_with_any(w->key, party_stems))
            return w->key; /* «съезд Союза молодёжи» */
    }
    return "party";
}

/* The class of a word naming a body that has convocations, or NULL. */
static const char *convocation_class(const tl_word *w)
{
    static const char *const cc[] = {"цк", "комитет", "комітет", "кпв", "парти", NULL};
    static const char *const na[] = {"нс", "собрани", "збор", "парламент", NULL};
    static const char *const council[] = {"совет", NULL};
    static const char *const rada[] = {"рада", "ради", "раді", "раду", "радою", NULL};
    if (starts_with_any(w->key, cc))
        return "central-committee";
    if (starts_with_any(w->key, na) && (w->keylen > 4 || strcmp(w->key, "нс") == 0))
        return "national-assembly";
    if (starts_with_any(w->key, council))
        return "council";
    for (const char *const *r = rada; *r; r++)
        if (!strcmp(w->key, *r))
            return "council";
    return NULL;
}

/* Body of a convocation: ordinal at token i, noun at token j. */
static const char *convocation_body(const tl_doc *d, size_t i, size_t j)
{
    for (size_t k = i; k-- > 0 && k + 6 >= i;) { /* «комитета партии провинции Нгеан на XX» */
        const tl_word *w = cyr_word(d, k);
        if (!w || (d->tok[k + 1].flags & TF_LINE_START))
            break;
        const char *c = convocation_class(w);
        if (c)
            return c;
    }
    for (size_t k = j + 1; k <= j + 3; k++) {
        const tl_word *w = cyr_word(d, k);
        if (!w || (d->tok[k].flags & TF_LINE_START))
            break;
        const char *c = convocation_class(w);
        if (c)
            return c;
    }
    const tl_word *w = i > 0 ? cyr_word(d, i - 1) : NULL;
    return w ? w->key : "?";
}

/* ---- endings for Roman -> Arabic -------------------------------------------------------- */

static const char *ending_from_adjective(const tl_word *w)
{
    static const struct {
        const char *adj, *ord;
    } t[] = {{"ого", "го"}, {"его", "го"}, {"ому", "му"}, {"ему", "му"}, {"ым", "м"},
             {"им", "м"},   {"ім", "м"},   {"ом", "м"},   {"ем", "м"},   {"ый", "й"},
             {"ий", "й"},   {"ій", "й"},   {"ой", "й"}};
    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
        if (ends_with(w->key, w->keylen, t[k].adj))
            return t[k].ord;
    return "";
}

/* From the noun's case; "" when ambiguous (uk «з'їзду»: genitive or dative). The nouns
 * are masculine, except uk «скликання», which after a body is a genitive. */
static const char *ending_from_noun(const tl_doc *d, const tl_word *w)
{
    static const char *const stems[] = {"съезд", "з'їзд", "созыв", "пленум", NULL};
    if (starts_with(w->key, "скликан"))
        return "го";
    const char *e = NULL;
    for (const char *const *p = stems; *p && !e; p++)
        if (starts_with(w->key, *p))
            e = w->key + strlen(*p);
    if (!e)
        return "";
    if (!*e)
        return "й";
    if (!strcmp(e, "ом"))
        return "м";
    if (d->lang == TL_LANG_UK)
        return !strcmp(e, "і") ? "му" : "";
    if (!strcmp(e, "а"))
        return "го";
    if (!strcmp(e, "у"))
        return "му";
    return !strcmp(e, "е") ? "м" : "";
}

static void roman_ending(const tl_doc *d, size_t i, size_t last, size_t a, size_t j, char *out)
{
    const char *e;
    if (last > i)
        e = d->tok[last].w->key;
    else if (j > a)
        e = ending_from_adjective(d->tok[j - 1].w);
    else
        e = ending_from_noun(d, d->tok[j].w);
    if (!*e && j > a)
        e = ending_from_noun(d, d->tok[j].w);
    size_t n = strlen(e);
    if (n >= 8)
        n = 0;
    memcpy(out, e, n);
    out[n] = 0;
}

/* ---- recording --------------------------------------------------------------------------- */

static int record(tl_doc *d, numbering_state *s, size_t i, size_t last, size_t a, size_t j,
                  int kind, int style, unsigned value)
{
    if (TL_GROW(s->v, s->n, s->cap, 16))
        return -1;
    const char *body = kind == K_CONVOCATION ? convocation_body(d, i, j) : assembly_body(d, a, j);
    const char *key = tl_arena_printf(&d->mem, "%s:%s", kind_name[kind], body);
    if (!key)
        return -1;
    ordinal_use *u = &s->v[s->n];
    memset(u, 0, sizeof *u);
    u->off = d->tok[i].off;
    u->len = d->tok[j].off + d->tok[j].len - u->off;
    u->ord_len = d->tok[last].off + d->tok[last].len - u->off;
    u->body = key;
    u->seq = (uint32_t)s->n;
    u->value = (uint16_t)value;
    u->kind = (uint8_t)kind;
    u->style = (uint8_t)style;
    if (style == ST_ROMAN)
        roman_ending(d, i, last, a, j, u->ending);
    s->n++;
    return 0;
}

/* An ordinal of our kinds at token i: recorded; returns the noun's index (to skip to),
 * i when none, or SIZE_MAX when out of memory. */
static size_t scan_at(tl_doc *d, numbering_state *s, size_t i)
{
    int style;
    size_t last;
    unsigned v = ordinal_at(d, i, &style, &last);
    if (!v)
        return i;
    size_t a = last + 1, j = a;
    while (j < d->ntok && j - a <= MAX_ADJ) {
        const tl_word *w = cyr_word(d, j);
        if (!w || !(d->tok[j].flags & TF_SPACE_BEFORE) || (d->tok[j].flags & TF_LINE_START))
            return i;
        int kind = kind_of(w);
        if (kind >= 0)
            return record(d, s, i, last, a, j, kind, style, v) ? SIZE_MAX : j;
        if (!adjective(w))
            return i;
        j++;
    }
    return i;
}

/* ---- reporting --------------------------------------------------------------------------- */

static int cmp_use(const void *a, const void *b)
{
    const ordinal_use *x = a, *y = b;
    int c = strcmp(x->body, y->body);
    return c ? c : (x->seq < y->seq ? -1 : x->seq > y->seq);
}

static void report(tl_doc *d, const ordinal_use *u, const ordinal_use *eg, size_t ndom)
{
    const char *t = d->src.text;
    char num[24];
    if (u->style == ST_ARABIC)
        to_roman(u->value, num);
    else if (u->ending[0])
        snprintf(num, sizeof num, "%u-", (unsigned)u->value);
    else
        snprintf(num, sizeof num, "%u", (unsigned)u->value);
    tl_ifinding *f = doc_add(d, TL_RULE_NUMBERING_MIXED, u->off, u->len,
                             "%s ordinal «%.*s» in %s; the text writes these in %s elsewhere "
                             "(%zu time%s, e.g. «%.*s»)",
                             kind_name[u->kind], (int)u->ord_len, t + u->off,
                             u->style == ST_ROMAN ? "Roman numerals" : "Arabic figures",
                             u->style == ST_ROMAN ? "Arabic figures" : "Roman numerals", ndom,
                             ndom == 1 ? "" : "s", (int)eg->ord_len, t + eg->off);
    doc_suggestf(d, f, "%s%s%.*s", num, u->style == ST_ROMAN ? u->ending : "",
                 (int)(u->len - u->ord_len), t + u->off + u->ord_len);
}

static void report_group(tl_doc *d, const ordinal_use *v, size_t n)
{
    size_t count[2] = {0, 0};
    const ordinal_use *first[2] = {NULL, NULL};
    for (size_t k = 0; k < n; k++) {
        if (!first[v[k].style])
            first[v[k].style] = &v[k];
        count[v[k].style]++;
    }
    if (!count[ST_ROMAN] || !count[ST_ARABIC])
        return;
    int dom = count[ST_ROMAN] > count[ST_ARABIC]   ? ST_ROMAN
              : count[ST_ARABIC] > count[ST_ROMAN] ? ST_ARABIC
              : v[0].kind == K_CONGRESS            ? ST_ROMAN
                                                   : ST_ARABIC;
    for (size_t k = 0; k < n; k++)
        if (v[k].style != dom)
            report(d, &v[k], first[dom], count[dom]);
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    if (!doc_rule_on(d, TL_RULE_NUMBERING_MIXED))
        return 0;
    numbering_state *s = st;
    for (size_t i = 0; i < d->ntok; i++) {
        if (d->tok[i].kind == TK_PUNCT)
            continue;
        size_t j = scan_at(d, s, i);
        if (j == SIZE_MAX)
            return -1;
        i = j;
    }
    return 0;
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    numbering_state *s = st;
    if (!s->n)
        return 0;
    qsort(s->v, s->n, sizeof *s->v, cmp_use);
    for (size_t i = 0; i < s->n;) {
        size_t j = i + 1;
        while (j < s->n && strcmp(s->v[j].body, s->v[i].body) == 0)
            j++;
        report_group(d, s->v + i, j - i);
        i = j;
    }
    return d->oom ? -1 : 0;
}

const tl_family family_numbering = {
    "numbering", sizeof(numbering_state), 0, NULL, chunk, finish, release, NULL};
