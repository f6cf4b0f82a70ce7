/*
 * result.h - the public result's insides, and how a checked document becomes one
 * (result.c).
 */
#ifndef TL_RESULT_H
#define TL_RESULT_H

#include "doc.h"

/* How a thread's suggestions for a word were made (budget.c). */
enum { PEND_NONE = 0, PEND_FAST, PEND_SLOW, PEND_NOSLOW };

/* Per finding: the misspelt word still to get its suggestions, and what was computed
 * for it ahead (budget.c). */
typedef struct {
    const char *word;        /* the misspelt word awaiting suggestions, or NULL */
    const char *const *list; /* computed ahead (in the result's arena), `n` entries */
    uint8_t n;
    uint8_t kind; /* PEND_* */
} tl_pending;

struct tl_result {
    tl_arena mem; /* the document's arena: messages, suggestions, texts */
    tl_finding *f;
    size_t n;
    tl_pending *pend; /* per finding (budget.c) */
    tl_lang lang;
    const char *lang_reason;
    uint64_t words;
};

/* Resolves d's findings (sorted by position, one per span: the top of result.c) and
 * moves them with d's arena into a new result (owned: tl_result_free). Takes nothing
 * else from `d`, which the caller still frees. TL_OK or TL_ERR_NOMEM. */
tl_status result_build(tl_doc *d, tl_result **out);

#endif
