/*
 * check_boilerplate.c - rule `boilerplate`: remains of the web page a text was scraped
 * from (share buttons, comment counters, a dangling «Источник», «./.»), by the patterns
 * of the rule data. Lines that are not prose are also judged by check_furniture.c,
 * which runs after this family and leaves the lines reported here alone.
 *
 * The patterns are data (g->boilerplate, from rules.yaml or a glossary): ICU regular
 * expressions matched against lines. A pattern with `hints` runs only on the lines that
 * hold one of them; one pass over the chunk finds those lines for all patterns at once
 * (hinted_lines). A pattern without hints whose language is TL_LANG_AUTO or the
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
 * its own copy on first use (the family's context state). Boilerplate has the highest
 * precedence of the rules, so other findings inside a match fold into it (result.c).
 */
#include "doc.h"
#include "textclass.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/utext.h>

/* A pathological line must not stall the run: ICU's time limit is in steps of its
 * match engine (roughly 0.5 ms each here; scanning a 1 MiB chunk for a pattern without
 * a literal start takes 60-200). A pattern that runs out of it (or of its backtracking
 * stack) is given up for the rest of the document and said once, as a `limit` finding
 * where it happened: matching the rest line by line, as was done, cost the time limit
 * again on every line (0.34 s a line). */
#define REGEX_TIME_LIMIT 1000
#define REGEX_STACK (1 << 20)

/* The document state: the patterns given up on (per pattern of the glossary). */
typedef struct {
    uint8_t *given_up;
} bp_state;

static void release(void *st)
{
    bp_state *s = st;
    tl_free(s->given_up);
}

typedef struct {
    const gloss *g; /* the glossary these were compiled from */
    size_t n;
    URegularExpression **re; /* parallel to g->boilerplate; NULL = did not compile */
} bp_cache;

static void ctx_release(void *cst)
{
    bp_cache *k = cst;
    for (size_t i = 0; i < k->n; i++)
        uregex_close(k->re[i]);
    tl_free(k->re);
    memset(k, 0, sizeof *k);
}

/* The compiled patterns of this context (the family's context state `k`), compiled on
 * first use; NULL when out of memory. A pattern ICU refuses stays NULL (the glossary
 * loader has already reported it). */
static bp_cache *cache(bp_cache *k, const gloss *g)
{
    if (k->g == g)
        return k;
    ctx_release(k);
    k->re = tl_calloc(g->nboilerplate ? g->nboilerplate : 1, sizeof *k->re);
    if (!k->re)
        return NULL;
    k->g = g;
    k->n = g->nboilerplate;
    for (size_t i = 0; i < k->n; i++) {
        UErrorCode e = U_ZERO_ERROR;
        UParseError pe;
        k->re[i] = uregex_openC(g->boilerplate[i].regex, UREGEX_MULTILINE, &pe, &e);
        if (U_SUCCESS(e))
            uregex_setTimeLimit(k->re[i], REGEX_TIME_LIMIT, &e);
        if (U_SUCCESS(e))
            uregex_setStackLimit(k->re[i], REGEX_STACK, &e);
        if (U_FAILURE(e)) {
            uregex_close(k->re[i]);
            k->re[i] = NULL;
        }
    }
    return k;
}

/* Narrows [*s, *e) of `text` to exclude white space at both ends. */
static void trim(const char *text, size_t *s, size_t *e)
{
    size_t n;
    while (*s < *e && (n = tc_space_len(text + *s, *e - *s)) > 0)
        *s += n;
    size_t last = *s; /* end of the last non-space code point */
    for (size_t i = *s; i < *e; i += n) {
        n = tc_space_len(text + i, *e - i);
        if (!n) {
            uint32_t c;
            n = utf8_decode(text + i, *e - i, &c);
            n = n ? n : 1;
            last = i + n;
        }
    }
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

/* Pattern `p` (number `pi`) ran out of ICU's time or stack limit at byte `at`: given up
 * for the rest of the document, said once. */
static void give_up(tl_doc *d, bp_state *s, const gl_pattern *p, size_t pi, size_t at)
{
    s->given_up[pi] = 1;
    doc_add(d, TL_RULE_LIMIT, at, 0,
            "the boilerplate pattern '%s' ran out of time here and is not matched in the rest "
            "of this text; simplify it (nested repetition such as (a+)+ backtracks without "
            "end)",
            p->id);
}

/* Every match of pattern `p` (number `pi`, compiled `re`) in the text [cs, ce). A match
 * that crosses a line break («\s*» reaching into the next line: two share-button rows,
 * two «|» lines) is not a finding; its range is appended to `redo` (may be NULL) to be
 * matched again line by line. */
static void match_text(tl_doc *d, bp_state *st, URegularExpression *re, const gl_pattern *p,
                       size_t pi, size_t cs, size_t ce, tl_buf *redo)
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
        doc_add(d, TL_RULE_BOILERPLATE, s, end - s, "%s (pattern '%s')",
                p->message ? p->message : "leftover of the scraped web page", p->id);
    }
    if (e == U_REGEX_TIME_OUT || e == U_REGEX_STACK_OVERFLOW)
        give_up(d, st, p, pi, pos);
    /* detach the text before the UText goes away */
    static const UChar empty[1] = {0};
    UErrorCode e2 = U_ZERO_ERROR;
    uregex_setText(re, empty, 0, &e2);
    utext_close(ut);
}

/* Matches line l on its own, clipped to the current chunk. */
static void match_line(tl_doc *d, bp_state *st, URegularExpression *re, const gl_pattern *p,
                       size_t pi, size_t l)
{
    if (st->given_up[pi])
        return;
    size_t ls = d->src.lines[l], le = source_line_end(&d->src, l);
    if (ls < d->chunk_start)
        ls = d->chunk_start;
    if (le > d->chunk_end)
        le = d->chunk_end;
    if (le > ls)
        match_text(d, st, re, p, pi, ls, le, NULL);
}

/* Matches every line that range r touches on its own. */
static void match_lines(tl_doc *d, bp_state *st, URegularExpression *re, const gl_pattern *p,
                        size_t pi, range r)
{
    const tl_source *src = &d->src;
    size_t last = source_line_of(src, r.e > r.s ? r.e - 1 : r.s);
    for (size_t l = source_line_of(src, r.s); l <= last; l++)
        match_line(d, st, re, p, pi, l);
}

/* One hint of one pattern, found in the text by one of its byte pairs. */
typedef struct {
    uint32_t pattern; /* index in g->boilerplate */
    uint32_t next;    /* next hint with the same key, or NONE */
    uint32_t at;      /* where the key's byte pair sits in the hint */
    uint32_t len;
    char text[48]; /* the hint, ASCII folded to lower case */
} bp_hint;

#define NONE UINT32_MAX
#define MAX_HINTS 4096

/* A candidate: line `line` holds a hint of pattern `pattern`. */
typedef struct {
    size_t pattern, line;
} bp_cand;

static int cmp_cand(const void *a, const void *b)
{
    const bp_cand *x = a, *y = b;
    if (x->pattern != y->pattern)
        return x->pattern < y->pattern ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

static unsigned pair(const char *p)
{
    return (unsigned)(unsigned char)p[0] << 8 | (unsigned char)p[1];
}

/* Finds, in one pass over the folded chunk, every line that holds a hint of one of the
 * active hinted patterns, and appends the (pattern, line) pairs to `out`, sorted and each
 * once. Each hint is keyed by its rarest byte pair in this chunk (a one-byte hint by its
 * byte), so the pass stops only where a hint can begin and costs the same for 5 hints
 * or 500. `pairs` is a 65,536-entry scratch table. Returns -1 when out of memory. */
static int hinted_lines(tl_doc *d, const bp_cache *k, const char *fold, uint32_t *pairs,
                        tl_buf *out)
{
    const gloss *g = d->g;
    const tl_source *src = &d->src;
    size_t n = d->chunk_end - d->chunk_start;
    uint32_t single[256];
    bp_hint *hs = NULL;
    size_t nh = 0, cap = 0;
    int any = 0;
    for (size_t i = 0; i < k->n; i++) {
        const gl_pattern *p = &g->boilerplate[i];
        if (k->re[i] && p->nhints && (p->lang == TL_LANG_AUTO || p->lang == d->lang))
            any = 1;
    }
    tl_buf_reset(out);
    if (!any || n == 0)
        return 0;
    /* how often each byte pair occurs here: a hint is keyed by its rarest one */
    memset(pairs, 0, 65536 * sizeof *pairs);
    for (size_t i = 0; i + 1 < n; i++)
        pairs[pair(fold + i)]++;
    for (size_t i = 0; i < k->n; i++) {
        const gl_pattern *p = &g->boilerplate[i];
        if (!k->re[i] || !p->nhints || (p->lang != TL_LANG_AUTO && p->lang != d->lang))
            continue;
        for (size_t j = 0; j < p->nhints; j++) {
            size_t len = strlen(p->hints[j]);
            if (!len || len >= sizeof hs->text || len > n || nh >= MAX_HINTS)
                continue;
            if (TL_GROW(hs, nh, cap, 32)) {
                tl_free(hs);
                return -1;
            }
            bp_hint *h = &hs[nh++];
            h->pattern = (uint32_t)i;
            h->len = (uint32_t)len;
            for (size_t c = 0; c < len; c++) {
                unsigned char b = (unsigned char)p->hints[j][c];
                h->text[c] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            }
            h->at = 0;
            for (uint32_t c = 1; c + 1 < h->len; c++)
                if (pairs[pair(h->text + c)] < pairs[pair(h->text + h->at)])
                    h->at = c;
        }
    }
    /* the pair table now maps a key to its first hint; `single` does so for a byte */
    memset(pairs, 0xff, 65536 * sizeof *pairs);
    memset(single, 0xff, sizeof single);
    for (size_t i = nh; i-- > 0;) {
        uint32_t *head = hs[i].len == 1 ? &single[(unsigned char)hs[i].text[0]]
                                        : &pairs[pair(hs[i].text + hs[i].at)];
        hs[i].next = *head;
        *head = (uint32_t)i;
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t h1 = single[(unsigned char)fold[i]];
        uint32_t h2 = i + 1 < n ? pairs[pair(fold + i)] : NONE;
        if (h1 == NONE && h2 == NONE)
            continue;
        for (int round = 0; round < 2; round++)
            for (uint32_t h = round ? h2 : h1; h != NONE; h = hs[h].next) {
                const bp_hint *x = &hs[h];
                if (i < x->at || i - x->at + x->len > n ||
                    memcmp(fold + i - x->at, x->text, x->len) != 0)
                    continue;
                bp_cand c = {x->pattern, source_line_of(src, d->chunk_start + i)};
                tl_buf_add(out, &c, sizeof c);
            }
    }
    tl_free(hs);
    if (out->oom)
        return -1;
    size_t cnt = out->len / sizeof(bp_cand);
    if (cnt > 1) {
        bp_cand *v = (bp_cand *)(void *)out->data;
        qsort(v, cnt, sizeof *v, cmp_cand);
        size_t w = 1;
        for (size_t r = 1; r < cnt; r++)
            if (cmp_cand(&v[r], &v[w - 1]) != 0)
                v[w++] = v[r];
        out->len = w * sizeof *v;
    }
    return 0;
}

/* Matches pattern `pi` on the candidate lines found for it (from *pos on in `cands`).
 * Scanning a whole 1 MiB chunk costs ICU a few milliseconds per pattern even when a
 * literal prefix lets it skip ahead, and ~100 ms when the pattern has none (an image
 * file name can start anywhere); the hints find the few candidate lines instead. */
static void match_hinted(tl_doc *d, bp_state *st, URegularExpression *re, const gl_pattern *p,
                         size_t pi, const tl_buf *cands, size_t *pos)
{
    const bp_cand *v = (const bp_cand *)(const void *)cands->data;
    size_t cnt = cands->len / sizeof *v;
    while (*pos < cnt && v[*pos].pattern < pi)
        (*pos)++;
    for (; *pos < cnt && v[*pos].pattern == pi && !d->oom; (*pos)++)
        match_line(d, st, re, p, pi, v[*pos].line);
}

static int chunk(tl_doc *d, void *state, void *cst)
{
    const gloss *g = d->g;
    if (!g->nboilerplate || !doc_rule_on(d, TL_RULE_BOILERPLATE) || d->chunk_end <= d->chunk_start)
        return 0;
    bp_cache *k = cache(cst, g);
    bp_state *st = state;
    if (!k || (!st->given_up && !(st->given_up = tl_calloc(g->nboilerplate, 1))))
        return -1;
    size_t n = d->chunk_end - d->chunk_start;
    char *fold = tl_malloc(n);
    uint32_t *pairs = tl_malloc(65536 * sizeof *pairs);
    tl_buf redo, cands;
    tl_buf_init(&redo, 0);
    tl_buf_init(&cands, 0);
    if (!fold || !pairs)
        d->oom = 1;
    else {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)d->src.text[d->chunk_start + i];
            fold[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (hinted_lines(d, k, fold, pairs, &cands) < 0)
            d->oom = 1;
    }
    size_t pos = 0;
    for (size_t i = 0; i < k->n && !d->oom; i++) {
        const gl_pattern *p = &g->boilerplate[i];
        if (!k->re[i] || (p->lang != TL_LANG_AUTO && p->lang != d->lang))
            continue;
        if (p->nhints) {
            match_hinted(d, st, k->re[i], p, i, &cands, &pos);
            continue;
        }
        if (st->given_up[i])
            continue;
        tl_buf_reset(&redo);
        match_text(d, st, k->re[i], p, i, d->chunk_start, d->chunk_end, &redo);
        if (redo.oom)
            d->oom = 1;
        for (size_t r = 0; r + sizeof(range) <= redo.len && !d->oom; r += sizeof(range)) {
            range x;
            memcpy(&x, redo.data + r, sizeof x);
            match_lines(d, st, k->re[i], p, i, x);
        }
    }
    tl_free(fold);
    tl_free(pairs);
    tl_buf_release(&redo);
    tl_buf_release(&cands);
    return d->oom ? -1 : 0;
}

const tl_family family_boilerplate = {
    "boilerplate", sizeof(bp_state), sizeof(bp_cache), NULL, chunk, NULL, release, ctx_release};
