/*
 * match.c - stage 5: inflection-aware matching of glossary terms.
 *
 * Every word of every term gets a matching key: its normalised form (norm_key) with
 * the inflectional ending stripped (stem_key below). A text word has up to
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
 * (match_first_wants_lemmas). Which words are looked up changes the cost, never the
 * result.
 *
 * Limits: stripping is by a fixed list of inflectional endings (stem of at least 3
 * letters kept; abbreviations in capitals are never stripped), so two different words
 * that share a stem after stripping would match each other; the lemma keys prevent the
 * fleeting-vowel misses this would otherwise cause, except where the change falls
 * within the first three letters (день / дня, рік / року). Matching stops at chunk
 * boundaries.
 */
#include "norm.h"
#include "match_internal.h"

#include "morph.h"
#include "textclass.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/* Endings, longest first within each length class as the list is tried in order. All
 * are Cyrillic, 2 bytes a letter; the length is kept to spare a strlen per try. */
typedef struct {
    const char *s;
    size_t len;
} ending;
#define E(x) {x, sizeof x - 1}
static const ending ru_endings[] = {
    E("иями"), E("ыми"), E("ими"), E("ами"), E("ями"), E("ого"), E("его"), E("ому"), E("ему"),
    E("ией"), E("ием"), E("иям"), E("иях"), E("ая"), E("яя"), E("ое"), E("ее"), E("ые"),
    E("ие"), E("ый"), E("ий"), E("ой"), E("ей"), E("ую"), E("юю"), E("ым"), E("им"), E("ом"),
    E("ем"), E("ых"), E("их"), E("ия"), E("ии"), E("ию"), E("ах"), E("ях"), E("ам"), E("ям"),
    E("ов"), E("ев"), E("ью"), E("а"), E("я"), E("о"), E("е"), E("ы"), E("и"), E("у"),
    E("ю"), E("ь"), E("й"), {NULL, 0}};
static const ending uk_endings[] = {
    E("ього"), E("ьому"), E("ями"), E("ами"), E("ими"), E("іми"), E("ого"), E("ому"),
    E("ової"), E("ові"), E("еві"), E("єві"), E("ією"), E("іям"), E("іях"), E("ої"), E("ою"),
    E("ею"), E("єю"), E("ий"), E("ій"), E("ам"), E("ям"), E("ах"), E("ях"), E("ів"), E("їв"),
    E("им"), E("ім"), E("их"), E("іх"), E("ом"), E("ем"), E("єм"), E("ія"), E("ії"), E("ію"),
    E("ей"), E("а"), E("я"), E("е"), E("є"), E("і"), E("ї"), E("у"), E("ю"), E("о"), E("и"),
    E("ь"), E("й"), {NULL, 0}};
#undef E

size_t stem_key_len(tl_lang lang, const char *key, size_t len)
{
    size_t ncp = utf8_count(key, len);
    if (ncp <= 3)
        return len;
    for (const ending *e = lang == TL_LANG_UK ? uk_endings : ru_endings; e->s; e++)
        if (e->len < len && key[len - 1] == e->s[e->len - 1] && ncp - e->len / 2 >= 3 &&
            memcmp(key + len - e->len, e->s, e->len) == 0)
            return len - e->len;
    return len;
}

/* Bytes of the first LEMMA_PREFIX code points of a key (all of it when shorter). */
static size_t prefix_len(const char *key, size_t len)
{
    size_t i = 0;
    for (int c = 0; i < len && c < LEMMA_PREFIX; c++) {
        i++;
        while (i < len && ((unsigned char)key[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

/* A filter set member: a language and two ids of 31 bits (ids count glossary words,
 * far fewer); the language in the top bits keeps it non-zero. */
static uint64_t pack(tl_lang lang, uint32_t a, uint32_t b)
{
    return (uint64_t)lang << 62 | (uint64_t)(a & 0x7FFFFFFF) << 31 | (b & 0x7FFFFFFF);
}

static int lang_slot(tl_lang lang) { return lang == TL_LANG_UK; }

static uint32_t intern(tl_match_index *mi, const char *k, size_t n)
{
    mkey *e = tl_map_get(&mi->keys, k, n);
    if (e)
        return e->id;
    if (mi->nkeys == mi->cap_keys) {
        size_t cap = mi->cap_keys ? mi->cap_keys * 2 : 1024;
        mkey **p = tl_realloc(mi->key_tab, cap * sizeof *p);
        if (!p)
            return NO_ID;
        mi->key_tab = p;
        mi->cap_keys = cap;
    }
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

static uint32_t prefix_id(const tl_match_index *mi, const char *k, size_t n)
{
    return (uint32_t)(uintptr_t)tl_map_get(&mi->prefixes, k, prefix_len(k, n));
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
    if (a->punct) /* text punctuation never starts a match (check_terms_chunk) */
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

/* Splits a term into words and punctuation as the text is split (by ICU). */
static int add_term(tl_match_index *mi, UBreakIterator *bi, const gl_term *t, uint32_t index)
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
    mterm *m = &mi->terms[index];
    m->term = t;
    m->n = (uint16_t)nw;
    m->w = tl_arena_alloc(&mi->mem, nw * sizeof *m->w);
    if (!m->w)
        return -1;
    memcpy(m->w, words, nw * sizeof *words);
    return add_start(mi, m, index);
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
    if (prefix_len(s->tmp->data, sl) == s->prelen &&
        memcmp(s->tmp->data, s->pre, s->prelen) == 0)
        add_key(s, s->tmp->data, sl);
}

/* Stores ids[0..n) as w's ids. */
static int set_kids(tl_doc *d, tl_word *w, const uint32_t *ids, int n)
{
    if (n == w->nkids)
        return 0;
    uint32_t *k = morph_alloc(d->morph, (size_t)n * sizeof *ids);
    if (!k)
        return -1;
    memcpy(k, ids, (size_t)n * sizeof *ids);
    w->kids = k;
    w->nkids = (uint8_t)n;
    return 0;
}

int match_word_ids(tl_doc *d, tl_word *w)
{
    if (w->kids_done)
        return 0;
    const tl_match_index *mi = d->mi;
    uint32_t ids[MAX_KIDS];
    stem_ctx s = {mi, d->lang, ids, 0, NULL, NULL, 0};
    int abbrev = (w->flags & WF_ALLCAPS) != 0;
    size_t sl = abbrev ? w->keylen : stem_key_len(d->lang, w->key, w->keylen);
    add_key(&s, w->key, w->keylen);
    add_key(&s, w->key, sl);
    if (set_kids(d, w, ids, s.n))
        return -1;
    w->pid = prefix_id(mi, w->key, sl);
    /* no lemma key can begin like the word when no glossary key does */
    w->lemmas_done = abbrev || !(w->script & SCRIPT_CYRILLIC) || !w->pid;
    w->kids_done = 1;
    return 0;
}

int match_word_lemmas(tl_doc *d, tl_word *w)
{
    if (w->lemmas_done)
        return 0;
    uint32_t ids[MAX_KIDS];
    stem_ctx s = {d->mi, d->lang, ids, 0, d->scratch, w->key, 0};
    for (; s.n < w->nkids; s.n++)
        ids[s.n] = w->kids[s.n];
    s.prelen = prefix_len(w->key, w->keylen);
    morph_stems(d->morph, d->lang, w->surface, on_stem, &s);
    if (set_kids(d, w, ids, s.n))
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
int match_first_wants_lemmas(tl_doc *d, size_t i)
{
    const tl_match_index *mi = d->mi;
    const tl_word *w = d->tok[i].w;
    if (tl_set64_has(&mi->lone_firsts, pack(d->lang, w->pid, 0)))
        return 1;
    if (i + 1 >= d->ntok)
        return 0;
    const tl_token *t = &d->tok[i + 1];
    if (t->kind == TK_PUNCT || !t->w || (t->flags & TF_PARA_START))
        return 0;
    tl_word *x = t->w;
    if (match_word_ids(d, x))
        return -1;
    if (has_pair_kid(mi, d->lang, w->pid, x))
        return 1;
    if (x->lemmas_done || !tl_set64_has(&mi->pair_pids, pack(d->lang, w->pid, x->pid)))
        return 0;
    if (match_word_lemmas(d, x))
        return -1;
    return has_pair_kid(mi, d->lang, w->pid, x);
}
