/*
 * suppress.c - inline suppression markers (suppress.h; docs/suppressions.md).
 *
 * In:  a text's bytes, then its findings before resolution. Out: the findings without
 *      those the markers silence, plus findings about the markers themselves.
 *
 *   "termlint-" found (memmem) --> is it a marker? what precedes it on its line:
 *        <!-- termlint-KEYWORD ... -->        an HTML/Markdown comment, anywhere
 *        termlint-KEYWORD ...                 at the start of a line (after blanks)
 *        # termlint-KEYWORD ... / // ...      after # or // at a line start or a blank
 *   --> KEYWORD  disable-next-line | disable-file | disable | enable
 *   --> rule selectors (ids, prefixes, families; commas or blanks between), then
 *       an optional reason after a lone "--"
 *   --> ranges: next-line = the line after the marker; disable .. enable (per rule;
 *       to the end when never enabled); disable-file = the whole text
 *   --> filter: a finding whose rule a range holds and whose start lies in it is
 *       dropped, before resolve() (result.c), so it neither shows nor absorbs others
 *
 * Every search is bounded so that the cost stays linear in the text whatever it holds:
 * after a plain marker the search goes on at the end of its line (the rest of the line
 * is the marker's), an HTML comment must close within MAX_COMMENT bytes, and the line
 * after a comment is found once per line (a cursor), not once per marker.
 *
 * Encoding findings cannot be silenced (the exit code follows the input error anyway)
 * and neither can the suppression.* findings, which are about the markers.
 */
#define _GNU_SOURCE /* memmem */
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#define MAX_COMMENT 4096 /* an HTML comment marker closes within this many bytes */

_Static_assert(TL_RULE_COUNT <= 64, "rule masks are 64-bit");

static const char prefix[] = "termlint-";
#define PREFIX_LEN (sizeof prefix - 1)

/* Longest first, so "disable" does not take "disable-next-line". */
static const struct {
    const char *word;
    sup_kind kind;
} keywords[] = {{"disable-next-line", SUP_NEXT_LINE},
                {"disable-file", SUP_FILE},
                {"disable", SUP_DISABLE},
                {"enable", SUP_ENABLE}};

static int blank(char c) { return c == ' ' || c == '\t'; }
static int brk(char c) { return c == '\n' || c == '\r'; }
/* Between the words of a marker: blanks, and line breaks (which only a comment can
 * hold: a plain marker ends at its line's end). */
static int gap(char c) { return blank(c) || brk(c); }

/* End of the line holding position p (the line break, or len). */
static size_t line_end(const char *t, size_t len, size_t p)
{
    while (p < len && !brk(t[p]))
        p++;
    return p;
}

/* Start of the line after the break at `le` (CR LF is one break). */
static size_t after_break(const char *t, size_t len, size_t le)
{
    if (le < len && t[le] == '\r' && le + 1 < len && t[le + 1] == '\n')
        return le + 2;
    return le < len ? le + 1 : len;
}

/* How the marker at `kw` (the "termlint-" bytes) is written: 'h' in an HTML comment
 * (*open at its "<!--"), 'p' plain at a line start, 'c' after # or // (*open at it), or
 * 0: not a marker. */
static int opener(const char *t, size_t kw, size_t *open)
{
    size_t i = kw;
    while (i > 0 && blank(t[i - 1]))
        i--;
    if (i == 0 || brk(t[i - 1])) {
        *open = kw;
        return 'p';
    }
    if (i >= 4 && !memcmp(t + i - 4, "<!--", 4)) {
        *open = i - 4;
        return 'h';
    }
    size_t j = i;
    if (t[j - 1] == '#') {
        while (j > 0 && t[j - 1] == '#')
            j--;
    } else if (j >= 2 && t[j - 1] == '/' && t[j - 2] == '/') {
        j -= 2;
    } else {
        return 0;
    }
    if (j > 0 && !blank(t[j - 1]) && !brk(t[j - 1]))
        return 0;
    *open = j;
    return 'c';
}

/* The keyword after "termlint-" at `kw`, ending at or before `e`; -1 when none. */
static int keyword(const char *t, size_t kw, size_t e, size_t *kw_end)
{
    size_t p = kw + PREFIX_LEN;
    for (int k = 0; k < (int)(sizeof keywords / sizeof keywords[0]); k++) {
        size_t n = strlen(keywords[k].word);
        if (p + n > e || memcmp(t + p, keywords[k].word, n))
            continue;
        if (p + n < e && !gap(t[p + n]))
            continue; /* "termlint-disabled" is a word, not a marker */
        *kw_end = p + n;
        return k;
    }
    return -1;
}

/* Reads the selectors and the reason of t[a, e) into m. */
static void arguments(const char *t, size_t a, size_t e, sup_marker *m)
{
    size_t p = a;
    for (;;) {
        while (p < e && (gap(t[p]) || t[p] == ','))
            p++;
        if (p >= e)
            return;
        size_t s = p;
        while (p < e && !gap(t[p]) && t[p] != ',')
            p++;
        if (p - s == 2 && t[s] == '-' && t[s + 1] == '-') {
            while (p < e && gap(t[p]))
                p++;
            size_t r = e;
            while (r > p && gap(t[r - 1]))
                r--;
            m->reason.off = p;
            m->reason.len = r - p;
            return;
        }
        if (m->nrules < SUP_MAX_RULES) {
            m->rules[m->nrules].off = s;
            m->rules[m->nrules++].len = p - s;
        }
    }
}

/* A line end found, so that markers on one long line find it once: the parse keeps
 * one for the markers' lines and one for the lines after them. */
typedef struct {
    size_t from, le; /* [from, le) holds no line break, le is a break or the end */
} line_cursor;

typedef struct {
    line_cursor here, next;
} cursors;

static size_t cursor_line_end(const char *t, size_t len, line_cursor *c, size_t p)
{
    if (p < c->from || p > c->le) {
        c->from = p;
        c->le = line_end(t, len, p);
    }
    return c->le;
}

/* Reads the marker whose "termlint-" is at `kw`, if it is one, into *m; returns where
 * the search goes on. */
static size_t marker_at(const char *t, size_t len, size_t kw, cursors *lc, sup_marker *m,
                        int *found)
{
    size_t open;
    int form = opener(t, kw, &open);
    *found = 0;
    if (!form)
        return kw + PREFIX_LEN;
    size_t e, end; /* arguments end at e; the marker at end */
    if (form == 'h') {
        size_t lim = len - kw < MAX_COMMENT ? len : kw + MAX_COMMENT;
        const char *close = memmem(t + kw, lim - kw, "-->", 3);
        if (!close)
            return kw + PREFIX_LEN;
        e = (size_t)(close - t);
        end = e + 3;
    } else {
        e = end = cursor_line_end(t, len, &lc->here, kw);
    }
    size_t kw_end;
    int k = keyword(t, kw, e, &kw_end);
    if (k < 0)
        return form == 'h' ? end : kw + PREFIX_LEN;
    memset(m, 0, sizeof *m);
    m->kind = keywords[k].kind;
    m->off = open;
    m->end = end;
    m->keyword.off = kw;
    m->keyword.len = kw_end - kw;
    arguments(t, kw_end, e, m);
    size_t le = form == 'h' ? cursor_line_end(t, len, &lc->here, end) : end;
    m->next_off = after_break(t, len, le);
    m->next_end = cursor_line_end(t, len, &lc->next, m->next_off);
    *found = 1;
    return end;
}

int suppress_parse(const char *text, size_t len, sup_marker **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t cap = 0;
    cursors lc = {{1, 0}, {1, 0}}; /* empty: from > le */
    for (size_t pos = 0; pos < len && *n < SUP_MAX_MARKERS;) {
        const char *hit = memmem(text + pos, len - pos, prefix, PREFIX_LEN);
        if (!hit)
            break;
        sup_marker m;
        int found;
        size_t next = marker_at(text, len, (size_t)(hit - text), &lc, &m, &found);
        if (found) {
            if (TL_GROW(*out, *n, cap, 8)) {
                tl_free(*out);
                *out = NULL;
                *n = 0;
                return -1;
            }
            (*out)[(*n)++] = m;
        }
        pos = next > pos ? next : pos + 1;
    }
    return 0;
}

/* ---- ranges ------------------------------------------------------------------------ */

uint64_t suppress_all_rules(void)
{
    uint64_t all = 0;
    for (size_t r = 0; r < TL_RULE_COUNT; r++)
        if (r != TL_RULE_ENCODING && r != TL_RULE_SUPPRESSION_UNKNOWN_RULE &&
            r != TL_RULE_SUPPRESSION_UNUSED)
            all |= (uint64_t)1 << r;
    return all;
}

typedef struct {
    sup_range *v;
    size_t n, cap;
} range_list;

static int push_range(range_list *l, size_t start, size_t limit, uint64_t mask, size_t marker)
{
    if (!mask || start >= limit)
        return 0;
    if (TL_GROW(l->v, l->n, l->cap, 16))
        return -1;
    sup_range r = {start, limit, mask, marker, 0};
    l->v[l->n++] = r;
    return 0;
}

static int cmp_range(const void *a, const void *b)
{
    const sup_range *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->marker < y->marker ? -1 : x->marker > y->marker;
}

int suppress_ranges(const sup_marker *m, const uint64_t *mask, size_t nm, sup_range **out,
                    size_t *n)
{
    range_list l = {NULL, 0, 0};
    size_t open_at[64], open_by[64]; /* per rule: where its disable began, and which */
    uint64_t open = 0;
    int bad = 0;
    for (size_t i = 0; i < nm && !bad; i++) {
        uint64_t mk = mask[i];
        switch (m[i].kind) {
        case SUP_NEXT_LINE: bad = push_range(&l, m[i].next_off, m[i].next_end, mk, i); break;
        case SUP_FILE: bad = push_range(&l, 0, SIZE_MAX, mk, i); break;
        case SUP_DISABLE:
            for (size_t r = 0; r < 64; r++)
                if ((mk >> r & 1) && !(open >> r & 1)) {
                    open |= (uint64_t)1 << r;
                    open_at[r] = m[i].end;
                    open_by[r] = i;
                }
            break;
        case SUP_ENABLE:
            for (size_t r = 0; r < 64 && !bad; r++)
                if ((mk >> r & 1) && (open >> r & 1)) {
                    open &= ~((uint64_t)1 << r);
                    bad = push_range(&l, open_at[r], m[i].off, (uint64_t)1 << r, open_by[r]);
                }
            break;
        }
    }
    for (size_t r = 0; r < 64 && !bad; r++)
        if (open >> r & 1)
            bad = push_range(&l, open_at[r], SIZE_MAX, (uint64_t)1 << r, open_by[r]);
    if (bad) {
        tl_free(l.v);
        *out = NULL;
        *n = 0;
        return -1;
    }
    if (l.n)
        qsort(l.v, l.n, sizeof *l.v, cmp_range);
    *out = l.v;
    *n = l.n;
    return 0;
}

/* ---- filtering ---------------------------------------------------------------------- */

static int cmp_off(const void *a, const void *b)
{
    const tl_ifinding *x = a, *y = b;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    return (int)x->rule - (int)y->rule;
}

static int exempt(const tl_ifinding *f)
{
    return f->rule == TL_RULE_ENCODING || f->rule == TL_RULE_SUPPRESSION_UNKNOWN_RULE ||
           f->rule == TL_RULE_SUPPRESSION_UNUSED || f->severity == TL_SEV_OFF;
}

size_t suppress_filter(tl_ifinding *f, size_t nf, sup_range *ranges, size_t nr, const sup_marker *m,
                       size_t nm)
{
    if (nf > 1)
        qsort(f, nf, sizeof *f, cmp_off);
    /* a sweep in offset order: ranges join the active list at their start and leave it
     * past their limit, so a finding meets only the ranges around it */
    size_t *active = nr ? tl_malloc(nr * sizeof *active) : NULL;
    if (nr && !active)
        return SIZE_MAX;
    size_t nact = 0, next = 0, mk = 0, kept = 0;
    for (size_t i = 0; i < nf; i++) {
        tl_ifinding *x = &f[i];
        while (next < nr && ranges[next].start <= x->off)
            active[nact++] = next++;
        size_t live = 0;
        for (size_t k = 0; k < nact; k++)
            if (ranges[active[k]].limit > x->off)
                active[live++] = active[k];
        nact = live;
        while (mk < nm && m[mk].end <= x->off)
            mk++;
        int drop = 0;
        if (!exempt(x)) {
            drop = mk < nm && m[mk].off <= x->off;
            uint64_t bit = (uint64_t)1 << x->rule;
            for (size_t k = 0; k < nact; k++)
                if (ranges[active[k]].mask & bit) {
                    ranges[active[k]].used |= bit;
                    drop = 1;
                }
        }
        if (!drop)
            f[kept++] = *x;
    }
    tl_free(active);
    return kept;
}

/* ---- applying to a document ------------------------------------------------------------ */

static const char *kind_word(sup_kind k)
{
    return k == SUP_NEXT_LINE ? "termlint-disable-next-line"
           : k == SUP_FILE    ? "termlint-disable-file"
           : k == SUP_DISABLE ? "termlint-disable"
                              : "termlint-enable";
}

/* The rules selector `s` of text `t` selects, by bit (encoding and suppression.*
 * included, which no marker silences); 0 when none. */
static uint64_t selector_bits(const char *t, const sup_span *s)
{
    char sel[96];
    uint64_t mask = 0;
    if (s->len < sizeof sel) {
        memcpy(sel, t + s->off, s->len);
        sel[s->len] = '\0';
        for (size_t r = 0; r < TL_RULE_COUNT; r++)
            if (tl_rule_selects(sel, (tl_rule)r))
                mask |= (uint64_t)1 << r;
    }
    return mask;
}

/* What marker m of text `t` silences, by bit. */
static uint64_t marker_mask(const char *t, const sup_marker *m)
{
    uint64_t mask = m->nrules ? 0 : suppress_all_rules();
    for (size_t k = 0; k < m->nrules; k++)
        mask |= selector_bits(t, &m->rules[k]);
    return mask & suppress_all_rules();
}

/* suppression.unknown-rule for each selector of marker m (of d's text) that selects no
 * rule. */
static void report_unknown(tl_doc *d, const sup_marker *m)
{
    char sel[96];
    for (size_t k = 0; k < m->nrules; k++) {
        const sup_span *s = &m->rules[k];
        const char *t = d->src.text + s->off;
        if (selector_bits(d->src.text, s))
            continue;
        const char *best = NULL;
        if (s->len < sizeof sel) {
            memcpy(sel, t, s->len);
            sel[s->len] = '\0';
            best = tl_rule_suggest(sel);
        }
        if (best)
            doc_add(d, TL_RULE_SUPPRESSION_UNKNOWN_RULE, s->off, s->len,
                    "unknown rule '%.*s' in a %s marker (did you mean '%s'?)", (int)s->len, t,
                    kind_word(m->kind), best);
        else
            doc_add(d, TL_RULE_SUPPRESSION_UNKNOWN_RULE, s->off, s->len,
                    "unknown rule '%.*s' in a %s marker (termlint rules lists them)",
                    (int)(s->len < 64 ? s->len : 64), t, kind_word(m->kind));
    }
}

/* suppression.unused for the selectors of marker i (or the marker) that silenced
 * nothing; `used` is what its ranges silenced. */
static void report_unused(tl_doc *d, const sup_marker *m, uint64_t used)
{
    const char *t = d->src.text;
    if (m->kind == SUP_ENABLE)
        return;
    if (!m->nrules) {
        if (!used)
            doc_add(d, TL_RULE_SUPPRESSION_UNUSED, m->keyword.off, m->keyword.len,
                    "this %s marker silenced nothing; remove it", kind_word(m->kind));
        return;
    }
    for (size_t k = 0; k < m->nrules; k++) {
        const sup_span *s = &m->rules[k];
        char sel[96];
        if (s->len >= sizeof sel)
            continue;
        memcpy(sel, t + s->off, s->len);
        sel[s->len] = '\0';
        uint64_t mask = 0;
        for (size_t r = 0; r < TL_RULE_COUNT; r++)
            if (tl_rule_selects(sel, (tl_rule)r))
                mask |= (uint64_t)1 << r;
        if (mask && !(mask & used))
            doc_add(d, TL_RULE_SUPPRESSION_UNUSED, s->off, s->len,
                    "'%s' in this %s marker silenced nothing; remove it", sel, kind_word(m->kind));
    }
}

/* Whether the text holds a marker's prefix anywhere: one search, a block at a time so
 * that a huge mapped text is told what is behind it (source_consumed). */
static int has_marker(const tl_source *src)
{
    for (size_t at = 0; at < src->len;) {
        size_t n = src->len - at > TL_PASS_BLOCK ? TL_PASS_BLOCK + PREFIX_LEN - 1 : src->len - at;
        int found = memmem(src->text + at, n, prefix, PREFIX_LEN) != NULL;
        at += n > TL_PASS_BLOCK ? TL_PASS_BLOCK : n;
        source_consumed(src, at);
        if (found)
            return 1;
    }
    return 0;
}

/* Marker m with its offsets moved from a text starting at `from` to one starting at `to`
 * (a section's marker into the whole text's offsets, and back): the arithmetic is
 * modular, so either may be the larger. */
static sup_marker rebased(const sup_marker *m, size_t from, size_t to)
{
    sup_marker x = *m;
    x.off = x.off - from + to;
    x.end = x.end - from + to;
    x.keyword.off = x.keyword.off - from + to;
    for (size_t k = 0; k < x.nrules; k++)
        x.rules[k].off = x.rules[k].off - from + to;
    if (x.reason.len)
        x.reason.off = x.reason.off - from + to;
    if (x.kind == SUP_NEXT_LINE) {
        x.next_off = x.next_off - from + to;
        x.next_end = x.next_end - from + to;
    }
    return x;
}

int suppress_plan_add(sup_plan *p, const char *text, size_t len, size_t own, size_t base)
{
    sup_marker *m;
    size_t nm;
    if (suppress_parse(text, len, &m, &nm))
        return -1;
    int rc = 0;
    for (size_t i = 0; !rc && i < nm && m[i].off < own && p->nm < SUP_MAX_MARKERS; i++) {
        size_t cap = p->cap;
        if (TL_GROW(p->m, p->nm, p->cap, 8) || TL_GROW(p->mask, p->nm, cap, 8)) {
            rc = -1;
            break;
        }
        p->mask[p->nm] = marker_mask(text, &m[i]);
        p->m[p->nm++] = rebased(&m[i], 0, base); /* into the whole text's offsets */
    }
    tl_free(m);
    return rc;
}

size_t suppress_markers_end(const char *text, size_t len, size_t own)
{
    sup_marker *m;
    size_t nm, end = 0;
    if (suppress_parse(text, len, &m, &nm))
        return SIZE_MAX;
    for (size_t i = 0; i < nm && m[i].off < own; i++)
        end = m[i].end > end ? m[i].end : end;
    tl_free(m);
    return end;
}

int suppress_plan_ranges(sup_plan *p)
{
    tl_free(p->r);
    p->r = NULL;
    p->nr = 0;
    return suppress_ranges(p->m, p->mask, p->nm, &p->r, &p->nr);
}

void suppress_plan_free(sup_plan *p)
{
    tl_free(p->m);
    tl_free(p->mask);
    tl_free(p->r);
    memset(p, 0, sizeof *p);
}

/* suppress_apply for a section of a longer text (d->sup): the whole text's ranges
 * silence d's findings (in the whole text's offsets meanwhile), and the section's own
 * markers are reported -- as unused only when every range they have ends within the
 * section, since what a range silences in a later section is not known yet. */
static tl_status apply_plan(tl_doc *d)
{
    const sup_plan *p = d->sup;
    size_t base = d->sup_base, end = base + d->src.len;
    for (size_t i = 0; i < d->nf; i++)
        d->f[i].off += base;
    size_t kept = suppress_filter(d->f, d->nf, p->r, p->nr, p->m, p->nm);
    for (size_t i = 0; i < d->nf; i++)
        d->f[i].off -= base;
    if (kept == SIZE_MAX)
        return TL_ERR_NOMEM;
    d->nf = kept;
    /* per marker: what its ranges silenced so far, and whether one runs past the section */
    uint64_t *used = d->report_unused_disables ? tl_calloc(p->nm ? p->nm : 1, sizeof *used) : NULL;
    unsigned char *open = used ? tl_calloc(p->nm ? p->nm : 1, 1) : NULL;
    if (d->report_unused_disables && (!used || !open)) {
        tl_free(used);
        tl_free(open);
        return TL_ERR_NOMEM;
    }
    for (size_t k = 0; used && k < p->nr; k++) {
        used[p->r[k].marker] |= p->r[k].used;
        open[p->r[k].marker] |= p->r[k].limit > end && !d->sup_last;
    }
    for (size_t i = 0; i < p->nm; i++) {
        if (p->m[i].off < base || p->m[i].off >= end)
            continue;
        sup_marker m = rebased(&p->m[i], base, 0);
        report_unknown(d, &m);
        if (used && !open[i])
            report_unused(d, &m, used[i]);
    }
    tl_free(used);
    tl_free(open);
    return d->oom ? TL_ERR_NOMEM : TL_OK;
}

tl_status suppress_apply(tl_doc *d)
{
    if (d->sup)
        return apply_plan(d);
    const char *t = d->src.text;
    size_t len = d->src.len;
    if (!len || !has_marker(&d->src))
        return TL_OK; /* the common case: one search, nothing to do */
    sup_marker *m;
    size_t nm;
    if (suppress_parse(t, len, &m, &nm))
        return TL_ERR_NOMEM;
    uint64_t *mask = tl_calloc(nm ? nm : 1, sizeof *mask);
    uint64_t *used = tl_calloc(nm ? nm : 1, sizeof *used);
    sup_range *r = NULL;
    size_t nr = 0;
    tl_status st = mask && used ? TL_OK : TL_ERR_NOMEM;
    for (size_t i = 0; st == TL_OK && i < nm; i++) {
        mask[i] = marker_mask(t, &m[i]);
        report_unknown(d, &m[i]);
    }
    if (st == TL_OK && suppress_ranges(m, mask, nm, &r, &nr))
        st = TL_ERR_NOMEM;
    size_t kept = st == TL_OK ? suppress_filter(d->f, d->nf, r, nr, m, nm) : 0;
    if (kept == SIZE_MAX)
        st = TL_ERR_NOMEM;
    if (st == TL_OK) {
        d->nf = kept;
        for (size_t k = 0; k < nr; k++)
            used[r[k].marker] |= r[k].used;
        for (size_t i = 0; d->report_unused_disables && i < nm; i++)
            report_unused(d, &m[i], used[i]);
    }
    tl_free(r);
    tl_free(mask);
    tl_free(used);
    tl_free(m);
    return st == TL_OK && d->oom ? TL_ERR_NOMEM : st;
}
