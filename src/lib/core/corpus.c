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
 *   recurring lines        a line that recurs in many texts of the run is page
                            furniture (a site header, a menu, a footer): corpus_lines()
                            reads every text once before any is checked and counts its
                            short lines by fingerprint (linefp.c); the checks get the
                            lines that reach the threshold (tl_doc.run_lines) and report
                            them as their own findings. A first pass, not a judgment
                            over held documents: it keeps 8 bytes a line instead of
                            every document, the output does not depend on the threads
                            (the counts are complete before the first check), and it
                            works the same with and without --consistency run.
 *
 * The same place takes what needs all documents next (corpus counts for reports). Each
 * judgment is a function here called from corpus_finish(), in input order, on the
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

/* Counts the lines of text [p, p+len) for text `doc`: each line ends at LF, CR LF or
 * CR, as in source.c. */
static int count_text(linefp_counts *c, const char *p, size_t len, uint32_t doc,
                      const tl_run_options *opt)
{
    size_t told = 0;
    for (size_t ls = 0; ls < len;) {
        if (opt->consumed && ls - told >= TL_PASS_BLOCK) { /* a huge text's pages can go */
            opt->consumed(opt->read_arg, doc, ls);
            told = ls;
        }
        const char *nl = memchr(p + ls, '\n', len - ls);
        size_t le = nl ? (size_t)(nl - p) : len;
        const char *cr = memchr(p + ls, '\r', le - ls); /* CR LF, or CR alone */
        if (cr)
            le = (size_t)(cr - p);
        uint64_t fp = le > ls ? linefp_line(p + ls, le - ls) : 0;
        if (fp && linefp_counts_add(c, fp, doc))
            return -1;
        ls = le + 1;
    }
    return 0;
}

tl_status corpus_lines(const tl_run_options *opt, tl_run_lines *out)
{
    memset(out, 0, sizeof *out);
    linefp_counts_init(&out->lines);
    out->files = (uint32_t)opt->ndocs;
    uint64_t pct = ((uint64_t)opt->ndocs * REPEAT_MIN_PERCENT + 99) / 100;
    out->min = pct > REPEAT_MIN_FILES ? (uint32_t)pct : REPEAT_MIN_FILES;
    for (size_t i = 0; i < opt->ndocs; i++) {
        const char *text;
        size_t len;
        if (opt->read(opt->read_arg, i, &text, &len))
            continue;
        int rc = count_text(&out->lines, text, len, (uint32_t)i, opt);
        if (opt->unread)
            opt->unread(opt->read_arg, i);
        if (rc) {
            linefp_counts_release(&out->lines);
            return TL_ERR_NOMEM;
        }
    }
    return linefp_counts_keep(&out->lines, out->min) ? TL_ERR_NOMEM : TL_OK;
}
