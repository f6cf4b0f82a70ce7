/*
 * budget.h - the spelling-suggestion budget and who spends it (budget.c).
 */
#ifndef TL_BUDGET_H
#define TL_BUDGET_H

#include "result.h"

#include <stdatomic.h>

/* The --suggest budget: how many distinct misspelt words may still get suggestions and,
 * of those, how many calls of Hunspell's slow engine are left (-1: unlimited). Spent
 * by one thread (the decider); read by others to skip work it no longer allows. */
typedef struct {
    _Atomic long suggest_left;
    _Atomic long slow_left;
} tl_budget;

/* A budget for `limit` words (-1 all, 0 none). */
void budget_init(tl_budget *b, long limit);

/* For a run's thread: computes with `m` (its context's dictionaries and cache) the
 * suggestions the decider may pick for the spelling findings of `d`, and keeps them in
 * the findings (d's arena). Work the budget `b` no longer allows is skipped. TL_OK or
 * TL_ERR_NOMEM. */
tl_status budget_ahead(tl_morph *m, const tl_budget *b, tl_doc *d);

/* The decider: gives the spelling findings of `r`, in order, their suggestions from
 * `m` (the deciding context's cache), spending `b`; what a thread computed ahead is
 * picked instead of computing it again. The suggestions are the same as computing all
 * of them here. TL_OK or TL_ERR_NOMEM. */
tl_status budget_pick(tl_morph *m, tl_budget *b, tl_result *r);

#endif
