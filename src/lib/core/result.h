/* result.h - the public result's insides and how a document becomes one (result.c). */
#ifndef TL_RESULT_H
#define TL_RESULT_H

#include "doc.h"

/* How a worker's suggestions for a word were made (see suggest.c). */
enum { PEND_NONE = 0, PEND_FAST, PEND_SLOW, PEND_NOSLOW };

typedef struct {
    const char *word;        /* the misspelt word awaiting suggestions, or NULL */
    const char *const *list; /* computed ahead (in the result's arena), `n` entries */
    uint8_t n;
    uint8_t kind;            /* PEND_* */
} tl_pending;

struct tl_result {
    tl_arena mem;
    tl_finding *f;
    size_t n;
    tl_pending *pend;    /* per finding: suggestions still to be given (suggest.c) */
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
