/*
 * check_vocab.c - rule `vocabulary.rejected`: the words and phrases of the reject:
 * lists (of glossaries, and of a configuration, which the core adds to the glossary's,
 * gloss_add_words) wherever they occur, in any letter case.
 *
 * In: the word tokens of each chunk, whose tl_word carries its normalised key (folded,
 * NFC, ё -> е in Russian: norm_key). Out: one finding per occurrence.
 *
 *   reject list --(once per context and language)--> map: key of the entry's first word
 *                                                    -> entries starting with it
 *   token i --key--> map --> each entry: are tokens i, i+1, ... its words?
 *
 * An entry is a word or words separated by white space, compared as tokens: the forms
 * listed, not their inflections (a glossary's forbidden term matches every form). With
 * no reject list the family costs nothing: its chunk hook returns at once.
 */
#include "doc.h"

#include "norm.h"
#include "textclass.h"

#include <string.h>

typedef struct {
    const char *text;  /* as written */
    const char **keys; /* its words' keys */
    size_t nkeys;
    size_t next; /* the next entry with the same first key, or SIZE_MAX */
} vocab_entry;

/* Per context: each language's entries and map, built at its first document. */
typedef struct {
    int built[3];
    tl_arena mem;
    vocab_entry *v[3];
    size_t n[3];
    tl_map first[3]; /* key of the first word -> index + 1 */
} vocab_ctx;

/* Splits entry `text` into its words' keys in `lang`; the number of words (0: blank). */
static size_t entry_keys(vocab_ctx *c, tl_lang lang, const char *text, tl_buf *b, const char ***out)
{
    size_t len = strlen(text), i = 0, start, n, cap = 0, count = 0;
    const char **keys = NULL;
    while ((n = tc_next_word(text, len, &i, NULL, &start)) > 0) {
        tl_buf_reset(b);
        if (norm_key(b, text + start, n, lang == TL_LANG_RU) || b->oom)
            return SIZE_MAX;
        const char **p = tl_arena_grow(&c->mem, keys, count, &cap, sizeof *p);
        const char *k = tl_arena_strndup(&c->mem, b->data, b->len);
        if (!p || !k)
            return SIZE_MAX;
        keys = p;
        keys[count++] = k;
    }
    *out = keys;
    return count;
}

static int build(vocab_ctx *c, const gloss *g, tl_lang lang, tl_buf *b)
{
    c->built[lang] = 1; /* the arena is zeroed with the state: an empty arena */
    tl_map_init(&c->first[lang]);
    c->v[lang] = tl_arena_alloc(&c->mem, (g->nreject ? g->nreject : 1) * sizeof *c->v[lang]);
    if (!c->v[lang])
        return -1;
    for (size_t i = 0; i < g->nreject; i++) {
        vocab_entry *e = &c->v[lang][c->n[lang]];
        e->text = g->reject[i];
        e->nkeys = entry_keys(c, lang, e->text, b, &e->keys);
        if (e->nkeys == SIZE_MAX)
            return -1;
        if (!e->nkeys)
            continue;
        size_t idx = c->n[lang]++;
        void *head = tl_map_get(&c->first[lang], e->keys[0], strlen(e->keys[0]));
        e->next = head ? (size_t)head - 1 : SIZE_MAX;
        if (!tl_map_put(&c->first[lang], e->keys[0], strlen(e->keys[0]), (void *)(idx + 1)))
            return -1;
    }
    return 0;
}

static int same_key(const tl_token *t, const char *key)
{
    return t->kind == TK_WORD && t->w && t->w->key && strcmp(t->w->key, key) == 0;
}

static void match_at(tl_doc *d, const vocab_ctx *c, size_t i)
{
    const tl_token *t = &d->tok[i];
    tl_lang lang = d->lang;
    void *head = tl_map_get(&c->first[lang], t->w->key, t->w->keylen);
    for (size_t k = head ? (size_t)head - 1 : SIZE_MAX; k != SIZE_MAX; k = c->v[lang][k].next) {
        const vocab_entry *e = &c->v[lang][k];
        if (i + e->nkeys > d->ntok)
            continue;
        size_t w = 1;
        while (w < e->nkeys && same_key(&d->tok[i + w], e->keys[w]))
            w++;
        if (w < e->nkeys)
            continue;
        const tl_token *last = &d->tok[i + e->nkeys - 1];
        size_t len = last->off + last->len - t->off;
        const char *flat = doc_flat(d, t->off, len);
        if (!flat)
            return;
        doc_add(d, TL_RULE_VOCABULARY_REJECTED, t->off, len,
                "«%s» is on a reject list: a word the configuration or a glossary does not "
                "allow",
                flat);
        return; /* one finding per start: the first entry that matches */
    }
}

static int chunk(tl_doc *d, void *st, void *cst)
{
    (void)st;
    vocab_ctx *c = cst;
    if (!d->g->nreject || !doc_rule_on(d, TL_RULE_VOCABULARY_REJECTED))
        return 0;
    if (d->lang != TL_LANG_RU && d->lang != TL_LANG_UK)
        return 0;
    if (!c->built[d->lang] && build(c, d->g, d->lang, d->scratch))
        return -1;
    for (size_t i = 0; i < d->ntok; i++)
        if (d->tok[i].kind == TK_WORD && d->tok[i].w && d->tok[i].w->key)
            match_at(d, c, i);
    return d->oom ? -1 : 0;
}

static void ctx_release(void *cst)
{
    vocab_ctx *c = cst;
    for (int l = 0; l < 3; l++)
        if (c->built[l])
            tl_map_release(&c->first[l]);
    tl_arena_release(&c->mem);
}

const tl_family family_vocab = {"vocabulary", 0,    sizeof(vocab_ctx), NULL, chunk,
                                NULL,         NULL, ctx_release};
