/*
 * result.c - a checked document's findings (doc.c collected them) resolved into the
 * public tl_result: sorted by position, one finding per span, positions computed.
 *
 * One span, one finding: when a finding's span equals or lies inside the span of a
 * finding of a more specific rule (boilerplate > term > doc-code > name > the rest >
 * spelling; the `prec` of registry.c), it is not reported on its own but its rule is
 * listed in the other's `also`. A finding of the same rule on the same span is dropped.
 * A less specific finding that *encloses* a more specific one is kept: they describe
 * different defects (a doubled phrase around a misspelt word). term.use folds nothing
 * and is listed in no `also`: it records a use of the glossary, and switching it on
 * must change no other finding (registry.c, rule_folds); the finding that absorbs it
 * carries the same glossary term. Every finding goes
 * through here, also those a run adds after the document's own check (corpus.c):
 * a document is resolved once everything that can report on it has.
 *
 * Inline suppression markers (suppress.c) filter d->f before resolve(), so a silenced
 * finding neither shows nor absorbs others. A baseline is applied by the caller to the
 * resolved findings instead: it records findings as they were shown, and dropping one
 * before resolution would let the findings it absorbed show up as new.
 */
#include "result.h"

#include "fingerprint.h"
#include "registry.h"
#include "suppress.h"

#include <stdlib.h>
#include <string.h>

/* Findings kept so far that resolve() compares a new one with. */
#define ENCLOSE_WINDOW 64

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
    tl_rule *p = tl_arena_push(&d->mem, k->also, k->nalso, sizeof *p);
    if (!p) {
        d->oom = 1;
        return;
    }
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
        if (f->severity == TL_SEV_OFF)
            continue; /* re-graded by its family to a rule that is switched off */
        int pj = rule_prec(f->rule), absorbed = 0;
        /* a check that gave up says which pattern: each such finding is kept */
        for (size_t k = kept, seen = 0;
             f->rule != TL_RULE_LIMIT && k-- > 0 && seen++ < ENCLOSE_WINDOW;) {
            /* look back over at most ENCLOSE_WINDOW kept findings: folding is a courtesy, and
         * an unbounded look-back is quadratic when one finding spans a huge line */
            tl_ifinding *g = &d->f[k];
            if (g->off + maxlen < f->off)
                break;
            if (g->off <= f->off && g->off + g->len >= f->off + f->len &&
                rule_prec(g->rule) <= pj && rule_folds(g->rule)) {
                if (g->rule != f->rule && f->rule != TL_RULE_TERM_USE)
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

static tl_term_kind term_kind_of(const gl_term *t)
{
    if (t->kind == GL_FORBIDDEN)
        return t->literal ? TL_TERM_LITERAL : TL_TERM_FORBIDDEN;
    if (t->kind == GL_VARIANT)
        return t->short_form ? TL_TERM_SHORT : TL_TERM_VARIANT;
    return TL_TERM_CANONICAL;
}

/* Finding s of d as public finding f, with its line and column (cursor `cur`: findings
 * come in offset order) and its text copied into `mem`. -1 when out of memory. */
static int publish(const tl_doc *d, tl_arena *mem, const tl_ifinding *s, tl_source_pos *cur,
                   tl_finding *f, tl_pending *p)
{
    f->rule = s->rule;
    f->severity = s->severity;
    f->offset = s->off;
    f->length = s->len;
    source_linecol(&d->src, cur, s->off, &f->line, &f->col);
    tl_source_pos endcur = *cur;
    source_linecol(&d->src, &endcur, s->off + s->len, &f->end_line, &f->end_col);
    f->message = s->message;
    f->suggestions = s->suggestions;
    f->nsuggestions = s->nsuggestions;
    f->also = s->also;
    f->nalso = s->nalso;
    f->whole = s->whole;
    f->text = tl_arena_strndup(mem, d->src.orig + s->off, s->len);
    char fp[17];
    fingerprint_of(d->src.orig, d->src.len, s->off, s->len, tl_rule_id(s->rule), fp);
    f->fingerprint = tl_arena_strndup(mem, fp, 16);
    if (!f->fingerprint)
        return -1;
    f->concept = NULL;
    f->canonical = NULL;
    if (s->concept) { /* copied: a result may outlive the glossary that made it */
        f->concept = tl_arena_strdup(mem, s->concept->id);
        for (size_t i = 0; i < s->concept->nterms; i++) {
            const gl_term *t = &s->concept->terms[i];
            if (t->kind == GL_CANONICAL && t->lang == d->lang)
                f->canonical = tl_arena_strdup(mem, t->text);
        }
        if (!f->concept)
            return -1;
    }
    f->term = NULL;
    f->term_kind = TL_TERM_NONE;
    if (s->term) {
        f->term = tl_arena_strdup(mem, s->term->text);
        f->term_kind = term_kind_of(s->term);
        if (!f->term)
            return -1;
    }
    p->word = s->sugg_word ? f->text : NULL;
    p->list = s->ahead;
    p->n = s->nahead;
    p->kind = s->ahead_kind;
    return f->text ? 0 : -1;
}

tl_status result_build(tl_doc *d, tl_result **out)
{
    *out = NULL;
    if (suppress_apply(d) != TL_OK)
        return TL_ERR_NOMEM;
    size_t n = resolve(d);
    if (d->oom)
        return TL_ERR_NOMEM;
    tl_result *r = tl_calloc(1, sizeof *r);
    if (!r)
        return TL_ERR_NOMEM;
    r->f = tl_calloc(n ? n : 1, sizeof *r->f);
    r->pend = tl_calloc(n ? n : 1, sizeof *r->pend);
    r->mem = d->mem; /* the result takes the document's arena: messages live there */
    tl_arena_init(&d->mem);
    tl_source_pos cur;
    source_pos_init(&cur);
    int bad = !r->f || !r->pend;
    size_t told = 0; /* line:col reads the text up to each finding, in offset order */
    for (size_t i = 0; !bad && i < n; i++) {
        bad = publish(d, &r->mem, &d->f[i], &cur, &r->f[i], &r->pend[i]);
        if (d->f[i].off - told >= TL_PASS_BLOCK && d->f[i].off > told) {
            told = d->f[i].off;
            source_consumed(&d->src, told);
        }
    }
    if (bad) {
        tl_result_free(r);
        return TL_ERR_NOMEM;
    }
    r->n = n;
    r->lang = d->lang;
    r->lang_reason = d->lang_reason;
    r->words = d->tk.nwords;
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
