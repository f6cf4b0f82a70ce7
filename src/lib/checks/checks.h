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
    CK_BOILERPLATE, CK_TYPOGRAPHY, CK_COUNT
};

typedef struct {
    const char *name;
    int (*chunk)(tl_doc *d);   /* 0, or -1 when out of memory */
    int (*finish)(tl_doc *d);  /* may be NULL */
    void (*release)(tl_doc *d); /* may be NULL: frees d->state[CK_x] */
    void (*ctx_release)(tl_ctx *c); /* may be NULL: frees c->fam[CK_x], per-context data
                                       such as compiled regexes (not thread-safe, so one
                                       copy per context) */
} tl_check_family;

/* The families in the order they run (check.c). */
const tl_check_family *check_families(size_t *n);

int check_spell_chunk(tl_doc *d);
int check_spell_finish(tl_doc *d);
void check_spell_release(tl_doc *d);

/* check_doccode.c: doc-code.mismatch, doc-code.format */
int check_doccode_chunk(tl_doc *d);
int check_doccode_finish(tl_doc *d);
void check_doccode_release(tl_doc *d);
/* check_numbering.c: numbering.mixed */
int check_numbering_chunk(tl_doc *d);
int check_numbering_finish(tl_doc *d);
void check_numbering_release(tl_doc *d);
/* check_typography.c: typography.* */
int check_typography_chunk(tl_doc *d);
int check_typography_finish(tl_doc *d);
void check_typography_release(tl_doc *d);
/* check_names.c: name.variant without the glossary */
int check_names_chunk(tl_doc *d);
int check_names_finish(tl_doc *d);
void check_names_release(tl_doc *d);
/* check_doubled.c: phrase.doubled */
int check_doubled_chunk(tl_doc *d);
int check_doubled_finish(tl_doc *d);
void check_doubled_release(tl_doc *d);
/* check_langmix.c: lang.mixed, script.mixed, untranslated */
int check_langmix_chunk(tl_doc *d);
int check_langmix_finish(tl_doc *d);
void check_langmix_release(tl_doc *d);
/* check_boilerplate.c: boilerplate */
int check_boilerplate_chunk(tl_doc *d);
int check_boilerplate_finish(tl_doc *d);
void check_boilerplate_release(tl_doc *d);
void check_boilerplate_ctx_release(tl_ctx *c);

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
