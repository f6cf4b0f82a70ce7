/*
 * suggest.c - spelling suggestions for a built result, and who computes them.
 *
 * The --suggest budget goes to the first N distinct misspelt words in input order, and
 * at most TL_SLOW_SUGGEST of them may use Hunspell's slow engine; with threads the
 * order is kept by filling suggestions on one thread, in file order
 * (tl_result_suggest). The work itself (~1-2 ms a word for the edit-distance search,
 * 60-120 ms for the slow engine) is done beforehand on the checking threads
 * (tl_result_suggest_ahead), speculatively: each worker computes what the deciding
 * context *could* need for the words of its own file, and the decider only picks.
 *
 * Why the pick equals computing on the spot: a word's fast list depends on the word
 * and the dictionary only; the slow engine runs when the fast list is empty and slow
 * calls are left. The deciding context's budgets only go down, so a worker that saw
 * them spent (and skipped the work) saw what the decider will see; a worker that saw
 * them open computed everything the decider may pick:
 *
 *   ahead (worker, any order)            pick (decider, file order)
 *   fast list non-empty   -> PEND_FAST   use it
 *   fast empty, slow ran  -> PEND_SLOW   use it if slow calls are left, else nothing
 *   fast empty, no slow   -> PEND_NOSLOW nothing (slow calls were already spent)
 *   budget spent, skipped -> PEND_NONE   compute on the spot if ever needed
 */
#include "ctx.h"
#include "morph.h"
#include "result.h"

#include <string.h>

/* Hunspell's full engine (60-110 ms a word) runs only for texts of at most this many
 * words (~250 KB of Russian): an article or a report, where an editor reads each
 * suggestion; in a book or an archive only the fast search runs (unless --suggest all,
 * which makes slow_left -1). */
#define TL_SLOW_MAX_WORDS 20000

static int slow_allowed(long slow_left, const tl_result *r)
{
    return slow_left < 0 || (slow_left > 0 && r->words <= TL_SLOW_MAX_WORDS);
}

/* How a word's cached suggestions were made is kept in tl_word.flags (WF_SUGG_SLOW,
 * WF_SUGG_NOSLOW), so that a worker can say so for a word its cache already holds. */

static long budget_get(const _Atomic long *b) { return atomic_load_explicit(b, memory_order_relaxed); }

/* Only the owning thread writes a budget; others read it (relaxed: a stale value is
 * a larger one, which only costs speculative work). */
static void budget_spend(_Atomic long *b)
{
    long v = atomic_load_explicit(b, memory_order_relaxed);
    if (v > 0)
        atomic_store_explicit(b, v - 1, memory_order_relaxed);
}

/* Computes w's suggestions in `m` allowing the slow engine when `allow_slow`, and
 * records how they were made. Returns 1 when the slow engine ran. */
static int compute(tl_morph *m, tl_lang lang, tl_word *w, int allow_slow)
{
    int slow;
    int n = morph_suggest(m, lang, w, 3, allow_slow, &slow);
    if (slow)
        w->flags |= WF_SUGG_SLOW;
    else if (!n)
        w->flags |= WF_SUGG_NOSLOW;
    return slow;
}

static uint8_t pend_kind(const tl_word *w)
{
    return w->flags & WF_SUGG_SLOW     ? PEND_SLOW
           : w->flags & WF_SUGG_NOSLOW ? PEND_NOSLOW
                                       : PEND_FAST;
}

/* w's suggestions copied into r's arena (they live in a context's cache, which may
 * be freed first); *out NULL when there are none. -1 when out of memory. */
static int copy_suggestions(tl_result *r, const tl_word *w, const char ***out)
{
    *out = NULL;
    if (!w->nsuggestions)
        return 0;
    const char **l = tl_arena_alloc(&r->mem, w->nsuggestions * sizeof *l);
    if (!l)
        return -1;
    for (size_t k = 0; k < w->nsuggestions; k++)
        if (!(l[k] = tl_arena_strdup(&r->mem, w->suggestions[k])))
            return -1;
    *out = l;
    return 0;
}

tl_status tl_result_suggest_ahead(tl_ctx *ctx, tl_result *r)
{
    const tl_ctx *owner = ctx->parent ? ctx->parent : ctx;
    for (size_t i = 0; i < r->n; i++) {
        tl_pending *p = &r->pend[i];
        if (!p->word || p->kind != PEND_NONE)
            continue;
        tl_word *w = morph_word(ctx->morph, r->lang, p->word, strlen(p->word));
        if (!w)
            return TL_ERR_NOMEM;
        if (!w->suggestions) {
            if (budget_get(&owner->suggest_left) == 0)
                continue;
            compute(ctx->morph, r->lang, w, slow_allowed(budget_get(&owner->slow_left), r));
        }
        const char **l;
        if (copy_suggestions(r, w, &l))
            return TL_ERR_NOMEM;
        if (l)
            p->list = l;
        p->n = w->nsuggestions;
        p->kind = pend_kind(w);
    }
    return TL_OK;
}

/* Gives w (new in ctx's cache) its suggestions: picked from what a worker computed
 * ahead when that is what computing here would give, else computed here. Returns -1
 * when out of memory, else 1 when the slow engine was (or would have been) used. */
static int decide(tl_ctx *ctx, const tl_result *r, tl_word *w, const tl_pending *p)
{
    tl_lang lang = r->lang;
    int allow_slow = slow_allowed(budget_get(&ctx->slow_left), r);
    if (p->kind == PEND_FAST || (p->kind == PEND_SLOW && allow_slow)) {
        if (morph_adopt_suggestions(ctx->morph, w, p->list, p->n))
            return -1;
        if (p->kind == PEND_SLOW)
            w->flags |= WF_SUGG_SLOW;
        return p->kind == PEND_SLOW;
    }
    if ((p->kind == PEND_SLOW || p->kind == PEND_NOSLOW) && !allow_slow) {
        if (morph_adopt_suggestions(ctx->morph, w, NULL, 0))
            return -1;
        w->flags |= WF_SUGG_NOSLOW;
        return 0;
    }
    return compute(ctx->morph, lang, w, allow_slow);
}

tl_status tl_result_suggest(tl_ctx *ctx, tl_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const tl_pending *p = &r->pend[i];
        if (!p->word || r->f[i].nsuggestions)
            continue;
        tl_word *w = morph_word(ctx->morph, r->lang, p->word, strlen(p->word));
        if (!w)
            return TL_ERR_NOMEM;
        if (!w->suggestions) {
            if (budget_get(&ctx->suggest_left) == 0)
                continue;
            int slow = decide(ctx, r, w, p);
            if (slow < 0)
                return TL_ERR_NOMEM;
            budget_spend(&ctx->suggest_left);
            if (slow)
                budget_spend(&ctx->slow_left);
        }
        const char **l;
        if (copy_suggestions(r, w, &l))
            return TL_ERR_NOMEM;
        if (!l)
            continue;
        r->f[i].suggestions = l;
        r->f[i].nsuggestions = w->nsuggestions;
    }
    return TL_OK;
}
