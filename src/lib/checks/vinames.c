/*
 * vinames.c - the Vietnamese names the glossary knows (`vi:` of its places and
 * persons) and their Cyrillic forms, for the `untranslated` rule (check_langmix.c): a
 * place or person left in Vietnamese («Hải Phòng») gets the glossary's form as the
 * suggestion. Names are compared as written, diacritics and capitals included:
 * without its marks «Hai Phong» could be another word.
 */
#include "vinames.h"

#include <string.h>

/* The form of concept `c` a suggestion writes in `lang`: its canonical term, else its
 * first variant, else a forbidden term's `suggest:` (a regex term is no text to write);
 * NULL when it has none. */
static const char *written_form(const gl_concept *c, tl_lang lang)
{
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < c->nterms; i++) {
            const gl_term *t = &c->terms[i];
            if (t->lang != lang)
                continue;
            if (pass < 2 && t->match != GL_MATCH_REGEX &&
                t->kind == (pass ? GL_VARIANT : GL_CANONICAL))
                return t->text;
            if (pass == 2 && t->kind == GL_FORBIDDEN && t->suggest)
                return t->suggest;
        }
    return NULL;
}

/* A name claimed by two concepts keeps the first one's form. */
int vinames_build(tl_map *m, const gloss *g, tl_lang lang)
{
    for (size_t i = 0; i < g->nconcepts; i++) {
        const gl_concept *c = g->concepts[i];
        if (!c->vi || (c->category != GL_CAT_PLACE && c->category != GL_CAT_PERSON))
            continue;
        const char *form = written_form(c, lang);
        if (form && !tl_map_get(m, c->vi, strlen(c->vi)) &&
            !tl_map_put(m, c->vi, strlen(c->vi), (void *)form))
            return -1;
    }
    return 0;
}

/* Longest first from each word on: «Thành phố Hồ Chí Minh» before «Hồ Chí Minh». */
const char *vinames_find(const tl_map *m, tl_doc *d, size_t i, size_t last, size_t *ns, size_t *ne)
{
    tl_buf *b = d->scratch;
    for (size_t k = i; m->count && k <= last; k++) {
        if (d->tok[k].kind != TK_WORD)
            continue;
        for (size_t e = (last < k + 5 ? last : k + 5) + 1; e-- > k;) {
            if (d->tok[e].kind != TK_WORD)
                continue;
            tl_buf_reset(b);
            for (size_t j = k; j <= e; j++) {
                if (j > k && (d->tok[j].flags & TF_SPACE_BEFORE))
                    tl_buf_addc(b, ' ');
                tl_buf_add(b, d->src.text + d->tok[j].off, d->tok[j].len);
            }
            const char *form = b->oom ? NULL : tl_map_get(m, b->data, b->len);
            if (form) {
                *ns = k;
                *ne = e;
                return form;
            }
        }
    }
    return NULL;
}
