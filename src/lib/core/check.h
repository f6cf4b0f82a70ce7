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

/* A section of a longer text (sections.c); NULL: the text is whole. */
struct sup_plan;
typedef struct {
    size_t base;     /* where the section starts in the whole text */
    int first, last; /* the first: a BOM, the encoding sniff, the language */
    tl_lang lang;    /* after the first: the text's language, and why */
    const char *lang_reason;
    size_t bad_listed;          /* invalid sequences the sections before listed */
    const struct sup_plan *sup; /* the whole text's suppression markers (suppress.h) */
} check_part;

tl_status check_document(tl_ctx *ctx, size_t profile, const char *text, size_t len, int hold_uses,
                         const tl_run_lines *rl, const check_hooks *hooks, const check_part *part,
                         tl_doc **out);

/* Builds checked document d into *out and frees d: the suggestions `ahead` computes
 * first (budget_ahead; NULL: none), then result_build. TL_OK, else the failure with *out
 * NULL. */
tl_status doc_build(tl_doc *d, tl_morph *ahead, const tl_budget *budget, tl_result **out);

/* Checks a text into a built result (*out, owned: tl_result_free), its suggestions not
 * yet picked (budget_pick): check_document, then budget_ahead with `ahead` (NULL: no
 * suggestions computed ahead) and result_build. A text longer than the context's
 * section_bytes is checked in sections, each a document of its own, and the sections'
 * results joined into one, in the whole text's offsets and line numbers (sections.c).
 * Returns as check_document does; *out NULL on failure. */
tl_status check_result(tl_ctx *ctx, size_t profile, const char *text, size_t len,
                       const tl_run_lines *rl, const check_hooks *hooks, tl_morph *ahead,
                       const tl_budget *budget, tl_result **out);

/* Frees a checked document; NULL is a no-op. */
void doc_free(tl_doc *d);

#endif
