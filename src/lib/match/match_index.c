/*
 * match_index.c - the term index, built once per glossary set and shared read-only by
 * all contexts (match.c explains how matching uses it).
 *
 * Every term is split into words and punctuation the way ICU splits text (add_term; a
 * plain term of letters and single spaces without ICU), and every word gets a matching
 * key: its norm_key with
 * the inflectional ending stripped (stem_key_len) for inflected terms, as written for
 * exact ones and for abbreviations in capitals. Keys are interned to integer ids:
 *
 *   term "Всекитайский партийный съезд" -> ids [всекитайск] [партийн] [съезд]
 *
 * Terms are filed under the id of their first word and language (mkey.starts), with
 * the second word's key and prefix beside them, so that the matcher skips most terms
 * starting with a frequent word without touching them. The first LEMMA_PREFIX letters
 * of each key are interned too (prefix ids), and three sets say where a word's lemmas
 * could make a difference (lone_firsts, pair_pids, pair_kids; match.c, "Lemmas").
 */
#include "match_p.h"

#include "norm.h"
#include "stem.h"
#include "textclass.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static int lang_slot(tl_lang lang) { return lang == TL_LANG_UK; }

static uint32_t intern(tl_match_index *mi, const char *k, size_t n)
{
    mkey *e = tl_map_get(&mi->keys, k, n);
    if (e)
        return e->id;
    if (TL_GROW(mi->key_tab, mi->nkeys, mi->cap_keys, 1024))
        return NO_ID;
    e = tl_arena_alloc(&mi->mem, sizeof *e);
    if (!e || !tl_map_put(&mi->keys, k, n, e))
        return NO_ID;
    memset(e, 0, sizeof *e);
    e->id = (uint32_t)mi->nkeys;
    mi->key_tab[mi->nkeys++] = e;
    return e->id;
}

/* The id of the prefix of key k (n bytes), a new one if needed; 0 when out of memory. */
static uint32_t intern_prefix(tl_match_index *mi, const char *k, size_t n)
{
    size_t pl = prefix_len(k, n);
    uintptr_t id = (uintptr_t)tl_map_get(&mi->prefixes, k, pl);
    if (id)
        return (uint32_t)id;
    id = ++mi->nprefixes;
    return tl_map_put(&mi->prefixes, k, pl, (void *)id) ? (uint32_t)id : 0;
}

/* Indexes term m (index `term`) under its first key, and feeds the lemma filters. */
static int add_start(tl_match_index *mi, const mterm *m, uint32_t term)
{
    const mword *a = &m->w[0], *b = m->n > 1 && !m->w[1].punct ? &m->w[1] : NULL;
    tl_lang lang = m->term->lang;
    mkey *e = mi->key_tab[a->kid];
    int l = lang_slot(lang);
    if (e->nstarts[l] == e->cap[l]) {
        uint32_t cap = e->cap[l] ? e->cap[l] * 2 : 4;
        mstart *p = tl_realloc(e->starts[l], cap * sizeof *p);
        if (!p)
            return -1;
        e->starts[l] = p;
        e->cap[l] = cap;
    }
    mstart *st = &e->starts[l][e->nstarts[l]++];
    st->term = term;
    st->kid2 = b ? b->kid : NO_ID;
    st->pid2 = b ? b->pid : 0;
    st->n = m->n;
    if (a->punct) /* text punctuation never starts a match (match_at) */
        return 0;
    if (!b)
        return tl_set64_add(&mi->lone_firsts, pack(lang, a->pid, 0));
    if (tl_set64_add(&mi->pair_pids, pack(lang, a->pid, b->pid)) ||
        tl_set64_add(&mi->pair_kids, pack(lang, a->pid, b->kid)))
        return -1;
    return 0;
}

static int is_caps_abbrev(const char *p, size_t n)
{
    size_t letters = 0, upper = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t k = utf8_decode(p + i, n - i, &c);
        if (!k)
            return 0;
        i += k;
        int up = (c >= 'A' && c <= 'Z') || (c >= 0x400 && c <= 0x42F) || c == 0x490;
        int lo = (c >= 'a' && c <= 'z') || (c >= 0x430 && c <= 0x45F) || c == 0x491;
        letters += up || lo;
        upper += up;
    }
    return letters >= 2 && upper == letters;
}

static int first_upper(const char *p, size_t n)
{
    uint32_t c;
    if (!utf8_decode(p, n, &c))
        return 0;
    return (c >= 'A' && c <= 'Z') || (c >= 0x400 && c <= 0x42F) || c == 0x490;
}

/* Letters of the Russian and Ukrainian alphabets, both cases. */
static int plain_letter(uint32_t c)
{
    return (c >= 0x410 && c <= 0x44F) || c == 0x401 || c == 0x451 || c == 0x404 || c == 0x454 ||
           c == 0x406 || c == 0x456 || c == 0x407 || c == 0x457 || c == 0x490 || c == 0x491;
}

/* Is `text` only such letters and single spaces between words? Then ICU would break it
 * at the spaces and nowhere else (letters never part in UAX #29), so split_plain() does
 * the same without setting up a break iterator per term: most terms are like this. */
static int plain_term(const char *text, size_t len)
{
    int prev_space = 1;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        size_t k = utf8_decode(text + i, len - i, &c);
        if (!k)
            return 0;
        i += k;
        if (c == ' ') {
            if (prev_space)
                return 0;
            prev_space = 1;
        } else if (plain_letter(c)) {
            prev_space = 0;
        } else {
            return 0;
        }
    }
    return !prev_space;
}

typedef struct {
    UBreakIterator *bi;
    const char *text;
    size_t len, at; /* plain terms: the next byte to read */
    int plain;
} splitter;

/* The next word or punctuation item of the term: 1 with *off, *n and *punct set, 0 at
 * the end. White space is skipped. */
static int next_item(splitter *sp, size_t *off, size_t *n, int *punct)
{
    if (sp->plain) {
        if (sp->at >= sp->len)
            return 0;
        const char *sp_at = memchr(sp->text + sp->at, ' ', sp->len - sp->at);
        size_t end = sp_at ? (size_t)(sp_at - sp->text) : sp->len;
        *off = sp->at;
        *n = end - sp->at;
        *punct = 0;
        sp->at = end + 1;
        return 1;
    }
    for (;;) {
        int32_t prev = ubrk_current(sp->bi), next = ubrk_next(sp->bi);
        if (next == UBRK_DONE)
            return 0;
        const char *p = sp->text + prev;
        size_t k = (size_t)(next - prev);
        int32_t st = ubrk_getRuleStatus(sp->bi);
        if (st < UBRK_WORD_NONE_LIMIT && tc_all_space(p, k))
            continue; /* white space */
        *off = (size_t)prev;
        *n = k;
        *punct = st < UBRK_WORD_NONE_LIMIT;
        return 1;
    }
}

/* Splits term t into words and punctuation as the text is split (by ICU), into *m.
 * 0 (m->n == 0 when the term has no words), -1 when out of memory. */
static int split_term(tl_match_index *mi, UBreakIterator *bi, const gl_term *t, mterm *m)
{
    size_t len = strlen(t->text);
    splitter sp = {bi, t->text, len, 0, plain_term(t->text, len)};
    UText *ut = NULL;
    if (!sp.plain) {
        UErrorCode e = U_ZERO_ERROR;
        ut = utext_openUTF8(NULL, t->text, (int64_t)len, &e);
        ubrk_setUText(bi, ut, &e);
        if (U_FAILURE(e)) {
            utext_close(ut);
            return -1;
        }
        ubrk_first(bi);
    }
    mword words[MAX_TERM_WORDS];
    size_t nw = 0, off, n;
    int punct;
    tl_buf key;
    tl_buf_init(&key, 0);
    while (next_item(&sp, &off, &n, &punct)) {
        const char *p = t->text + off;
        if (nw == MAX_TERM_WORDS)
            break;
        mword *w = &words[nw++];
        memset(w, 0, sizeof *w);
        tl_buf_reset(&key);
        norm_key(&key, p, n, t->lang == TL_LANG_RU);
        if (key.oom)
            break;
        w->punct = (uint8_t)punct;
        w->cap = (uint8_t)first_upper(p, n);
        w->full = tl_arena_strndup(&mi->mem, key.data, key.len);
        size_t sl = (t->match == GL_MATCH_INFLECTED && !w->punct && !is_caps_abbrev(p, n))
                        ? stem_key_len(t->lang, key.data, key.len)
                        : key.len;
        w->kid = intern(mi, key.data, sl);
        if (w->kid == NO_ID || !w->full)
            break;
        w->surface = tl_arena_strndup(&mi->mem, p, n);
        if (!w->punct && !(w->pid = intern_prefix(mi, key.data, sl)))
            break;
    }
    utext_close(ut);
    int bad = key.oom;
    tl_buf_release(&key);
    if (bad || !nw)
        return bad ? -1 : 0;
    m->term = t;
    m->n = (uint16_t)nw;
    m->w = tl_arena_alloc(&mi->mem, nw * sizeof *m->w);
    if (!m->w)
        return -1;
    memcpy(m->w, words, nw * sizeof *words);
    return 0;
}

static int add_term(tl_match_index *mi, UBreakIterator *bi, const gl_term *t, uint32_t index)
{
    mterm *m = &mi->terms[index];
    if (split_term(mi, bi, t, m))
        return -1;
    return m->n ? add_start(mi, m, index) : 0;
}

/* `n` words of language `lang` split as inflected terms (context words, not_before
 * words) into an arena array; *out is NULL when none split. -1 when out of memory. */
static int split_words(tl_match_index *mi, UBreakIterator *bi, const char *const *words, size_t n,
                       tl_lang lang, const mterm **out, uint16_t *nout)
{
    *out = NULL;
    *nout = 0;
    mterm *v = n ? tl_arena_alloc(&mi->mem, n * sizeof *v) : NULL;
    gl_term *t = n ? tl_arena_alloc(&mi->mem, n * sizeof *t) : NULL;
    if (n && (!v || !t))
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n && k < UINT16_MAX; i++) {
        memset(&t[k], 0, sizeof t[k]);
        memset(&v[k], 0, sizeof v[k]);
        t[k].text = words[i];
        t[k].lang = lang;
        t[k].kind = GL_VARIANT;
        if (split_term(mi, bi, &t[k], &v[k]))
            return -1;
        k += v[k].n > 0;
    }
    *out = k ? v : NULL;
    *nout = (uint16_t)k;
    return 0;
}

/* The bit of the document-wide context whose words (in language slot l) are `w`; 0 when
 * it has none there or is past the 32nd. */
static uint32_t docbit_of(const tl_match_index *mi, const mterm *w, int l)
{
    for (uint8_t k = 0; w && k < mi->ndocctx[l]; k++)
        if (mi->docctx[l][k].w == w)
            return (uint32_t)1 << k;
    return 0;
}

/* Gives every term with `context:` or `not_before:` their words (contexts are split once
 * per language and shared by the terms naming them). */
static int add_conditions(tl_match_index *mi, UBreakIterator *bi, const gloss *g)
{
    size_t nc = g->ncontexts;
    const mterm **cw = nc ? tl_arena_alloc(&mi->mem, 2 * nc * sizeof *cw) : NULL;
    uint16_t *cn = nc ? tl_arena_alloc(&mi->mem, 2 * nc * sizeof *cn) : NULL;
    if (nc && (!cw || !cn))
        return -1;
    for (size_t c = 0; c < nc; c++) {
        const gl_context *x = &g->contexts[c];
        if (split_words(mi, bi, x->ru, x->nru, TL_LANG_RU, &cw[2 * c], &cn[2 * c]) ||
            split_words(mi, bi, x->uk, x->nuk, TL_LANG_UK, &cw[2 * c + 1], &cn[2 * c + 1]))
            return -1;
        if (x->window != GL_WINDOW_DOCUMENT)
            continue;
        for (int l = 0; l < 2; l++) {
            uint8_t k = mi->ndocctx[l];
            if (k == 32 || !cn[2 * c + l])
                continue; /* past the 32nd document-wide context: never met */
            mi->docctx[l][k].w = cw[2 * c + l];
            mi->docctx[l][k].n = cn[2 * c + l];
            mi->ndocctx[l]++;
        }
    }
    for (size_t i = 0; i < mi->nterms; i++) {
        mterm *m = &mi->terms[i];
        const gl_term *t = m->term;
        if (!t)
            continue;
        if ((t->nnot_before &&
             split_words(mi, bi, t->not_before, t->nnot_before, t->lang, &m->nb, &m->nbn)) ||
            (t->nnot_after &&
             split_words(mi, bi, t->not_after, t->nnot_after, t->lang, &m->na, &m->nan)))
            return -1;
        const gl_context *x = t->context ? gloss_context(g, t->context) : NULL;
        if (!x)
            continue;
        size_t c = (size_t)(x - g->contexts), l = t->lang == TL_LANG_UK;
        m->ctxw = cw[2 * c + l];
        m->ctxn = cn[2 * c + l];
        m->window = (uint16_t)(x->window > UINT16_MAX ? UINT16_MAX : x->window);
        m->has_ctx = 1; /* without words in this language it is never met */
        if (x->window == GL_WINDOW_DOCUMENT)
            m->docbit = docbit_of(mi, cw[2 * c + l], (int)l);
    }
    return 0;
}

tl_match_index *match_index_new(const gloss *g)
{
    tl_match_index *mi = tl_calloc(1, sizeof *mi);
    if (!mi)
        return NULL;
    tl_arena_init(&mi->mem);
    tl_map_init(&mi->keys);
    tl_map_init(&mi->prefixes);
    tl_set64_init(&mi->lone_firsts);
    tl_set64_init(&mi->pair_pids);
    tl_set64_init(&mi->pair_kids);
    size_t nterms = 0;
    for (size_t c = 0; c < g->nconcepts; c++)
        nterms += g->concepts[c]->nterms;
    mi->terms = tl_calloc(nterms ? nterms : 1, sizeof *mi->terms);
    mi->regex = tl_calloc(nterms ? nterms : 1, sizeof *mi->regex);
    UErrorCode e = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "ru", NULL, 0, &e);
    int ok = mi->terms && mi->regex && U_SUCCESS(e);
    for (size_t c = 0; ok && c < g->nconcepts; c++) {
        gl_concept *k = g->concepts[c];
        for (size_t t = 0; ok && t < k->nterms; t++) {
            if (k->terms[t].match == GL_MATCH_REGEX) { /* run by regex_terms.c */
                mi->terms[mi->nterms].term = &k->terms[t];
                mi->regex[mi->nregex++] = (uint32_t)mi->nterms++;
                continue;
            }
            ok = add_term(mi, bi, &k->terms[t], (uint32_t)mi->nterms) == 0;
            mi->nterms++;
        }
    }
    ok = ok && add_conditions(mi, bi, g) == 0;
    ubrk_close(bi);
    if (!ok) {
        match_index_free(mi);
        return NULL;
    }
    return mi;
}

void match_index_free(tl_match_index *mi)
{
    if (!mi)
        return;
    for (size_t i = 0; i < mi->nkeys; i++) {
        tl_free(mi->key_tab[i]->starts[0]);
        tl_free(mi->key_tab[i]->starts[1]);
    }
    tl_free(mi->key_tab);
    tl_free(mi->terms);
    tl_free(mi->regex);
    tl_map_release(&mi->keys);
    tl_map_release(&mi->prefixes);
    tl_set64_release(&mi->lone_firsts);
    tl_set64_release(&mi->pair_pids);
    tl_set64_release(&mi->pair_kids);
    tl_arena_release(&mi->mem);
    tl_free(mi);
}
