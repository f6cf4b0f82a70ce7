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
#include "match_internal.h"

#include "inflect.h"
#include "morph.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const mterm *mt;
    size_t off, len;
    uint32_t capsig;  /* bit k: word k of the match starts with a capital */
    uint32_t seq;     /* order of occurrence */
    uint8_t sent;     /* the match starts a sentence */
} term_use;

typedef struct {
    term_use *u;
    size_t n, cap;
} terms_state;

void check_terms_release(tl_doc *d)
{
    terms_state *s = d->state[CK_TERMS];
    if (s)
        tl_free(s->u);
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
    for (int k = 0; k < w->nkids; k++)
        if (w->kids[k] == mw->kid)
            return 1;
    return 0;
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

/* The best term starting at token i: longest, then forbidden < variant < canonical,
 * then glossary order. Returns its length in tokens (0 none, -1 OOM). */
static long best_at(tl_doc *d, size_t i, const mterm **best)
{
    const tl_match_index *mi = d->ctx->sh->mi;
    tl_word *w = d->tok[i].w;
    if (match_word_ids(d, w))
        return -1;
    long blen = 0;
    *best = NULL;
    for (int k = 0; k < w->nkids; k++) {
        const mkey *e = mi->key_tab[w->kids[k]];
        for (uint32_t s = 0; s < e->nstarts; s++) {
            const mterm *mt = &mi->terms[e->starts[s]];
            if (mt->term->lang != d->lang || mt->n < blen)
                continue;
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
    tl_buf *b = &d->ctx->scratch;
    tl_buf_reset(b);
    const char *p = d->src.text + off;
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == 0xC2 && i + 1 < len && ((unsigned char)p[i + 1] == 0xA0 || (unsigned char)p[i + 1] == 0xAD)) {
            space |= (unsigned char)p[i + 1] == 0xA0;
            i++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = 1;
            continue;
        }
        if (space)
            tl_buf_addc(b, ' ');
        space = 0;
        tl_buf_addc(b, (char)c);
    }
    return b->oom ? NULL : tl_arena_strndup(&d->mem, b->data, b->len);
}

static const gl_term *canonical_of(const gl_concept *c, tl_lang lang)
{
    for (size_t i = 0; i < c->nterms; i++)
        if (c->terms[i].kind == GL_CANONICAL && c->terms[i].lang == lang)
            return &c->terms[i];
    return NULL;
}

/* `replacement` inflected like `found` (relative to the glossary form `pattern`). */
static const char *inflected(tl_doc *d, const char *pattern, const char *found,
                             const char *replacement)
{
    const char *s = inflect_like(&d->mem, d->lang, pattern, found, replacement);
    return s ? s : replacement;
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
    const char *rule = t->literal                                                     ? "term.literal"
                       : (c->category == GL_CAT_PERSON || c->category == GL_CAT_PLACE) ? "name.variant"
                                                                                       : "term.forbidden";
    tl_ifinding *f;
    if (repl)
        f = doc_add(d, rule, off, len, "«%s» is a wrong rendering of %s '%s'; write «%s»%s%s", found,
                    c->category == GL_CAT_PLACE ? "the place" : c->category == GL_CAT_PERSON ? "the name" : "the concept",
                    c->id, repl, t->message ? ": " : "", t->message ? t->message : "");
    else
        f = doc_add(d, rule, off, len, "«%s» is a forbidden rendering of '%s'%s%s", found, c->id,
                    t->message ? ": " : "", t->message ? t->message : "");
    if (f && repl) {
        const char *s = inflected(d, t->text, found, repl);
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
    for (size_t k = 0, w = 0; k < ntok && w < 32; k++) {
        const tl_token *t = &d->tok[i + k];
        if (t->kind == TK_PUNCT)
            continue;
        if (t->w && (t->w->flags & WF_CAP))
            sig |= 1u << w;
        w++;
    }
    const tl_token *a = &d->tok[i], *b = &d->tok[i + ntok - 1];
    term_use *u = &s->u[s->n];
    u->mt = mt;
    u->off = a->off;
    u->len = b->off + b->len - a->off;
    u->capsig = sig;
    u->seq = (uint32_t)s->n;
    u->sent = (a->flags & (TF_SENT_START | TF_CAPS_LINE)) != 0;
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
        tl_ifinding *f = found ? doc_add(d, "term.variant", off, len,
                                         "«%s» is an accepted variant of %s'%s'%s%s%s", found,
                                         canon ? "«" : "", canon ? canon->text : t->concept->id,
                                         canon ? "» (" : "", canon ? t->concept->id : "",
                                         canon ? ")" : "")
                               : NULL;
        if (f && canon) {
            const char *sug = inflected(d, t->text, found, canon->text);
            doc_suggest(d, f, sug, strlen(sug));
        }
    }
    if (t->short_form)
        return 0;
    return record_use(d, s, mt, i, ntok);
}

int check_terms_chunk(tl_doc *d)
{
    if (!d->ctx->sh->mi)
        return 0;
    terms_state *s = d->state[CK_TERMS];
    if (!s) {
        s = tl_arena_alloc(&d->mem, sizeof *s);
        if (!s)
            return -1;
        d->state[CK_TERMS] = s;
    }
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
    return d->oom ? -1 : 0;
}

/* ---- consistency -------------------------------------------------------------- */

typedef struct {
    const mterm *mt;
    uint32_t capsig, count, first;
} form;

static int cmp_use(const void *a, const void *b)
{
    const term_use *x = a, *y = b;
    const gl_concept *cx = x->mt->term->concept, *cy = y->mt->term->concept;
    if (cx != cy)
        return strcmp(cx->id, cy->id);
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

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

static int better(const form *a, const form *b)
{
    if (a->count != b->count)
        return a->count > b->count;
    int ac = a->mt->term->kind == GL_CANONICAL && a->capsig == glossary_sig(a->mt);
    int bc = b->mt->term->kind == GL_CANONICAL && b->capsig == glossary_sig(b->mt);
    if (ac != bc)
        return ac;
    int ag = a->capsig == glossary_sig(a->mt), bg = b->capsig == glossary_sig(b->mt);
    if (ag != bg)
        return ag;
    return a->first < b->first;
}

static size_t find_form(form *f, size_t nf, const term_use *u, uint32_t mask)
{
    for (size_t k = 0; k < nf; k++)
        if (f[k].mt == u->mt && (f[k].capsig & mask) == (u->capsig & mask))
            return k;
    return nf;
}

/* Forms of one concept's uses [u, u+n): counts and the index of each use's form. */
static void concept_consistency(tl_doc *d, term_use *u, size_t n, form *f, size_t *fi)
{
    size_t nf = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            if ((u[i].sent != 0) != pass)
                continue;
            uint32_t mask = pass ? ~1u : ~0u;
            size_t k = find_form(f, nf, &u[i], mask);
            if (k == nf) {
                f[nf].mt = u[i].mt;
                f[nf].capsig = pass ? ((u[i].capsig & ~1u) | (glossary_sig(u[i].mt) & 1u)) : u[i].capsig;
                f[nf].count = 0;
                f[nf].first = u[i].seq;
                nf++;
            }
            f[k].count++;
            if (u[i].seq < f[k].first)
                f[k].first = u[i].seq;
            fi[i] = k;
        }
    if (nf < 2)
        return;
    size_t dom = 0;
    for (size_t k = 1; k < nf; k++)
        if (better(&f[k], &f[dom]))
            dom = k;
    const term_use *du = NULL;
    for (size_t i = 0; i < n && !du; i++)
        if (fi[i] == dom)
            du = &u[i];
    const char *dtext = flat_text(d, du->off, du->len);
    for (size_t i = 0; dtext && i < n; i++) {
        if (fi[i] == dom)
            continue;
        const char *found = flat_text(d, u[i].off, u[i].len);
        if (!found)
            break;
        tl_ifinding *r = doc_add(d, "term.inconsistent", u[i].off, u[i].len,
                                 "'%s' is written «%s» here but «%s» elsewhere in the text "
                                 "(%u× against %u×); use one form",
                                 u[i].mt->term->concept->id, found, dtext, f[fi[i]].count,
                                 f[dom].count);
        if (r) {
            const char *sug = inflect_like(&d->mem, d->lang, dtext, found, dtext);
            if (u[i].mt != f[dom].mt)
                sug = inflected(d, u[i].mt->term->text, found, f[dom].mt->term->text);
            else if (!sug)
                sug = dtext;
            doc_suggest(d, r, sug, strlen(sug));
        }
    }
}

int check_terms_finish(tl_doc *d)
{
    terms_state *s = d->state[CK_TERMS];
    if (!s || !s->n || !doc_rule_on(d, "term.inconsistent"))
        return 0;
    qsort(s->u, s->n, sizeof *s->u, cmp_use);
    form *f = tl_malloc(s->n * sizeof *f);
    size_t *fi = tl_malloc(s->n * sizeof *fi);
    if (!f || !fi) {
        tl_free(f);
        tl_free(fi);
        return -1;
    }
    for (size_t i = 0; i < s->n;) {
        size_t j = i + 1;
        while (j < s->n && s->u[j].mt->term->concept == s->u[i].mt->term->concept)
            j++;
        concept_consistency(d, s->u + i, j - i, f, fi);
        i = j;
    }
    tl_free(f);
    tl_free(fi);
    return d->oom ? -1 : 0;
}
