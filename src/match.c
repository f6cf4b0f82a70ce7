/*
 * match.c - stage 5: inflection-aware matching of glossary terms.
 *
 * Every word of every term gets a matching key: its normalised form (norm_key) with
 * the inflectional ending stripped (stem_key below). A text word has up to
 * MAX_KIDS candidate keys: its own stripped form and, when its first letters could
 * begin a glossary key (a prefix filter: most words cannot), the stripped forms of
 * the lemmas Hunspell gives for it, which covers stem changes such as «уровень» /
 * «уровня». Keys are interned to integer ids, and each text word's ids are cached in
 * its tl_word, so the cost per running word is one array walk.
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
 * Limits: stripping is by a fixed list of inflectional endings (stem of at least 3
 * letters kept; abbreviations in capitals are never stripped), so two different words
 * that share a stem after stripping would match each other; the lemma keys prevent the
 * fleeting-vowel misses this would otherwise cause. Matching stops at chunk boundaries.
 */
#include "match_internal.h"

#include "morph.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static const char *const ru_endings[] = {
    "иями", "ыми", "ими", "ами", "ями", "ого", "его", "ому", "ему", "ией", "ием", "иям", "иях",
    "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ым", "им", "ом",
    "ем", "ых", "их", "ия", "ии", "ию", "ах", "ях", "ам", "ям", "ов", "ев", "ью",
    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", NULL};
static const char *const uk_endings[] = {
    "ього", "ьому", "ями", "ами", "ими", "іми", "ого", "ому", "ової", "ові", "еві", "єві",
    "ією", "іям", "іях", "ої", "ою", "ею", "єю", "ий", "ій", "ам", "ям", "ах", "ях", "ів",
    "їв", "им", "ім", "их", "іх", "ом", "ем", "єм", "ія", "ії", "ію", "ей",
    "а", "я", "е", "є", "і", "ї", "у", "ю", "о", "и", "ь", "й", NULL};

size_t stem_key_len(tl_lang lang, const char *key, size_t len)
{
    size_t ncp = utf8_count(key, len);
    if (ncp <= 3)
        return len;
    const char *const *e = lang == TL_LANG_UK ? uk_endings : ru_endings;
    for (; *e; e++) {
        size_t n = strlen(*e);
        if (n < len && memcmp(key + len - n, *e, n) == 0 && ncp - utf8_count(*e, n) >= 3)
            return len - n;
    }
    return len;
}

/* Up to 4 code points of a key: the prefix filter's unit. */
static size_t prefix_len(const char *key, size_t len)
{
    size_t i = 0;
    for (int cps = 0; i < len && cps < 4; cps++) {
        i++;
        while (i < len && ((unsigned char)key[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

static uint32_t intern(tl_match_index *mi, const char *k, size_t n)
{
    mkey *e = tl_map_get(&mi->keys, k, n);
    if (e)
        return e->id;
    if (mi->nkeys == mi->cap_keys) {
        size_t cap = mi->cap_keys ? mi->cap_keys * 2 : 1024;
        mkey **p = tl_realloc(mi->key_tab, cap * sizeof *p);
        if (!p)
            return UINT32_MAX;
        mi->key_tab = p;
        mi->cap_keys = cap;
    }
    e = tl_arena_alloc(&mi->mem, sizeof *e);
    if (!e || !tl_map_put(&mi->keys, k, n, e))
        return UINT32_MAX;
    e->id = (uint32_t)mi->nkeys;
    mi->key_tab[mi->nkeys++] = e;
    return e->id;
}

static int add_start(tl_match_index *mi, uint32_t kid, uint32_t term)
{
    mkey *e = mi->key_tab[kid];
    if (e->nstarts == e->cap) {
        uint32_t cap = e->cap ? e->cap * 2 : 4;
        uint32_t *p = tl_realloc(e->starts, cap * sizeof *p);
        if (!p)
            return -1;
        e->starts = p;
        e->cap = cap;
    }
    e->starts[e->nstarts++] = term;
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

/* Splits a term into words and punctuation with ICU, as the text is split. */
static int add_term(tl_match_index *mi, UBreakIterator *bi, const gl_term *t, uint32_t index)
{
    UErrorCode e = U_ZERO_ERROR;
    size_t len = strlen(t->text);
    UText *ut = utext_openUTF8(NULL, t->text, (int64_t)len, &e);
    ubrk_setUText(bi, ut, &e);
    if (U_FAILURE(e)) {
        utext_close(ut);
        return -1;
    }
    mword words[MAX_TERM_WORDS];
    size_t nw = 0;
    int32_t prev = ubrk_first(bi);
    tl_buf key;
    tl_buf_init(&key, 0);
    for (int32_t next = ubrk_next(bi); next != UBRK_DONE; prev = next, next = ubrk_next(bi)) {
        const char *p = t->text + prev;
        size_t n = (size_t)(next - prev);
        int32_t st = ubrk_getRuleStatus(bi);
        if (st < UBRK_WORD_NONE_LIMIT && strspn(p, " \t\n\xc2\xa0") >= n)
            continue; /* white space */
        if (nw == MAX_TERM_WORDS)
            break;
        mword *w = &words[nw++];
        memset(w, 0, sizeof *w);
        tl_buf_reset(&key);
        norm_key(&key, p, n, t->lang == TL_LANG_RU);
        if (key.oom)
            break;
        w->punct = st < UBRK_WORD_NONE_LIMIT;
        w->cap = (uint8_t)first_upper(p, n);
        w->full = tl_arena_strndup(&mi->mem, key.data, key.len);
        size_t sl = (t->match == GL_MATCH_INFLECTED && !w->punct && !is_caps_abbrev(p, n))
                        ? stem_key_len(t->lang, key.data, key.len)
                        : key.len;
        w->kid = intern(mi, key.data, sl);
        if (w->kid == UINT32_MAX || !w->full)
            break;
        w->surface = tl_arena_strndup(&mi->mem, p, n);
        if (!w->punct && !tl_map_put(&mi->prefixes, key.data, prefix_len(key.data, sl), mi))
            break;
    }
    utext_close(ut);
    int bad = key.oom;
    tl_buf_release(&key);
    if (bad || !nw)
        return bad ? -1 : 0;
    mterm *m = &mi->terms[index];
    m->term = t;
    m->n = (uint16_t)nw;
    m->w = tl_arena_alloc(&mi->mem, nw * sizeof *m->w);
    if (!m->w)
        return -1;
    memcpy(m->w, words, nw * sizeof *words);
    return add_start(mi, m->w[0].kid, index);
}

tl_match_index *match_index_new(const gloss *g)
{
    tl_match_index *mi = tl_calloc(1, sizeof *mi);
    if (!mi)
        return NULL;
    tl_arena_init(&mi->mem);
    tl_map_init(&mi->keys);
    tl_map_init(&mi->prefixes);
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
            if (k->terms[t].match == GL_MATCH_REGEX) { /* run by check_terms.c */
                mi->terms[mi->nterms].term = &k->terms[t];
                mi->regex[mi->nregex++] = (uint32_t)mi->nterms++;
                continue;
            }
            ok = add_term(mi, bi, &k->terms[t], (uint32_t)mi->nterms) == 0;
            mi->nterms++;
        }
    }
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
    for (size_t i = 0; i < mi->nkeys; i++)
        tl_free(mi->key_tab[i]->starts);
    tl_free(mi->key_tab);
    tl_free(mi->terms);
    tl_free(mi->regex);
    tl_map_release(&mi->keys);
    tl_map_release(&mi->prefixes);
    tl_arena_release(&mi->mem);
    tl_free(mi);
}

typedef struct {
    const tl_match_index *mi;
    tl_lang lang;
    uint32_t *ids;
    int n;
    tl_buf *tmp;
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
    if (!s->tmp->oom)
        add_key(s, s->tmp->data, stem_key_len(s->lang, s->tmp->data, s->tmp->len));
}

int match_word_ids(tl_doc *d, tl_word *w)
{
    if (w->kids_done)
        return 0;
    const tl_match_index *mi = d->ctx->sh->mi;
    uint32_t ids[MAX_KIDS];
    stem_ctx s = {mi, d->lang, ids, 0, &d->ctx->scratch};
    int abbrev = (w->flags & WF_ALLCAPS) != 0;
    size_t sl = abbrev ? w->keylen : stem_key_len(d->lang, w->key, w->keylen);
    add_key(&s, w->key, w->keylen);
    add_key(&s, w->key, sl);
    /* Hunspell lemmas only for words whose start could begin a term word */
    if (!abbrev && (w->script & SCRIPT_CYRILLIC) && tl_map_get(&mi->prefixes, w->key, prefix_len(w->key, sl)))
        morph_stems(d->ctx->morph, d->lang, w->surface, on_stem, &s);
    if (s.n) {
        uint32_t *k = morph_alloc(d->ctx->morph, (size_t)s.n * sizeof *ids);
        if (!k)
            return -1;
        memcpy(k, ids, (size_t)s.n * sizeof *ids);
        w->kids = k;
        w->nkids = (uint8_t)s.n;
    }
    w->kids_done = 1;
    return 0;
}
