/*
 * spelldata.c - the `spelling:` rule data of one language as matching keys, the
 * glossary's name stems, and the word tests the spelling and language families share.
 *
 * Built once per context and language (each family keeps its own in its context
 * state), from the merged glossary and rule data, so a document pays only lookups:
 *
 *   abbreviations «окт.», «т. е.», «г-н»  -> abbrev_dot {окт, т, е}, abbrev {г-н}
 *   person/place terms «То Лам», «Хошимин» -> names {то, лам, хошимин} (stems)
 *   the other lists                        -> norm keys, in order
 *
 * Name syllables: a Vietnamese name in Russian or Ukrainian is a run of capitalised
 * syllables («Фам Ван Хунг», «Бо Кео»), most of which no dictionary knows. A
 * capitalised word next to such a syllable is part of the name even when, alone, it
 * would be a word of the text's or the other language («Чи», «Бо», «Нам»).
 */
#include "spelldata.h"

#include "morph.h"
#include "norm.h"
#include "stem.h"
#include "textclass.h"

#include <string.h>
#include <unicode/uchar.h>

void spelldata_release(spelldata *s)
{
    tl_map_release(&s->abbrev_dot);
    tl_map_release(&s->abbrev);
    tl_map_release(&s->names);
    memset(s, 0, sizeof *s);
}

/* The key of [p, p+n) into b (reset first); -1 when out of memory. */
static int key_of(tl_buf *b, tl_lang lang, const char *p, size_t n)
{
    tl_buf_reset(b);
    return norm_key(b, p, n, lang == TL_LANG_RU) || b->oom ? -1 : 0;
}

static int put(tl_map *m, const tl_buf *b)
{
    return b->len && !tl_map_put(m, b->data, b->len, (void *)1) ? -1 : 0;
}

/* An abbreviation entry: each part ending in a full stop goes to abbrev_dot without
 * it, a part with a hyphen and no full stop to abbrev; other parts («і» of «і т. д.»)
 * are words of their own. */
static int add_abbreviation(spelldata *s, tl_buf *b, tl_lang lang, const char *e)
{
    size_t len = strlen(e), i = 0, start, n;
    while ((n = tc_next_word(e, len, &i, NULL, &start)) > 0) {
        const char *p = e + start;
        if (n > 1 && p[n - 1] == '.') {
            if (key_of(b, lang, p, n - 1) || put(&s->abbrev_dot, b))
                return -1;
        } else if (memchr(p, '-', n) && !memchr(p, '.', n)) {
            if (key_of(b, lang, p, n) || put(&s->abbrev, b))
                return -1;
        }
    }
    return 0;
}

static int capitalised(const char *p, size_t n)
{
    uint32_t c;
    return utf8_decode(p, n, &c) && u_isupper((UChar32)c);
}

/* The stems of the capitalised words of the person and place terms of `lang`. */
static int add_names(spelldata *s, tl_buf *b, tl_lang lang, const gloss *g)
{
    for (size_t c = 0; c < g->nconcepts; c++) {
        const gl_concept *k = g->concepts[c];
        if (k->category != GL_CAT_PERSON && k->category != GL_CAT_PLACE)
            continue;
        for (size_t t = 0; t < k->nterms; t++) {
            const gl_term *term = &k->terms[t];
            if (term->lang != lang || term->kind == GL_FORBIDDEN || term->match == GL_MATCH_REGEX)
                continue;
            size_t len = strlen(term->text), i = 0, start, n;
            while ((n = tc_next_word(term->text, len, &i, "-", &start)) > 0) {
                if (!capitalised(term->text + start, n))
                    continue;
                if (key_of(b, lang, term->text + start, n))
                    return -1;
                b->len = stem_key_len(lang, b->data, b->len);
                if (put(&s->names, b))
                    return -1;
            }
        }
    }
    return 0;
}

const spelldata *spelldata_get(spelldata *s, tl_arena *mem, tl_doc *d)
{
    if (s->ready)
        return s;
    spelldata_release(s);
    tl_buf b;
    tl_buf_init(&b, 0);
    const gl_spelling *sp = &d->g->spelling[d->lang];
    int bad = 0;
    for (int l = 0; !bad && l < GL_SP_COUNT; l++) {
        if (l == GL_SP_WORDS)
            continue; /* the context accepts them (ctx.c) */
        if (l == GL_SP_ABBREVIATIONS) {
            for (size_t i = 0; !bad && i < sp->n[l]; i++)
                bad = add_abbreviation(s, &b, d->lang, sp->list[l][i]);
            continue;
        }
        s->list[l] = tl_arena_alloc(mem, (sp->n[l] + 1) * sizeof *s->list[l]);
        bad = !s->list[l];
        for (size_t i = 0; !bad && i < sp->n[l]; i++) {
            const char *e = sp->list[l][i];
            bad = key_of(&b, d->lang, e, strlen(e)) ||
                  !(s->list[l][s->n[l]++] = tl_arena_strndup(mem, b.data, b.len));
        }
    }
    if (!bad)
        bad = add_names(s, &b, d->lang, d->g);
    tl_buf_release(&b);
    if (bad) {
        spelldata_release(s);
        return NULL;
    }
    s->ready = 1;
    return s;
}

static int glued(const tl_doc *d, size_t i) /* token i touches the previous one */
{
    return i < d->ntok && !(d->tok[i].flags & TF_SPACE_BEFORE);
}

int spelldata_abbreviation(const spelldata *s, const tl_doc *d, size_t i, size_t j)
{
    const tl_word *w = d->tok[i].w;
    if (j == i + 1)
        return s->abbrev_dot.count && tok_is(d, i + 1, '.') && glued(d, i + 1) &&
               tl_map_get(&s->abbrev_dot, w->key, w->keylen);
    if (!s->abbrev.count)
        return 0;
    /* the compound's word record holds its key (and is cached for the next time) */
    const tl_token *a = &d->tok[i], *z = &d->tok[j - 1];
    tl_word *c = morph_word(d->morph, d->lang, d->src.text + a->off, z->off + z->len - a->off);
    return c && tl_map_get(&s->abbrev, c->key, c->keylen);
}

int spelldata_glossary_name(const spelldata *s, const tl_doc *d, const tl_word *w)
{
    if (!s->names.count || !(w->flags & WF_CAP))
        return 0;
    size_t n = stem_key_len(d->lang, w->key, w->keylen);
    return tl_map_get(&s->names, w->key, n) || tl_map_get(&s->names, w->key, w->keylen);
}

int spelldata_name_syllable(tl_doc *d, size_t i)
{
    if (i >= d->ntok || d->tok[i].kind != TK_WORD)
        return 0;
    const tl_token *t = &d->tok[i];
    tl_word *w = t->w;
    if (!(w->flags & WF_CAP) || w->script != SCRIPT_CYRILLIC || (w->flags & WF_DIGIT) ||
        ((w->flags & WF_ALLCAPS) && !(t->flags & TF_CAPS_LINE)))
        return 0;
    if (w->flags & WF_IN_GLOSSARY) /* accepted by the glossary: ask the dictionary */
        return morph_spell_str(d->morph, d->lang, w->surface) == SPELL_BAD;
    return morph_spell(d->morph, d->lang, w) == SPELL_BAD;
}

/* Token k continues a run of words from k-1: a capitalised word on the same line with
 * only white space before it. */
static int run_word(const tl_doc *d, size_t k)
{
    return k < d->ntok && d->tok[k].kind == TK_WORD && (d->tok[k].flags & TF_SPACE_BEFORE) &&
           !(d->tok[k].flags & TF_NEWLINE_BEFORE) && (d->tok[k].w->flags & WF_CAP);
}

int spelldata_in_name_run(tl_doc *d, size_t i, int before)
{
    for (size_t k = i + 1; k <= i + 3 && run_word(d, k); k++)
        if (spelldata_name_syllable(d, k))
            return 1;
    return before && i > 0 && run_word(d, i) && spelldata_name_syllable(d, i - 1);
}

int spelldata_known_join(tl_doc *d, const char *a, size_t na, const char *b, size_t nb)
{
    tl_buf *t = d->scratch;
    tl_buf_reset(t);
    tl_buf_add(t, a, na);
    tl_buf_add(t, b, nb);
    if (t->oom) {
        d->oom = 1;
        return 0;
    }
    return morph_spell_str(d->morph, d->lang, t->data) == SPELL_OK;
}

int spelldata_adjective_stem(const spelldata *s, tl_doc *d, const tl_word *w)
{
    const char *const *l = s->list[GL_SP_ADJECTIVE_LINKS];
    for (size_t k = 0; k + 1 < s->n[GL_SP_ADJECTIVE_LINKS]; k += 2) {
        size_t n = strlen(l[k]);
        if (n < w->keylen && memcmp(w->key + w->keylen - n, l[k], n) == 0 &&
            spelldata_known_join(d, w->key, w->keylen - n, l[k + 1], strlen(l[k + 1])))
            return 1;
    }
    return 0;
}

int spelldata_compound_first(const spelldata *s, const tl_doc *d, size_t i)
{
    if (i + 2 >= d->ntok || d->tok[i].kind != TK_WORD || !tok_is(d, i + 1, '-') ||
        (d->tok[i + 1].flags & TF_SPACE_BEFORE) || d->tok[i + 2].kind != TK_WORD ||
        (d->tok[i + 2].flags & TF_SPACE_BEFORE))
        return 0;
    const tl_word *w = d->tok[i].w;
    for (size_t k = 0; k < s->n[GL_SP_HYPHEN_PREFIXES]; k++) {
        const char *p = s->list[GL_SP_HYPHEN_PREFIXES][k];
        if (strlen(p) == w->keylen && memcmp(p, w->key, w->keylen) == 0)
            return 1;
    }
    return 0;
}
