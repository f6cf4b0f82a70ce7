/*
 * cli.h - the command line's parts. The CLI sees only the public API (termlint.h):
 * what it needs, the library offers.
 */
#ifndef TL_CLI_H
#define TL_CLI_H

#include "report.h"

#include <sys/types.h>

/* What the command line set itself (cli_opts.given), so that it overrides the
 * configuration file and the rest comes from the file. */
enum {
    GIVEN_LANG = 1 << 0,
    GIVEN_FORMAT = 1 << 1,
    GIVEN_FAIL_ON = 1 << 2,
    GIVEN_SUGGEST = 1 << 3,
    GIVEN_CONSISTENCY = 1 << 4,
    GIVEN_MAX_WARNINGS = 1 << 5,
    GIVEN_UNUSED = 1 << 6,
    GIVEN_BASELINE = 1 << 7
};

typedef struct {
    tl_options lib;
    const report_format *format;
    int color;           /* resolved: 1 = use colour */
    int consistency_run; /* --consistency run */
    tl_severity fail_on; /* TL_SEV_OFF = never fail on findings */
    long max_warnings;   /* --max-warnings N; -1: no limit */
    int jobs;            /* 0 = number of cores */
    int stats;
    const char *output;   /* --output FILE, or NULL: standard output */
    const char *encoding; /* --encoding NAME other than UTF-8: texts are converted, or NULL */
    const char **paths;
    size_t npaths;
    const char **includes;      /* NULL-terminated globs: --include, else the file's include: */
    const char **excludes;      /* NULL-terminated globs: the file's exclude:, then --exclude */
    const char *config;         /* --config FILE */
    int no_config;              /* --no-config */
    const char *print_config;   /* --print-config FILE */
    const char *stdin_name;     /* --stdin-filename NAME */
    const char *baseline;       /* --baseline FILE (or the file's baseline:) */
    const char *write_baseline; /* --write-baseline FILE */
    int report_fixed;           /* --report-fixed */
    int hide_uses;              /* term.use is on for usage records only (report_cmd.c):
                                   its findings are not reported */
    int progress;               /* --progress 1, --no-progress -1, 0: on a terminal */
    unsigned given;             /* GIVEN_* */
    int input_format;    /* --input-format: 0 auto (by the file's name), else 1 + tl_format */
    int dry_run;         /* termlint fix --dry-run */
    size_t ninclude_cli; /* how many of includes came from --include */
    /* storage for the lists in lib and above */
    const char **glossaries, **words, **disabled, **severities, **accept, **reject;
    size_t nglossaries, nwords, ndisabled, nseverities, nincludes, nexcludes, naccept, nreject;
} cli_opts;

/* Parses `termlint check` arguments (argv[0] is "check"). 0 ok, 1 --help shown,
 * 2 usage error (message printed). */
int cli_parse_check(int argc, char **argv, cli_opts *o);
void cli_opts_release(cli_opts *o);
void cli_usage(FILE *f);
/* Appends `s` to the NULL-terminated growable list *list of *n items; 0 or -1. */
int cli_push(const char ***list, size_t *n, const char *s);

/* ---- matching paths (pathmatch.c) ---------------------------------------------------- */

/* Whether glob `pat` (.gitignore syntax, the top of pathmatch.c) matches `path`, which is
 * relative to the folder the pattern belongs to. */
int pm_glob(const char *pat, const char *path);

typedef struct {
    char *pattern;      /* without a leading '!' */
    int negate;         /* a '!' rule: re-includes */
    int dir_only;       /* a trailing '/': folders only */
    const char *origin; /* where the rule comes from, for messages (borrowed) */
} pm_rule;

typedef struct {
    pm_rule *v;
    size_t n;
} pm_set;

/* Adds one .gitignore line (comments and blank lines add nothing); 0, or -1 when out
 * of memory. `origin` is borrowed. */
int pm_add(pm_set *s, const char *line, const char *origin);
/* Adds the lines of file `path`, when it exists. 0, or -1 when out of memory. */
int pm_add_file(pm_set *s, const char *path);
void pm_free(pm_set *s);
/* Whether `path` (relative, a folder when is_dir) or a folder above it is excluded: the
 * last rule matching decides. *why (may be NULL) gets the deciding rule. */
int pm_excluded(const pm_set *s, const char *path, int is_dir, const pm_rule **why);

/* ---- the files to check (files.c) ---------------------------------------------------- */

/* One input file. */
typedef struct {
    char *path;        /* as given, or found under a given folder; "-" for stdin */
    const char *label; /* what reports call it: path, or --stdin-filename for "-" */
    char *data;        /* contents (owned), NULL until read */
    size_t len;
    int read_error;       /* errno when it could not be read; 0 ok */
    size_t profile;       /* its rule settings (tl_run_options.profile) */
    const char *read_why; /* or why not when there is no errno ("a FIFO with no writer") */
    int spool_failed;     /* read_error came from the temporary file a pipe's text goes to */
    int first;            /* a byte already taken from a FIFO, or -1 */
    int once;             /* stdin or a FIFO: its bytes cannot be read again */
    const char *encoding; /* --encoding: converted to UTF-8 from this when read, or NULL */
    int decoded;          /* data is tl_decode's (freed with tl_decoded_free) */
    int mapped;           /* data is the file mapped (a big regular file: files.c) */
    size_t dropped;       /* mapped: the pages before this offset were dropped */
    size_t undecodable;   /* --encoding: bytes that could not be decoded (U+FFFD) */
    tl_format format;     /* what it is read as (docinput.c) */
    char *view;           /* Markdown/HTML: the text checked (tl_document_text), NULL until made */
} cli_file;

/* What decides which files are checked: paths relative to `base` (the configuration's
 * folder, else the current one) are matched against include globs (files found inside
 * folders only: a file named on the command line is always a candidate) and the
 * exclude rules (exclude:, .termlintignore, node_modules/ and .git/). */
typedef struct {
    const char *const *includes; /* NULL-terminated; NULL: *.txt and *.md */
    size_t ncli_includes;        /* the first ones came from --include: one that matches
                                    no file is an error */
    const pm_set *exclude;
    const char *base;       /* absolute */
    const char *stdin_name; /* --stdin-filename: matched against exclude for "-" */
} cli_select;

/* Expands `paths` into files: folders recursed (sorted, excluded folders not entered),
 * "-" is stdin. Errors (missing paths, a folder or an --include that matches no file)
 * are printed; *nerr counts them; an excluded file named on the command line is left
 * out with a note. Returns the array (owned: cli_files_free) and sets *n. */
cli_file *cli_files_gather(const char *const *paths, size_t npaths, const cli_select *sel,
                           size_t *n, int *nerr);
/* `path` (as given, relative to the current folder) relative to absolute folder `base`,
 * '/'-separated without "./" (owned: free), or NULL when it lies outside `base`. */
char *cli_relative(const char *path, const char *base);
/* `path` made absolute against the current folder, "." and ".." resolved by name (owned:
 * free), or NULL when out of memory. */
char *cli_absolute(const char *path);
/* Reads the file's contents into f->data (stdin for "-"). 0 ok, -1 error (errno in
 * f->read_error, or the reason in f->read_why; nothing printed: called from a run's
 * threads). Only regular files, and FIFOs that have a writer, are read. */
int cli_file_read(cli_file *f);
void cli_file_drop(cli_file *f); /* frees the contents only */
/* With f->encoding: converts the contents read to UTF-8 (once). 0 ok, -1 out of memory
 * (f->read_error set, contents dropped). */
int cli_file_decode(cli_file *f);
/* The check of f no longer needs its bytes before `upto` for now: a mapped file's pages
 * there are dropped from memory (read again from the file if needed). */
void cli_file_consumed(cli_file *f, size_t upto);
/* Prints "termlint: PRE'PATH'POST" and a newline on stderr, PATH escaped (esc_path). */
void cli_say_path(const char *pre, const char *path, const char *post);
/* "a FIFO", "a character device", ... for a file of mode `m` that is not regular. */
const char *cli_file_kind(mode_t m);
void cli_files_free(cli_file *f, size_t n);
/* Prints diagnostics of a glossary or a configuration on stderr, "FILE:LINE:COL:
 * SEVERITY: MESSAGE" (settings.c). */
void cli_print_diag_list(const tl_diags *d);

/* Where the report goes (output.c): standard output, or a temporary file renamed over
 * --output FILE once the report is whole. */
typedef struct {
    FILE *f;
    const char *path; /* --output FILE, or NULL */
    int err;          /* errno of the first write error, 0 none */
    int said;
} cli_out;

/* Removes the temporary file of --output, if any; async-signal-safe (for a handler that
 * ends the run: files.c's SIGBUS). */
void out_abandon(void);
/* Opens the output (`path` NULL: standard output). 0, or -1 with the reason printed. */
int out_open(cli_out *o, const char *path);
/* -1 once a write has failed (the report is cut: stop), else 0. */
int out_check(cli_out *o);
/* Flushes and closes; with --output renames the temporary file over the file, or
 * removes it when anything failed. 0, or -1 with the reason printed. */
int out_close(cli_out *o);
/* Removes the temporary file of --output without writing the file (also from signal
 * handlers, which output.c installs while it exists). */
void out_discard(cli_out *o);

/* What the library is told about the environment (env.c): the data folder (--data-dir,
 * $TERMLINT_DATADIR, beside the binary, or the installed one), the word-form table
 * cache ($TERMLINT_CACHE_DIR, $XDG_CACHE_HOME/termlint, ~/.cache/termlint) and switch
 * ($TERMLINT_WORDTAB=0), $DICPATH, and --glossary default, a file of the data folder.
 * Sets o->lib's fields; the strings it makes are kept in `env` (free with
 * cli_env_release). 0, or -1 when out of memory. */
typedef struct {
    char *data_dir, *cache_dir, *default_glossary;
} cli_env;

int cli_env_apply(cli_opts *o, const char *argv0, cli_env *env);

/* ---- documents (docinput.c) ---------------------------------------------------------- */

/* What the file labelled `label` is read as: --input-format, else its name. */
tl_format cli_file_format(const cli_opts *o, const char *label);
/* The text to check of read file f: its bytes, or for Markdown and HTML the masked text
 * (made once, kept in f->view). 0, or -1 when out of memory. */
int cli_file_view(cli_file *f, const char **text, size_t *len);
void cli_file_view_drop(cli_file *f);
/* Maps result r of file f back onto its bytes (tl_result_document) when it was read as
 * a document. 0, or -1 when out of memory. */
int cli_file_result(const cli_file *f, tl_result *r);

/* `termlint fix [--dry-run] PATH...` (fix.c; argv[0] is "fix"): the exit code. */
int cli_fix(int argc, char **argv, const char *argv0);
/* Prints the unified diff from a[0, alen) to b[0, blen) of file `path` (udiff.c). 0, or
 * -1 when out of memory (nothing printed). */
int cli_udiff(FILE *out, const char *path, const char *a, size_t alen, const char *b, size_t blen);
/* Runs `termlint check` with options parsed by cli_parse_check (released here): the
 * configuration, the files, the run, the report. The exit code. */
int cli_check_parsed(cli_opts *o, const char *argv0);
/* `termlint report ...` (report_cmd.c; argv[0] is "report"): the exit code. */
int cli_report(int argc, char **argv, const char *argv0);
/* For --format jsonl: switches term.use on for the usage records and hides its
 * findings, unless --severity names term.use. 0, or -1 when out of memory. */
int cli_observe_uses(cli_opts *o);

/* The progress line on standard error (progress.c). */
typedef struct {
    int on, shown;
    size_t total, done;
    uint64_t bytes_total, bytes_done;
    double t0, last;
} cli_progress;

/* Decides whether to show progress (o->progress, terminals, CI) for files[0, n). */
void progress_start(cli_progress *p, const cli_opts *o, const cli_file *files, size_t n);
/* One more file done, of `bytes` bytes: the line is redrawn now and then. */
void progress_step(cli_progress *p, uint64_t bytes);
/* Erases the line. */
void progress_end(cli_progress *p);

/* `termlint glossary ...` (argv[0] is "glossary"); the exit code (glossary_cmd.c). */
int cli_glossary(int argc, char **argv, const char *argv0);
/* `termlint init [FILE]` (init.c; argv[0] is "init"): the exit code. */
int cli_init(int argc, char **argv);
void cli_env_release(cli_env *env);

#endif
