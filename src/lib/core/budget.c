/*
 * budget.c - the spelling-suggestion budget, and who computes what it pays for.
 *
 * The --suggest budget goes to the first N distinct misspelt words in input order, and
 * at most TL_SLOW_SUGGEST of them may use Hunspell's slow engine; with threads the
 * order is kept by filling suggestions on one thread, in input order (budget_pick, the
 * run's tl_run_next or tl_check). The work itself (~1-2 ms a word for the
 * edit-distance search, 60-120 ms for the slow engine) is done beforehand on the
 * checking threads (budget_ahead), speculatively: each worker computes what the
 * deciding context *could* need for the words of its own text, and the decider only
 * picks.
 *
 * Why the pick equals computing on the spot: a word's fast list depends on the word
 * and the dictionary only; the slow engine runs when the fast list is empty and slow
 * calls are left. The budget only goes down, so a worker that saw it spent (and
 * skipped the work) saw what the decider will see; a worker that saw it open computed
 * everything the decider may pick:
 *
 *   ahead (worker, any order)            pick (decider, file order)
 *   fast list non-empty   -> PEND_FAST   use it
 *   fast empty, slow ran  -> PEND_SLOW   use it if slow calls are left, else nothing
 *   fast empty, no slow   -> PEND_NOSLOW nothing (slow calls were already spent)
 *   budget spent, skipped -> PEND_NONE   compute on the spot if ever needed
 */
#include "budget.h"

#include "morph.h"

#include <string.h>

/* Hunspell's full engine (~60-120 ms a word) only where the edit-distance-1 search
 * found nothing, for at most TL_SLOW_SUGGEST words unless every word was asked for. */
#define TL_SLOW_SUGGEST 10

/* Hunspell's full engine (60-110 ms a word) runs only for texts of at most this many
 * words (~250 KB of Russian): an article or a report, where an editor reads each
 * suggestion; in a book or an archive only the fast search runs (unless --suggest all,
 * which makes slow_left -1). */
#define TL_SLOW_MAX_WORDS 20000

static int slow_allowed(long slow_left, uint64_t words)
{
    return slow_left < 0 || (slow_left > 0 && words <= TL_SLOW_MAX_WORDS);
}

void budget_init(tl_budget *b, long limit)
{
    atomic_init(&b->suggest_left, limit);
    atomic_init(&b->slow_left, limit < 0 ? -1 : TL_SLOW_SUGGEST);
}

/* How a word's cached suggestions were made is kept in tl_word.flags (WF_SUGG_SLOW,
 * WF_SUGG_NOSLOW), so that a worker can say so for a word its cache already holds. */

static long budget_get(const _Atomic long *b)
{
    return atomic_load_explicit(b, memory_order_relaxed);
}

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

/* w's suggestions copied into `a` (they live in a context's cache, which may be freed
 * first); *out NULL when there are none. -1 when out of memory. */
static int copy_suggestions(tl_arena *a, const tl_word *w, const char ***out)
{
    *out = NULL;
    if (!w->nsuggestions)
        return 0;
    const char **l = tl_arena_alloc(a, w->nsuggestions * sizeof *l);
    if (!l)
        return -1;
    for (size_t k = 0; k < w->nsuggestions; k++)
        if (!(l[k] = tl_arena_strdup(a, w->suggestions[k])))
            return -1;
    *out = l;
    return 0;
}

tl_status budget_ahead(tl_morph *m, const tl_budget *b, tl_doc *d)
{
    for (size_t i = 0; i < d->nf; i++) {
        tl_ifinding *f = &d->f[i];
        tl_word *w = f->sugg_word; /* a word of this thread's cache (m) */
        if (!w || f->ahead_kind != PEND_NONE)
            continue;
        if (!w->suggestions) {
            if (budget_get(&b->suggest_left) == 0)
                continue;
            compute(m, d->lang, w, slow_allowed(budget_get(&b->slow_left), d->tk.nwords));
        }
        const char **l;
        if (copy_suggestions(&d->mem, w, &l))
            return TL_ERR_NOMEM;
        f->ahead = l;
        f->nahead = w->nsuggestions;
        f->ahead_kind = pend_kind(w);
    }
    return TL_OK;
}

/* Gives w (new in ctx's cache) its suggestions: picked from what a worker computed
 * ahead when that is what computing here would give, else computed here. Returns -1
 * when out of memory, else 1 when the slow engine was (or would have been) used. */
static int decide(tl_morph *m, const tl_budget *b, const tl_result *r, tl_word *w,
                  const tl_pending *p)
{
    int allow_slow = slow_allowed(budget_get(&b->slow_left), r->words);
    if (p->kind == PEND_FAST || (p->kind == PEND_SLOW && allow_slow)) {
        if (morph_adopt_suggestions(m, w, p->list, p->n))
            return -1;
        if (p->kind == PEND_SLOW)
            w->flags |= WF_SUGG_SLOW;
        return p->kind == PEND_SLOW;
    }
    if ((p->kind == PEND_SLOW || p->kind == PEND_NOSLOW) && !allow_slow) {
        if (morph_adopt_suggestions(m, w, NULL, 0))
            return -1;
        w->flags |= WF_SUGG_NOSLOW;
        return 0;
    }
    return compute(m, r->lang, w, allow_slow);
}

tl_status budget_pick(tl_morph *m, tl_budget *b, tl_result *r)
{
    for (size_t i = 0; i < r->n; i++) {
        const tl_pending *p = &r->pend[i];
        if (!p->word || r->f[i].nsuggestions)
            continue;
        tl_word *w = morph_word(m, r->lang, p->word, strlen(p->word));
        if (!w)
            return TL_ERR_NOMEM;
        if (!w->suggestions) {
            if (budget_get(&b->suggest_left) == 0)
                continue;
            int slow = decide(m, b, r, w, p);
            if (slow < 0)
                return TL_ERR_NOMEM;
            budget_spend(&b->suggest_left);
            if (slow)
                budget_spend(&b->slow_left);
        }
        const char **l;
        if (copy_suggestions(&r->mem, w, &l))
            return TL_ERR_NOMEM;
        if (!l)
            continue;
        r->f[i].suggestions = l;
        r->f[i].nsuggestions = w->nsuggestions;
    }
    return TL_OK;
}
