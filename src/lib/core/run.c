/*
 * run.c - tl_run: many documents, checked by threads, handed over in input order.
 *
 *   workers (clones of the context)                  the caller, tl_run_next(i)
 *   take the next document, at most WINDOW           waits for document i (with run-
 *     ahead of the caller                              wide judgments: for all of them,
 *   read(i) -> check_document                          then corpus_finish once)
 *   -> budget_ahead: the suggestions the caller      result_build (a worker did it
 *      may pick                                        already)
 *   -> result_build                                  budget_pick: suggestions, in
 *                                                      input order
 *
 * With run-wide judgments the workers check every document without building it (the
 * judgments may add findings to any of them) and without computing suggestions ahead:
 * the budget is spent only once results are handed over, so a worker that computed
 * ahead while checking would compute them for every misspelt word of the run (14-23x
 * slower than one thread on 2,000 files). Once the caller has judged, each worker
 * builds the documents it checked, in input order and at most WINDOW ahead of the
 * caller, computing suggestions ahead as it does without judgments: a document's words
 * are in its checker's cache, so no other context may compute on them.
 *
 * The output does not depend on the number of threads: each document is checked on
 * its own (a clone's caches change the speed, never a result), findings are resolved
 * per document, and what spans documents -- the suggestion budget, run-wide judgments
 * (corpus.c) -- is spent or made on the caller's thread in input order. Memory holds
 * the documents between the caller and the fastest worker, unless run-wide judgments
 * need them all.
 *
 * With one job, or when no thread can be started, the caller's thread checks each
 * document in tl_run_next(), on the caller's context.
 *
 * Lines that recur across the run's texts (corpus_lines) are counted in tl_run_new(),
 * before the workers start: the first check already needs the complete counts, which
 * are then read by every thread and never written.
 */
#include "budget.h"
#include "check.h"
#include "corpus.h"

#include <pthread.h>
#include <string.h>
#include <unistd.h>

#define WINDOW 64 /* documents a worker may run ahead of the caller */
#define MAX_THREADS 256

struct worker;

typedef struct {
    tl_doc *d;    /* checked and held for run-wide judgments */
    tl_result *r; /* built */
    tl_status st;
    int done;             /* checked */
    int built;            /* held document built by its worker (run-wide judgments) */
    struct worker *owner; /* the worker that checked it; NULL: the caller's thread */
    struct tl_run *run;   /* for consumed(): the run, and the slot's text */
    size_t i;
} slot;

typedef struct worker {
    struct tl_run *run;
    tl_ctx *ctx; /* a clone, the worker's own */
    pthread_t th;
} worker;

struct tl_run {
    tl_ctx *ctx; /* the caller's: decides suggestions, checks without workers */
    tl_run_options opt;
    tl_budget budget;
    int whole;  /* something spans documents: hold every one until all are in */
    int judged; /* corpus_finish has run */
    slot *slots;
    size_t n;
    size_t take; /* next document for a worker */
    size_t next; /* next document for the caller */
    size_t ndone;
    int stop;
    worker *w;
    int nw;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_mutex_t warm; /* one worker at a time opens its dictionaries */
    tl_buf scratch;       /* the caller's thread's, for held documents */
    tl_run_lines lines;   /* recurring lines (corpus_lines), read-only once counted */
    int has_lines;
};

void tl_run_options_init(tl_run_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->repeated_lines = 1;
}

/* Builds held document d of slot s; `m`: the morph of the worker that checked it, which
 * computes the suggestions the caller may pick first (NULL: none ahead). */
static void build_held(slot *s, tl_morph *m, const tl_budget *b)
{
    tl_status st = doc_build(s->d, m, b, &s->r);
    s->d = NULL;
    if (st != TL_OK)
        s->st = st;
}

/* The source's consumed hook (source.h): the slot's text, told to the caller. Kept in
 * the slot, which outlives the held document whose result is built later. */
static void consumed(void *arg, size_t upto)
{
    slot *s = arg;
    s->run->opt.consumed(s->run->opt.read_arg, s->i, upto);
}

/* Checks document i with `ctx` into its slot; `ahead`: a worker, which computes the
 * suggestions the caller may pick (not while run-wide judgments are pending). */
static void check_one(tl_run *run, tl_ctx *ctx, size_t i, int ahead)
{
    slot *s = &run->slots[i];
    const char *text;
    size_t len;
    if (run->opt.read(run->opt.read_arg, i, &text, &len)) {
        s->st = TL_ERR_IO;
        return;
    }
    size_t profile = run->opt.profile ? run->opt.profile(run->opt.read_arg, i) : 0;
    s->run = run;
    s->i = i;
    check_hooks hooks = {consumed, s};
    const tl_run_lines *rl = run->has_lines ? &run->lines : NULL;
    if (run->whole) { /* built once run-wide judgments are made */
        s->st = check_document(ctx, profile, text, len, 1, rl, run->opt.consumed ? &hooks : NULL,
                               NULL, &s->d);
        return;
    }
    s->st = check_result(ctx, profile, text, len, rl, run->opt.consumed ? &hooks : NULL,
                         ahead ? ctx->morph : NULL, &run->budget, &s->r);
}

/* Dictionaries are opened one at a time (Hunspell 1.7.1 races otherwise; the lock also
 * keeps two threads from compiling one word-form table). Opened lazily, two workers
 * would take turns: the first gets ru, the second uk, and each waits for the other's
 * before it can check a text. Opening all of a worker's dictionaries in one turn lets
 * the first one work while the next opens. With word-form tables this maps the tables
 * only, and Hunspell is created when a word first needs it. A text of either language
 * may come when the language is detected, and any text with an unknown lower-case word
 * needs the other language's dictionary too (lang.mixed), so with a given language
 * only its dictionary is opened here and the other stays lazy. */
static void warm_up(tl_run *run, tl_ctx *ctx)
{
    tl_lang lang = ctx->sh->warm_lang;
    pthread_mutex_lock(&run->warm);
    if (lang != TL_LANG_UK)
        tl_ctx_prepare(ctx, TL_LANG_RU, NULL);
    if (lang != TL_LANG_RU)
        tl_ctx_prepare(ctx, TL_LANG_UK, NULL);
    pthread_mutex_unlock(&run->warm);
}

/* The next document for a worker, waiting while it would run too far ahead; run->n
 * when there is none left or the run is ending. */
static size_t take(tl_run *run)
{
    pthread_mutex_lock(&run->mu);
    while (!run->stop && !run->whole && run->take < run->n && run->take >= run->next + WINDOW)
        pthread_cond_wait(&run->cv, &run->mu);
    size_t i = !run->stop && run->take < run->n ? run->take++ : run->n;
    pthread_mutex_unlock(&run->mu);
    return i;
}

/* After run-wide judgments: builds the documents worker w checked, in input order, at
 * most WINDOW ahead of the caller. */
static void build_own(tl_run *run, worker *w)
{
    pthread_mutex_lock(&run->mu);
    for (size_t i = 0; i < run->n && !run->stop; i++) {
        slot *s = &run->slots[i];
        if (s->owner != w)
            continue;
        while (!run->stop && (!run->judged || i >= run->next + WINDOW))
            pthread_cond_wait(&run->cv, &run->mu);
        if (run->stop)
            break;
        pthread_mutex_unlock(&run->mu);
        if (s->d)
            build_held(s, w->ctx->morph, &run->budget);
        pthread_mutex_lock(&run->mu);
        s->built = 1;
        pthread_cond_broadcast(&run->cv);
    }
    pthread_mutex_unlock(&run->mu);
}

static void *work(void *p)
{
    worker *w = p;
    tl_run *run = w->run;
    warm_up(run, w->ctx);
    for (size_t i; (i = take(run)) < run->n;) {
        check_one(run, w->ctx, i, 1);
        pthread_mutex_lock(&run->mu);
        run->slots[i].done = 1;
        run->slots[i].owner = w;
        run->ndone++;
        pthread_cond_broadcast(&run->cv);
        pthread_mutex_unlock(&run->mu);
    }
    if (run->whole)
        build_own(run, w);
    return NULL;
}

/* Starts up to `jobs` workers, each with a clone of the context; fewer when a clone or
 * a thread cannot be made (none: the caller's thread checks). */
static void start_workers(tl_run *run, int jobs)
{
    run->w = tl_calloc((size_t)jobs, sizeof *run->w);
    for (int k = 0; run->w && k < jobs; k++) {
        worker *w = &run->w[run->nw];
        w->run = run;
        if (tl_ctx_clone(run->ctx, &w->ctx) != TL_OK)
            break;
        if (pthread_create(&w->th, NULL, work, w)) {
            tl_ctx_free(w->ctx);
            break;
        }
        run->nw++;
    }
}

/* Threads for `n` documents: `jobs`, 0 meaning one per processor, at most one per
 * document. */
static int job_count(int jobs, size_t n)
{
    if (jobs <= 0)
        jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    if (jobs > MAX_THREADS)
        jobs = MAX_THREADS;
    if ((size_t)jobs > n)
        jobs = n ? (int)n : 1;
    return jobs;
}

/* Is `boilerplate` on in any profile? Only then is the first pass worth its read. */
static int boilerplate_on(const tl_ctx *ctx)
{
    for (size_t p = 0; p < ctx->sh->nprof; p++)
        if (ctx->sh->prof[p].severity[TL_RULE_BOILERPLATE] != TL_SEV_OFF)
            return 1;
    return 0;
}

tl_status tl_run_new(tl_ctx *ctx, const tl_run_options *opt, tl_run **out)
{
    *out = NULL;
    if (!opt->read)
        return TL_ERR_USAGE;
    tl_run *run = tl_calloc(1, sizeof *run);
    if (!run)
        return TL_ERR_NOMEM;
    run->ctx = ctx;
    run->opt = *opt;
    run->n = opt->ndocs;
    run->whole = opt->consistency_run != 0;
    budget_init(&run->budget, ctx->sh->suggest_limit);
    tl_buf_init(&run->scratch, 0);
    pthread_mutex_init(&run->mu, NULL);
    pthread_cond_init(&run->cv, NULL);
    pthread_mutex_init(&run->warm, NULL);
    run->slots = tl_calloc(run->n ? run->n : 1, sizeof *run->slots);
    if (!run->slots) {
        tl_run_free(run);
        return TL_ERR_NOMEM;
    }
    /* a single text, or two, pays nothing: no line can reach the threshold */
    if (opt->repeated_lines && run->n >= REPEAT_MIN_FILES && boilerplate_on(ctx)) {
        if (corpus_lines(opt, &run->lines) != TL_OK) {
            tl_run_free(run);
            return TL_ERR_NOMEM;
        }
        run->has_lines = 1;
    }
    int jobs = job_count(opt->jobs, run->n);
    if (jobs > 1)
        start_workers(run, jobs);
    *out = run;
    return TL_OK;
}

/* Makes slots [0, upto) done: checked by the workers (waited for) or, without workers,
 * here. */
static void wait_until(tl_run *run, size_t upto)
{
    if (!run->nw) {
        for (size_t i = 0; i < upto; i++)
            if (!run->slots[i].done) {
                check_one(run, run->ctx, i, 0);
                run->slots[i].done = 1;
            }
        return;
    }
    pthread_mutex_lock(&run->mu);
    while (!run->slots[upto - 1].done || (run->whole && run->ndone < upto))
        pthread_cond_wait(&run->cv, &run->mu);
    pthread_mutex_unlock(&run->mu);
}

/* Run-wide judgments, once every document is checked: the held documents now use the
 * caller's thread's scratch buffer, their workers being done with them. */
static tl_status judge(tl_run *run)
{
    tl_doc **docs = tl_malloc((run->n ? run->n : 1) * sizeof *docs);
    if (!docs)
        return TL_ERR_NOMEM;
    for (size_t i = 0; i < run->n; i++) {
        docs[i] = run->slots[i].d;
        if (docs[i])
            docs[i]->scratch = &run->scratch;
    }
    tl_status st = corpus_finish(docs, run->n);
    tl_free(docs);
    return st;
}

/* With run-wide judgments: judges once every document is checked, then waits for
 * document i's worker to build it, or builds it here when the caller checked it. */
static void judged_result(tl_run *run, size_t i)
{
    slot *s = &run->slots[i];
    if (!run->judged) {
        tl_status st = judge(run);
        pthread_mutex_lock(&run->mu);
        run->judged = 1;
        pthread_cond_broadcast(&run->cv);
        pthread_mutex_unlock(&run->mu);
        if (st != TL_OK)
            s->st = TL_ERR_NOMEM;
    }
    if (!s->owner) {
        if (s->d)
            build_held(s, NULL, &run->budget);
        return;
    }
    pthread_mutex_lock(&run->mu);
    while (!s->built)
        pthread_cond_wait(&run->cv, &run->mu);
    pthread_mutex_unlock(&run->mu);
}

tl_status tl_run_next(tl_run *run, size_t *index, tl_result **out)
{
    *out = NULL;
    if (run->next >= run->n)
        return TL_ERR_USAGE;
    size_t i = run->next;
    *index = i;
    wait_until(run, run->whole ? run->n : i + 1);
    slot *s = &run->slots[i];
    if (run->whole)
        judged_result(run, i);
    if (s->r && budget_pick(run->ctx->morph, &run->budget, s->r) != TL_OK)
        s->st = TL_ERR_NOMEM;
    *out = s->r;
    s->r = NULL;
    pthread_mutex_lock(&run->mu);
    run->next = i + 1;
    pthread_cond_broadcast(&run->cv);
    pthread_mutex_unlock(&run->mu);
    return s->st;
}

void tl_run_free(tl_run *run)
{
    if (!run)
        return;
    pthread_mutex_lock(&run->mu);
    run->stop = 1;
    pthread_cond_broadcast(&run->cv);
    pthread_mutex_unlock(&run->mu);
    for (int k = 0; k < run->nw; k++) {
        pthread_join(run->w[k].th, NULL);
        tl_ctx_free(run->w[k].ctx);
    }
    for (size_t i = 0; run->slots && i < run->n; i++) {
        doc_free(run->slots[i].d);
        tl_result_free(run->slots[i].r);
    }
    tl_free(run->slots);
    tl_free(run->w);
    tl_buf_release(&run->scratch);
    linefp_counts_release(&run->lines.lines);
    pthread_mutex_destroy(&run->mu);
    pthread_cond_destroy(&run->cv);
    pthread_mutex_destroy(&run->warm);
    tl_free(run);
}
