/* result.h - the public result's insides and how a document becomes one (result.c). */
#ifndef TL_RESULT_H
#define TL_RESULT_H

#include "doc.h"

struct tl_result {
    tl_arena mem;
    tl_finding *f;
    size_t n;
    const char **sugg_words; /* per finding: the misspelt word awaiting suggestions */
    tl_lang lang;
    const char *lang_reason;
    uint64_t words;
    tl_term_use *terms;  /* --consistency=run: uses of concepts, positions filled */
    size_t nterms;
    size_t cap_f;        /* capacity of f once findings are appended after the fact */
};

/* Appends a finding to a built result (--consistency=run), keeping f sorted by offset.
 * The strings must live in r->mem. 0, or -1 when out of memory. */
int result_append(tl_result *r, const tl_finding *x);

/* Resolves d's findings (sort, one per span) and moves them with d's arena into a new
 * result. TL_OK or TL_ERR_NOMEM. */
tl_status result_build(tl_doc *d, tl_result **out);

#endif
