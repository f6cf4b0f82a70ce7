/*
 * ctx.h - the context (ctx.c): the read-only part shared by a context and its clones
 * (options, rule severities, glossaries and rule data, the term matcher) and, per
 * context, what one thread may change (dictionaries' word cache, tokenizer, the
 * families' context state, scratch memory).
 */
#ifndef TL_CTX_H
#define TL_CTX_H

#include "budget.h"
#include "morph.h"
#include "tokenize.h"

struct tl_match_index;

/* The rule settings of a profile (tl_profile): profile 0 is the options' own. */
typedef struct {
    tl_lang lang;
    const char *lang_reason; /* when lang is given (arena copy) */
    tl_severity severity[TL_RULE_COUNT];
    rule_opts opts; /* values borrowed from tl_shared.mem */
} ctx_profile;

typedef struct tl_shared {
    tl_lang lang;      /* profile 0's */
    tl_lang warm_lang; /* the language every profile has, else TL_LANG_AUTO: what a
                          run's workers open in advance */
    long suggest_limit;
    int report_unused_disables;
    int utf8_only;        /* tl_options.utf8_only */
    size_t section_bytes; /* tl_options.section_bytes, the default filled in */
    morph_opts dicts;     /* where dictionaries and word-form tables are (copies) */
    gloss *g;             /* glossaries and rule data, merged */
    tl_map accept[3];     /* per tl_lang: norm keys of words spelled right */
    tl_map only[3];       /* per tl_lang: lang_key()s of its rule data's words only that
                         language has, for language detection */
    ctx_profile *prof;    /* nprof profiles, 0 first */
    size_t nprof;
    tl_arena mem;              /* option values */
    struct tl_match_index *mi; /* term matcher (match.c); NULL without glossary */
} tl_shared;

struct tl_ctx {
    tl_shared *sh;
    tl_morph *morph;
    tl_tokenizer *tz;
    tl_budget budget;     /* what tl_check() spends; a run has its own */
    int owns_shared;      /* 0 for clones */
    void *fam[FAM_COUNT]; /* each family's context state (registry.h) */
    tl_buf scratch;
};

#endif
