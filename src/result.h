/* result.h - the public result's insides and how a document becomes one (result.c). */
#ifndef TL_RESULT_H
#define TL_RESULT_H

#include "doc.h"

/* A recorded use of a glossary concept, kept for --consistency=run. */
typedef struct {
    const void *concept; /* gl_concept* */
    const char *form;    /* the rendering's normalised identity (arena) */
    const char *text;    /* the surface text (arena) */
    size_t off, len;
    int term_index;      /* which term of the concept matched */
    int sent_start;
} tl_term_use;

struct tl_result {
    tl_arena mem;
    tl_finding *f;
    size_t n;
    const char **sugg_words; /* per finding: the misspelt word awaiting suggestions */
    tl_lang lang;
    const char *lang_reason;
    uint64_t words;
    tl_term_use *terms;
    size_t nterms;
};

/* Resolves d's findings (sort, one per span) and moves them with d's arena into a new
 * result. TL_OK or TL_ERR_NOMEM. */
tl_status result_build(tl_doc *d, tl_result **out);

#endif
