/*
 * result.c - findings: collection during a check (doc_add), then resolution into the
 * public tl_result: sorted by position, one finding per span, positions computed.
 *
 * One span, one finding: when a finding's span equals or lies inside the span of a
 * finding of a more specific rule (boilerplate > term > doc-code > name > the rest >
 * spelling; the `prec` of rules.c), it is not reported on its own but its rule id is
 * listed in the other's `also`. A finding of the same rule on the same span is dropped.
 * A less specific finding that *encloses* a more specific one is kept: they describe
 * different defects (a doubled phrase around a misspelt word).
 */
#include "result.h"

#include "ctx.h"
#include "registry.h"
#include "source.h"

#include <stdlib.h>

#define ENCLOSE_WINDOW 64
#include <string.h>

static int cmp_finding(const void *a, const void *b)
{
    const tl_ifinding *x = a, *y = b;
    if (x->off != y->off)
        return x->off < y->off ? -1 : 1;
    if (x->len != y->len)
        return x->len > y->len ? -1 : 1;
    int px = rule_prec(x->rule), py = rule_prec(y->rule);
    if (px != py)
        return px - py;
    return (int)x->rule - (int)y->rule;
}

static void add_also(tl_doc *d, tl_ifinding *k, tl_rule id)
{
    for (size_t i = 0; i < k->nalso; i++)
        if (k->also[i] == id)
            return;
    tl_rule *p = tl_arena_alloc(&d->mem, (k->nalso + 1) * sizeof *p);
    if (!p) {
        d->oom = 1;
        return;
    }
    if (k->nalso)
        memcpy(p, k->also, k->nalso * sizeof *p);
    p[k->nalso++] = id;
    k->also = p;
}

/* Sorts d->f and folds findings into more specific ones enclosing them; returns the
 * number kept (compacted at the front of d->f). */
static size_t resolve(tl_doc *d)
{
    if (d->nf)
        qsort(d->f, d->nf, sizeof *d->f, cmp_finding);
    size_t kept = 0, maxlen = 0;
    for (size_t j = 0; j < d->nf; j++) {
        tl_ifinding *f = &d->f[j];
        int pj = rule_prec(f->rule), absorbed = 0;
        /* look back over at most ENCLOSE_WINDOW kept findings: folding is a courtesy, and
         * an unbounded look-back is quadratic when one finding spans a huge line */
        for (size_t k = kept, seen = 0; k-- > 0 && seen++ < ENCLOSE_WINDOW;) {
            tl_ifinding *g = &d->f[k];
            if (g->off + maxlen < f->off)
                break;
            if (g->off <= f->off && g->off + g->len >= f->off + f->len &&
                rule_prec(g->rule) <= pj) {
                if (g->rule != f->rule)
                    add_also(d, g, f->rule);
                absorbed = 1;
                break;
            }
        }
        if (absorbed)
            continue;
        if (f->len > maxlen)
            maxlen = f->len;
        d->f[kept++] = *f;
    }
    return kept;
}

tl_status result_build(tl_doc *d, tl_result **out)
{
    *out = NULL;
    size_t n = resolve(d);
    if (d->oom)
        return TL_ERR_NOMEM;
    tl_result *r = tl_calloc(1, sizeof *r);
    if (!r)
        return TL_ERR_NOMEM;
    r->f = tl_calloc(n ? n : 1, sizeof *r->f);
    r->pend = tl_calloc(n ? n : 1, sizeof *r->pend);
    if (!r->f || !r->pend) {
        tl_free(r->f);
        tl_free(r->pend);
        tl_free(r);
        return TL_ERR_NOMEM;
    }
    tl_source_pos cur;
    source_pos_init(&cur);
    for (size_t i = 0; i < n; i++) {
        const tl_ifinding *s = &d->f[i];
        tl_finding *f = &r->f[i];
        f->rule = s->rule;
        f->severity = s->severity;
        f->offset = s->off;
        f->length = s->len;
        source_linecol(&d->src, &cur, s->off, &f->line, &f->col);
        tl_source_pos endcur = cur;
        source_linecol(&d->src, &endcur, s->off + s->len, &f->end_line, &f->end_col);
        f->message = s->message;
        f->suggestions = s->suggestions;
        f->nsuggestions = s->nsuggestions;
        f->also = s->also;
        f->nalso = s->nalso;
        f->text = tl_arena_strndup(&d->mem, d->src.orig + s->off, s->len);
        if (!f->text) {
            d->oom = 1;
            break;
        }
        r->pend[i].word = s->sugg_word ? f->text : NULL;
    }
    r->n = n;
    r->cap_f = n ? n : 1;
    r->terms = d->uses; /* in d->mem, which moves to the result below */
    r->nterms = d->nuses;
    for (size_t i = 0; i < d->nuses; i++) {
        tl_term_use *u = &d->uses[i];
        source_linecol(&d->src, NULL, u->off, &u->line, &u->col);
        source_linecol(&d->src, NULL, u->off + u->len, &u->end_line, &u->end_col);
    }
    r->lang = d->lang;
    r->lang_reason = d->lang_reason;
    r->words = d->tk.nwords;
    r->mem = d->mem; /* the result takes the document's arena: messages live there */
    tl_arena_init(&d->mem);
    if (d->oom) {
        tl_result_free(r);
        return TL_ERR_NOMEM;
    }
    *out = r;
    return TL_OK;
}

size_t tl_result_count(const tl_result *r) { return r ? r->n : 0; }

const tl_finding *tl_result_at(const tl_result *r, size_t i)
{
    return r && i < r->n ? &r->f[i] : NULL;
}

tl_lang tl_result_lang(const tl_result *r) { return r ? r->lang : TL_LANG_AUTO; }

const char *tl_result_lang_reason(const tl_result *r) { return r ? r->lang_reason : ""; }

uint64_t tl_result_words(const tl_result *r) { return r ? r->words : 0; }

void tl_result_free(tl_result *r)
{
    if (!r)
        return;
    tl_arena_release(&r->mem);
    tl_free(r->f);
    tl_free(r->pend);
    tl_free(r);
}

int result_append(tl_result *r, const tl_finding *x)
{
    if (r->n == r->cap_f) {
        size_t cap = r->cap_f * 2;
        tl_finding *f = tl_realloc(r->f, cap * sizeof *f);
        tl_pending *pd = tl_realloc(r->pend, cap * sizeof *pd);
        if (f)
            r->f = f;
        if (pd)
            r->pend = pd;
        if (!f || !pd)
            return -1;
        r->cap_f = cap;
    }
    size_t i = r->n;
    while (i > 0 && r->f[i - 1].offset > x->offset) {
        r->f[i] = r->f[i - 1];
        r->pend[i] = r->pend[i - 1];
        i--;
    }
    r->f[i] = *x;
    memset(&r->pend[i], 0, sizeof r->pend[i]);
    r->n++;
    return 0;
}
