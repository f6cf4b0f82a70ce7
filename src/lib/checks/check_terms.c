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
#include "doc.h"
#include "inflect.h"
#include "match.h"
#include "ctx.h" /* tl_results_consistency, for now */
#include "result.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const mterm *mt;
    uint64_t first;
    uint32_t capsig, count;
} cons_form;

typedef struct {
    cons_use c;       /* first: consistency_forms() reads it */
    size_t off, len;
} term_use;

typedef struct {
    term_use *u;
    size_t n, cap;
    /* inflected() results by "pattern\1found\1replacement": a text repeats its terms,
     * and inflecting one costs a few microseconds (paradigms, word lists) */
    tl_map infl;
} terms_state;

/* The family's context state: the regex terms compiled for this context. */
typedef struct {
    match_regexes *rx;
} terms_ctx;

static void release(void *st)
{
    terms_state *s = st;
    tl_free(s->u);
    tl_map_release(&s->infl);
}

static void ctx_release(void *cst)
{
    terms_ctx *c = cst;
    match_regexes_free(c->rx);
    c->rx = NULL;
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

typedef struct {
    tl_doc *d;
    terms_state *s;
} hit_arg;

/* A regex term matched tokens [i, i+ntok). */
static int on_regex(void *arg, const mterm *mt, size_t i, size_t ntok)
{
    hit_arg *h = arg;
    return on_match(h->d, h->s, mt, i, ntok);
}

/* Leftmost-longest: at each word the best term starting there, then on after it; then
 * the regex terms over the whole chunk. */
static int chunk(tl_doc *d, void *st, void *cst)
{
    if (!d->mi)
        return 0;
    terms_state *s = st;
    tl_matcher m = {d->mi, d->morph, d->lang, d->tok, d->ntok, d->src.text,
                    d->chunk_start, d->chunk_end, d->scratch};
    for (size_t i = 0; i < d->ntok; i++) {
        if (d->tok[i].kind == TK_PUNCT || !d->tok[i].w || (d->tok[i].flags & TF_URL))
            continue;
        const mterm *mt;
        long n = match_at(&m, i, &mt);
        if (n < 0)
            return -1;
        if (!n)
            continue;
        if (on_match(d, s, mt, i, (size_t)n))
            return -1;
        i += (size_t)n - 1;
    }
    hit_arg h = {d, s};
    terms_ctx *c = cst;
    if (match_regexes_run(&c->rx, &m, on_regex, &h))
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

static size_t consistency_forms(const void *u, size_t stride, size_t n, cons_form *f,
                                size_t *nf, size_t *fi)
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

static const char *consistency_message(tl_arena *a, const char *id, const char *found,
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
