/* check.h - checking one document (check.c): what tl_check() and a run share. */
#ifndef TL_CHECK_H
#define TL_CHECK_H

#include "ctx.h"

/* Checks `len` bytes of `text` (borrowed: must outlive the document) with `ctx` and the
 * rule settings of profile `profile` (tl_profile; out of range: 0), up to the findings: *out is the checked document (owned: doc_free) with its findings not
 * yet resolved, so that a run can add what spans documents first (corpus.c) and then
 * build the result (result_build). `hold_uses`: keep the uses of concepts for run-wide
 * consistency instead of judging them. `rl`: the run's recurring lines (borrowed, may
 * be NULL). Returns TL_OK, or TL_ERR_ENCODING with *out set (the rest of the text was
 * checked), else the cause with *out NULL. */
/* Told, after each chunk, that the text before `upto` is not needed for now
 * (tl_run_options.consumed); NULL: nobody is. */
typedef struct {
    void (*consumed)(void *arg, size_t upto);
    void *arg;
} check_hooks;

tl_status check_document(tl_ctx *ctx, size_t profile, const char *text, size_t len, int hold_uses,
                         const tl_run_lines *rl, const check_hooks *hooks, tl_doc **out);

/* Frees a checked document; NULL is a no-op. */
void doc_free(tl_doc *d);

#endif
