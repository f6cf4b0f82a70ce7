/*
 * check_boilerplate.c - rule `boilerplate`: remains of the web page a text was scraped
 * from (share buttons, comment counters, a dangling «Источник», «./.», stray «|»).
 *
 * The patterns are data (g->boilerplate, from rules.yaml or a glossary): ICU regular
 * expressions matched against lines. Each pattern whose language is TL_LANG_AUTO or the
 * text's runs once over the whole chunk (a chunk holds whole lines) in MULTILINE mode,
 * so ^ and $ are line boundaries; each match, trimmed of white space, is one finding
 * with the pattern's message. A match that crosses a line break (a pattern's \s* can
 * reach into the next line) is matched again line by line, so the rule stays
 * line-oriented: two share-button rows in a row are two findings, not none. (Matching
 * every line on its own cost a regex reset per line and pattern: 3 s on a 10 MB text,
 * against ~0.1 s this way.)
 *
 *   chunk bytes ──utext_openUTF8──> UText ──uregex_findNext──> [start, end) in bytes
 *
 * We iterate a UTF-8 UText, so ICU's native indexes are byte offsets into the chunk and
 * need no UTF-16 mapping. Compiled regexes are not thread-safe: each context compiles
 * its own copy on first use (c->fam[CK_BOILERPLATE], freed by
 * check_boilerplate_ctx_release). Boilerplate has the highest precedence of the rules,
 * so other findings inside a match fold into it (result.c).
 */
#include "checks.h"
#include "ctx.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

/* A pathological line must not stall the run: ICU's time limit is in steps of its
 * match engine (roughly milliseconds); a match that runs out is skipped. */
#define REGEX_TIME_LIMIT 2000

typedef struct {
    const gloss *g;            /* the glossary these were compiled from */
    size_t n;
    URegularExpression **re;   /* parallel to g->boilerplate; NULL = did not compile */
} bp_cache;

void check_boilerplate_ctx_release(tl_ctx *c)
{
    bp_cache *k = c->fam[CK_BOILERPLATE];
    if (!k)
        return;
    for (size_t i = 0; i < k->n; i++)
        uregex_close(k->re[i]);
    tl_free(k->re);
    tl_free(k);
    c->fam[CK_BOILERPLATE] = NULL;
}

/* The compiled patterns of this context, compiled on first use; NULL when out of
 * memory. A pattern ICU refuses stays NULL (gloss.c has already reported it). */
static bp_cache *cache(tl_ctx *c)
{
    bp_cache *k = c->fam[CK_BOILERPLATE];
    const gloss *g = c->sh->g;
    if (k && k->g == g)
        return k;
    check_boilerplate_ctx_release(c);
    k = tl_calloc(1, sizeof *k);
    if (!k)
        return NULL;
    k->g = g;
    k->n = g->nboilerplate;
    k->re = tl_calloc(k->n ? k->n : 1, sizeof *k->re);
    if (!k->re) {
        tl_free(k);
        return NULL;
    }
    c->fam[CK_BOILERPLATE] = k;
    for (size_t i = 0; i < k->n; i++) {
        UErrorCode e = U_ZERO_ERROR;
        UParseError pe;
        k->re[i] = uregex_openC(g->boilerplate[i].regex, UREGEX_MULTILINE, &pe, &e);
        if (U_SUCCESS(e))
            uregex_setTimeLimit(k->re[i], REGEX_TIME_LIMIT, &e);
        if (U_FAILURE(e)) {
            uregex_close(k->re[i]);
            k->re[i] = NULL;
        }
    }
    return k;
}

static int is_space_at(const char *p, size_t len, size_t *n)
{
    uint32_t c;
    *n = utf8_decode(p, len, &c);
    if (!*n) {
        *n = 1;
        return 0;
    }
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || u_isUWhiteSpace((UChar32)c) ||
           c == 0xFEFF || c == 0x200B;
}

/* Narrows [*s, *e) of `text` to exclude white space at both ends. */
static void trim(const char *text, size_t *s, size_t *e)
{
    size_t n;
    while (*s < *e && is_space_at(text + *s, *e - *s, &n))
        *s += n;
    size_t last = *s; /* end of the last non-space code point */
    for (size_t i = *s; i < *e; i += n)
        if (!is_space_at(text + i, *e - i, &n))
            last = i + n;
    *e = last;
}

static int crosses_line(const char *t, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (t[i] == '\n' || t[i] == '\r')
            return 1;
    return 0;
}

typedef struct {
    size_t s, e;
} range;

/* Every match of pattern `p` (compiled `re`) in the text [cs, ce). A match that crosses
 * a line break («\s*» reaching into the next line: two share-button rows, two «|»
 * lines) is not a finding; its range is appended to `redo` (may be NULL) to be matched
 * again line by line, as is the rest of the text when ICU's time limit runs out. */
static void match_text(tl_doc *d, URegularExpression *re, const gl_pattern *p, size_t cs,
                       size_t ce, tl_buf *redo)
{
    UErrorCode e = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, d->src.text + cs, (int64_t)(ce - cs), &e);
    uregex_setUText(re, ut, &e);
    size_t pos = cs;
    while (U_SUCCESS(e) && uregex_findNext(re, &e)) {
        int64_t ms = uregex_start64(re, 0, &e), me = uregex_end64(re, 0, &e);
        if (U_FAILURE(e) || ms < 0 || me <= ms)
            continue;
        size_t s = cs + (size_t)ms, end = cs + (size_t)me;
        pos = end;
        trim(d->src.text, &s, &end);
        if (end <= s || s < d->src.start)
            continue;
        if (crosses_line(d->src.text, s, end)) {
            range r = {s, end};
            if (redo)
                tl_buf_add(redo, &r, sizeof r);
            continue;
        }
        doc_add(d, "boilerplate", s, end - s, "%s (pattern '%s')",
                p->message ? p->message : "leftover of the scraped web page", p->id);
    }
    if (e == U_REGEX_TIME_OUT && redo && pos < ce) {
        range r = {pos, ce};
        tl_buf_add(redo, &r, sizeof r);
    }
    /* detach the text before the UText goes away */
    static const UChar empty[1] = {0};
    UErrorCode e2 = U_ZERO_ERROR;
    uregex_setText(re, empty, 0, &e2);
    utext_close(ut);
}

/* Matches every line that range r touches on its own. */
static void match_lines(tl_doc *d, URegularExpression *re, const gl_pattern *p, range r)
{
    const tl_source *src = &d->src;
    size_t last = source_line_of(src, r.e > r.s ? r.e - 1 : r.s);
    for (size_t l = source_line_of(src, r.s); l <= last; l++) {
        size_t ls = src->lines[l], le = source_line_end(src, l);
        if (ls < d->chunk_start)
            ls = d->chunk_start;
        if (le > d->chunk_end)
            le = d->chunk_end;
        if (le > ls)
            match_text(d, re, p, ls, le, NULL);
    }
}

/* Whether `hint` occurs in [s, e) with its first byte `first`, ASCII case ignored after. */
static int find_hint(const char *hint, size_t n, unsigned char first, const char *s, const char *e)
{
    for (const char *q = s; q + n <= e; q++) {
        q = memchr(q, first, (size_t)(e - n + 1 - q));
        if (!q)
            return 0;
        size_t k = 1;
        while (k < n && ((unsigned char)q[k] | 0x20) == ((unsigned char)hint[k] | 0x20))
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* Whether one of the pattern's hints occurs in [s, e), ASCII case ignored. A pattern
 * with no literal start (an image file name can begin anywhere) costs ICU about 1 s per
 * 10 MB to scan; its hints («.jpg», «.png») rule most chunks out in a few milliseconds. */
static int hinted(const gl_pattern *p, const char *s, const char *e)
{
    if (!p->nhints)
        return 1;
    for (size_t h = 0; h < p->nhints; h++) {
        const char *hint = p->hints[h];
        size_t n = strlen(hint);
        unsigned char first = (unsigned char)hint[0];
        if (!n || find_hint(hint, n, first, s, e) ||
            (first >= 'a' && first <= 'z' && find_hint(hint, n, (unsigned char)(first - 32), s, e)))
            return 1;
    }
    return 0;
}

int check_boilerplate_chunk(tl_doc *d)
{
    const gloss *g = d->ctx->sh->g;
    if (!g->nboilerplate || !doc_rule_on(d, "boilerplate") || d->chunk_end <= d->chunk_start)
        return 0;
    bp_cache *k = cache(d->ctx);
    if (!k)
        return -1;
    tl_buf redo;
    tl_buf_init(&redo, 0);
    for (size_t i = 0; i < k->n && !d->oom; i++) {
        const gl_pattern *p = &g->boilerplate[i];
        if (!k->re[i] || (p->lang != TL_LANG_AUTO && p->lang != d->lang) ||
            !hinted(p, d->src.text + d->chunk_start, d->src.text + d->chunk_end))
            continue;
        tl_buf_reset(&redo);
        match_text(d, k->re[i], p, d->chunk_start, d->chunk_end, &redo);
        if (redo.oom)
            d->oom = 1;
        for (size_t r = 0; r + sizeof(range) <= redo.len && !d->oom; r += sizeof(range)) {
            range x;
            memcpy(&x, redo.data + r, sizeof x);
            match_lines(d, k->re[i], p, x);
        }
    }
    tl_buf_release(&redo);
    return d->oom ? -1 : 0;
}

int check_boilerplate_finish(tl_doc *d)
{
    (void)d;
    return 0;
}

void check_boilerplate_release(tl_doc *d) { (void)d; }
