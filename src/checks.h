/*
 * checks.h - the check families (one check_*.c file each) and how the driver (check.c)
 * calls them: chunk() once per chunk of tokens, in token order, then finish() once per
 * document, then release(). A family keeps its per-document state in
 * d->state[its CK_ index] (allocated in d->mem or owned and freed by release()).
 * Checks talk to each other only through data: the findings they add.
 *
 * Adding a family: a CK_ value, a row in the table in check.c, its check_*.c file.
 */
#ifndef TL_CHECKS_H
#define TL_CHECKS_H

#include "doc.h"

enum {
    CK_SPELL = 0, CK_TERMS, CK_DOCCODE, CK_NAMES, CK_NUMBERING, CK_DOUBLED, CK_LANGMIX,
    CK_SCRIPT, CK_UNTRANSLATED, CK_BOILERPLATE, CK_TYPOGRAPHY, CK_COUNT
};

typedef struct {
    const char *name;
    int (*chunk)(tl_doc *d);   /* 0, or -1 when out of memory */
    int (*finish)(tl_doc *d);  /* may be NULL */
    void (*release)(tl_doc *d); /* may be NULL */
} tl_check_family;

int check_spell_chunk(tl_doc *d);
int check_spell_finish(tl_doc *d);
void check_spell_release(tl_doc *d);

/* The token at i as a string view. */
static inline tl_span tok_span(const tl_doc *d, size_t i)
{
    tl_span s = {d->src.text + d->tok[i].off, d->tok[i].len};
    return s;
}

/* Whether token i is the single punctuation character `c` (ASCII). */
static inline int tok_is(const tl_doc *d, size_t i, char c)
{
    return i < d->ntok && d->tok[i].kind == TK_PUNCT && d->tok[i].len == 1 &&
           d->src.text[d->tok[i].off] == c;
}

#endif
