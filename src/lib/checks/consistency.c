/*
 * consistency.c - term.inconsistent: one concept rendered several ways.
 *
 * The uses of one concept are grouped into forms: a form is a term (a canonical form
 * or a variant) plus the capitalisation of its words. The dominant form is the one
 * used most; ties go to the form that is the canonical term as the glossary writes it,
 * else to the form written as the glossary writes it, else to the first seen. Every
 * use of another form is reported, quoting a use of the dominant form (one away from a
 * sentence start when there is one) and suggesting it: for the same term in other
 * capitals the text recased, for another term the dominant term inflected like the use
 * («Центрального комитета» for «ЦК партии» found in the genitive).
 *
 * The first word of a use at the start of a sentence (or on an all-capitals line) has
 * no comparable capitalisation: such a use counts as written the way the glossary
 * writes its term, and is never reported for the case of its first word alone.
 *
 * A use carries its document, so the same code judges one document (the terms family)
 * and a whole run (corpus.c): findings go to the documents the uses are in. A run's
 * judgment differs in two things, kept as --consistency run has always made them: it
 * quotes the first use of the dominant form even at a sentence start, and the
 * suggestion for another term is that use's own text put in the minority use's case,
 * not the dominant term as the glossary writes it. (A run compares the Russian and the
 * Ukrainian documents' uses of a concept with each other, so that text may be of the
 * other language; the suggestion then falls back to it as it stands.)
 */
#include "consistency.h"

#include "inflect.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const mterm *mt;
    uint64_t first;
    uint32_t capsig, count;
} cons_form;

void infl_memo_release(infl_memo *m)
{
    tl_map_release(&m->map);
    tl_arena_release(&m->mem);
}

const char *infl_memo_get(infl_memo *m, tl_buf *key, tl_lang lang, const char *pattern,
                          const char *found, const char *replacement, const char *fallback)
{
    tl_buf_reset(key);
    tl_buf_addc(key, (char)('0' + lang));
    tl_buf_adds(key, pattern);
    tl_buf_addc(key, '\1');
    tl_buf_adds(key, found);
    tl_buf_addc(key, '\1');
    tl_buf_adds(key, replacement);
    const char *s = key->oom ? NULL : tl_map_get(&m->map, key->data, key->len);
    if (s)
        return *s ? s : fallback;
    s = inflect_like(&m->mem, lang, pattern, found, replacement);
    if (!key->oom)
        tl_map_put(&m->map, key->data, key->len, (void *)(s ? s : ""));
    return s ? s : fallback;
}

/* ---- forms ------------------------------------------------------------------------- */

/* The capitalisation of the term as the glossary writes it (bit k: word k). */
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

/* Groups the uses of ONE concept u[0..n) into forms (f, at most n; *nf set) and sets
 * fi[i] to the form of use i. Returns the dominant form's index. */
static size_t forms(const term_use *u, size_t n, cons_form *f, size_t *nf, size_t *fi)
{
    *nf = 0;
    /* pass 0: uses away from a sentence start define the forms. pass 1: a use at a
     * sentence start has no comparable first letter; it counts as written the way the
     * glossary writes its term (so the agencies' «Генеральный секретарь» opening three
     * sentences outweighs one «генеральный секретарь» mid-sentence) */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < n; i++) {
            const term_use *x = &u[i];
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

/* ---- findings ---------------------------------------------------------------------- */

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

/* The use of the dominant form to quote: in a document, one away from a sentence start
 * if any. */
static const term_use *quoted(const term_use *u, size_t n, const size_t *fi, size_t dom,
                              cons_scope scope)
{
    for (size_t i = 0; scope == CONS_DOCUMENT && i < n; i++)
        if (fi[i] == dom && !u[i].sent)
            return &u[i];
    for (size_t i = 0; i < n; i++)
        if (fi[i] == dom)
            return &u[i];
    return NULL;
}

/* Reports use x, of form fx, against the dominant form fd quoted as `dtext`. */
static void report(const term_use *x, const cons_form *fx, const cons_form *fd, const char *dtext,
                   cons_scope scope, infl_memo *memo)
{
    tl_doc *d = x->d;
    const char *found = doc_flat(d, x->off, x->len);
    if (!found)
        return;
    tl_ifinding *r = doc_add(d, TL_RULE_TERM_INCONSISTENT, x->off, x->len,
                             "'%s' is written «%s» here but «%s» elsewhere (%u× against %u×); "
                             "use one form",
                             x->mt->term->concept->id, found, dtext, fx->count, fd->count);
    if (!r)
        return;
    const char *dom = scope == CONS_RUN ? dtext : fd->mt->term->text;
    const char *sug = x->mt == fd->mt ? recase(d->scratch, &d->mem, found, fd->capsig)
                                      : infl_memo_get(memo, d->scratch, d->lang, x->mt->term->text,
                                                      found, dom, dtext);
    doc_suggest(d, r, sug, strlen(sug));
}

/* Reports the minority uses of one concept u[0..n). */
static void concept(term_use *u, size_t n, cons_form *f, size_t *fi, cons_scope scope,
                    infl_memo *memo)
{
    size_t nf;
    size_t dom = forms(u, n, f, &nf, fi);
    if (nf < 2)
        return;
    const term_use *du = quoted(u, n, fi, dom, scope);
    const char *dtext = doc_flat(du->d, du->off, du->len);
    for (size_t i = 0; dtext && i < n; i++) {
        if (fi[i] == dom ||
            (u[i].sent && u[i].mt == f[dom].mt && (u[i].capsig & ~1u) == (f[dom].capsig & ~1u)))
            continue;
        report(&u[i], &f[fi[i]], &f[dom], dtext, scope, memo);
    }
}

static int cmp_use(const void *a, const void *b)
{
    const term_use *x = a, *y = b;
    const gl_concept *cx = x->mt->term->concept, *cy = y->mt->term->concept;
    if (cx != cy)
        return strcmp(cx->id, cy->id);
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int consistency_judge(term_use *u, size_t n, cons_scope scope, infl_memo *memo)
{
    if (!n)
        return 0;
    qsort(u, n, sizeof *u, cmp_use);
    cons_form *f = tl_malloc(n * sizeof *f);
    size_t *fi = tl_malloc(n * sizeof *fi);
    int rc = f && fi ? 0 : -1;
    for (size_t i = 0; !rc && i < n;) {
        size_t j = i + 1;
        while (j < n && u[j].mt->term->concept == u[i].mt->term->concept)
            j++;
        concept(u + i, j - i, f, fi, scope, memo);
        i = j;
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = u[i].d->oom ? -1 : 0;
    tl_free(f);
    tl_free(fi);
    return rc;
}
