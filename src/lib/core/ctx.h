/*
 * ctx.h - the context (ctx.c): the read-only part shared by a context and its clones
 * (options, rule severities, glossaries and rule data, the term matcher) and, per
 * context, what one thread may change (dictionaries' word cache, tokenizer, the
 * families' context state, scratch memory).
 */
#ifndef TL_CTX_H
#define TL_CTX_H

#include "doc.h"

#include <stdatomic.h>

struct tl_match_index;

typedef struct tl_shared {
    tl_lang lang;
    long suggest_limit;
    int consistency_run;
    int defer_suggestions;
    char *dict_dir;
    char *data_dir;
    gloss *g;                   /* glossaries and rule data, merged */
    tl_map accept[3];           /* per tl_lang: norm keys of words spelled right */
    tl_severity severity[TL_RULE_COUNT];
    struct tl_match_index *mi;  /* term matcher (match.c); NULL without glossary */
} tl_shared;

struct tl_ctx {
    tl_shared *sh;
    tl_morph *morph;
    tl_tokenizer *tz;
    const struct tl_ctx *parent; /* the context this one was cloned from, or NULL */
    /* Budgets (suggest.c): written only by the context's own thread, read by its
     * clones to skip work the budget no longer allows. */
    _Atomic long suggest_left; /* words that may still get suggestions; -1 unlimited */
    _Atomic long slow_left;    /* of those, calls to Hunspell's full engine; -1 unlimited */
    int defer_suggestions; /* the CLI fills suggestions in file order (determinism) */
    int owns_shared;       /* 0 for clones */
    void *fam[FAM_COUNT];  /* each family's context state (registry.h) */
    tl_buf scratch;
};

#endif
