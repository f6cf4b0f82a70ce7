/*
 * glossary_list.c - the terms of glossaries as a list, for the terminology report
 * (`termlint report`): which concepts and which of their forms a corpus never used.
 *
 * The glossaries are loaded as a check run loads them (gloss_load, in order), so the
 * concepts a report lists are the ones its findings can name; each term is handed to
 * the caller with its concept, language and kind (tl_term_kind, as on findings).
 */
#include "gloss.h"

static tl_term_kind kind_of(const gl_term *t)
{
    if (t->kind == GL_FORBIDDEN)
        return t->literal ? TL_TERM_LITERAL : TL_TERM_FORBIDDEN;
    if (t->kind == GL_VARIANT)
        return t->short_form ? TL_TERM_SHORT : TL_TERM_VARIANT;
    return TL_TERM_CANONICAL;
}

tl_status tl_glossary_terms_get(const char *const *paths, size_t n,
                                int (*row)(void *arg, const tl_glossary_term *t), void *arg,
                                tl_diags *diags)
{
    gloss *g = gloss_new();
    if (!g)
        return TL_ERR_NOMEM;
    tl_status worst = TL_OK;
    for (size_t i = 0; i < n && worst != TL_ERR_NOMEM; i++) {
        tl_status st = gloss_load(g, paths[i], diags);
        if (st != TL_OK && (worst == TL_OK || st == TL_ERR_NOMEM))
            worst = st;
    }
    int stop = worst == TL_ERR_NOMEM;
    for (size_t c = 0; !stop && c < g->nconcepts; c++) {
        const gl_concept *k = g->concepts[c];
        for (size_t i = 0; !stop && i < k->nterms; i++) {
            const gl_term *t = &k->terms[i];
            tl_glossary_term r = {k->id, t->lang, kind_of(t), t->text};
            stop = row(arg, &r) != 0;
        }
    }
    gloss_free(g);
    return worst;
}
