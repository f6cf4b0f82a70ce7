/*
 * check_typography.c - rules `typography.space-before-punct`, `typography.range-dash`,
 * `typography.number-sign` and `typography.quotes`.
 *
 * In: the tokens of each chunk (white space is not a token: TF_SPACE_BEFORE on the next
 * token says there was some). Out: findings; per-document counts kept in d->state.
 *
 *   space-before-punct  reported at once: white space before , . ; : ! ? ) » on the
 *                       same line. Not at a line start (indentation), not after an
 *                       opening bracket or quote, not in the end mark «./.», not before
 *                       a figure («,5», «.5»), a domain («.vn») or a dotted ellipsis,
 *                       not inside a URL, not «:» between two figures (a score «2 : 1»).
 *   range-dash          year ranges «2020-2025» are collected; at the end of the text
 *                       they are reported only when the same text also writes a range
 *                       with an en dash («2025–2030»). A text that always uses the
 *                       hyphen is consistent and left alone: the hyphen is common in
 *                       this genre and a house style, not an error worth a finding on
 *                       every range.
 *   number-sign         «№3» and «№ 3» are counted; the minority style is reported at
 *                       the end (a tie goes to the glossary's doc_number_format, «№ {n}»
 *                       by default). Latin «No 5», «No. 5», «No5» is always reported.
 *   quotes              opening quotation marks at nesting depth 0 are counted by style
 *                       («ёлочки», "straight", “curly”); when a text uses more than one
 *                       style, the openings of the minority styles are reported (a tie
 *                       goes to «ёлочки», then “curly”). Quotes nested inside another
 *                       quotation are not counted: «… „…“ …» is the Russian norm.
 *                       The nesting depth is reset at every line start, so one stray
 *                       mark cannot swallow the rest of the text. With the option
 *                       `style` (rule_opts.quotes_style), every opening in another
 *                       style is reported, whatever the text uses most.
 *
 * "The glossary's doc_number_format" is, when the configuration sets it, option
 * `format` of doc-code.format (doc_number_format() in doc.h).
 */
#include "doc.h"

#include <string.h>

/* A remembered span and, for some uses, a second span inside it (a number). */
typedef struct {
    size_t off, aux_off;
    uint32_t len, aux_len;
} mark;

typedef struct {
    mark *v;
    size_t n, cap;
} marks;

enum { Q_GUILL = 0, Q_CURLY, Q_STRAIGHT, Q_N };

typedef struct {
    marks hyphen_ranges; /* «2020-2025»: aux = the second year */
    mark dash_range;     /* the first «2025–2030» */
    int have_dash;
    marks sign_tight;  /* «№3»: aux = the number */
    marks sign_spaced; /* «№ 3» */
    marks sign_latin;  /* «No 5»: aux = the number */
    marks quotes[Q_N]; /* openings at depth 0 */
    int qdepth;
} typo_state;

static const char *const quote_name[Q_N] = {"«ёлочки»", "“curly”", "\"straight\""};

static int marks_push(marks *m, size_t off, size_t len, size_t aux_off, size_t aux_len)
{
    if (TL_GROW(m->v, m->n, m->cap, 16))
        return -1;
    mark *k = &m->v[m->n++];
    k->off = off;
    k->len = (uint32_t)len;
    k->aux_off = aux_off;
    k->aux_len = (uint32_t)aux_len;
    return 0;
}

static void release(void *st)
{
    typo_state *s = st;
    tl_free(s->hyphen_ranges.v);
    tl_free(s->sign_tight.v);
    tl_free(s->sign_spaced.v);
    tl_free(s->sign_latin.v);
    for (int q = 0; q < Q_N; q++)
        tl_free(s->quotes[q].v);
}

/* ---- token helpers --------------------------------------------------------------- */

/* Whether token i exists and touches the previous one (no white space between). */
static int joined(const tl_doc *d, size_t i)
{
    return i < d->ntok && !(d->tok[i].flags & TF_SPACE_BEFORE);
}

/* Whether token i is a punctuation token spelled exactly `s` (UTF-8). */
static int punct_is(const tl_doc *d, size_t i, const char *s)
{
    size_t n = strlen(s);
    return i < d->ntok && d->tok[i].kind == TK_PUNCT && d->tok[i].len == n &&
           memcmp(d->src.text + d->tok[i].off, s, n) == 0;
}

static int is_ascii_digits(const char *p, size_t n)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    return 1;
}

/* The value of number token i when it is 4 ASCII digits, else -1. */
static int year_at(const tl_doc *d, size_t i)
{
    if (i >= d->ntok || d->tok[i].kind != TK_NUMBER || d->tok[i].len != 4)
        return -1;
    const char *p = d->src.text + d->tok[i].off;
    if (!is_ascii_digits(p, 4))
        return -1;
    return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
}

/* ---- typography.space-before-punct ---------------------------------------------- */

static int closing_punct(const tl_doc *d, size_t i)
{
    static const char *const set[] = {",", ".", ";", ":", "!", "?", ")", "»", NULL};
    for (const char *const *p = set; *p; p++)
        if (punct_is(d, i, *p))
            return 1;
    return 0;
}

/* What may stand before the space: a word, a number or a closing mark. */
static int ends_phrase(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_PUNCT)
        return 1;
    return punct_is(d, i, ")") || punct_is(d, i, "»") || punct_is(d, i, "”") ||
           punct_is(d, i, "\"");
}

/* The exceptions of the rule for punctuation token i (see the design comment). */
static int legit_space(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if ((t->flags & (TF_LINE_START | TF_URL)) || i == 0 || !ends_phrase(d, i - 1))
        return 1;
    if (i + 1 < d->ntok && (d->tok[i + 1].flags & TF_URL) && joined(d, i + 1))
        return 1;
    int next_joined = joined(d, i + 1) && !(d->tok[i + 1].flags & TF_LINE_START);
    if (punct_is(d, i, ".")) {
        if (next_joined &&
            (d->tok[i + 1].kind != TK_PUNCT || punct_is(d, i + 1, ".") || punct_is(d, i + 1, "/")))
            return 1; /* «.5», «.vn», «...», «./.» */
    } else if (punct_is(d, i, ",")) {
        if (next_joined && d->tok[i + 1].kind == TK_NUMBER)
            return 1; /* «,5» */
    } else if (punct_is(d, i, ":")) {
        if (d->tok[i - 1].kind == TK_NUMBER && i + 1 < d->ntok && d->tok[i + 1].kind == TK_NUMBER)
            return 1; /* a score or a ratio «2 : 1» */
    }
    return 0;
}

static void space_before_punct(tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (!(t->flags & TF_SPACE_BEFORE) || !closing_punct(d, i) || legit_space(d, i))
        return;
    size_t start = d->tok[i - 1].off + d->tok[i - 1].len;
    const char *p = d->src.text + t->off;
    tl_ifinding *f =
        doc_add(d, TL_RULE_TYPOGRAPHY_SPACE_BEFORE_PUNCT, start, t->off + t->len - start,
                "space before '%.*s': punctuation follows the word without a "
                "space",
                (int)t->len, p);
    if (f)
        doc_suggest(d, f, p, t->len);
}

/* ---- typography.range-dash -------------------------------------------------------- */

/* A year range starting at number token i: «2020-2025», «2020 - 2025» (hyphen, returns
 * 1) or «2025–2030», «2025 – 2030» (en dash, returns 2); 0 when none. */
static int year_range(const tl_doc *d, size_t i)
{
    int a = year_at(d, i), b = year_at(d, i + 2);
    if (a < 1800 || b < 0 || b <= a || b - a > 100)
        return 0;
    if (d->tok[i].flags & TF_URL)
        return 0;
    if (i > 0 && joined(d, i) &&
        (punct_is(d, i - 1, "/") || punct_is(d, i - 1, "-") || punct_is(d, i - 1, ".")))
        return 0; /* part of a document number or a date */
    if (joined(d, i + 3) &&
        (punct_is(d, i + 3, "-") || punct_is(d, i + 3, "/") || punct_is(d, i + 3, ".")) &&
        i + 4 < d->ntok && d->tok[i + 4].kind == TK_NUMBER)
        return 0;
    int tight = joined(d, i + 1) && joined(d, i + 2);
    int spaced = !joined(d, i + 1) && !joined(d, i + 2);
    if (!tight && !spaced)
        return 0;
    if (punct_is(d, i + 1, "-") || punct_is(d, i + 1, "‐"))
        return 1;
    if (punct_is(d, i + 1, "–"))
        return 2;
    return 0;
}

static int range_dash(tl_doc *d, typo_state *s, size_t i)
{
    int r = year_range(d, i);
    if (!r)
        return 0;
    size_t off = d->tok[i].off, end = d->tok[i + 2].off + d->tok[i + 2].len;
    if (r == 2) {
        if (!s->have_dash) {
            s->have_dash = 1;
            s->dash_range.off = off;
            s->dash_range.len = (uint32_t)(end - off);
        }
        return 0;
    }
    return marks_push(&s->hyphen_ranges, off, end - off, d->tok[i + 2].off, d->tok[i + 2].len);
}

static void range_dash_finish(tl_doc *d, const typo_state *s)
{
    if (!s->have_dash)
        return;
    const char *t = d->src.text;
    for (size_t k = 0; k < s->hyphen_ranges.n; k++) {
        const mark *m = &s->hyphen_ranges.v[k];
        tl_ifinding *f = doc_add(d, TL_RULE_TYPOGRAPHY_RANGE_DASH, m->off, m->len,
                                 "year range with a hyphen; the text writes «%.*s» with an en "
                                 "dash elsewhere",
                                 (int)s->dash_range.len, t + s->dash_range.off);
        doc_suggestf(d, f, "%.4s–%.*s", t + m->off, (int)m->aux_len, t + m->aux_off);
    }
}

/* ---- typography.number-sign ------------------------------------------------------- */

/* «No5» as one token: "No" and ASCII digits. */
static int latin_no_glued(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    const char *p = d->src.text + t->off;
    return t->kind != TK_PUNCT && t->len >= 3 && p[0] == 'N' && p[1] == 'o' &&
           is_ascii_digits(p + 2, t->len - 2);
}

/* Latin «No 5» / «No. 5» at token i in Cyrillic prose: the number's token index, else 0.
 * An English phrase («Symphony No. 5») has a Latin word before it and is left alone. */
static size_t latin_no(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->kind != TK_WORD || t->len != 2 || memcmp(d->src.text + t->off, "No", 2) != 0 ||
        (t->flags & TF_URL))
        return 0;
    if (i > 0 && d->tok[i - 1].kind == TK_WORD && d->tok[i - 1].w &&
        d->tok[i - 1].w->script == SCRIPT_LATIN)
        return 0;
    size_t j = i + 1;
    if (punct_is(d, j, ".") && joined(d, j))
        j++;
    if (j >= d->ntok || d->tok[j].kind != TK_NUMBER || (d->tok[j].flags & TF_LINE_START))
        return 0;
    return j;
}

static int number_sign(tl_doc *d, typo_state *s, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (punct_is(d, i, "№") && i + 1 < d->ntok && d->tok[i + 1].kind == TK_NUMBER &&
        !(d->tok[i + 1].flags & TF_LINE_START) && !(t->flags & TF_URL)) {
        const tl_token *n = &d->tok[i + 1];
        marks *m = joined(d, i + 1) ? &s->sign_tight : &s->sign_spaced;
        return marks_push(m, t->off, n->off + n->len - t->off, n->off, n->len);
    }
    if (latin_no_glued(d, i) && !(t->flags & TF_URL))
        return marks_push(&s->sign_latin, t->off, t->len, t->off + 2, t->len - 2);
    size_t j = latin_no(d, i);
    if (j)
        return marks_push(&s->sign_latin, t->off, d->tok[j].off + d->tok[j].len - t->off,
                          d->tok[j].off, d->tok[j].len);
    return 0;
}

/* Whether the glossary's preferred format puts a space after «№» (the default does). */
static int format_spaced(const tl_doc *d)
{
    const char *fmt = doc_number_format(d);
    const char *p = fmt ? strstr(fmt, "№") : NULL;
    return !p || p[strlen("№")] != '{';
}

static void sign_report(tl_doc *d, const marks *bad, const marks *good, int spaced)
{
    const char *t = d->src.text;
    const mark *eg = &good->v[0];
    for (size_t k = 0; k < bad->n; k++) {
        const mark *m = &bad->v[k];
        tl_ifinding *f = doc_add(d, TL_RULE_TYPOGRAPHY_NUMBER_SIGN, m->off, m->len,
                                 "«%.*s»: the text writes «№» %s a space elsewhere (%zu time%s, "
                                 "e.g. «%.*s»)",
                                 (int)m->len, t + m->off, spaced ? "with" : "without", good->n,
                                 good->n == 1 ? "" : "s", (int)eg->len, t + eg->off);
        doc_suggestf(d, f, "№%s%.*s", spaced ? " " : "", (int)m->aux_len, t + m->aux_off);
    }
}

static void number_sign_finish(tl_doc *d, const typo_state *s)
{
    int pref = format_spaced(d);
    int spaced =
        s->sign_spaced.n > s->sign_tight.n || (s->sign_spaced.n == s->sign_tight.n && pref);
    if (s->sign_spaced.n && s->sign_tight.n) {
        if (spaced)
            sign_report(d, &s->sign_tight, &s->sign_spaced, 1);
        else
            sign_report(d, &s->sign_spaced, &s->sign_tight, 0);
    }
    const char *t = d->src.text;
    for (size_t k = 0; k < s->sign_latin.n; k++) {
        const mark *m = &s->sign_latin.v[k];
        tl_ifinding *f = doc_add(d, TL_RULE_TYPOGRAPHY_NUMBER_SIGN, m->off, m->len,
                                 "Latin «No» for the number sign in Cyrillic text; write «№»");
        doc_suggestf(d, f, "№%s%.*s", spaced ? " " : "", (int)m->aux_len, t + m->aux_off);
    }
}

/* ---- typography.quotes ---------------------------------------------------------- */

/* By position: a mark after white space (or at a line start, or after an opening
 * bracket) and touching the next token opens a quotation. */
static int opens_by_position(const tl_doc *d, size_t i)
{
    const tl_token *t = &d->tok[i];
    int before = i == 0 || (t->flags & (TF_SPACE_BEFORE | TF_LINE_START)) ||
                 punct_is(d, i - 1, "(") || punct_is(d, i - 1, "[");
    return before && joined(d, i + 1) && !(d->tok[i + 1].flags & TF_LINE_START);
}

/* The quote style of token i and whether it opens (+1) or closes (-1); 0 if no quote. */
static int quote_at(const tl_doc *d, size_t i, int *style)
{
    if (punct_is(d, i, "«") || punct_is(d, i, "»")) {
        *style = Q_GUILL;
        return punct_is(d, i, "«") ? 1 : -1;
    }
    if (punct_is(d, i, "„")) {
        *style = Q_CURLY;
        return 1;
    }
    if (punct_is(d, i, "“") || punct_is(d, i, "”")) { /* “…” English, „…“ Russian */
        *style = Q_CURLY;
        return opens_by_position(d, i) ? 1 : -1;
    }
    if (punct_is(d, i, "\"")) {
        *style = Q_STRAIGHT;
        return opens_by_position(d, i) ? 1 : -1;
    }
    return 0;
}

static int quotes(tl_doc *d, typo_state *s, size_t i)
{
    const tl_token *t = &d->tok[i];
    if (t->flags & TF_LINE_START)
        s->qdepth = 0;
    int style;
    int dir = quote_at(d, i, &style);
    if (!dir || (t->flags & TF_URL))
        return 0;
    if (dir < 0) {
        if (s->qdepth > 0)
            s->qdepth--;
        return 0;
    }
    /* „ opens the nested level of Russian quotes; on its own it is not counted */
    int counted = s->qdepth == 0 && !punct_is(d, i, "„");
    s->qdepth++;
    return counted ? marks_push(&s->quotes[style], t->off, t->len, 0, 0) : 0;
}

/* The style every quotation must open in: the configured one (option `style`), else
 * the one the text uses most (a tie: «ёлочки», then “curly”); -1 when the text is
 * consistent and no style is configured. */
static int quotes_style(const tl_doc *d, const typo_state *s)
{
    int dom = Q_GUILL, styles = 0;
    for (int q = 0; q < Q_N; q++) {
        styles += s->quotes[q].n > 0;
        if (s->quotes[q].n > s->quotes[dom].n)
            dom = q;
    }
    if (d->ropt && d->ropt->quotes_style >= 0)
        return d->ropt->quotes_style;
    return styles < 2 ? -1 : dom;
}

static void quotes_finish(tl_doc *d, const typo_state *s)
{
    int dom = quotes_style(d, s);
    if (dom < 0)
        return;
    int set = d->ropt && d->ropt->quotes_style >= 0;
    static const char *const open_of[Q_N] = {"«", "“", "\""};
    for (int q = 0; q < Q_N; q++) {
        if (q == dom)
            continue;
        for (size_t k = 0; k < s->quotes[q].n; k++) {
            const mark *m = &s->quotes[q].v[k];
            tl_ifinding *f =
                set ? doc_add(d, TL_RULE_TYPOGRAPHY_QUOTES, m->off, m->len,
                              "%s quotation mark where the configuration wants %s (option "
                              "style); change the closing mark too",
                              quote_name[q], quote_name[dom])
                    : doc_add(d, TL_RULE_TYPOGRAPHY_QUOTES, m->off, m->len,
                              "%s quotation mark in a text that mostly uses %s (%zu "
                              "time%s); use one style, and change the closing mark too",
                              quote_name[q], quote_name[dom], s->quotes[dom].n,
                              s->quotes[dom].n == 1 ? "" : "s");
            if (f)
                doc_suggest(d, f, open_of[dom], strlen(open_of[dom]));
        }
    }
}

/* ---- the family ------------------------------------------------------------------ */

static int chunk(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    int punct_on = doc_rule_on(d, TL_RULE_TYPOGRAPHY_SPACE_BEFORE_PUNCT);
    int dash_on = doc_rule_on(d, TL_RULE_TYPOGRAPHY_RANGE_DASH);
    int sign_on = doc_rule_on(d, TL_RULE_TYPOGRAPHY_NUMBER_SIGN);
    int quotes_on = doc_rule_on(d, TL_RULE_TYPOGRAPHY_QUOTES);
    if (!punct_on && !dash_on && !sign_on && !quotes_on)
        return 0;
    typo_state *s = st;
    for (size_t i = 0; i < d->ntok; i++) {
        if (punct_on && d->tok[i].kind == TK_PUNCT)
            space_before_punct(d, i);
        if (dash_on && d->tok[i].kind == TK_NUMBER && range_dash(d, s, i))
            return -1;
        if (sign_on && number_sign(d, s, i))
            return -1;
        if (quotes_on && quotes(d, s, i))
            return -1;
    }
    return d->oom ? -1 : 0;
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    const typo_state *s = st;
    range_dash_finish(d, s);
    number_sign_finish(d, s);
    quotes_finish(d, s);
    return d->oom ? -1 : 0;
}

const tl_family family_typography = {
    "typography", sizeof(typo_state), 0, NULL, chunk, finish, release, NULL};
