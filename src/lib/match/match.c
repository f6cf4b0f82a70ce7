/*
 * match.c - stage 5: inflection-aware matching of glossary terms in a chunk's tokens.
 *
 * Every word of every term has a matching key (match_index.c): its normalised form
 * (norm_key) with the inflectional ending stripped (stem_key_len). A text word has up to
 * MAX_KIDS candidate keys: its own form, stripped or not, and the stripped forms of the
 * lemmas Hunspell gives for it that begin like it (see "Lemmas" below), which covers
 * stem changes such as «уровень» / «уровня». Keys are interned to integer ids, and each
 * text word's ids are cached in its tl_word, so the cost per running word is one array
 * walk.
 *
 *   term "Всекитайский партийный съезд" -> ids [всекитайск] [партийн] [съезд]
 *   text "Всекитайскому партийному съезду" -> {всекитайск} {партийн} {съезд}
 *
 * Terms are indexed by the id of their first word, so matching is one lookup per text
 * word whatever the glossary size (no per-term scan of the text). Between the words of
 * a term only white space is allowed (line breaks, several spaces, no-break spaces;
 * soft hyphens sit inside words and vanish from keys); punctuation must be the term's.
 *
 * Overlaps: leftmost-longest. At each word the longest term starting there wins (ties:
 * forbidden before variant before canonical, then glossary order); matching resumes
 * after it, so a term inside a longer matched term is not matched again.
 *
 * Lemmas: a lemma's key counts only when it begins with the word's first three letters
 * (LEMMA_PREFIX), so «уровня» gets [уровен] from «уровень» and «пушек» [пушк] from
 * «пушка», but «людей» does not get [человек]: stem changes sit at the end of a stem,
 * and a lemma that begins otherwise would match by accident. Hunspell is slow (about
 * as slow as spelling), so lemmas are looked up lazily, only for the words where they
 * can change a match: as a later word of a term, when the term's earlier words matched
 * and the word begins like the term's word; as a first word, when some term's first
 * word begins like it and that term's second word can match the next token
 * (first_wants_lemmas). Which words are looked up changes the cost, never the
 * result.
 *
 * Limits: stripping is by a fixed list of inflectional endings (stem of at least 3
 * letters kept; abbreviations in capitals are never stripped), so two different words
 * that share a stem after stripping would match each other; the lemma keys prevent the
 * fleeting-vowel misses this would otherwise cause, except where the change falls
 * within the first three letters (день / дня, рік / року). Matching stops at chunk
 * boundaries.
 */
#include "match_p.h"

#include "norm.h"
#include "stem.h"

#include <limits.h>
#include <string.h>

/* ---- text words ------------------------------------------------------------------ */

typedef struct {
    const tl_match_index *mi;
    tl_lang lang;
    uint32_t *ids;
    int n;
    tl_buf *tmp;
    const char *pre; /* lemmas must begin with these bytes (the word's prefix) */
    size_t prelen;
} stem_ctx;

static void add_id(stem_ctx *s, uint32_t id)
{
    for (int i = 0; i < s->n; i++)
        if (s->ids[i] == id)
            return;
    if (s->n < MAX_KIDS)
        s->ids[s->n++] = id;
}

static void add_key(stem_ctx *s, const char *k, size_t n)
{
    const mkey *e = tl_map_get(&s->mi->keys, k, n);
    if (e)
        add_id(s, e->id);
}

static void on_stem(void *arg, const char *stem)
{
    stem_ctx *s = arg;
    tl_buf_reset(s->tmp);
    norm_key(s->tmp, stem, strlen(stem), s->lang == TL_LANG_RU);
    if (s->tmp->oom)
        return;
    size_t sl = stem_key_len(s->lang, s->tmp->data, s->tmp->len);
    if (prefix_len(s->tmp->data, sl) == s->prelen && memcmp(s->tmp->data, s->pre, s->prelen) == 0)
        add_key(s, s->tmp->data, sl);
}

/* Stores ids[0..n) as w's ids. */
static int set_kids(tl_matcher *m, tl_word *w, const uint32_t *ids, int n)
{
    if (n == w->nkids)
        return 0;
    uint32_t *k = morph_alloc(m->morph, (size_t)n * sizeof *ids);
    if (!k)
        return -1;
    memcpy(k, ids, (size_t)n * sizeof *ids);
    w->kids = k;
    w->nkids = (uint8_t)n;
    return 0;
}

static int word_ids(tl_matcher *m, tl_word *w)
{
    if (w->kids_done)
        return 0;
    const tl_match_index *mi = m->mi;
    uint32_t ids[MAX_KIDS];
    stem_ctx s = {mi, m->lang, ids, 0, NULL, NULL, 0};
    int abbrev = (w->flags & WF_ALLCAPS) != 0;
    size_t sl = abbrev ? w->keylen : stem_key_len(m->lang, w->key, w->keylen);
    add_key(&s, w->key, w->keylen);
    add_key(&s, w->key, sl);
    if (set_kids(m, w, ids, s.n))
        return -1;
    w->pid = prefix_id(mi, w->key, sl);
    /* no lemma key can begin like the word when no glossary key does */
    w->lemmas_done = abbrev || !(w->script & SCRIPT_CYRILLIC) || !w->pid;
    w->kids_done = 1;
    return 0;
}

static int word_lemmas(tl_matcher *m, tl_word *w)
{
    if (w->lemmas_done)
        return 0;
    uint32_t ids[MAX_KIDS];
    stem_ctx s = {m->mi, m->lang, ids, 0, m->scratch, w->key, 0};
    for (; s.n < w->nkids; s.n++)
        ids[s.n] = w->kids[s.n];
    s.prelen = prefix_len(w->key, w->keylen);
    morph_stems(m->morph, m->lang, w->surface, on_stem, &s);
    if (set_kids(m, w, ids, s.n))
        return -1;
    w->lemmas_done = 1;
    return 0;
}

static int has_pair_kid(const tl_match_index *mi, tl_lang lang, uint32_t pid, const tl_word *x)
{
    for (int k = 0; k < x->nkids; k++)
        if (tl_set64_has(&mi->pair_kids, pack(lang, pid, x->kids[k])))
            return 1;
    return 0;
}

/* A term that starts at a lemma key of word w begins like w (the lemma rule), so one
 * of its first word's prefixes is w->pid; a second word must then match the next token,
 * by that token's own keys or by its lemmas, which again begin like the token. */
static int first_wants_lemmas(tl_matcher *m, size_t i)
{
    const tl_match_index *mi = m->mi;
    const tl_word *w = m->tok[i].w;
    if (tl_set64_has(&mi->lone_firsts, pack(m->lang, w->pid, 0)))
        return 1;
    if (i + 1 >= m->ntok)
        return 0;
    const tl_token *t = &m->tok[i + 1];
    if (t->kind == TK_PUNCT || !t->w || (t->flags & TF_PARA_START))
        return 0;
    tl_word *x = t->w;
    if (word_ids(m, x))
        return -1;
    if (has_pair_kid(mi, m->lang, w->pid, x))
        return 1;
    if (x->lemmas_done || !tl_set64_has(&mi->pair_pids, pack(m->lang, w->pid, x->pid)))
        return 0;
    if (word_lemmas(m, x))
        return -1;
    return has_pair_kid(mi, m->lang, w->pid, x);
}

/* ---- terms at a token -------------------------------------------------------------- */

static int has_kid(const tl_word *w, uint32_t kid)
{
    for (int k = 0; k < w->nkids; k++)
        if (w->kids[k] == kid)
            return 1;
    return 0;
}

static int tok_word_matches(tl_matcher *m, size_t j, const mterm *mt, const mword *mw)
{
    const tl_token *t = &m->tok[j];
    const char *p = m->text + t->off;
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
               (!mt->term->case_sensitive ||
                (strlen(mw->surface) == t->len && memcmp(mw->surface, p, t->len) == 0));
    if (word_ids(m, w))
        return -1;
    if (has_kid(w, mw->kid))
        return 1;
    /* a lemma key begins like the word (match.c): look lemmas up only then */
    if (w->lemmas_done || w->pid != mw->pid)
        return 0;
    if (word_lemmas(m, w))
        return -1;
    return has_kid(w, mw->kid);
}

/* Does word w match the first word of term mt, as tok_word_matches() would judge it
 * for a token holding w with the term's capitalisation? 1, 0, or -1 out of memory. */
static int word_first_matches(tl_matcher *m, tl_word *w, const mterm *mt)
{
    const mword *mw = &mt->w[0];
    if (mw->punct)
        return 0;
    if (mt->term->match == GL_MATCH_EXACT)
        return strcmp(w->key, mw->full) == 0;
    if (word_ids(m, w))
        return -1;
    if (has_kid(w, mw->kid))
        return 1;
    if (w->lemmas_done || w->pid != mw->pid)
        return 0;
    if (word_lemmas(m, w))
        return -1;
    return has_kid(w, mw->kid);
}

/* Tokens matched by term `mt` starting at token i (0 = no match, -1 = OOM). A token
 * after the first must follow with only white space between (the tokens array holds no
 * white space, so adjacency in it is exactly that); a hyphen must touch its words. */
static long try_term(tl_matcher *m, size_t i, const mterm *mt)
{
    size_t j = i;
    for (size_t k = 0; k < mt->n; k++, j++) {
        if (j >= m->ntok)
            return 0;
        if (k && (m->tok[j].flags & TF_PARA_START))
            return 0;
        int r = tok_word_matches(m, j, mt, &mt->w[k]);
        if (r <= 0)
            return r;
    }
    return (long)(j - i);
}

static int kind_rank(gl_kind k) { return k == GL_FORBIDDEN ? 0 : k == GL_VARIANT ? 1 : 2; }

/* Does a match of n tokens by mt beat the best so far, blen tokens by `best`? Longer
 * wins, then forbidden < variant < canonical, then glossary order. */
static int beats(long n, const mterm *mt, long blen, const mterm *best)
{
    if (n != blen)
        return n > blen;
    int a = kind_rank(mt->term->kind), b = kind_rank(best->term->kind);
    return a != b ? a < b : mt < best;
}

/* Can the token after the first (j) match the second word of the term of `st`? A
 * cheap necessary condition, so that most terms are skipped without being touched: the
 * word has its key already, or may get it from a lemma (which begins like the word). */
static int second_may_match(tl_matcher *m, size_t j, const mstart *st)
{
    if (st->kid2 == NO_ID)
        return 1;
    if (j >= m->ntok)
        return 0;
    tl_word *x = m->tok[j].w;
    if (m->tok[j].kind == TK_PUNCT || !x || (m->tok[j].flags & TF_PARA_START))
        return 0;
    if (word_ids(m, x))
        return -1;
    return has_kid(x, st->kid2) || (!x->lemmas_done && x->pid == st->pid2);
}

long match_at(tl_matcher *m, size_t i, const mterm **best)
{
    const tl_match_index *mi = m->mi;
    tl_word *w = m->tok[i].w;
    if (word_ids(m, w))
        return -1;
    if (!w->lemmas_done) {
        int r = first_wants_lemmas(m, i);
        if (r < 0 || (r > 0 && word_lemmas(m, w)))
            return -1;
    }
    long blen = 0;
    *best = NULL;
    if (m->lang != TL_LANG_RU && m->lang != TL_LANG_UK)
        return 0; /* every term has one of the two */
    int l = m->lang == TL_LANG_UK;
    for (int k = 0; k < w->nkids; k++) {
        const mkey *e = mi->key_tab[w->kids[k]];
        for (uint32_t s = 0; s < e->nstarts[l]; s++) {
            const mstart *st = &e->starts[l][s];
            if (st->n < blen)
                continue;
            int may = second_may_match(m, i + 1, st);
            if (may <= 0) {
                if (may < 0)
                    return -1;
                continue;
            }
            const mterm *mt = &mi->terms[st->term];
            long n = try_term(m, i, mt);
            if (n < 0)
                return -1;
            if (!n)
                continue;
            if (beats(n, mt, blen, *best)) {
                blen = n;
                *best = mt;
            }
        }
    }
    return blen;
}

/* ---- where a term counts ----------------------------------------------------------- */

/* Does one of the n terms `v` match at token j? 1, 0, or -1 when out of memory. */
static int any_at(tl_matcher *m, size_t j, const mterm *v, size_t n)
{
    if (m->tok[j].kind == TK_PUNCT || !m->tok[j].w)
        return 0;
    for (size_t k = 0; k < n; k++) {
        long r = try_term(m, j, &v[k]);
        if (r)
            return r < 0 ? -1 : 1;
    }
    return 0;
}

/* The tokens around [i, i+ntok) that a context looks at, never beyond the line (a line
 * of these texts is a paragraph, a heading or a caption): the sentence (window 0: from
 * the last sentence start at or before i to the next one), else `window` words on each
 * side. */
static void context_span(const tl_matcher *m, const mterm *mt, size_t i, size_t ntok, size_t *lo,
                         size_t *hi)
{
    const unsigned line = TF_LINE_START | TF_PARA_START;
    const unsigned stop = mt->window ? line : line | TF_SENT_START;
    unsigned limit = mt->window ? mt->window : UINT_MAX;
    size_t a = i, b = i + ntok;
    for (unsigned w = 0; a > 0 && !(m->tok[a].flags & stop) && w < limit;)
        w += m->tok[--a].kind != TK_PUNCT;
    for (unsigned w = 0; b < m->ntok && !(m->tok[b].flags & stop) && w < limit; b++)
        w += m->tok[b].kind != TK_PUNCT;
    *lo = a;
    *hi = b;
}

/* The word token before token i on its line, or SIZE_MAX. */
static size_t word_before(const tl_matcher *m, size_t i)
{
    if (i == 0 || (m->tok[i].flags & (TF_LINE_START | TF_PARA_START)) ||
        m->tok[i - 1].kind == TK_PUNCT)
        return SIZE_MAX;
    return i - 1;
}

int match_where_ok(tl_matcher *m, const mterm *mt, size_t i, size_t ntok)
{
    size_t next = i + ntok;
    if (mt->nbn && next < m->ntok && !(m->tok[next].flags & (TF_LINE_START | TF_PARA_START))) {
        int r = any_at(m, next, mt->nb, mt->nbn);
        if (r)
            return r < 0 ? -1 : 0;
    }
    if (mt->nan) {
        /* not_after entries may have several words: try each start that would end at i */
        for (size_t k = 0; k < mt->nan; k++) {
            size_t n = mt->na[k].n, j = i;
            for (size_t w = 0; w < n && j != SIZE_MAX; w++)
                j = word_before(m, j);
            if (j == SIZE_MAX)
                continue;
            long r = try_term(m, j, &mt->na[k]);
            if (r < 0)
                return -1;
            if (r && j + (size_t)r == i)
                return 0;
        }
    }
    if (!mt->has_ctx || mt->window == GL_WINDOW_DOCUMENT)
        return 1;
    size_t lo, hi;
    context_span(m, mt, i, ntok, &lo, &hi);
    for (size_t j = lo; j < hi; j++) {
        if (j == i) {
            j = next - 1; /* the term's own words are not its context */
            continue;
        }
        int r = any_at(m, j, mt->ctxw, mt->ctxn);
        if (r)
            return r;
        if (mt->ctxcats && m->tok[j].kind != TK_PUNCT && m->tok[j].w) {
            /* a term of a concept of the context's categories («Нгеан», a place) */
            const mterm *best;
            long n = match_at(m, j, &best);
            if (n < 0)
                return -1;
            if (n && (mt->ctxcats >> best->term->concept->category & 1u))
                return 1;
        }
    }
    return 0;
}

/* The document-wide contexts whose entry's first word is w (cached in the word). */
static int ctx_first(tl_matcher *m, tl_word *w)
{
    if (w->ctx_done)
        return 0;
    const tl_match_index *mi = m->mi;
    int l = m->lang == TL_LANG_UK;
    uint32_t bits = 0;
    for (uint8_t k = 0; k < mi->ndocctx[l]; k++) {
        for (uint16_t e = 0; e < mi->docctx[l][k].n && !(bits >> k & 1); e++) {
            const mterm *mt = &mi->docctx[l][k].w[e];
            int r = word_first_matches(m, w, mt);
            if (r < 0)
                return -1;
            if (r)
                bits |= (uint32_t)1 << k;
        }
    }
    w->ctx_first = bits;
    w->ctx_done = 1;
    return 0;
}

uint32_t match_doc_contexts(tl_matcher *m, size_t j, int *err)
{
    const tl_match_index *mi = m->mi;
    int l = m->lang == TL_LANG_UK;
    tl_word *w = m->tok[j].w;
    if ((m->lang != TL_LANG_RU && m->lang != TL_LANG_UK) || !mi->ndocctx[l] ||
        m->tok[j].kind == TK_PUNCT || !w)
        return 0;
    if (ctx_first(m, w)) {
        *err = 1;
        return 0;
    }
    uint32_t bits = 0;
    for (uint8_t k = 0; k < mi->ndocctx[l]; k++) {
        if (!(w->ctx_first >> k & 1))
            continue;
        int r = any_at(m, j, mi->docctx[l][k].w, mi->docctx[l][k].n);
        if (r < 0) {
            *err = 1;
            return 0;
        }
        if (r)
            bits |= (uint32_t)1 << k;
    }
    return bits;
}
