/*
 * main.c - termlint's command line: argv -> options -> the configuration (settings.c)
 * -> files (files.c), each with its profile -> a run of the library -> the baseline
 * (baseline.c) -> the reporter -> exit code. Also the commands glossary, rules, init and
 * report (report_cmd.c, which runs a check with its own reporters).
 *
 * The library checks the files on its own threads and hands the results over in file
 * order (tl_run), so the output is the same whatever -j says; this file only reads the
 * files when the run asks, prints what the reporter makes of each result as soon as it
 * comes, counts, and decides the exit code. What the library needs from the
 * environment comes through env.c; the report goes where output.c says.
 */
#include "baseline.h"
#include "settings.h"
#include "cli.h"
#include "escape.h"

#include <errno.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Releasing the dictionaries at exit costs 0.1-0.2 s that the OS does for free; under
 * a leak checker (AddressSanitizer, or memcheck with TERMLINT_FREE_AT_EXIT set:
 * tests/valgrind.sh) they are released so that only real leaks are reported. */
#if defined(__SANITIZE_ADDRESS__)
#define ALWAYS_FREE 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALWAYS_FREE 1
#endif
#endif
#ifndef ALWAYS_FREE
#define ALWAYS_FREE 0
#endif

static void ctx_free_at_exit(tl_ctx *ctx)
{
    if (ALWAYS_FREE || getenv("TERMLINT_FREE_AT_EXIT"))
        tl_ctx_free(ctx);
    else
        tl_ctx_free_fast(ctx);
}

/* Diagnostics as file:line:col: severity: message; file names and messages hold text
 * from glossaries and paths, escaped (escape.h). */
static void print_diags(const tl_diags *d)
{
    for (size_t i = 0; i < tl_diags_count(d); i++) {
        const tl_diag *g = tl_diags_at(d, i);
        if (*g->file) {
            esc_path(stderr, g->file);
            if (g->line)
                fprintf(stderr, ":%u:%u", g->line, g->col);
        } else {
            fputs("termlint", stderr);
        }
        fprintf(stderr, ": %s: ", tl_severity_str(g->severity));
        esc_str(stderr, g->message);
        fputc('\n', stderr);
    }
}

/* ---- the run ------------------------------------------------------------------ */

/* The run's read callback: file i, read on one of the run's threads (or, for the
 * run's first pass over recurring lines, on this one). Standard input and a FIFO cannot
 * be read twice, so their bytes stay from the first pass (unread_file) to the check. */
static int read_file(void *arg, size_t i, const char **text, size_t *len)
{
    cli_file *f = &((cli_file *)arg)[i];
    if (!f->data && (cli_file_read(f) || cli_file_decode(f)))
        return -1;
    return cli_file_view(f, text, len);
}

/* The run's first pass is done with file i: a file is read again for the check, so
 * its bytes need not stay in memory meanwhile. */
static void unread_file(void *arg, size_t i)
{
    cli_file *f = &((cli_file *)arg)[i];
    if (!f->once)
        cli_file_drop(f);
}

/* The run's consumed callback: a mapped file's pages behind the check are dropped. */
static void consumed_file(void *arg, size_t i, size_t upto)
{
    cli_file_consumed(&((cli_file *)arg)[i], upto);
}

/* The run's profile callback: file i's rule settings, found before the run. */
static size_t file_profile(void *arg, size_t i) { return ((cli_file *)arg)[i].profile; }

typedef struct {
    const cli_opts *o;
    tl_ctx *ctx;
    cli_out *out;
    reporter rp;
    report_summary sum;
    cli_baseline *baseline;            /* --baseline, or NULL */
    cli_baseline_writer *new_baseline; /* --write-baseline, or NULL */
    int failed;                        /* a finding at or above --fail-on */
    int errors;                        /* inputs that could not be read or checked */
} session;

/* What could not be done with a file, said on stderr (the reporter may say it too). */
static void say_status(session *s, const cli_file *f, tl_status st)
{
    if (st == TL_ERR_IO) {
        char why[160];
        if (f->read_why)
            snprintf(why, sizeof why, ": not a regular file (%s)", f->read_why);
        else if (f->spool_failed)
            snprintf(why, sizeof why,
                     ": a pipe's text beyond 16 MiB goes to a temporary file in $TMPDIR or "
                     "/tmp, which failed: %s",
                     strerror(f->read_error));
        else
            snprintf(why, sizeof why, ": %s", strerror(f->read_error));
        cli_say_path("cannot read ", f->label, why);
        return;
    }
    if (st == TL_ERR_DICTIONARY) {
        tl_diags *d = tl_diags_new();
        tl_ctx_prepare(s->ctx, s->o->lib.lang == TL_LANG_UK ? TL_LANG_UK : TL_LANG_RU, d);
        print_diags(d);
        tl_diags_free(d);
    }
    if (st != TL_ERR_ENCODING && st != TL_ERR_LIMIT) { /* findings say where and why */
        fputs("termlint: ", stderr);
        esc_path(stderr, f->label);
        fprintf(stderr, ": %s\n", tl_status_str(st));
    }
}

/* Whether finding x of file f is reported: the baseline may know it already. It is
 * recorded for --write-baseline either way. */
static int reported(session *s, const cli_file *f, const tl_finding *x)
{
    if (s->new_baseline && baseline_writer_add(s->new_baseline, f->label, x)) {
        fprintf(stderr, "termlint: out of memory\n");
        s->errors++;
    }
    return !s->baseline || !baseline_has(s->baseline, f->label, x);
}

/* report_file.consumed: a reporter's pass over a mapped text drops what it has read */
static void file_consumed(void *arg, size_t upto) { cli_file_consumed(arg, upto); }

/* Hands file f's result to the reporter and counts it. */
static void emit(session *s, cli_file *f, tl_status st, tl_result *r)
{
    const report_format *fmt = s->o->format;
    report_file rf = {f->label,      f->data, f->len, r, st != TL_OK ? tl_status_str(st) : NULL,
                      file_consumed, f};
    if (st != TL_OK) {
        s->errors++;
        say_status(s, f, st);
    } else if (f->undecodable) { /* --encoding: checked, but not all of it was text */
        char why[160];
        snprintf(why, sizeof why, ": %zu byte%s not valid %s, read as U+FFFD", f->undecodable,
                 f->undecodable == 1 ? " is" : "s are", f->encoding);
        cli_say_path("", f->label, why);
        s->errors++;
        st = TL_ERR_ENCODING;
    }
    if (s->baseline)
        baseline_checked(s->baseline, f->label);
    if (fmt->file)
        fmt->file(&s->rp, &rf);
    size_t shown = 0;
    for (size_t i = 0; i < tl_result_count(r); i++) {
        const tl_finding *x = tl_result_at(r, i);
        if (x->rule == TL_RULE_TERM_USE && s->o->hide_uses)
            continue; /* on for the usage records only (report_cmd.c) */
        if (!reported(s, f, x)) {
            s->sum.baselined++;
            continue;
        }
        fmt->finding(&s->rp, &rf, x, shown++);
        cli_file_consumed(f, x->offset); /* excerpts come in offset order */
        s->sum.errors += x->severity == TL_SEV_ERROR;
        s->sum.warnings += x->severity == TL_SEV_WARNING;
        s->sum.infos += x->severity == TL_SEV_INFO;
        if (s->o->fail_on != TL_SEV_OFF && x->severity >= s->o->fail_on)
            s->failed = 1;
    }
    if (fmt->file_end)
        fmt->file_end(&s->rp, &rf);
    s->sum.files++;
    s->sum.words += tl_result_words(r);
    s->sum.input_errors += st != TL_OK;
}

/* Checks the files with a run of the library and reports each as it comes, in order. */
static void check_files(session *s, cli_file *files, size_t n)
{
    tl_run_options ro;
    tl_run_options_init(&ro);
    ro.ndocs = n;
    ro.read = read_file;
    ro.read_arg = files;
    ro.unread = unread_file;
    ro.consumed = consumed_file;
    ro.profile = file_profile;
    ro.jobs = s->o->jobs;
    ro.consistency_run = s->o->consistency_run;
    tl_run *run;
    if (tl_run_new(s->ctx, &ro, &run) != TL_OK) {
        fprintf(stderr, "termlint: out of memory\n");
        s->errors++;
        return;
    }
    cli_progress pg;
    progress_start(&pg, s->o, files, n);
    for (size_t k = 0; k < n; k++) {
        size_t i = k; /* tl_run_next gives them in this order */
        tl_result *r;
        tl_status st = tl_run_next(run, &i, &r);
        if (cli_file_result(&files[i], r) && st == TL_OK)
            st = TL_ERR_NOMEM;
        if (st != TL_OK)
            progress_end(&pg); /* what went wrong is said on stderr: no line across it */
        emit(s, &files[i], st, r);
        progress_step(&pg, files[i].len);
        tl_result_free(r);
        cli_file_drop(&files[i]);
        if (out_check(s->out))
            break; /* the report is cut: checking on would only cost time */
    }
    progress_end(&pg);
    tl_run_free(run);
}

/* The context, or NULL with the reason printed. Warnings of a context that loads
 * (glossaries that claim the same form, missing rule data) stay in `diags`: they reach
 * the reports as notifications, not stderr at every run (termlint glossary check says
 * them). */
static tl_ctx *make_ctx(const cli_opts *o, tl_diags *diags)
{
    tl_ctx *ctx = NULL;
    tl_status st = tl_ctx_new(&o->lib, &ctx, diags);
    if (st != TL_OK) {
        print_diags(diags);
        fprintf(stderr, "termlint: %s\n", tl_status_str(st));
        return NULL;
    }
    if (o->lib.lang != TL_LANG_AUTO && tl_ctx_prepare(ctx, o->lib.lang, NULL) != TL_OK) {
        tl_diags *d = tl_diags_new();
        tl_ctx_prepare(ctx, o->lib.lang, d);
        print_diags(d);
        tl_diags_free(d);
        ctx_free_at_exit(ctx);
        return NULL;
    }
    return ctx;
}

/* The baselines of the session: 0, or -1 (said). A baseline that does not exist yet is
 * no error when this run writes it (`baseline:` in the configuration, first run). */
static int open_baselines(session *s, const cli_opts *o)
{
    int first = o->write_baseline && access(o->baseline ? o->baseline : "", F_OK) != 0;
    if (o->baseline && !first && baseline_load(o->baseline, &s->baseline))
        return -1;
    if (o->write_baseline && baseline_writer_open(o->write_baseline, &s->new_baseline))
        return -1;
    return 0;
}

/* The exit code once the report is out: 2 for errors, 1 for findings at or above
 * --fail-on or more warnings than --max-warnings, else 0. */
static int exit_code(session *s, int nerr, const tl_diags *diags)
{
    if (s->baseline && s->o->report_fixed)
        baseline_report_fixed(s->baseline);
    int too_many = s->o->max_warnings >= 0 && s->sum.warnings > (size_t)s->o->max_warnings;
    if (too_many)
        fprintf(stderr, "termlint: %zu warning%s, more than --max-warnings %ld allows\n",
                s->sum.warnings, s->sum.warnings == 1 ? "" : "s", s->o->max_warnings);
    if (s->errors || nerr || tl_diags_errors(diags))
        return 2;
    return s->failed || too_many ? 1 : 0;
}

/* Reports the files, and returns the exit code. */
static int check_all(const cli_opts *o, tl_ctx *ctx, const tl_diags *diags, cli_out *out,
                     cli_file *files, size_t n, int nerr)
{
    session s;
    memset(&s, 0, sizeof s);
    s.o = o;
    s.ctx = ctx;
    s.out = out;
    s.rp.out = out->f;
    s.rp.color = o->color;
    s.rp.fail_on = o->fail_on;
    s.rp.notes = diags;
    s.rp.baseline = o->baseline != NULL;
    s.rp.glossaries = o->lib.glossaries;
    s.rp.state = o->format->state_size ? calloc(1, o->format->state_size) : NULL;
    s.sum.input_errors = (size_t)nerr;
    int nomem = o->format->state_size && !s.rp.state;
    if (nomem || open_baselines(&s, o)) {
        if (nomem) /* a baseline that could not be opened was said already */
            fprintf(stderr, "termlint: out of memory\n");
        free(s.rp.state);
        baseline_free(s.baseline);
        baseline_writer_close(s.new_baseline, 0);
        out_discard(out);
        return 2;
    }
    if (o->format->begin)
        o->format->begin(&s.rp);
    check_files(&s, files, n);
    o->format->end(&s.rp, &s.sum);
    free(s.rp.state);
    if (o->stats) {
        uint64_t look, hit;
        tl_ctx_cache_stats(ctx, &look, &hit);
        struct rusage ru;
        long peak = getrusage(RUSAGE_SELF, &ru) ? 0 : ru.ru_maxrss; /* KiB on Linux */
        fprintf(stderr,
                "stats: files=%zu words=%llu cache_lookups=%llu cache_hits=%llu peak_rss_kb=%ld\n",
                n, (unsigned long long)s.sum.words, (unsigned long long)look,
                (unsigned long long)hit, peak);
    }
    int rc = exit_code(&s, nerr, diags);
    /* a baseline of a run cut short would forget findings: written only when whole */
    if (baseline_writer_close(s.new_baseline, !s.errors && !out_check(out)))
        rc = 2;
    baseline_free(s.baseline);
    if (out_close(out))
        return 2; /* a cut report must never look like a pass */
    return rc;
}

/* What the other commands printed on standard output reached it: exit code 2 and a
 * message when not (a full disk, a closed pipe with SIGPIPE ignored). */
static int stdout_written(int rc)
{
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return rc;
    fprintf(stderr, "termlint: cannot write the output: %s\n", strerror(errno ? errno : EIO));
    return 2;
}

/* What happens after the options and the configuration: the files, then the report
 * (or --print-config). */
static int run_check(cli_opts *o, cli_settings *set, const cli_env *env)
{
    cli_select sel = {(const char *const *)o->includes, o->ninclude_cli, &set->exclude, set->base,
                      o->stdin_name};
    if (o->print_config) {
        size_t profile = cli_settings_profile(set, o->print_config);
        tl_diags *diags = tl_diags_new();
        tl_ctx *ctx = !diags || cli_settings_finish(set, o) ? NULL : make_ctx(o, diags);
        if (ctx)
            cli_print_config(o, set, ctx, o->print_config, profile, env->default_glossary);
        tl_ctx_free(ctx);
        tl_diags_free(diags);
        return ctx ? stdout_written(0) : 2;
    }
    cli_out out;
    if (out_open(&out, o->output))
        return 2;
    int nerr = 0;
    size_t n = 0;
    cli_file *files = cli_files_gather(o->paths, o->npaths, &sel, &n, &nerr);
    for (size_t i = 0; i < n; i++) {
        files[i].label =
            strcmp(files[i].path, "-") || !o->stdin_name ? files[i].path : o->stdin_name;
        files[i].profile = cli_settings_profile(set, files[i].label);
        files[i].encoding = o->encoding;
        files[i].format = cli_file_format(o, files[i].label);
    }
    int rc = 2;
    tl_diags *diags = tl_diags_new();
    tl_ctx *ctx = NULL;
    if (!diags || cli_settings_finish(set, o))
        fprintf(stderr, "termlint: out of memory\n");
    else
        ctx = make_ctx(o, diags);
    if (ctx)
        rc = check_all(o, ctx, diags, &out, files, n, nerr);
    else
        out_discard(&out);
    ctx_free_at_exit(ctx);
    tl_diags_free(diags);
    cli_files_free(files, n);
    return rc;
}

static int cmd_check(int argc, char **argv, const char *argv0)
{
    cli_opts o;
    int rc = cli_parse_check(argc, argv, &o);
    if (rc) {
        cli_opts_release(&o);
        return rc == 1 ? stdout_written(0) : 2;
    }
    return cli_check_parsed(&o, argv0);
}

int cli_check_parsed(cli_opts *o, const char *argv0)
{
    cli_settings set;
    cli_env env;
    memset(&env, 0, sizeof env);
    int exit_code = cli_settings_load(o, &set);
    if (exit_code == 0 && (cli_observe_uses(o) || cli_env_apply(o, argv0, &env))) {
        fprintf(stderr, "termlint: out of memory\n");
        exit_code = 2;
    }
    if (exit_code == 0)
        exit_code = run_check(o, &set, &env);
    cli_env_release(&env);
    cli_settings_release(&set);
    cli_opts_release(o);
    return exit_code;
}

static int cmd_rules(void)
{
    for (size_t i = 0; i < tl_rule_count(); i++) {
        const tl_rule_info *r = tl_rule_info_get((tl_rule)i);
        printf("%-32s %-8s %-4s %s\n", r->id, tl_severity_str(r->severity), r->fixable ? "fix" : "",
               r->summary);
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
        return stdout_written(0);
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        cli_usage(stdout);
        return stdout_written(0);
    }
    if (!strcmp(argv[1], "check"))
        return cmd_check(argc - 1, argv + 1, argv[0]);
    if (!strcmp(argv[1], "fix"))
        return cli_fix(argc - 1, argv + 1, argv[0]);
    if (!strcmp(argv[1], "report"))
        return cli_report(argc - 1, argv + 1, argv[0]);
    if (!strcmp(argv[1], "glossary"))
        return cli_glossary(argc - 1, argv + 1, argv[0]);
    if (!strcmp(argv[1], "rules"))
        return stdout_written(cmd_rules());
    if (!strcmp(argv[1], "init"))
        return cli_init(argc - 1, argv + 1);
    fprintf(stderr, "termlint: unknown command '%s'\ntry 'termlint --help'\n", argv[1]);
    return 2;
}
