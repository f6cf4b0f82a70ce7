/*
 * corpus.c - what a run judges over all of its documents, once every document is
 * checked and before any is resolved into a result (run.c holds them until then).
 *
 *   run-wide consistency   one concept rendered several ways across the run
 *                          (--consistency run): the uses of concepts the terms family
 *                          kept in each document, judged as if the run were one
 *                          document (consistency.c), findings added to the documents
 *                          the uses are in.
 *
 * The same place takes what needs all documents next: cross-file boilerplate (a line
 * that recurs in many files of a run is page furniture, which needs every file's line
 * fingerprints before any of those files' findings are final) and corpus counts for
 * reports. Each is a function here called from corpus_finish(), in input order, on the
 * caller's thread; what it reports goes through result.c like any other finding.
 */
#include "corpus.h"

#include "consistency.h"

#include <string.h>

static tl_status run_consistency(tl_doc *const *docs, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += docs[i] ? docs[i]->nuses : 0;
    if (!total)
        return TL_OK; /* also when term.inconsistent is off: no document kept uses */
    term_use *u = tl_malloc(total * sizeof *u);
    if (!u)
        return TL_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; docs[i] && j < docs[i]->nuses; j++) {
            u[k] = docs[i]->uses[j];
            u[k].seq = (uint64_t)i << 32 | j; /* occurrence order across the run */
            k++;
        }
    infl_memo memo;
    memset(&memo, 0, sizeof memo);
    int rc = consistency_judge(u, total, CONS_RUN, &memo);
    infl_memo_release(&memo);
    tl_free(u);
    return rc ? TL_ERR_NOMEM : TL_OK;
}

tl_status corpus_finish(tl_doc *const *docs, size_t n) { return run_consistency(docs, n); }
