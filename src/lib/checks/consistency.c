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
 * not the dominant term as the glossary writes it. A run judges the uses of its
 * Russian and its Ukrainian documents apart (by_concept below), so that text is always of the
 * minority use's language.
 */
#include "consistency.h"

#include "inflect.h"

#include <stdlib.h>
#include <string.h>

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

/* Capitals are a matter of consistency only in the names of bodies and titles
 * («Национальное Собрание» / «Национальное собрание»); a general word, a document type or
 * a place is the same rendering whatever its first letters. */
static int caps_matter(const mterm *mt)
{
    gl_category c = mt->term->concept->category;
    return c == GL_CAT_BODY || c == GL_CAT_TITLE;
}

/* Counts of distinct keys in the order they are first seen: a concept has few
 * renderings and a rendering few capitalisations, so a scan of the distinct ones per use
 * keeps the judgments linear in the uses (every pair of uses compared took 21 s for
 * 200,000 uses of one term). */
typedef struct {
    uint64_t key;
    uint32_t count;
    uint64_t first; /* seq of the first use */
} tally_row;

typedef struct {
    tally_row *v;
    size_t n, cap;
    int oom;
} tally;

static tally_row *tally_add(tally *t, uint64_t key, uint64_t seq)
{
    for (size_t i = t->n; i-- > 0;) /* the latest first: uses of one key come in runs */
        if (t->v[i].key == key) {
            t->v[i].count++;
            t->v[i].first = seq < t->v[i].first ? seq : t->v[i].first;
            return &t->v[i];
        }
    if (TL_GROW(t->v, t->n, t->cap, 8)) {
        t->oom = 1;
        return NULL;
    }
    t->v[t->n] = (tally_row){key, 1, seq};
    return &t->v[t->n++];
}

static uint32_t tally_count(const tally *t, uint64_t key)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].key == key)
            return t->v[i].count;
    return 0;
}

/* The rendering of a concept most used among u[0..n) (one concept): ties go to the
 * canonical term, then to the first used. `terms` gets the uses of each term (by
 * mterm address). */
static const mterm *dominant_term(const term_use *u, size_t n, tally *terms, uint32_t *count)
{
    for (size_t i = 0; i < n; i++)
        tally_add(terms, (uint64_t)(uintptr_t)u[i].mt, u[i].seq);
    const mterm *best = NULL;
    uint32_t bn = 0;
    uint64_t bfirst = 0;
    for (size_t k = 0; k < terms->n; k++) {
        const mterm *mt = (const mterm *)(uintptr_t)terms->v[k].key;
        if (mt->term->short_form)
            continue; /* a short form is no second rendering */
        uint32_t c = terms->v[k].count;
        uint64_t first = terms->v[k].first;
        int canon = mt->term->kind == GL_CANONICAL,
            bcanon = best && best->term->kind == GL_CANONICAL;
        if (!best || c > bn ||
            (c == bn && (canon > bcanon || (canon == bcanon && first < bfirst)))) {
            best = mt;
            bn = c;
            bfirst = first;
        }
    }
    *count = bn;
    return best;
}

/* Of the uses of one term u[0..n) with mt == `mt`, away from a sentence start, the
 * capitalisation most used: ties go to the one the glossary writes, then to the first.
 * *count gets its uses, *total the uses compared; 0 when none is away from one. */
static uint32_t dominant_caps(const term_use *u, size_t n, const mterm *mt, uint64_t qual,
                              uint32_t *count, uint32_t *total)
{
    uint32_t best = 0, bn = 0, gsig = glossary_sig(mt) << (qual != 0);
    uint64_t bfirst = 0;
    *total = 0;
    tally sigs = {NULL, 0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        if (u[i].mt != mt || u[i].qual != qual || u[i].sent)
            continue;
        (*total)++;
        tally_add(&sigs, u[i].capsig, u[i].seq);
    }
    for (size_t k = 0; k < sigs.n; k++) {
        uint32_t sig = (uint32_t)sigs.v[k].key, c = sigs.v[k].count;
        uint64_t first = sigs.v[k].first;
        int g = sig == gsig, bg = best == gsig;
        if (!bn || c > bn || (c == bn && (g > bg || (g == bg && first < bfirst)))) {
            best = sig;
            bn = c;
            bfirst = first;
        }
    }
    tl_free(sigs.v);
    /* one way only in mid-sentence, and more than twice as many uses at sentence starts:
     * those count as written the way the glossary writes the name (their other words
     * agreeing with it), so a lone «генеральный секретарь» among three sentences opening
     * with «Генеральный секретарь» is the odd one; with two ways in mid-sentence,
     * mid-sentence decides, and a sentence start alone is never the odd one */
    uint32_t starts = 0;
    int one_way = bn && bn == *total;
    for (size_t i = 0; one_way && i < n; i++)
        starts +=
            u[i].mt == mt && u[i].qual == qual && u[i].sent && (u[i].capsig & ~1u) == (gsig & ~1u);
    if (one_way && best != gsig && starts > 2 * bn) {
        *total += starts;
        *count = starts;
        return gsig;
    }
    *count = bn;
    return best;
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

/* A use of term mt to quote (with capitalisation sig when `caps`), away from a sentence
 * start if there is one. */
static const term_use *quoted(const term_use *u, size_t n, const mterm *mt, int caps, uint32_t sig,
                              uint64_t qual)
{
    const term_use *any = NULL;
    for (size_t i = 0; i < n; i++) {
        if (u[i].mt != mt ||
            (caps && (u[i].qual != qual ||
                      (u[i].sent ? (u[i].capsig & ~1u) != (sig & ~1u) : u[i].capsig != sig))))
            continue;
        if (!u[i].sent)
            return &u[i];
        any = any ? any : &u[i];
    }
    return any;
}

/* The concept as the reader knows it: its canonical term in the document's language. */
static const char *concept_name(const gl_concept *c, tl_lang lang)
{
    for (size_t i = 0; i < c->nterms; i++)
        if (c->terms[i].kind == GL_CANONICAL && c->terms[i].lang == lang &&
            gl_term_shown(&c->terms[i]))
            return gl_term_shown(&c->terms[i]);
    return c->id;
}

/* Reports use x, rendered by another term than the dominant `dom` (used ndom times, x's
 * own term nx times), quoting `dtext`. */
static void report_term(const term_use *x, const mterm *dom, const char *dtext, uint32_t nx,
                        uint32_t ndom, cons_scope scope, infl_memo *memo)
{
    tl_doc *d = x->d;
    const char *found = doc_flat(d, x->off, x->len);
    if (!found)
        return;
    /* name the concept when neither rendering is its canonical term */
    const char *name = concept_name(x->mt->term->concept, d->lang);
    int named = strcmp(name, dom->term->text) && strcmp(name, x->mt->term->text);
    tl_ifinding *r = doc_add(d, TL_RULE_TERM_INCONSISTENT, x->off, x->len,
                             "«%s» here, «%s» elsewhere in %s (%u× against %u×): one concept%s%s%s "
                             "rendered two ways; use one",
                             found, dtext, scope == CONS_RUN ? "the run" : "this text", nx, ndom,
                             named ? " («" : "", named ? name : "", named ? "»)" : "");
    doc_concern(r, x->mt->term);
    if (!r)
        return;
    /* a pattern is no form to inflect: the minority use's display:, else its text as
     * found; and the dominant use as written stands for a dominant pattern */
    const char *pat = gl_term_shown(x->mt->term);
    const char *repl = dom->term->match == GL_MATCH_REGEX ? dtext : dom->term->text;
    const char *sug =
        infl_memo_get(memo, d->scratch, d->lang, pat ? pat : found, found, repl, dtext);
    doc_suggest(d, r, sug, strlen(sug));
}

/* Reports use x of the dominant term written with other capitals than `sig` (used ndom
 * times of `total` compared), quoting `dtext`. */
static void report_caps(const term_use *x, uint32_t sig, const char *dtext, uint32_t ndom,
                        uint32_t total, cons_scope scope)
{
    tl_doc *d = x->d;
    const char *found = doc_flat(d, x->off, x->len);
    if (!found)
        return;
    const char *where = scope == CONS_RUN ? "the run" : "this text";
    tl_ifinding *r =
        x->sent ? doc_add(d, TL_RULE_TERM_INCONSISTENT, x->off, x->len,
                          "«%s» here, «%s» elsewhere in %s (%u×): one name capitalised two "
                          "ways; use one",
                          found, dtext, where, ndom)
                : doc_add(d, TL_RULE_TERM_INCONSISTENT, x->off, x->len,
                          "«%s» here, «%s» elsewhere in %s (%u× against %u×): one name "
                          "capitalised two ways; use one",
                          found, dtext, where, total - ndom, ndom);
    doc_concern(r, x->mt->term);
    if (!r)
        return;
    /* at a sentence start the first letter stays a capital */
    uint32_t want = x->sent ? (sig | 1u) : sig;
    const char *sug = recase(d->scratch, &d->mem, found, want);
    doc_suggest(d, r, sug, strlen(sug));
}

/* Reports the uses of term mt written with other capitals than its uses in mid-sentence
 * mostly are (see concept()). */
static void judge_caps(term_use *u, size_t n, const mterm *mt, uint64_t qual, cons_scope scope)
{
    uint32_t ncaps, total;
    uint32_t sig = dominant_caps(u, n, mt, qual, &ncaps, &total);
    const term_use *cu = ncaps ? quoted(u, n, mt, 1, sig, qual) : NULL;
    const char *ctext = cu ? doc_flat(cu->d, cu->off, cu->len) : NULL;
    for (size_t i = 0; ctext && i < n; i++) {
        if (u[i].mt != mt || u[i].qual != qual)
            continue;
        uint32_t mask = u[i].sent ? ~1u : ~0u;
        if ((u[i].capsig & mask) == (sig & mask))
            continue;
        report_caps(&u[i], sig, ctext, ncaps, total, scope);
    }
}

/* Reports the minority uses of one concept u[0..n) (all of one language): first the uses
 * of another rendering than the dominant one, then, in the names of bodies and titles,
 * the uses of a rendering written with other capitals than its uses in mid-sentence
 * mostly are. A use at a sentence start (or after «;», «:», an opening quote or
 * bracket) has no comparable first letter: it counts for its rendering, not for
 * capitals, and is reported for capitals only when another of its words differs. */
/* Orders uses by term, qualifier, then occurrence. */
static int cmp_term_qual(const void *a, const void *b)
{
    const term_use *x = a, *y = b;
    if (x->mt != y->mt)
        return (uintptr_t)x->mt < (uintptr_t)y->mt ? -1 : 1;
    if (x->qual != y->qual)
        return x->qual < y->qual ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void concept(term_use *u, size_t n, cons_scope scope, infl_memo *memo)
{
    uint32_t ndom;
    tally terms = {NULL, 0, 0, 0};
    const mterm *dom = dominant_term(u, n, &terms, &ndom);
    const term_use *du = dom ? quoted(u, n, dom, 0, 0, 0) : NULL;
    const char *dtext = du ? doc_flat(du->d, du->off, du->len) : NULL;
    for (size_t i = 0; dtext && i < n; i++) {
        if (u[i].mt == dom || u[i].mt->term->short_form)
            continue;
        uint32_t nx = tally_count(&terms, (uint64_t)(uintptr_t)u[i].mt);
        report_term(&u[i], dom, dtext, nx, ndom, scope, memo);
    }
    if (terms.oom)
        u[0].d->oom = 1;
    tl_free(terms.v);
    /* capitals: of the dominant rendering and of every short form, each on its own with
     * each qualifier: their uses copied together, in order of occurrence */
    size_t m = 0;
    term_use *c = tl_malloc(n * sizeof *c);
    if (!c) {
        u[0].d->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (caps_matter(u[i].mt) && (u[i].mt == dom || u[i].mt->term->short_form))
            c[m++] = u[i];
    qsort(c, m, sizeof *c, cmp_term_qual);
    for (size_t i = 0; i < m;) {
        size_t j = i + 1;
        while (j < m && c[j].mt == c[i].mt && c[j].qual == c[i].qual)
            j++;
        judge_caps(c + i, j - i, c[i].mt, c[i].qual, scope);
        i = j;
    }
    tl_free(c);
}

/* By language (a run compares a concept's Russian uses with each other and its
 * Ukrainian ones with each other, never the two), concept, then occurrence. */
static int cmp_use(const void *a, const void *b)
{
    const term_use *x = a, *y = b;
    if (x->d->lang != y->d->lang)
        return x->d->lang < y->d->lang ? -1 : 1;
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
    int rc = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && u[j].mt->term->concept == u[i].mt->term->concept &&
               u[j].d->lang == u[i].d->lang)
            j++;
        concept(u + i, j - i, scope, memo);
        i = j;
    }
    for (size_t i = 0; !rc && i < n; i++)
        rc = u[i].d->oom ? -1 : 0;
    return rc;
}
