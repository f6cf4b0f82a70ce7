/*
 * check_terms.c - rules `term.forbidden`, `term.literal`, `term.variant`,
 * `term.inconsistent`, and `name.variant` for the forbidden forms of person and place
 * concepts (a known name written in a listed wrong form).
 *
 * Matches come from the index of match.c, leftmost-longest. Each match of a forbidden
 * form is reported at once, with the canonical form inflected like the text
 * (inflect.c) as the suggestion. Uses of canonical forms and variants are recorded;
 * at the end of the document, a concept written in two or more forms (a form is a term
 * plus the capitalisation of its words) gets every minority occurrence reported,
 * pointing at the dominant form. Ties go to the form that is the canonical term as the
 * glossary writes it, else to the form written as the glossary writes it, else to the
 * first seen. Short forms (`short: true`) do not count. The first word of a match at
 * the start of a sentence has no comparable capitalisation: such a use joins the form
 * that agrees on the other words.
 */
#include "norm.h"
#include "match_internal.h"

#include "inflect.h"
#include "morph.h"
#include "ctx.h" /* tl_results_consistency, for now */
#include "result.h"
#include "registry.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

typedef struct {
    cons_use c;       /* first: consistency_forms() reads it */
    size_t off, len;
} term_use;

typedef struct {
    term_use *u;
    size_t n, cap;
    size_t *cand, ncand, capcand; /* tokens that may start a regex term (run_regexes) */
    /* inflected() results by "pattern\1found\1replacement": a text repeats its terms,
     * and inflecting one costs a few microseconds (paradigms, word lists) */
    tl_map infl;
} terms_state;

static void release(void *st)
{
    terms_state *s = st;
    tl_free(s->u);
    tl_free(s->cand);
    tl_map_release(&s->infl);
}

static int has_kid(const tl_word *w, uint32_t kid)
{
    for (int k = 0; k < w->nkids; k++)
        if (w->kids[k] == kid)
            return 1;
    return 0;
}

static int tok_word_matches(tl_doc *d, size_t j, const mterm *mt, const mword *mw)
{
    const tl_token *t = &d->tok[j];
    const char *p = d->src.text + t->off;
    if (mw->punct)
        return t->kind == TK_PUNCT && strlen(mw->surface) == t->len &&
               memcmp(mw->surface, p, t->len) == 0;
    if (t->kind == TK_PUNCT || !t->w)
        return 0;
    tl_word *w = t->w;
    if (mt->term->case_sensitive && (w->flags & WF_CAP ? 1 : 0) != mw->cap)
        return 0;
    if (mt->term->match == GL_MATCH_EXACT)
        return strcmp(w->key, mw->full) == 0 &&
               (!mt->term->case_sensitive || (strlen(mw->surface) == t->len &&
                                              memcmp(mw->surface, p, t->len) == 0));
    if (match_word_ids(d, w))
        return -1;
    if (has_kid(w, mw->kid))
        return 1;
    /* a lemma key begins like the word (match.c): look lemmas up only then */
    if (w->lemmas_done || w->pid != mw->pid)
        return 0;
    if (match_word_lemmas(d, w))
        return -1;
    return has_kid(w, mw->kid);
}

/* Tokens matched by term `mt` starting at token i (0 = no match, -1 = OOM). A token
 * after the first must follow with only white space between (the tokens array holds no
 * white space, so adjacency in it is exactly that); a hyphen must touch its words. */
static long try_term(tl_doc *d, size_t i, const mterm *mt)
{
    size_t j = i;
    for (size_t k = 0; k < mt->n; k++, j++) {
        if (j >= d->ntok)
            return 0;
        if (k && (d->tok[j].flags & TF_PARA_START))
            return 0;
        int r = tok_word_matches(d, j, mt, &mt->w[k]);
        if (r <= 0)
            return r;
    }
    return (long)(j - i);
}

static int kind_rank(gl_kind k) { return k == GL_FORBIDDEN ? 0 : k == GL_VARIANT ? 1 : 2; }

/* Can the token after the first (j) match the second word of the term of `st`? A
 * cheap necessary condition, so that most terms are skipped without being touched: the
 * word has its key already, or may get it from a lemma (which begins like the word). */
static int second_may_match(tl_doc *d, size_t j, const mstart *st)
{
    if (st->kid2 == NO_ID)
        return 1;
    if (j >= d->ntok)
        return 0;
    tl_word *x = d->tok[j].w;
    if (d->tok[j].kind == TK_PUNCT || !x || (d->tok[j].flags & TF_PARA_START))
        return 0;
    if (match_word_ids(d, x))
        return -1;
    return has_kid(x, st->kid2) || (!x->lemmas_done && x->pid == st->pid2);
}

/* The best term starting at token i: longest, then forbidden < variant < canonical,
 * then glossary order. Returns its length in tokens (0 none, -1 OOM). */
static long best_at(tl_doc *d, size_t i, const mterm **best)
{
    const tl_match_index *mi = d->mi;
    tl_word *w = d->tok[i].w;
    if (match_word_ids(d, w))
        return -1;
    if (!w->lemmas_done) {
        int r = match_first_wants_lemmas(d, i);
        if (r < 0 || (r > 0 && match_word_lemmas(d, w)))
            return -1;
    }
    long blen = 0;
    *best = NULL;
    if (d->lang != TL_LANG_RU && d->lang != TL_LANG_UK)
        return 0; /* every term has one of the two */
    int l = d->lang == TL_LANG_UK;
    for (int k = 0; k < w->nkids; k++) {
        const mkey *e = mi->key_tab[w->kids[k]];
        for (uint32_t s = 0; s < e->nstarts[l]; s++) {
            const mstart *st = &e->starts[l][s];
            if (st->n < blen)
                continue;
            int may = second_may_match(d, i + 1, st);
            if (may <= 0) {
                if (may < 0)
                    return -1;
                continue;
            }
            const mterm *mt = &mi->terms[st->term];
            long n = try_term(d, i, mt);
            if (n < 0)
                return -1;
            if (!n)
                continue;
            if (n > blen || (n == blen && (kind_rank(mt->term->kind) < kind_rank((*best)->term->kind) ||
                                           (kind_rank(mt->term->kind) == kind_rank((*best)->term->kind) &&
                                            mt < *best)))) {
                blen = n;
                *best = mt;
            }
        }
    }
    return blen;
}

/* The matched text with white space runs as single spaces and soft hyphens removed. */
static const char *flat_text(tl_doc *d, size_t off, size_t len)
{
    tl_buf *b = d->scratch;
    tl_buf_reset(b);
    utf8_add_flat(b, d->src.text + off, len);
    return b->oom ? NULL : tl_arena_strndup(&d->mem, b->data, b->len);
}

static const gl_term *canonical_of(const gl_concept *c, tl_lang lang)
{
    for (size_t i = 0; i < c->nterms; i++)
        if (c->terms[i].kind == GL_CANONICAL && c->terms[i].lang == lang)
            return &c->terms[i];
    return NULL;
}

/* `replacement` (a glossary form) inflected like `found` (relative to the glossary
 * form `pattern`), or `fallback` when it cannot be. */
static const char *inflected(tl_doc *d, const char *pattern, const char *found,
                             const char *replacement, const char *fallback)
{
    terms_state *st = d->state[FAM_TERMS];
    tl_buf *k = d->scratch;
    tl_buf_reset(k);
    tl_buf_adds(k, pattern);
    tl_buf_addc(k, '\1');
    tl_buf_adds(k, found);
    tl_buf_addc(k, '\1');
    tl_buf_adds(k, replacement);
    const char *s = k->oom ? NULL : tl_map_get(&st->infl, k->data, k->len);
    if (s)
        return *s ? s : fallback;
    s = inflect_like(&d->mem, d->lang, pattern, found, replacement);
    if (!k->oom)
        tl_map_put(&st->infl, k->data, k->len, (void *)(s ? s : ""));
    return s ? s : fallback;
}

static void report_forbidden(tl_doc *d, const mterm *mt, size_t off, size_t len)
{
    const gl_term *t = mt->term;
    const gl_concept *c = t->concept;
    const gl_term *canon = canonical_of(c, d->lang);
    const char *found = flat_text(d, off, len);
    if (!found) {
        d->oom = 1;
        return;
    }
    const char *repl = t->suggest ? t->suggest : canon ? canon->text : NULL;
    tl_rule rule = t->literal                                                       ? TL_RULE_TERM_LITERAL
                   : (c->category == GL_CAT_PERSON || c->category == GL_CAT_PLACE) ? TL_RULE_NAME_VARIANT
                                                                                   : TL_RULE_TERM_FORBIDDEN;
    tl_ifinding *f;
    if (repl)
        f = doc_add(d, rule, off, len, "«%s» is a wrong rendering of %s '%s'; write «%s»%s%s", found,
                    c->category == GL_CAT_PLACE ? "the place" : c->category == GL_CAT_PERSON ? "the name" : "the concept",
                    c->id, repl, t->message ? ": " : "", t->message ? t->message : "");
    else
        f = doc_add(d, rule, off, len, "«%s» is a forbidden rendering of '%s'%s%s", found, c->id,
                    t->message ? ": " : "", t->message ? t->message : "");
    if (f && repl) {
        const char *s = inflected(d, t->text, found, repl, repl);
        doc_suggest(d, f, s, strlen(s));
    }
}

static int record_use(tl_doc *d, terms_state *s, const mterm *mt, size_t i, size_t ntok)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        term_use *p = tl_realloc(s->u, cap * sizeof *p);
        if (!p)
            return -1;
        s->u = p;
        s->cap = cap;
    }
    uint32_t sig = 0;
    /* a regex term has no words of its own to compare capitalisation with */
    for (size_t k = 0, w = 0; mt->n && k < ntok && w < 32; k++) {
        const tl_token *t = &d->tok[i + k];
        if (t->kind == TK_PUNCT)
            continue;
        if (t->w && (t->w->flags & WF_CAP))
            sig |= 1u << w;
        w++;
    }
    const tl_token *a = &d->tok[i], *b = &d->tok[i + ntok - 1];
    term_use *u = &s->u[s->n];
    u->c.mt = mt;
    u->off = a->off;
    u->len = b->off + b->len - a->off;
    u->c.capsig = sig;
    u->c.seq = s->n;
    u->c.sent = (a->flags & (TF_SENT_START | TF_CAPS_LINE)) != 0;
    s->n++;
    return 0;
}

static int on_match(tl_doc *d, terms_state *s, const mterm *mt, size_t i, size_t ntok)
{
    const tl_token *a = &d->tok[i], *b = &d->tok[i + ntok - 1];
    size_t off = a->off, len = b->off + b->len - a->off;
    const gl_term *t = mt->term;
    if (t->kind == GL_FORBIDDEN) {
        report_forbidden(d, mt, off, len);
        return 0;
    }
    if (t->kind == GL_VARIANT && !t->short_form) {
        const gl_term *canon = canonical_of(t->concept, d->lang);
        const char *found = flat_text(d, off, len);
        tl_ifinding *f = NULL;
        if (found && canon)
            f = doc_add(d, TL_RULE_TERM_VARIANT, off, len,
                        "«%s» is an accepted variant of «%s» ('%s'); the canonical form is preferred",
                        found, canon->text, t->concept->id);
        else if (found)
            f = doc_add(d, TL_RULE_TERM_VARIANT, off, len, "«%s» is an accepted variant of '%s'", found,
                        t->concept->id);
        if (f && canon) {
            const char *sug = inflected(d, t->text, found, canon->text, canon->text);
            doc_suggest(d, f, sug, strlen(sug));
        }
    }
    if (t->short_form)
        return 0;
    return record_use(d, s, mt, i, ntok);
}

/* ---- regex terms ---------------------------------------------------------------
 * ICU regular expressions are not thread-safe, so each context compiles its own copy,
 * kept in the family's context state. A pattern is compiled when a text first has a word it
 * can start at: compiling a case-insensitive «\p{L}*» costs ICU ~5 ms (case closures),
 * and most texts need few of the glossary's patterns (none of the other language's).
 * They run over the chunk's UTF-8 text through a UText, whose native indexes are byte
 * offsets. */

typedef struct {
    URegularExpression **re; /* parallel to mi->regex; NULL: not compiled, or failed */
    uint8_t *tried;          /* compilation attempted */
    uint64_t *gen;           /* the chunk the pattern last got (uregex_setUText) */
    uint64_t now;            /* the chunk being checked (counts run_regexes calls) */
    char **prefix;           /* the literal start of each pattern, lower case ("" none) */
    size_t n;
} regex_set;

/* Whether a word's key begins with the literal prefix of one of the patterns of its
 * language is decided once per distinct word and kept in tl_word.flags (WF_RX_DONE,
 * WF_RX_CAND), so that a chunk's pass over its tokens costs one flag test a token. */

typedef struct {
    regex_set *rs;
} terms_ctx;

static void ctx_release(void *cst)
{
    terms_ctx *tc = cst;
    regex_set *rs = tc->rs;
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++) {
        uregex_close(rs->re[i]);
        tl_free(rs->prefix ? rs->prefix[i] : NULL);
    }
    tl_free(rs->re);
    tl_free(rs->tried);
    tl_free(rs->gen);
    tl_free(rs->prefix);
    tl_free(rs);
    tc->rs = NULL;
}

static URegularExpression *compile(const gl_term *t)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t n16 = 0;
    u_strFromUTF8(NULL, 0, &n16, t->text, -1, &e);
    e = U_ZERO_ERROR;
    UChar *p = tl_malloc(((size_t)n16 + 1) * sizeof *p);
    if (!p)
        return NULL;
    u_strFromUTF8(p, n16 + 1, NULL, t->text, -1, &e);
    URegularExpression *re =
        uregex_open(p, n16, t->case_sensitive ? 0 : UREGEX_CASE_INSENSITIVE, NULL, &e);
    tl_free(p);
    if (U_FAILURE(e)) { /* `glossary check` reports bad patterns; here they are skipped */
        uregex_close(re);
        return NULL;
    }
    return re;
}

/* The literal text a pattern must start with, lower-cased: letters up to the first
 * metacharacter, where a leading class of one letter in two cases ("[Нн]") counts as
 * that letter. Matches can only start at words whose key begins with it, so the
 * pattern runs at those words (uregex_lookingAt) instead of at every position. */
static char *literal_prefix(const char *pat)
{
    tl_buf raw, key;
    tl_buf_init(&raw, 0);
    tl_buf_init(&key, 0);
    const char *p = pat;
    while (*p) {
        uint32_t a, b;
        size_t n1, n2;
        if (*p == '[' && (n1 = utf8_decode(p + 1, strlen(p + 1), &a)) &&
            (n2 = utf8_decode(p + 1 + n1, strlen(p + 1 + n1), &b)) && p[1 + n1 + n2] == ']' &&
            a != b && (a == b + 0x20 || b == a + 0x20 || a == b + 0x50 || b == a + 0x50)) {
            tl_buf_add(&raw, p + 1, n1);
            p += 3 + n1 + n2 - 1;
            continue;
        }
        if (strchr("\\[](){}.*+?|^$", *p))
            break;
        tl_buf_addc(&raw, *p++);
    }
    /* a quantifier after the last literal makes it optional: drop that letter */
    if (*p && strchr("*?{", *p) && raw.len) {
        do
            raw.len--;
        while (raw.len && ((unsigned char)raw.data[raw.len] & 0xC0) == 0x80);
    }
    norm_key(&key, raw.data, raw.len, 0);
    char *out = key.oom ? NULL : tl_strndup(key.data, key.len);
    tl_buf_release(&raw);
    tl_buf_release(&key);
    return out;
}

static regex_set *regexes(terms_ctx *c, const tl_match_index *mi)
{
    regex_set *rs = c->rs;
    if (rs)
        return rs;
    size_t n = mi->nregex ? mi->nregex : 1;
    rs = tl_calloc(1, sizeof *rs);
    if (!rs || !(rs->re = tl_calloc(n, sizeof *rs->re)) ||
        !(rs->prefix = tl_calloc(n, sizeof *rs->prefix)) || !(rs->tried = tl_calloc(n, 1)) ||
        !(rs->gen = tl_calloc(n, sizeof *rs->gen))) {
        if (rs) {
            tl_free(rs->re);
            tl_free(rs->prefix);
            tl_free(rs->tried);
        }
        tl_free(rs);
        return NULL;
    }
    rs->n = mi->nregex;
    c->rs = rs;
    for (size_t i = 0; i < mi->nregex; i++) {
        if (!(rs->prefix[i] = literal_prefix(mi->terms[mi->regex[i]].term->text)))
            return NULL; /* freed with the context */
    }
    return rs;
}

/* First token at or after byte `off` (tokens are sorted by offset). */
static size_t tok_at(const tl_doc *d, size_t off)
{
    size_t lo = 0, hi = d->ntok;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->tok[mid].off < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int on_match(tl_doc *d, terms_state *s, const mterm *mt, size_t i, size_t ntok);

/* A regex matched: the tokens it covers are a use of its term. 0, or -1 on OOM. */
static int regex_hit(tl_doc *d, terms_state *s, const mterm *mt, URegularExpression *re,
                     UErrorCode *e)
{
    size_t a = d->chunk_start + (size_t)uregex_start64(re, 0, e);
    size_t b = d->chunk_start + (size_t)uregex_end64(re, 0, e);
    size_t i = tok_at(d, a), j = tok_at(d, b);
    if (U_FAILURE(*e) || i >= j || d->tok[i].off != a)
        return 0; /* a match must start at a token */
    return on_match(d, s, mt, i, j - i);
}

/* Pattern r compiled (on first use) and reading the current chunk; NULL when the
 * pattern does not compile. */
static URegularExpression *regex_ready(regex_set *rs, const tl_match_index *mi, size_t r,
                                       UText *ut, UErrorCode *e)
{
    if (!rs->tried[r]) {
        rs->tried[r] = 1;
        rs->re[r] = compile(mi->terms[mi->regex[r]].term);
    }
    if (rs->re[r] && rs->gen[r] != rs->now) {
        rs->gen[r] = rs->now;
        uregex_setUText(rs->re[r], ut, e);
    }
    return rs->re[r];
}

static int run_regexes(tl_doc *d, terms_state *s, terms_ctx *tc)
{
    const tl_match_index *mi = d->mi;
    if (!mi->nregex || !d->ntok)
        return 0;
    regex_set *rs = regexes(tc, mi);
    if (!rs)
        return -1;
    s->ncand = 0;
    for (size_t i = 0; i < d->ntok; i++) {
        tl_word *w = d->tok[i].w;
        if (!w)
            continue;
        if (!(w->flags & WF_RX_DONE)) {
            w->flags |= WF_RX_DONE;
            for (size_t r = 0; r < rs->n; r++) {
                size_t plen = strlen(rs->prefix[r]);
                if (plen && mi->terms[mi->regex[r]].term->lang == d->lang &&
                    w->keylen >= plen && memcmp(w->key, rs->prefix[r], plen) == 0) {
                    w->flags |= WF_RX_CAND;
                    break;
                }
            }
        }
        if (!(w->flags & WF_RX_CAND))
            continue;
        if (s->ncand == s->capcand) {
            size_t cap = s->capcand ? s->capcand * 2 : 256;
            size_t *p = tl_realloc(s->cand, cap * sizeof *p);
            if (!p)
                return -1;
            s->cand = p;
            s->capcand = cap;
        }
        s->cand[s->ncand++] = i;
    }
    UErrorCode e = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, d->src.text + d->chunk_start,
                               (int64_t)(d->chunk_end - d->chunk_start), &e);
    rs->now++;
    for (size_t r = 0; r < rs->n && U_SUCCESS(e); r++) {
        const mterm *mt = &mi->terms[mi->regex[r]];
        if ((rs->tried[r] && !rs->re[r]) || mt->term->lang != d->lang)
            continue;
        const char *pre = rs->prefix[r];
        size_t plen = strlen(pre);
        URegularExpression *re;
        if (!plen) { /* no literal start: scan the chunk */
            if (!(re = regex_ready(rs, mi, r, ut, &e)))
                continue;
            while (U_SUCCESS(e) && uregex_findNext(re, &e))
                if (regex_hit(d, s, mt, re, &e))
                    break;
            continue;
        }
        for (size_t c = 0; c < s->ncand && U_SUCCESS(e); c++) {
            size_t i = s->cand[c];
            const tl_word *w = d->tok[i].w;
            if (!w || w->keylen < plen || w->key[0] != pre[0] || memcmp(w->key, pre, plen))
                continue;
            if (!(re = regex_ready(rs, mi, r, ut, &e)))
                break;
            if (uregex_lookingAt64(re, (int64_t)(d->tok[i].off - d->chunk_start), &e) &&
                regex_hit(d, s, mt, re, &e))
                break;
        }
    }
    /* each regex keeps its own shallow clone of `ut`, pointing at this chunk's bytes; it
     * is not read again before the next uregex_setUText() */
    utext_close(ut);
    return U_FAILURE(e) || d->oom ? -1 : 0;
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    if (!d->mi)
        return 0;
    terms_state *s = st;
    for (size_t i = 0; i < d->ntok; i++) {
        if (d->tok[i].kind == TK_PUNCT || !d->tok[i].w || (d->tok[i].flags & TF_URL))
            continue;
        const mterm *mt;
        long n = best_at(d, i, &mt);
        if (n < 0)
            return -1;
        if (!n)
            continue;
        if (on_match(d, s, mt, i, (size_t)n))
            return -1;
        i += (size_t)n - 1;
    }
    if (run_regexes(d, s, cst))
        return -1;
    return d->oom ? -1 : 0;
}

/* ---- consistency -------------------------------------------------------------- */

static uint32_t glossary_sig(const mterm *mt)
{
    uint32_t sig = 0;
    for (size_t k = 0, w = 0; k < mt->n && w < 32; k++) {
        if (mt->w[k].punct)
            continue;
        if (mt->w[k].cap)
            sig |= 1u << w;
        w++;
    }
    return sig;
}

static int better(const cons_form *a, const cons_form *b)
{
    if (a->count != b->count)
        return a->count > b->count;
    int ag = a->capsig == glossary_sig(a->mt), bg = b->capsig == glossary_sig(b->mt);
    int ac = a->mt->term->kind == GL_CANONICAL && ag, bc = b->mt->term->kind == GL_CANONICAL && bg;
    if (ac != bc)
        return ac;
    if (ag != bg)
        return ag;
    return a->first < b->first;
}

#define USE(i) ((const cons_use *)((const char *)u + (i) * stride))

size_t consistency_forms(const void *u, size_t stride, size_t n, cons_form *f, size_t *nf,
                         size_t *fi)
{
    *nf = 0;
    /* pass 0: uses away from a sentence start define the forms. pass 1: a use at a
     * sentence start has no comparable first letter; it counts as written the way the
     * glossary writes its term (so the agencies' «Генеральный секретарь» opening three
     * sentences outweighs one «генеральный секретарь» mid-sentence), and it is never
     * reported for the capitalisation of its first word alone */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            const cons_use *x = USE(i);
            if ((x->sent != 0) != pass)
                continue;
            uint32_t sig = pass ? ((x->capsig & ~1u) | (glossary_sig(x->mt) & 1u)) : x->capsig;
            size_t k = 0;
            while (k < *nf && !(f[k].mt == x->mt && f[k].capsig == sig))
                k++;
            if (k == *nf) {
                f[k].mt = x->mt;
                f[k].capsig = sig;
                f[k].count = 0;
                f[k].first = x->seq;
                (*nf)++;
            }
            f[k].count++;
            if (x->seq < f[k].first)
                f[k].first = x->seq;
            fi[i] = k;
        }
    size_t dom = 0;
    for (size_t k = 1; k < *nf; k++)
        if (better(&f[k], &f[dom]))
            dom = k;
    return dom;
}

const char *consistency_message(tl_arena *a, const char *id, const char *found,
                                const char *dominant, unsigned nfound, unsigned ndom)
{
    return tl_arena_printf(a,
                           "'%s' is written «%s» here but «%s» elsewhere (%u× against %u×); "
                           "use one form",
                           id, found, dominant, nfound, ndom);
}

/* The found text with each word's first letter cased as in capsig (same term, other
 * capitalisation): «Центрального Комитета» with sig 01 -> «Центрального комитета». */
static const char *recase(tl_buf *b, tl_arena *a, const char *found, uint32_t sig)
{
    tl_buf_reset(b);
    int at_word_start = 1;
    unsigned w = 0;
    for (size_t i = 0; found[i];) {
        uint32_t c;
        size_t n = utf8_decode(found + i, strlen(found + i), &c);
        if (!n) {
            tl_buf_addc(b, found[i++]);
            continue;
        }
        int letter = (c >= 0x400 && c <= 0x4FF) || ((c | 32) >= 'a' && (c | 32) <= 'z');
        if (letter && at_word_start) {
            int up = w < 32 && (sig >> w & 1u);
            if (up && c >= 0x430 && c <= 0x44F)
                c -= 0x20;
            else if (up && c >= 0x450 && c <= 0x45F)
                c -= 0x50;
            else if (!up && c >= 0x410 && c <= 0x42F)
                c += 0x20;
            else if (!up && c >= 0x400 && c <= 0x40F)
                c += 0x50;
            w++;
            at_word_start = 0;
        } else if (c == ' ') {
            at_word_start = 1;
        }
        char enc[4];
        tl_buf_add(b, enc, utf8_encode(c, enc));
        i += n;
    }
    return b->oom ? found : tl_arena_strndup(a, b->data, b->len);
}

/* Reports the minority uses of one concept u[0..n). */
static void concept_consistency(tl_doc *d, term_use *u, size_t n, cons_form *f, size_t *fi)
{
    size_t nf;
    size_t dom = consistency_forms(u, sizeof *u, n, f, &nf, fi);
    if (nf < 2)
        return;
    const term_use *du = NULL;
    for (size_t i = 0; i < n && !du; i++)
        if (fi[i] == dom && !u[i].c.sent)
            du = &u[i];
    for (size_t i = 0; i < n && !du; i++)
        if (fi[i] == dom)
            du = &u[i];
    const char *dtext = flat_text(d, du->off, du->len);
    for (size_t i = 0; dtext && i < n; i++) {
        if (fi[i] == dom || (u[i].c.sent && u[i].c.mt == f[dom].mt &&
                             (u[i].c.capsig & ~1u) == (f[dom].capsig & ~1u)))
            continue;
        const char *found = flat_text(d, u[i].off, u[i].len);
        const char *msg = found ? consistency_message(&d->mem, u[i].c.mt->term->concept->id, found,
                                                      dtext, f[fi[i]].count, f[dom].count)
                                : NULL;
        if (!msg) {
            d->oom = 1;
            return;
        }
        tl_ifinding *r = doc_add(d, TL_RULE_TERM_INCONSISTENT, u[i].off, u[i].len, "%s", msg);
        if (!r)
            continue;
        const char *sug = u[i].c.mt == f[dom].mt
                              ? recase(d->scratch, &d->mem, found, f[dom].capsig)
                              : inflected(d, u[i].c.mt->term->text, found, f[dom].mt->term->text, dtext);
        doc_suggest(d, r, sug, strlen(sug));
    }
}

static int cmp_use(const void *a, const void *b)
{
    const term_use *x = a, *y = b;
    const gl_concept *cx = x->c.mt->term->concept, *cy = y->c.mt->term->concept;
    if (cx != cy)
        return strcmp(cx->id, cy->id);
    return x->c.seq < y->c.seq ? -1 : x->c.seq > y->c.seq;
}

/* --consistency=run: hand the uses to the result instead (result.c), where
 * tl_results_consistency() compares them across files. */
static int export_uses(tl_doc *d, terms_state *s)
{
    d->uses = tl_arena_alloc(&d->mem, (s->n ? s->n : 1) * sizeof *d->uses);
    if (!d->uses)
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        tl_term_use *t = &d->uses[i];
        t->c = s->u[i].c;
        t->off = s->u[i].off;
        t->len = s->u[i].len;
        t->text = flat_text(d, t->off, t->len);
        t->raw = tl_arena_strndup(&d->mem, d->src.orig + t->off, t->len);
        if (!t->text || !t->raw)
            return -1;
    }
    d->nuses = s->n;
    return 0;
}

static int finish(tl_doc *d, void *st, void *cst)
{
    (void)cst;
    terms_state *s = st;
    if (!s->n || !doc_rule_on(d, TL_RULE_TERM_INCONSISTENT))
        return 0;
    if (d->hold_uses)
        return export_uses(d, s);
    qsort(s->u, s->n, sizeof *s->u, cmp_use);
    cons_form *f = tl_malloc(s->n * sizeof *f);
    size_t *fi = tl_malloc(s->n * sizeof *fi);
    if (!f || !fi) {
        tl_free(f);
        tl_free(fi);
        return -1;
    }
    for (size_t i = 0; i < s->n;) {
        size_t j = i + 1;
        while (j < s->n && s->u[j].c.mt->term->concept == s->u[i].c.mt->term->concept)
            j++;
        concept_consistency(d, s->u + i, j - i, f, fi);
        i = j;
    }
    tl_free(f);
    tl_free(fi);
    return d->oom ? -1 : 0;
}

const tl_family family_terms = {"terms", sizeof(terms_state), sizeof(terms_ctx), NULL, chunk,
                                finish, release, ctx_release};

/* ---- --consistency=run ---------------------------------------------------------- */

typedef struct {
    cons_use c; /* first */
    tl_term_use *u;
    tl_result *r;
} run_use;

static int cmp_run_use(const void *a, const void *b)
{
    const run_use *x = a, *y = b;
    const gl_concept *cx = x->c.mt->term->concept, *cy = y->c.mt->term->concept;
    if (cx != cy)
        return strcmp(cx->id, cy->id);
    return x->c.seq < y->c.seq ? -1 : x->c.seq > y->c.seq;
}

static int run_report(tl_ctx *ctx, const run_use *x, const run_use *dom, const cons_form *f,
                      size_t fx, size_t fd, tl_severity sev)
{
    tl_result *r = x->r;
    tl_finding nf;
    memset(&nf, 0, sizeof nf);
    nf.rule = TL_RULE_TERM_INCONSISTENT;
    nf.severity = sev;
    nf.line = x->u->line;
    nf.col = x->u->col;
    nf.end_line = x->u->end_line;
    nf.end_col = x->u->end_col;
    nf.offset = x->u->off;
    nf.length = x->u->len;
    nf.text = x->u->raw;
    nf.message = consistency_message(&r->mem, x->c.mt->term->concept->id, x->u->text,
                                     dom->u->text, f[fx].count, f[fd].count);
    const char *sug = x->c.mt == f[fd].mt
                          ? recase(&ctx->scratch, &r->mem, x->u->text, f[fd].capsig)
                          : inflect_like(&r->mem, r->lang, x->c.mt->term->text, x->u->text,
                                         dom->u->text);
    const char **sv = tl_arena_alloc(&r->mem, sizeof *sv);
    if (!nf.message || !sv)
        return -1;
    sv[0] = sug ? sug : dom->u->text;
    nf.suggestions = sv;
    nf.nsuggestions = 1;
    return result_append(r, &nf);
}

tl_status tl_results_consistency(tl_ctx *ctx, tl_result *const *results, size_t n)
{
    tl_severity sev = ctx->sh->severity[TL_RULE_TERM_INCONSISTENT];
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += results[i] ? results[i]->nterms : 0;
    if (!total || sev == TL_SEV_OFF)
        return TL_OK;
    run_use *u = tl_malloc(total * sizeof *u);
    cons_form *f = tl_malloc(total * sizeof *f);
    size_t *fi = tl_malloc(total * sizeof *fi);
    tl_status st = TL_OK;
    if (!u || !f || !fi) {
        st = TL_ERR_NOMEM;
        goto out;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; results[i] && j < results[i]->nterms; j++) {
            u[k].c = results[i]->terms[j].c;
            u[k].c.seq = ((uint64_t)i << 32) | j;
            u[k].u = &results[i]->terms[j];
            u[k].r = results[i];
            k++;
        }
    qsort(u, total, sizeof *u, cmp_run_use);
    for (size_t i = 0; i < total && st == TL_OK;) {
        size_t j = i + 1, nf;
        while (j < total && u[j].c.mt->term->concept == u[i].c.mt->term->concept)
            j++;
        size_t dom = consistency_forms(u + i, sizeof *u, j - i, f, &nf, fi);
        const run_use *du = NULL;
        for (size_t m = 0; m < j - i && !du; m++)
            if (fi[m] == dom)
                du = &u[i + m];
        for (size_t m = 0; nf > 1 && m < j - i && st == TL_OK; m++) {
            const run_use *x = &u[i + m];
            if (fi[m] == dom || (x->c.sent && x->c.mt == f[dom].mt &&
                                 (x->c.capsig & ~1u) == (f[dom].capsig & ~1u)))
                continue;
            if (run_report(ctx, x, du, f, fi[m], dom, sev))
                st = TL_ERR_NOMEM;
        }
        i = j;
    }
out:
    tl_free(u);
    tl_free(f);
    tl_free(fi);
    return st;
}
