/*
 * cli.h - the command line's parts. The CLI sees only the public API (termlint.h):
 * what it needs, the library offers.
 */
#ifndef TL_CLI_H
#define TL_CLI_H

#include "termlint.h"

#include <stdint.h>
#include <stdio.h>

enum { FMT_TEXT = 0, FMT_JSON };

typedef struct {
    tl_options lib;
    int format;
    int color;            /* resolved: 1 = use colour */
    tl_severity fail_on;  /* TL_SEV_OFF = never fail on findings */
    int jobs;             /* 0 = number of cores */
    int stats;
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
    char *path;      /* as given, or found under a given folder */
    char *data;      /* contents (owned), NULL until read */
    size_t len;
    int read_error;  /* errno, or -1 for a size limit; 0 ok */
} cli_file;

/* Expands `paths` into files: folders recursed (sorted), kept when their name matches
 * one of `globs`; "-" is stdin. Errors (missing paths) are printed; *nerr counts them.
 * Returns the array (owned: cli_files_free) and sets *n. */
cli_file *cli_files_gather(const char *const *paths, size_t npaths, const char *const *globs,
                           size_t *n, int *nerr);
/* Reads the file's contents into f->data (stdin for "-"). 0 ok, -1 error (printed). */
int cli_file_read(cli_file *f);
void cli_file_drop(cli_file *f); /* frees the contents only */
void cli_files_free(cli_file *f, size_t n);

/* Reporters: begin once, one call per file, end once. */
typedef struct {
    size_t files, errors, warnings, infos, input_errors;
    uint64_t words;
} cli_summary;

void report_text_file(FILE *out, const cli_file *f, const tl_result *r, int color);
void report_text_end(FILE *out, const cli_summary *s);
void report_json_begin(FILE *out);
void report_json_file(FILE *out, const cli_file *f, const tl_result *r, int first,
                      const char *error);
void report_json_end(FILE *out, const cli_summary *s);

#endif
