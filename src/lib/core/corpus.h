/* corpus.h - what a run judges over all its documents at once (corpus.c). */
#ifndef TL_CORPUS_H
#define TL_CORPUS_H

#include "doc.h"

/* Run-wide judgments over the checked documents docs[0..n) (NULL entries are skipped),
 * in input order, before any of them is resolved: their findings go into the
 * documents and through the same one-span-one-finding resolution as the documents'
 * own. The documents must use one scratch buffer of the caller's thread. TL_OK or
 * TL_ERR_NOMEM. */
tl_status corpus_finish(tl_doc *const *docs, size_t n);

#endif
