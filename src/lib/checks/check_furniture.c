/*
 * check_furniture.c - rules `boilerplate` and `untranslated` for lines that are not
 * prose: what the scraped web page left around an article (its "furniture").
 *
 * Each line of a chunk is classified once, from its tokens and its bytes, into one
 * kind (the table `kinds` below, which also holds the messages):
 *
 *   menu lines      every word an entry of the furniture lexicons (rule data
 *                   `furniture:`): site sections, buttons, counters («1 024 просмотра»,
 *                   «Коментарі (3)»), «other articles» block headers, placeholders,
 *                   licence lines; matched longest phrase first on the words' keys
 *   timestamps      a date or time (ISO 8601, dd/mm/yyyy, hh:mm, «11 февраля 2025 г.»,
 *                   «March 3, 2025», «tháng 4») alone on a line, with byline words
 *                   («обновлено») or with a short byline (names, or any words after a
 *                   separator «•», «|», « – »)
 *   digits          a line of figures only («283 032»: a view counter)
 *   Latin lines     no Cyrillic letter: a site name («Dantri.com.vn»), a Vietnamese or
 *                   English site header, motto or byline (a domain, a separator, a
 *                   site word), a Vietnamese sentence (untranslated: a caption), a
 *                   file-name remnant («van triuong m3345»)
 *   bytes           CSS or JavaScript, `data:image` and <image> placeholders, an image
 *                   extension left alone («.jpg)»), a licence mark («©», «(cc)»)
 *   in a line       an outlet tag opening the lead («BHG – ...»), the Vietnamese photo
 *                   label «ảnh 1», an English date in Cyrillic text (untranslated, with
 *                   the date in the text's language as the suggestion)
 *
 * Some kinds need the whole document, so lines are kept as small records and judged
 * in finish():
 *   - a line that is only a section name («Политика») is furniture before the first
 *     prose line, after the last one, or next to other furniture; in mid-text it is a
 *     sub-heading and stays quiet;
 *   - after a block header («Другие статьи») that follows the article's start, the
 *     short lines are teasers of other articles: all of them when the text ends there,
 *     only the headline-like ones (no final full stop) when prose resumes;
 *   - with a run (tl_doc.run_lines), a line that recurs in many of the run's texts is
 *     furniture, unless it is a credit («Фото: ВИА») or an agency signature («ВИА»), or
 *     every line of the text with words recurs (then the lines are its content).
 * A line the boilerplate patterns (check_boilerplate.c, which runs before) already
 * reported is furniture for these judgments but is not reported again.
 *
 * The lexicons are compiled once per context and language into one map of phrase keys
 * (the words' norm keys joined by spaces, so «В МИРЕ» and «в мире» are one entry). The
 * tests on a line's bytes (figure dates, code, image remnants) are in linebytes.c.
 */
#include "doc.h"
#include "linebytes.h"
#include "norm.h"
#include "textclass.h"

#include <stddef.h>
#include <string.h>
#include <unicode/uchar.h>

/* ---- the lexicons -------------------------------------------------------------------- */

/* The value of a phrase in the map: group bits, a month or weekday number, the language
 * of the entry. Never 0 (a group bit is always set). */
#define GBIT(g) (1u << (g))
#define V_MONTH(v) (((v) >> 16) & 0xF)
#define V_WDAY(v) (((v) >> 20) & 0x7)
#define V_EN (1u << 24)
#define V_FIRST (1u << 25) /* the first word of a longer phrase */
#define GROUP_BITS ((1u << GL_FURN_NGROUPS) - 1)
#define MENU_GROUPS                                                                                \
    (GBIT(GL_FURN_SECTIONS) | GBIT(GL_FURN_BUTTONS) | GBIT(GL_FURN_COUNTERS) |                     \
     GBIT(GL_FURN_BLOCKS) | GBIT(GL_FURN_PLACEHOLDERS) | GBIT(GL_FURN_LICENCES))
#define DATE_GROUPS (GBIT(GL_FURN_BYLINES) | GBIT(GL_FURN_MONTHS) | GBIT(GL_FURN_WEEKDAYS))

#define MAX_PHRASE_WORDS 8

typedef struct {
    tl_map phrases;      /* phrase key -> value (uintptr_t) */
    size_t maxwords;     /* longest phrase, in words */
    const char *gen[12]; /* each month's first form in this language (suggestions) */
    int ready;
} fu_lex;

/* The family's context state. */
typedef struct {
    tl_arena mem;
    fu_lex lex[3]; /* by tl_lang */
} fu_ctx;

static void ctx_release(void *cst)
{
    fu_ctx *c = cst;
    for (int l = 0; l < 3; l++)
        tl_map_release(&c->lex[l].phrases);
    tl_arena_release(&c->mem);
    memset(c, 0, sizeof *c);
}

static bool word_cp(uint32_t c)
{
    return u_isalnum((UChar32)c) || tc_apostrophe(c) || tc_invisible(c) ||
           u_charType((UChar32)c) == U_NON_SPACING_MARK;
}

/* The phrase key of [s, s+len) into `b`: the norm keys of its words (letters, digits,
 * apostrophes) joined by one space; *nwords set. -1 when out of memory. */
static int phrase_key(tl_buf *b, tl_lang lang, const char *s, size_t len, size_t *nwords)
{
    tl_buf_reset(b);
    *nwords = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t n = utf8_decode(s + i, len - i, &c);
        if (!n || !word_cp(c)) {
            i += n ? n : 1;
            continue;
        }
        size_t j = i;
        while (j < len && (n = utf8_decode(s + j, len - j, &c)) && word_cp(c))
            j += n;
        if (*nwords && tl_buf_addc(b, ' '))
            return -1;
        if (norm_key(b, s + i, j - i, lang == TL_LANG_RU))
            return -1;
        ++*nwords;
        i = j;
    }
    return b->oom ? -1 : 0;
}

static int add_phrase(fu_lex *x, tl_buf *b, tl_lang lang, const char *s, size_t len, uint32_t v)
{
    size_t nw;
    if (phrase_key(b, lang, s, len, &nw))
        return -1;
    if (!nw || nw > MAX_PHRASE_WORDS)
        return 0;
    uintptr_t old = (uintptr_t)tl_map_get(&x->phrases, b->data, b->len);
    if (V_MONTH(old) || V_WDAY(old))
        v &= ~(0xFu << 16 | 0x7u << 20); /* a form of two months: keep the first */
    if (!tl_map_put(&x->phrases, b->data, b->len, (void *)(old | v)))
        return -1;
    const char *sp = memchr(b->data, ' ', b->len);
    if (sp) {
        size_t n = (size_t)(sp - b->data);
        uintptr_t first = (uintptr_t)tl_map_get(&x->phrases, b->data, n);
        if (!tl_map_put(&x->phrases, b->data, n, (void *)(first | V_FIRST)))
            return -1;
    }
    if (nw > x->maxwords)
        x->maxwords = nw;
    return 0;
}

/* Entry `e` of group `g` (language `fl`, position `pos` in its list) into the map: its
 * '|'-separated forms for months and weekdays, the whole entry otherwise. */
static int add_entry(fu_ctx *c, fu_lex *x, tl_buf *b, tl_lang lang, int g, int fl, size_t pos,
                     const char *e)
{
    uint32_t v = GBIT(g) | (fl == GL_FURN_EN ? V_EN : 0);
    if (g == GL_FURN_MONTHS)
        v |= (uint32_t)(pos % 12 + 1) << 16;
    if (g == GL_FURN_WEEKDAYS)
        v |= (uint32_t)(pos % 7 + 1) << 20;
    if (g != GL_FURN_MONTHS && g != GL_FURN_WEEKDAYS)
        return add_phrase(x, b, lang, e, strlen(e), v);
    for (const char *p = e; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (add_phrase(x, b, lang, p, n, v))
            return -1;
        if (g == GL_FURN_MONTHS && p == e &&
            (size_t)fl == (lang == TL_LANG_UK ? GL_FURN_UK : GL_FURN_RU) && !x->gen[pos % 12]) {
            while (n && p[n - 1] == ' ')
                n--;
            if (!(x->gen[pos % 12] = tl_arena_strndup(&c->mem, p, n)))
                return -1;
        }
        p = bar ? bar + 1 : p + n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* The lexicons keyed for the document's language, built on first use; NULL when out
 * of memory. */
static const fu_lex *lexicon(tl_doc *d, fu_ctx *c)
{
    fu_lex *x = &c->lex[d->lang];
    if (x->ready)
        return x;
    tl_map_release(&x->phrases);
    memset(x, 0, sizeof *x);
    for (int g = 0; g < GL_FURN_NGROUPS; g++)
        for (int fl = 0; fl < GL_FURN_NLANGS; fl++) {
            const gl_wordlist *l = &d->g->furniture[g][fl];
            for (size_t i = 0; i < l->n; i++)
                if (add_entry(c, x, d->scratch, d->lang, g, fl, i, l->items[i]))
                    return NULL;
        }
    x->ready = 1;
    return x;
}

/* ---- line kinds -------------------------------------------------------------------- */

enum {
    K_NONE = 0,
    K_PATTERN, /* reported by a boilerplate pattern */
    K_SECTION,
    K_BUTTON,
    K_COUNTER,
    K_BLOCK,
    K_TEASER,
    K_PLACEHOLDER,
    K_LICENCE,
    K_TIMESTAMP,
    K_BYLINE,
    K_DATE,
    K_DIGITS,
    K_SITE_NAME,
    K_HEADER,
    K_FILE_NAME,
    K_IMAGE,
    K_CODE,
    K_REPEATED,
    K_VI_SENTENCE, /* untranslated */
    K_COUNT
};

static const char *const kinds[K_COUNT] = {
    [K_SECTION] = "site section label left from the web page; delete the line",
    [K_BUTTON] = "button or menu label left from the web page; delete the line",
    [K_COUNTER] = "view or comment counter left from the web page; delete the line",
    [K_BLOCK] = "header of a block of other articles left from the web page; delete it and "
                "the teasers after it",
    [K_TEASER] = "teaser of another article (after a «read also» block header) left from the "
                 "web page; delete the line",
    [K_PLACEHOLDER] = "loading or advertising placeholder left from the web page; delete the line",
    [K_LICENCE] = "licence or copyright line of the web page; delete the line",
    [K_TIMESTAMP] = "timestamp left from the web page; delete the line",
    [K_BYLINE] = "byline with a timestamp left from the web page; delete the line",
    [K_DATE] = "date alone on a line, a timestamp of the web page; delete the line",
    [K_DIGITS] = "a line of figures only (a view counter of the web page); delete the line",
    [K_SITE_NAME] = "site name left from the web page; delete the line",
    [K_HEADER] = "site header, motto or byline in Vietnamese or English left from the web page; "
                 "delete the line",
    [K_FILE_NAME] = "image file name or its remnant left from the web page; delete it",
    [K_IMAGE] = "image placeholder left from the web page; delete the line",
    [K_CODE] = "a line of CSS or JavaScript left from the web page; delete it",
    [K_VI_SENTENCE] = "Vietnamese sentence left untranslated (an image caption?); translate or "
                      "delete it",
};

/* A non-blank line, kept for the judgments of finish(). */
typedef struct {
    size_t off;    /* first token */
    uint32_t len;  /* to the end of the last token */
    uint32_t line; /* 0-based */
    uint8_t kind;
    uint8_t flags;
    uint16_t nwords;
} fu_line;

enum {
    LF_PROSE = 1,    /* reads as text of the article (not furniture, 5+ words) */
    LF_SHORT = 2,    /* at most TEASER_WORDS words and one sentence: could be a teaser */
    LF_HEADLINE = 4, /* short, and no sentence end at its end */
    LF_CREDIT = 8,   /* opens with a credit word («Фото»), or is an agency signature */
    LF_DONE = 16,    /* a boilerplate pattern reported it already */
    LF_RECURS = 32,  /* found in many texts of the run */
};

#define PROSE_WORDS 5
#define TEASER_WORDS 25
#define MAX_ITEMS 16   /* lines of more words and figures are not menus or bylines */
#define BYLINE_WORDS 6 /* words beside a timestamp on a byline */

/* The family's document state. */
typedef struct {
    tl_buf lines;   /* fu_line */
    tl_set64 done;  /* lines (+1) a boilerplate pattern reported */
    size_t seen_nf; /* findings of d->f already looked at for patterns */
} fu_state;

static int prepare(tl_doc *d, void *st, void *cst)
{
    (void)d;
    (void)cst;
    fu_state *s = st;
    tl_buf_init(&s->lines, 0);
    tl_set64_init(&s->done);
    return 0;
}

static void release(void *st)
{
    fu_state *s = st;
    tl_buf_release(&s->lines);
    tl_set64_release(&s->done);
}

/* ---- one line ------------------------------------------------------------------------ */

/* A word or a figure of the line, for the lexicon. */
typedef struct {
    const char *p; /* the word's key, or the figure as written */
    uint32_t len;
    uint32_t tok; /* token index */
    uint32_t val; /* value of the phrase covering it; 0 none */
    uint8_t plen; /* at a phrase's first item: its length in items */
} fu_item;

/* What one line is made of. */
typedef struct {
    size_t t0, t1; /* its tokens */
    size_t ls, le; /* its bytes, without the line break */
    fu_item it[MAX_ITEMS];
    size_t nit;
    bool many;                /* more than MAX_ITEMS words and figures */
    unsigned nwords, nnum;    /* word and figure tokens */
    unsigned ncyr, nlat, nvi; /* words with Cyrillic / Latin / Vietnamese letters */
    bool sep;                 /* a separator: • · | or a dash or slash between spaces */
    bool ends_sentence;       /* the last token is . ! ? … */
    bool pipe;                /* a '|' (a table row) */
    unsigned nsent;           /* sentence ends (. ! ? … before a space or at the end) */
} fu_lc;

static uint32_t tok_cp(const tl_doc *d, size_t i)
{
    uint32_t c = 0;
    const tl_token *t = &d->tok[i];
    if (!utf8_decode(d->src.text + t->off, t->len, &c))
        c = 0;
    return c;
}

static bool is_dash(uint32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012; }

/* Whether token i (punctuation) separates the parts of a header or a byline. */
static bool separator(const tl_doc *d, size_t i, uint32_t c)
{
    if (c == 0x2022 || c == 0xB7 || c == '|' || c == 0x25CF || c == 0x25BA)
        return true;
    bool spaced = (d->tok[i].flags & TF_SPACE_BEFORE) &&
                  (i + 1 >= d->ntok || (d->tok[i + 1].flags & TF_SPACE_BEFORE));
    return spaced && (is_dash(c) || c == '/');
}

/* Covers the items with lexicon phrases, longest first from each item on. A word that
 * starts no phrase costs one lookup (V_FIRST marks the first words of longer phrases).
 * Without figures the line can be no date, only a menu, which needs every word
 * covered: the first word that is not ends the cover there. */
static int cover(tl_doc *d, const fu_lex *x, fu_lc *L)
{
    tl_buf *b = d->scratch;
    for (size_t i = 0; i < L->nit;) {
        size_t best = 0;
        uint32_t one = (uint32_t)(uintptr_t)tl_map_get(&x->phrases, L->it[i].p, L->it[i].len),
                 v = 0;
        size_t maxn = L->nit - i < x->maxwords ? L->nit - i : x->maxwords;
        for (size_t n = maxn; n > 1 && (one & V_FIRST) && !best; n--) {
            tl_buf_reset(b);
            for (size_t k = i; k < i + n; k++) {
                if (k > i)
                    tl_buf_addc(b, ' ');
                tl_buf_add(b, L->it[k].p, L->it[k].len);
            }
            if (b->oom)
                return -1;
            uint32_t got = (uint32_t)(uintptr_t)tl_map_get(&x->phrases, b->data, b->len);
            if (got & GROUP_BITS) {
                best = n;
                v = got;
            }
        }
        if (!best && (one & GROUP_BITS)) {
            best = 1;
            v = one;
        }
        if (!best) {
            if (!L->nnum)
                return 0;
            i++;
            continue;
        }
        L->it[i].plen = (uint8_t)best;
        for (size_t k = i; k < i + best; k++)
            L->it[k].val = v;
        i += best;
    }
    return 0;
}

/* Reads the tokens [t0, t1) of line [ls, le) into L. */
static int gather(tl_doc *d, const fu_lex *x, fu_lc *L)
{
    for (size_t i = L->t0; i < L->t1; i++) {
        const tl_token *t = &d->tok[i];
        if (t->kind == TK_PUNCT) {
            uint32_t c = t->len == 1 ? (unsigned char)d->src.text[t->off] : tok_cp(d, i);
            L->sep |= separator(d, i, c);
            L->pipe |= c == '|';
            L->nsent += (c == '.' || c == '!' || c == '?' || c == 0x2026) &&
                        (i + 1 == L->t1 || (d->tok[i + 1].flags & TF_SPACE_BEFORE));
            continue;
        }
        if (t->kind == TK_WORD) {
            L->nwords++;
            L->ncyr += (t->w->script & SCRIPT_CYRILLIC) != 0;
            L->nlat += (t->w->script & SCRIPT_LATIN) != 0;
            L->nvi += (t->w->flags & WF_VI_LETTER) != 0;
        } else {
            L->nnum++;
        }
        if (L->nit == MAX_ITEMS) {
            L->many = true;
            continue;
        }
        fu_item *it = &L->it[L->nit++];
        memset(it, 0, sizeof *it);
        it->tok = (uint32_t)i;
        if (t->kind == TK_WORD) {
            it->p = t->w->key;
            it->len = t->w->keylen;
        } else {
            it->p = d->src.text + t->off;
            it->len = t->len;
        }
    }
    if (L->t1 > L->t0) {
        uint32_t c = d->tok[L->t1 - 1].kind == TK_PUNCT ? tok_cp(d, L->t1 - 1) : 0;
        L->ends_sentence = c == '.' || c == '!' || c == '?' || c == 0x2026;
    }
    return L->many ? 0 : cover(d, x, L);
}

/* The number item k as a day of the month (1..31, at most two digits), or 0. */
static unsigned day_item(const tl_doc *d, const fu_lc *L, size_t k)
{
    if (k >= L->nit || d->tok[L->it[k].tok].kind != TK_NUMBER || L->it[k].len > 2)
        return 0;
    unsigned v;
    return linebytes_digits(L->it[k].p, L->it[k].len, 0, &v) == L->it[k].len && v >= 1 && v <= 31
               ? v
               : 0;
}

static bool year_item(const tl_doc *d, const fu_lc *L, size_t k)
{
    unsigned v;
    return k < L->nit && d->tok[L->it[k].tok].kind == TK_NUMBER && L->it[k].len == 4 &&
           linebytes_digits(L->it[k].p, 4, 0, &v) == 4 && v >= 1900 && v <= 2100;
}

/* Whether the line holds a date in words (a day beside a month: «11 февраля», «August
 * 20», «14 tháng 4»); *year when a year follows. */
static bool word_date(const tl_doc *d, const fu_lc *L, bool *year)
{
    bool found = false;
    for (size_t k = 0; k < L->nit; k++) {
        if (!L->it[k].plen || !V_MONTH(L->it[k].val))
            continue;
        size_t e = k + L->it[k].plen;
        if (!(k && day_item(d, L, k - 1)) && !day_item(d, L, e))
            continue;
        found = true;
        for (size_t y = e; y < L->nit && y <= e + 2; y++)
            *year |= year_item(d, L, y);
    }
    return found;
}

/* The item of token i, or NULL (a punctuation token, or past MAX_ITEMS). */
static const fu_item *item_of(const fu_lc *L, size_t i)
{
    for (size_t k = 0; k < L->nit; k++)
        if (L->it[k].tok == i)
            return &L->it[k];
    return NULL;
}

static bool dateish(const tl_doc *d, const fu_lc *L, size_t i)
{
    if (d->tok[i].kind == TK_NUMBER)
        return true;
    const fu_item *it = item_of(L, i);
    return it && (it->val & DATE_GROUPS);
}

/* K_TIMESTAMP, K_BYLINE or K_DATE when the line is a date or time, alone or with a
 * short byline; else K_NONE. A sentence that holds a date is none of them: it has
 * lower-case words beside the date and no separator, or ends like a sentence. */
static int date_kind(const tl_doc *d, const fu_lc *L)
{
    if (!L->nnum) /* every date and time has a figure the tokenizer sees as a number */
        return K_NONE;
    lb_span sp[LB_MAX_SPANS];
    size_t nsp = linebytes_dates(d->src.text + L->ls, L->le - L->ls, sp);
    bool figures = nsp > 0, year = false;
    bool words = word_date(d, L, &year);
    if (!figures && !words)
        return K_NONE;
    unsigned other = 0, lower = 0, cyr = 0;
    for (size_t i = L->t0; i < L->t1; i++) {
        const tl_token *t = &d->tok[i];
        if (t->kind != TK_WORD || dateish(d, L, i))
            continue;
        size_t rel = t->off - L->ls;
        bool in_span = false;
        for (size_t k = 0; k < nsp && !in_span; k++)
            in_span = rel >= sp[k].s && rel < sp[k].e;
        if (in_span)
            continue;
        other++;
        cyr += (t->w->script & SCRIPT_CYRILLIC) != 0;
        lower += t->w->script == SCRIPT_CYRILLIC && !(t->w->flags & WF_CAP);
    }
    if (!other)
        return figures || year ? K_TIMESTAMP : K_DATE;
    /* beside a date, Latin words in a Cyrillic text are a source's name and no prose
     * («Báo Quân đội nhân dânBáo Quân đội nhân dân14/04/2025»): twice as many may stand */
    if (!(figures || year) || other > (cyr ? BYLINE_WORDS : 2 * BYLINE_WORDS))
        return K_NONE;
    if (L->ends_sentence && !(L->t1 - L->t0 >= 2 && dateish(d, L, L->t1 - 2)))
        return K_NONE;
    return lower && !L->sep ? K_NONE : K_BYLINE;
}

/* ---- menus and Latin lines ------------------------------------------------------------ */

/* The kind of a line made only of menu entries (figures allowed beside a counter word),
 * else K_NONE. Several groups: the most telling one names the line. */
static int menu_kind(const tl_doc *d, const fu_lc *L)
{
    uint32_t all = 0;
    bool figure = false;
    for (size_t k = 0; k < L->nit; k++) {
        uint32_t v = L->it[k].val;
        if (!v && d->tok[L->it[k].tok].kind == TK_NUMBER) {
            figure = true;
            continue;
        }
        if (!(v & MENU_GROUPS))
            return K_NONE;
        all |= v;
    }
    if (!(all & MENU_GROUPS))
        return K_NONE;
    if (figure)
        return all & GBIT(GL_FURN_COUNTERS) ? K_COUNTER : K_NONE;
    static const struct {
        int group, kind;
    } order[] = {{GL_FURN_PLACEHOLDERS, K_PLACEHOLDER}, {GL_FURN_BLOCKS, K_BLOCK},
                 {GL_FURN_LICENCES, K_LICENCE},         {GL_FURN_BUTTONS, K_BUTTON},
                 {GL_FURN_SECTIONS, K_SECTION},         {GL_FURN_COUNTERS, K_COUNTER}};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (all & GBIT(order[i].group))
            return order[i].kind;
    return K_NONE;
}

/* A Latin word that is a domain name («Dantri.com.vn», «baochinhphu.vn»): a dot inside
 * and two to six ASCII letters after the last one. */
static bool domain_word(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_WORD || !(t->w->script & SCRIPT_LATIN))
        return false;
    const char *p = d->src.text + t->off;
    size_t dot = t->len;
    while (dot > 0 && p[dot - 1] != '.')
        dot--;
    if (dot < 2 || t->len - dot < 2 || t->len - dot > 6)
        return false;
    for (size_t k = dot; k < t->len; k++)
        if (!((p[k] | 32) >= 'a' && (p[k] | 32) <= 'z'))
            return false;
    return true;
}

/* The Vietnamese photo label «ảnh 1» at token i: the end of its number, or 0. The
 * number may be glued to the next word («ảnh 1Член»), as the page store wrote it. */
static size_t photo_label(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_WORD || t->w->keylen != 5 || memcmp(t->w->key, "\xe1\xba\xa3nh", 5) != 0 ||
        i + 1 >= d->ntok || (d->tok[i + 1].flags & TF_NEWLINE_BEFORE))
        return 0;
    const tl_token *n = &d->tok[i + 1];
    const char *p = d->src.text + n->off;
    size_t k = 0;
    while (k < n->len && p[k] >= '0' && p[k] <= '9')
        k++;
    return k && k <= 3 ? n->off + k : 0;
}

/* The kind of a line without Cyrillic letters, else K_NONE (langmix's untranslated
 * reports its Latin words then). */
static int latin_kind(const tl_doc *d, const fu_lc *L)
{
    unsigned domains = 0, digits = 0, caps = 0;
    for (size_t i = L->t0; i < L->t1; i++) {
        const tl_token *t = &d->tok[i];
        if (t->flags & TF_URL)
            return K_NONE; /* a link: the patterns judge «Source: URL» lines */
        digits += t->kind != TK_PUNCT && linebytes_mixed_alnum(d->src.text + t->off, t->len);
        if (t->kind != TK_WORD)
            continue;
        domains += domain_word(d, i);
        caps += (t->w->flags & (WF_CAP | WF_ALLCAPS)) != 0;
    }
    if (domains && domains == L->nwords)
        return K_SITE_NAME;
    /* a header names its site (a domain, a site word first: «Báo ...»); a separator
     * alone does not make one: Vietnamese captions end with « - Ảnh: ...» */
    bool names = domains || (L->nit && (L->it[0].val & GBIT(GL_FURN_SITE_WORDS)));
    bool signs = names || L->sep;
    if (L->nvi) {
        if (names && L->nwords <= 20 && !L->ends_sentence)
            return K_HEADER;
        bool label = L->t1 - L->t0 >= 2 && photo_label(d, L->t1 - 2);
        if (L->ends_sentence || label || L->nwords >= 8)
            return K_VI_SENTENCE;
        return K_NONE;
    }
    if (!caps && digits && L->nwords <= 6 && !L->ends_sentence)
        return K_FILE_NAME; /* «van triuong m3345»: the name of an image file */
    if (signs && L->nwords <= 10 && !L->ends_sentence)
        return K_HEADER;
    if (L->nit > 1 && (L->it[0].val & GBIT(GL_FURN_BYLINES)) && caps + 1 >= L->nwords &&
        L->nwords <= BYLINE_WORDS && !L->ends_sentence)
        return K_HEADER; /* «By John Smith» */
    return K_NONE;
}

/* The kind of line L (K_NONE: prose, or nothing this check knows). */
static int classify(const tl_doc *d, const fu_lc *L)
{
    /* from the first token to the end of the last: no white space, no BOM */
    const char *p = d->src.text + d->tok[L->t0].off;
    size_t n = d->tok[L->t1 - 1].off + d->tok[L->t1 - 1].len - d->tok[L->t0].off;
    /* the code test only where its characters are: a prose line has none of {};=@$ */
    bool code = false;
    for (const char *c = "{};=@$"; *c && !code; c++)
        code = memchr(p, *c, n) != NULL;
    if (linebytes_image_code(p, n))
        return K_IMAGE;
    if (linebytes_extension_only(p, n))
        return K_FILE_NAME;
    if (code && linebytes_code(p, n))
        return K_CODE;
    if (linebytes_licence_mark(p, n) && L->nwords <= 15)
        return K_LICENCE;
    int k = K_NONE;
    if (!L->many && (k = menu_kind(d, L)) == K_NONE)
        k = date_kind(d, L);
    if (k == K_NONE && !L->nwords && L->nnum && !L->pipe)
        k = K_DIGITS;
    if (k == K_NONE && !L->ncyr && L->nlat)
        k = latin_kind(d, L);
    return k;
}

/* ---- findings inside a line ------------------------------------------------------------- */

static bool roman_word(const tl_word *w)
{
    for (uint32_t k = 0; k < w->len; k++)
        if (!strchr("IVXLCDM", w->surface[k]))
            return false;
    return true;
}

/* «BHG – Вранці ...»: an upper-case Latin abbreviation and a dash open the lead (a
 * capital or a figure after the dash), the outlet's tag in its own edition. A Russian
 * outlet's dateline («ХАНОЙ, 3 марта –») is Cyrillic and not one. */
static void outlet_tag(tl_doc *d, const fu_lc *L)
{
    if (L->t1 - L->t0 < 4 || L->ncyr < 3)
        return;
    const tl_token *a = &d->tok[L->t0], *dash = &d->tok[L->t0 + 1];
    if (a->kind != TK_WORD || a->w->script != SCRIPT_LATIN || !(a->w->flags & WF_ALLCAPS) ||
        a->w->ncp > 6 || roman_word(a->w) || dash->kind != TK_PUNCT ||
        !(dash->flags & TF_SPACE_BEFORE) || !is_dash(tok_cp(d, L->t0 + 1)) ||
        !(d->tok[L->t0 + 2].flags & TF_SPACE_BEFORE))
        return;
    /* a lead opens with a capital or a date; «XYZ – простір кольорів ...» is a definition */
    const tl_token *next = &d->tok[L->t0 + 2];
    if (next->kind != TK_NUMBER && !(next->kind == TK_WORD && (next->w->flags & WF_CAP)))
        return;
    doc_add(d, TL_RULE_BOILERPLATE, a->off, dash->off + dash->len - a->off,
            "outlet tag at the start of the lead, left from the source page; delete it");
}

static void photo_labels(tl_doc *d, const fu_lc *L)
{
    for (size_t i = L->t0; i + 1 < L->t1; i++) {
        size_t end = photo_label(d, i);
        if (end)
            doc_add(d, TL_RULE_UNTRANSLATED, d->tok[i].off, end - d->tok[i].off,
                    "Vietnamese photo label «%s» left untranslated; delete it",
                    doc_quote(d, d->src.text + d->tok[i].off, end - d->tok[i].off));
    }
}

static unsigned number_tok(const tl_doc *d, size_t i, size_t maxdigits)
{
    if (i >= d->ntok || d->tok[i].kind != TK_NUMBER || d->tok[i].len > maxdigits ||
        (d->tok[i].flags & TF_NEWLINE_BEFORE))
        return 0;
    unsigned v;
    const char *p = d->src.text + d->tok[i].off;
    return linebytes_digits(p, d->tok[i].len, 0, &v) == d->tok[i].len ? v : 0;
}

/* «August 20, 2025» or «20 August 2025» in a Cyrillic line: an English date the
 * translation kept. The suggestion writes it in the text's language. */
static void english_dates(tl_doc *d, const fu_lex *x, const fu_lc *L)
{
    for (size_t i = L->t0; i < L->t1; i++) {
        const tl_token *t = &d->tok[i];
        if (t->kind != TK_WORD || t->w->script != SCRIPT_LATIN || !(t->w->flags & WF_CAP))
            continue;
        uint32_t v = (uint32_t)(uintptr_t)tl_map_get(&x->phrases, t->w->key, t->w->keylen);
        if (!V_MONTH(v) || !(v & V_EN) || !x->gen[V_MONTH(v) - 1])
            continue;
        size_t first = i, last = i, yi;
        unsigned day = number_tok(d, i + 1, 2), year = 0;
        if (day >= 1 && day <= 31 && (d->tok[i + 1].flags & TF_SPACE_BEFORE)) {
            last = i + 1;
            yi = tok_is(d, i + 2, ',') ? i + 3 : i + 2;
        } else if (i > L->t0 && (day = number_tok(d, i - 1, 2)) >= 1 && day <= 31) {
            first = i - 1;
            yi = i + 1;
        } else {
            continue;
        }
        if (yi < L->t1 && (year = number_tok(d, yi, 4)) >= 1900 && year <= 2100)
            last = yi;
        else
            year = 0;
        size_t off = d->tok[first].off, len = d->tok[last].off + d->tok[last].len - off;
        tl_ifinding *f =
            doc_add(d, TL_RULE_UNTRANSLATED, off, len, "English date «%s» left untranslated",
                    doc_quote(d, d->src.text + off, len));
        if (f && year)
            doc_suggestf(d, f, "%u %s %u %s", day, x->gen[V_MONTH(v) - 1], year,
                         d->lang == TL_LANG_UK ? "р." : "г.");
        else if (f)
            doc_suggestf(d, f, "%u %s", day, x->gen[V_MONTH(v) - 1]);
        i = last;
    }
}

/* ---- the chunk and the document ----------------------------------------------------- */

/* A photo or source credit («Фото: ВИА»), or an agency signature (one or two words in
 * capitals of up to five letters: «ВИА», «ВИА/ВНП»): the outlet's own style. */
static bool credit_line(const tl_doc *d, const fu_lc *L)
{
    if (L->nit && (L->it[0].val & GBIT(GL_FURN_CREDITS)))
        return true;
    if (!L->nwords || L->nwords > 2 || L->nnum)
        return false;
    for (size_t i = L->t0; i < L->t1; i++)
        if (d->tok[i].kind == TK_WORD &&
            (!(d->tok[i].w->flags & WF_ALLCAPS) || d->tok[i].w->ncp > 5))
            return false;
    return true;
}

static int add_line(tl_doc *d, fu_state *s, const fu_lc *L, size_t line, int kind, bool done)
{
    const tl_token *a = &d->tok[L->t0], *b = &d->tok[L->t1 - 1];
    fu_line r = {a->off,
                 (uint32_t)(b->off + b->len - a->off),
                 (uint32_t)line,
                 0,
                 0,
                 (uint16_t)(L->nwords < 65535 ? L->nwords : 65535)};
    r.kind = (uint8_t)(done && kind == K_NONE ? K_PATTERN : kind);
    if (done && kind != K_NONE)
        r.flags |= LF_DONE;
    if (L->nwords <= TEASER_WORDS && L->nsent <= 1)
        r.flags |= LF_SHORT | (L->ends_sentence ? 0 : LF_HEADLINE);
    if (credit_line(d, L))
        r.flags |= LF_CREDIT;
    return tl_buf_add(&s->lines, &r, sizeof r);
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    if ((!doc_rule_on(d, TL_RULE_BOILERPLATE) && !doc_rule_on(d, TL_RULE_UNTRANSLATED)) ||
        d->chunk_end <= d->chunk_start)
        return 0;
    fu_state *s = st;
    const fu_lex *x = lexicon(d, cst);
    if (!x)
        return -1;
    for (; s->seen_nf < d->nf; s->seen_nf++) /* the patterns' findings of this chunk */
        if (d->f[s->seen_nf].rule == TL_RULE_BOILERPLATE &&
            tl_set64_add(&s->done, source_line_of(&d->src, d->f[s->seen_nf].off) + 1))
            return -1;
    const tl_source *src = &d->src;
    size_t t = 0;
    for (size_t l = source_line_of(src, d->chunk_start);
         l < src->nlines && src->lines[l] < d->chunk_end; l++) {
        fu_lc L;
        memset(&L, 0, offsetof(fu_lc, it)); /* the items are set as they are read */
        memset((char *)&L + offsetof(fu_lc, nit), 0, sizeof L - offsetof(fu_lc, nit));
        L.ls = src->lines[l] < src->start ? src->start : src->lines[l]; /* after a BOM */
        L.le = source_line_end(src, l);
        while (t < d->ntok && d->tok[t].off < L.ls)
            t++;
        L.t0 = t;
        while (t < d->ntok && d->tok[t].off < L.le)
            t++;
        L.t1 = t;
        /* blank, or cut by the chunk's end: a line of a megabyte is no furniture */
        if (L.t0 == L.t1 || L.ls < d->chunk_start || L.le > d->chunk_end)
            continue;
        if (gather(d, x, &L))
            return -1;
        int kind = classify(d, &L);
        if (kind == K_NONE) {
            outlet_tag(d, &L);
            if (L.ncyr && L.nlat)
                english_dates(d, x, &L);
        }
        if (L.nvi)
            photo_labels(d, &L);
        if (add_line(d, s, &L, l, kind, tl_set64_has(&s->done, l + 1)))
            return -1;
    }
    return d->oom ? -1 : 0;
}

/* With a run: the lines that recur in at least run_lines->min of its texts become
 * K_REPEATED, unless they are something else already or a credit; a section name
 * that recurs keeps its kind, but is furniture wherever it stands. */
static void repeated(const tl_doc *d, fu_line *v, size_t n)
{
    const tl_run_lines *rl = d->run_lines;
    if (!rl || !rl->lines.count)
        return;
    for (size_t r = 0; r < n; r++) {
        if ((v[r].kind != K_NONE && v[r].kind != K_SECTION) || (v[r].flags & LF_CREDIT))
            continue;
        size_t ls = d->src.lines[v[r].line], le = source_line_end(&d->src, v[r].line);
        if (linefp_counts_get(&rl->lines, linefp_line(d->src.orig + ls, le - ls)) < rl->min)
            continue;
        v[r].flags |= LF_RECURS;
        if (v[r].kind == K_NONE)
            v[r].kind = K_REPEATED;
    }
}

/* A section name is furniture before the first prose line, after the last, or beside
 * other furniture; in mid-text it is a sub-heading. `first`, `last`: the prose lines
 * (n when there is none). */
static void sections(fu_line *v, size_t n, size_t first, size_t last)
{
    for (size_t r = 0; r < n; r++) {
        if (v[r].kind != K_SECTION || (v[r].flags & LF_RECURS) || first == n || r < first ||
            r > last)
            continue;
        bool near = (r && v[r - 1].kind != K_NONE) || (r + 1 < n && v[r + 1].kind != K_NONE);
        if (!near)
            v[r].kind = K_NONE;
    }
}

/* The short lines after a block header that follows the article's start are teasers of
 * other articles: all of them when the text ends in the block, only those without a
 * sentence end when prose resumes (a «Читайте также» link inside the text). */
static void teasers(fu_line *v, size_t n, size_t first)
{
    for (size_t r = 0; r < n; r++) {
        if (v[r].kind != K_BLOCK || first == n || r <= first)
            continue;
        size_t j = r + 1;
        while (j < n && (v[j].kind != K_NONE || (v[j].flags & LF_SHORT)))
            j++;
        bool resumed = j < n;
        for (size_t k = r + 1; k < j; k++)
            if (v[k].kind == K_NONE && (!resumed || (v[k].flags & LF_HEADLINE)))
                v[k].kind = K_TEASER;
        r = j - 1;
    }
}

static void emit(tl_doc *d, const fu_line *l)
{
    if (l->kind == K_NONE || l->kind == K_PATTERN || (l->flags & LF_DONE))
        return;
    if (l->kind == K_VI_SENTENCE) {
        doc_add(d, TL_RULE_UNTRANSLATED, l->off, l->len, "%s", kinds[l->kind]);
        return;
    }
    if (l->kind != K_REPEATED) {
        doc_add(d, TL_RULE_BOILERPLATE, l->off, l->len, "%s", kinds[l->kind]);
        return;
    }
    const tl_run_lines *rl = d->run_lines;
    size_t ls = d->src.lines[l->line], le = source_line_end(&d->src, l->line);
    doc_add(d, TL_RULE_BOILERPLATE, l->off, l->len,
            "line found in %u of the run's %u texts: page furniture (a site header, menu or "
            "footer); delete it",
            linefp_counts_get(&rl->lines, linefp_line(d->src.orig + ls, le - ls)), rl->files);
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    fu_state *s = st;
    fu_line *v = (fu_line *)(void *)s->lines.data;
    size_t n = s->lines.len / sizeof *v, first = n, last = n;
    repeated(d, v, n);
    for (size_t r = 0; r < n; r++)
        if (v[r].kind == K_NONE && v[r].nwords >= PROSE_WORDS) {
            first = first == n ? r : first;
            last = r;
        }
    /* furniture is around a text: when every line with words recurs in the run, the
     * lines are the texts themselves (one-line notices, a corpus of near-duplicates),
     * not what a site put around them */
    bool content = false;
    for (size_t r = 0; r < n && !content; r++)
        content = v[r].kind != K_REPEATED && !(v[r].flags & LF_RECURS) && v[r].nwords > 0;
    for (size_t r = 0; !content && r < n; r++)
        if (v[r].kind == K_REPEATED)
            v[r].kind = K_NONE;
    sections(v, n, first, last);
    teasers(v, n, first);
    for (size_t r = 0; r < n; r++)
        emit(d, &v[r]);
    return d->oom ? -1 : 0;
}

const tl_family family_furniture = {"furniture", sizeof(fu_state), sizeof(fu_ctx), prepare,
                                    chunk,       finish,           release,        ctx_release};
