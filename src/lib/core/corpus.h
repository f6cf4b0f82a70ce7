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

/* A run's first pass (opt->repeated_lines): reads each of its texts with opt->read, in
 * input order on the calling thread, hands it back with opt->unread, and counts in how
 * many texts each short line occurs (linefp.h); *out keeps the lines that reach the
 * threshold (at least REPEAT_MIN_FILES texts and REPEAT_MIN_PERCENT of them). A text
 * that cannot be read is skipped (its check reports it). TL_OK or TL_ERR_NOMEM (*out
 * empty). Release *out with linefp_counts_release(&out->lines). */
tl_status corpus_lines(const tl_run_options *opt, tl_run_lines *out);

/* A line is run-wide furniture when it occurs in at least this many texts of the run,
 * and in at least this percentage of them (rounded up). */
#define REPEAT_MIN_FILES 3
#define REPEAT_MIN_PERCENT 5

#endif
