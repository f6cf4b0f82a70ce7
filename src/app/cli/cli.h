/*
 * cli.h - the command line's parts. The CLI sees only the public API (termlint.h):
 * what it needs, the library offers.
 */
#ifndef TL_CLI_H
#define TL_CLI_H

#include "report.h"

typedef struct {
    tl_options lib;
    const report_format *format;
    int color;           /* resolved: 1 = use colour */
    int consistency_run; /* --consistency run */
    tl_severity fail_on; /* TL_SEV_OFF = never fail on findings */
    int jobs;            /* 0 = number of cores */
    int stats;
    const char *output; /* --output FILE, or NULL: standard output */
    const char **paths;
    size_t npaths;
    const char **includes; /* NULL-terminated globs */
    /* storage for the lists in lib */
    const char **glossaries, **words, **disabled, **severities;
    size_t nglossaries, nwords, ndisabled, nseverities, nincludes;
} cli_opts;

/* Parses `termlint check` arguments (argv[0] is "check"). 0 ok, 1 --help shown,
 * 2 usage error (message printed). */
int cli_parse_check(int argc, char **argv, cli_opts *o);
void cli_opts_release(cli_opts *o);
void cli_usage(FILE *f);

/* One input file. */
typedef struct {
    char *path; /* as given, or found under a given folder */
    char *data; /* contents (owned), NULL until read */
    size_t len;
    int read_error; /* errno when it could not be read; 0 ok */
} cli_file;

/* Expands `paths` into files: folders recursed (sorted), kept when their name matches
 * one of `globs`; "-" is stdin. Errors (missing paths) are printed; *nerr counts them.
 * Returns the array (owned: cli_files_free) and sets *n. */
cli_file *cli_files_gather(const char *const *paths, size_t npaths, const char *const *globs,
                           size_t *n, int *nerr);
/* Reads the file's contents into f->data (stdin for "-"). 0 ok, -1 error (errno in
 * f->read_error; nothing printed: called from a run's threads). */
int cli_file_read(cli_file *f);
void cli_file_drop(cli_file *f); /* frees the contents only */
void cli_files_free(cli_file *f, size_t n);

/* Where the report goes (output.c): standard output, or a temporary file renamed over
 * --output FILE once the report is whole. */
typedef struct {
    FILE *f;
    const char *path; /* --output FILE, or NULL */
    int err;          /* errno of the first write error, 0 none */
    int said;
} cli_out;

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
void cli_env_release(cli_env *env);

#endif
