/*
 * main.c - termlint's command line: argv -> options -> files -> results -> exit code.
 *
 * Files are checked by -j worker threads, each with its own context (tl_ctx_clone) and
 * so its own dictionaries and caches; results are printed strictly in file order, as
 * soon as each is ready, so output is byte-identical whatever the number of threads
 * and memory holds only the files between the printer and the fastest worker.
 * Spelling suggestions are given by the printing thread, in file order, from one
 * context: the --suggest budget is spent the same way whatever the threading. The
 * workers compute them beforehand (tl_result_suggest_ahead), so the printer only picks.
 */
#include "cli.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Releasing the dictionaries at exit costs 0.1-0.2 s that the OS does for free; under
 * a leak checker they are released so that only real leaks are reported. */
#if defined(__SANITIZE_ADDRESS__)
#define ctx_free_at_exit tl_ctx_free
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ctx_free_at_exit tl_ctx_free
#endif
#endif
#ifndef ctx_free_at_exit
#define ctx_free_at_exit tl_ctx_free_fast
#endif

/* Shared data lives relative to the binary when run from a source tree
 * (build/termlint -> glossaries/) or an installed prefix (bin/ -> share/termlint/). */
static char *find_data_dir(const char *argv0)
{
    const char *env = getenv("TERMLINT_DATADIR");
    if (env && *env)
        return strdup(env);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        if (strlen(argv0) >= sizeof exe)
            return NULL;
        n = (ssize_t)strlen(argv0);
        memcpy(exe, argv0, (size_t)n);
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static const char *const rel[] = {"/../glossaries", "/../share/termlint", NULL};
    for (int i = 0; rel[i]; i++) {
        char cand[4200], probe[4300];
        snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
        snprintf(probe, sizeof probe, "%s/rules.yaml", cand);
        if (access(probe, R_OK) == 0)
            return strdup(cand);
    }
    return NULL;
}

static void print_diags(const tl_diags *d)
{
    for (size_t i = 0; i < tl_diags_count(d); i++) {
        const tl_diag *g = tl_diags_at(d, i);
        if (*g->file && g->line)
            fprintf(stderr, "%s:%u:%u: %s: %s\n", g->file, g->line, g->col,
                    tl_severity_str(g->severity), g->message);
        else if (*g->file)
            fprintf(stderr, "%s: %s: %s\n", g->file, tl_severity_str(g->severity), g->message);
        else
            fprintf(stderr, "termlint: %s: %s\n", tl_severity_str(g->severity), g->message);
    }
}

/* ---- the run ------------------------------------------------------------------ */

typedef struct {
    cli_file *files;
    size_t nfiles;
    tl_result **results;
    tl_status *status;
    int *done;
    size_t next;     /* next file to take */
    size_t printed;  /* files printed so far: workers stay within a window ahead */
    tl_lang lang;    /* --lang, or TL_LANG_AUTO */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_mutex_t warm; /* one worker at a time loads its dictionaries */
} run_state;

#define WINDOW 64 /* files a worker may run ahead of the printer */

static void check_one(tl_ctx *ctx, run_state *rs, size_t i)
{
    cli_file *f = &rs->files[i];
    tl_result *r = NULL;
    tl_status st = cli_file_read(f) ? TL_ERR_IO : tl_check(ctx, f->path, f->data, f->len, &r);
    rs->results[i] = r;
    rs->status[i] = st;
}

typedef struct {
    run_state *rs;
    tl_ctx *ctx;
} worker_arg;

/* Dictionaries are opened one at a time (Hunspell 1.7.1 races otherwise; the lock also
 * keeps two threads from compiling one word-form table). Opened lazily, two workers
 * would take turns: the first gets ru, the second uk, and each waits for the other's
 * before it can check a file. Opening all of a worker's dictionaries in one turn lets
 * the first one work while the next opens. With word-form tables this maps the tables
 * only, and Hunspell is created when a word first needs it. A text of either language
 * may come when the language is detected, and any text with an unknown lower-case word
 * needs the other language's dictionary too (lang.mixed), so with --lang only the given
 * one is opened here and the other stays lazy. */
static void warm_up(run_state *rs, tl_ctx *ctx)
{
    pthread_mutex_lock(&rs->warm);
    if (rs->lang != TL_LANG_UK)
        tl_ctx_prepare(ctx, TL_LANG_RU, NULL);
    if (rs->lang != TL_LANG_RU)
        tl_ctx_prepare(ctx, TL_LANG_UK, NULL);
    pthread_mutex_unlock(&rs->warm);
}

static void *worker(void *p)
{
    worker_arg *a = p;
    run_state *rs = a->rs;
    warm_up(rs, a->ctx);
    for (;;) {
        pthread_mutex_lock(&rs->mu);
        while (rs->next < rs->nfiles && rs->next >= rs->printed + WINDOW)
            pthread_cond_wait(&rs->cv, &rs->mu);
        size_t i = rs->next < rs->nfiles ? rs->next++ : rs->nfiles;
        pthread_mutex_unlock(&rs->mu);
        if (i >= rs->nfiles)
            break;
        check_one(a->ctx, rs, i);
        /* the printer only picks among suggestions computed here, so it spends no time
         * and loads no dictionary of its own */
        if (rs->results[i] && tl_result_suggest_ahead(a->ctx, rs->results[i]) != TL_OK)
            rs->status[i] = TL_ERR_NOMEM;
        pthread_mutex_lock(&rs->mu);
        rs->done[i] = 1;
        pthread_cond_broadcast(&rs->cv);
        pthread_mutex_unlock(&rs->mu);
    }
    return NULL;
}

static void count(cli_summary *s, const tl_result *r, tl_severity fail_on, int *failed)
{
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *x = tl_result_at(r, i);
        s->errors += x->severity == TL_SEV_ERROR;
        s->warnings += x->severity == TL_SEV_WARNING;
        s->infos += x->severity == TL_SEV_INFO;
        if (fail_on != TL_SEV_OFF && x->severity >= fail_on)
            *failed = 1;
    }
}

static int emit(const cli_opts *o, tl_ctx *ctx, run_state *rs, size_t i, cli_summary *sum,
                int *failed)
{
    cli_file *f = &rs->files[i];
    tl_result *r = rs->results[i];
    tl_status st = rs->status[i];
    int input_error = 0;
    const char *err = NULL;
    if (st == TL_ERR_DICTIONARY) {
        tl_diags *d = tl_diags_new();
        tl_ctx_prepare(ctx, o->lib.lang == TL_LANG_UK ? TL_LANG_UK : TL_LANG_RU, d);
        print_diags(d);
        tl_diags_free(d);
    }
    if (st != TL_OK) {
        input_error = 1;
        err = tl_status_str(st);
        if (st != TL_ERR_IO && st != TL_ERR_ENCODING)
            fprintf(stderr, "termlint: %s: %s\n", f->path, err);
    }
    if (r)
        tl_result_suggest(ctx, r);
    if (o->format == FMT_JSON)
        report_json_file(stdout, f, r, i == 0, err);
    else if (r)
        report_text_file(stdout, f, r, o->color);
    sum->files++;
    sum->words += tl_result_words(r);
    sum->input_errors += input_error;
    if (r)
        count(sum, r, o->fail_on, failed);
    tl_result_free(r);
    rs->results[i] = NULL;
    cli_file_drop(f);
    return input_error;
}

static int emit_all(const cli_opts *o, tl_ctx *ctx, run_state *rs, cli_summary *sum,
                    int *failed)
{
    int errors = 0;
    if (tl_results_consistency(ctx, rs->results, rs->nfiles) != TL_OK) {
        fprintf(stderr, "termlint: out of memory\n");
        errors++;
    }
    for (size_t i = 0; i < rs->nfiles; i++)
        errors += emit(o, ctx, rs, i, sum, failed);
    return errors;
}

static int run(const cli_opts *o, tl_ctx *ctx, cli_file *files, size_t n, cli_summary *sum,
               int *failed)
{
    run_state rs = {files, n, calloc(n + 1, sizeof(tl_result *)), calloc(n + 1, sizeof(tl_status)),
                    calloc(n + 1, sizeof(int)), 0, 0, o->lib.lang, PTHREAD_MUTEX_INITIALIZER,
                    PTHREAD_COND_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};
    int errors = 0;
    if (!rs.results || !rs.status || !rs.done) {
        fprintf(stderr, "termlint: out of memory\n");
        errors = 1;
        goto out;
    }
    int jobs = o->jobs ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1)
        jobs = 1;
    if ((size_t)jobs > n)
        jobs = (int)(n ? n : 1);
    /* --consistency=run compares files with each other: every result is needed before
     * the first can be printed, so workers are not held back by the printer */
    int whole_run = o->lib.consistency_run;
    if (whole_run)
        rs.printed = (size_t)-1 / 2;
    if (jobs == 1) {
        for (size_t i = 0; i < n; i++) {
            check_one(ctx, &rs, i);
            if (!whole_run)
                errors += emit(o, ctx, &rs, i, sum, failed);
        }
        if (whole_run)
            errors += emit_all(o, ctx, &rs, sum, failed);
        goto out;
    }
    pthread_t th[256];
    worker_arg args[256];
    int started = 0;
    for (int k = 0; k < jobs; k++) {
        args[k].rs = &rs;
        if (tl_ctx_clone(ctx, &args[k].ctx) != TL_OK)
            break;
        if (pthread_create(&th[k], NULL, worker, &args[k])) {
            tl_ctx_free(args[k].ctx);
            break;
        }
        started++;
    }
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&rs.mu);
        while (!rs.done[i] && started)
            pthread_cond_wait(&rs.cv, &rs.mu);
        pthread_mutex_unlock(&rs.mu);
        if (!started)
            check_one(ctx, &rs, i);
        if (whole_run)
            continue;
        errors += emit(o, ctx, &rs, i, sum, failed);
        pthread_mutex_lock(&rs.mu);
        rs.printed = i + 1;
        pthread_cond_broadcast(&rs.cv);
        pthread_mutex_unlock(&rs.mu);
    }
    for (int k = 0; k < started; k++) {
        pthread_join(th[k], NULL);
        ctx_free_at_exit(args[k].ctx);
    }
    if (whole_run)
        errors += emit_all(o, ctx, &rs, sum, failed);
out:
    free(rs.results);
    free(rs.status);
    free(rs.done);
    return errors;
}

static int cmd_check(int argc, char **argv, const char *argv0)
{
    cli_opts o;
    int rc = cli_parse_check(argc, argv, &o);
    if (rc) {
        cli_opts_release(&o);
        return rc == 1 ? 0 : 2;
    }
    /* a report into a file or a pipe goes out in 64 KB blocks rather than stdio's 4 KB;
     * a terminal keeps its line buffering */
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    char *data_dir = o.lib.data_dir ? NULL : find_data_dir(argv0);
    if (data_dir)
        o.lib.data_dir = data_dir;
    o.lib.defer_suggestions = 1;
    tl_diags *diags = tl_diags_new();
    tl_ctx *ctx = NULL;
    tl_status st = tl_ctx_new(&o.lib, &ctx, diags);
    print_diags(diags);
    int exit_code = 0;
    if (st != TL_OK) {
        fprintf(stderr, "termlint: %s\n", tl_status_str(st));
        exit_code = 2;
        goto done;
    }
    if (o.lib.lang != TL_LANG_AUTO && tl_ctx_prepare(ctx, o.lib.lang, diags) != TL_OK) {
        tl_diags_clear(diags);
        tl_ctx_prepare(ctx, o.lib.lang, diags);
        print_diags(diags);
        exit_code = 2;
        goto done;
    }
    int nerr = 0;
    size_t n = 0;
    cli_file *files = cli_files_gather(o.paths, o.npaths, o.includes, &n, &nerr);
    cli_summary sum = {0};
    sum.input_errors = (size_t)nerr;
    int failed = 0;
    if (o.format == FMT_JSON)
        report_json_begin(stdout);
    int errors = run(&o, ctx, files, n, &sum, &failed);
    if (o.format == FMT_JSON)
        report_json_end(stdout, &sum);
    else
        report_text_end(stdout, &sum);
    if (o.stats) {
        uint64_t look, hit;
        tl_ctx_cache_stats(ctx, &look, &hit);
        fprintf(stderr, "stats: files=%zu words=%llu cache_lookups=%llu cache_hits=%llu\n", n,
                (unsigned long long)sum.words, (unsigned long long)look,
                (unsigned long long)hit);
    }
    cli_files_free(files, n);
    exit_code = (errors || nerr || tl_diags_errors(diags)) ? 2 : failed ? 1 : 0;
done:
    fflush(stdout);
    ctx_free_at_exit(ctx);
    tl_diags_free(diags);
    free(data_dir);
    cli_opts_release(&o);
    return exit_code;
}

static int cmd_glossary(int argc, char **argv)
{
    if (argc < 3 || strcmp(argv[1], "check") != 0) {
        fprintf(stderr, "usage: termlint glossary check FILE...\n");
        return 2;
    }
    int worst = 0;
    for (int i = 2; i < argc; i++) {
        tl_diags *d = tl_diags_new();
        tl_status st = tl_glossary_validate(argv[i], NULL, d);
        print_diags(d);
        size_t nerr = tl_diags_errors(d), nwarn = tl_diags_count(d) - nerr;
        int rc = (st != TL_OK || nerr) ? 2 : nwarn ? 1 : 0;
        fprintf(stderr, "%s: %s (%zu error%s, %zu warning%s)\n", argv[i],
                rc == 2 ? "invalid" : rc == 1 ? "valid with warnings" : "valid", nerr,
                nerr == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s");
        if (rc > worst)
            worst = rc;
        tl_diags_free(d);
    }
    return worst;
}

static int cmd_rules(void)
{
    for (size_t i = 0; i < tl_rule_count(); i++) {
        const tl_rule_info *r = tl_rule_info_get((tl_rule)i);
        printf("%-32s %-8s %s\n", r->id, tl_severity_str(r->severity), r->summary);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_usage(stderr);
        return 2;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("termlint %s\n", tl_version());
        return 0;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        cli_usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "check"))
        return cmd_check(argc - 1, argv + 1, argv[0]);
    if (!strcmp(argv[1], "glossary"))
        return cmd_glossary(argc - 1, argv + 1);
    if (!strcmp(argv[1], "rules"))
        return cmd_rules();
    fprintf(stderr, "termlint: unknown command '%s'\ntry 'termlint --help'\n", argv[1]);
    return 2;
}
