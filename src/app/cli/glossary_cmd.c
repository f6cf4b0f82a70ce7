/*
 * glossary_cmd.c - `termlint glossary SUBCOMMAND`: the glossary keeper's commands.
 *
 *   check   FILE...        the files loaded together: every problem, file:line:col
 *   stats   FILE...        counts per file and in all
 *   test    FILE...        every concept's examples through the matcher
 *   convert IN OUT         YAML <-> CSV <-> TBX (formats from the names' extensions)
 *
 * FILE may be `default`, the shipped glossary. Options: --data-dir DIR (where `default`
 * and rules.yaml are), --dict-dir DIR (test: dictionaries). Exit codes as for check:
 * 0 clean, 1 warnings only (check) or failed examples (test), 2 errors or unusable input.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void glossary_usage(FILE *f)
{
    fputs("usage: termlint glossary check FILE...\n"
          "       termlint glossary stats FILE...\n"
          "       termlint glossary test  FILE...\n"
          "       termlint glossary convert IN OUT\n"
          "FILE may be 'default' (the shipped glossary); options: --data-dir DIR, --dict-dir "
          "DIR\n",
          f);
}

/* Parses the options and files of a glossary subcommand into `o` (files as its
 * glossaries). 0 ok, 2 usage error. */
static int parse(int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    tl_options_init(&o->lib);
    o->glossaries = calloc((size_t)argc + 1, sizeof *o->glossaries);
    if (!o->glossaries)
        return 2;
    for (int i = 0; i < argc; i++) {
        if ((!strcmp(argv[i], "--data-dir") || !strcmp(argv[i], "--dict-dir")) && i + 1 < argc) {
            if (argv[i][2] == 'd' && argv[i][3] == 'a')
                o->lib.data_dir = argv[++i];
            else
                o->lib.dict_dir = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "termlint: unknown option '%s'\n", argv[i]);
            glossary_usage(stderr);
            return 2;
        } else {
            o->glossaries[o->nglossaries++] = argv[i];
        }
    }
    if (!o->nglossaries) {
        glossary_usage(stderr);
        return 2;
    }
    o->lib.glossaries = o->glossaries;
    return 0;
}

static int cmd_check(cli_opts *o)
{
    tl_diags *d = tl_diags_new();
    if (!d)
        return 2;
    tl_status st = tl_glossary_check(o->glossaries, o->nglossaries, d);
    cli_print_diag_list(d);
    size_t nerr = tl_diags_errors(d), nwarn = tl_diags_count(d) - nerr;
    int rc = (st != TL_OK || nerr) ? 2 : nwarn ? 1 : 0;
    for (size_t i = 0; i < o->nglossaries; i++)
        fprintf(stderr, "%s%s", i ? ", " : "", o->glossaries[i]);
    fprintf(stderr, ": %s (%zu error%s, %zu warning%s)\n",
            rc == 2   ? "invalid"
            : rc == 1 ? "valid with warnings"
                      : "valid",
            nerr, nerr == 1 ? "" : "s", nwarn, nwarn == 1 ? "" : "s");
    tl_diags_free(d);
    return rc;
}

static int stats_row(void *arg, const tl_glossary_stats *s)
{
    (void)arg;
    printf("%-40s %8zu %8zu %8zu %5zu/%-5zu %5zu/%-5zu %5zu/%-5zu\n", s->file ? s->file : "all",
           s->concepts, s->with_source, s->examples, s->canonical[0], s->canonical[1],
           s->variants[0], s->variants[1], s->forbidden[0], s->forbidden[1]);
    return ferror(stdout) ? -1 : 0;
}

static int cmd_stats(cli_opts *o)
{
    tl_diags *d = tl_diags_new();
    if (!d)
        return 2;
    printf("%-40s %8s %8s %8s %11s %11s %11s\n", "file", "concepts", "sourced", "examples",
           "canon ru/uk", "var ru/uk", "forb ru/uk");
    tl_status st = tl_glossary_stats_get(o->glossaries, o->nglossaries, stats_row, NULL, d);
    cli_print_diag_list(d);
    int rc = st != TL_OK || tl_diags_errors(d) ? 2 : 0;
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "termlint: cannot write the statistics: %s\n", strerror(errno));
        rc = 2;
    }
    tl_diags_free(d);
    return rc;
}

static int cmd_test(cli_opts *o)
{
    tl_diags *d = tl_diags_new();
    if (!d)
        return 2;
    tl_glossary_test_result r;
    tl_status st = tl_glossary_test(&o->lib, &r, d);
    cli_print_diag_list(d);
    int rc = st != TL_OK ? 2 : r.failed ? 1 : 0;
    if (st == TL_OK)
        fprintf(stderr, "termlint: %zu example%s checked, %zu failed\n", r.examples,
                r.examples == 1 ? "" : "s", r.failed);
    tl_diags_free(d);
    return rc;
}

/* Writes `len` bytes to `path` through a temporary file beside it, renamed over it when
 * whole: a reader never sees half a glossary, and a failed write leaves no file. 0, or
 * -1 (reported). */
static int write_atomic(const char *path, const char *data, size_t len)
{
    size_t n = strlen(path) + 16;
    char *tmp = malloc(n);
    if (!tmp)
        return -1;
    snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    int ok = f && fwrite(data, 1, len, f) == len;
    ok = f && fclose(f) == 0 && ok;
    if (ok && rename(tmp, path) == 0) {
        free(tmp);
        return 0;
    }
    fprintf(stderr, "termlint: cannot write '%s': %s\n", path, strerror(errno));
    remove(tmp);
    free(tmp);
    return -1;
}

/* The format a file name asks for, by its extension. */
static int format_of(const char *path, tl_glossary_format *f)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return -1;
    if (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml"))
        *f = TL_GLOSSARY_YAML;
    else if (!strcmp(dot, ".csv"))
        *f = TL_GLOSSARY_CSV;
    else if (!strcmp(dot, ".tbx") || !strcmp(dot, ".xml"))
        *f = TL_GLOSSARY_TBX;
    else
        return -1;
    return 0;
}

static int cmd_convert(cli_opts *o)
{
    if (o->nglossaries != 2) {
        glossary_usage(stderr);
        return 2;
    }
    const char *out_path = o->glossaries[1];
    tl_glossary_format in_fmt, out_fmt;
    int rc = 2;
    tl_diags *d = tl_diags_new();
    char *text = NULL;
    size_t len = 0;
    if (format_of(out_path, &out_fmt) || format_of(o->glossaries[0], &in_fmt)) {
        fprintf(stderr,
                "termlint: '%s' -> '%s': formats are told by the extension: .yaml, "
                ".csv or .tbx\n",
                o->glossaries[0], out_path);
    } else if (d) {
        tl_status st = tl_glossary_convert(o->glossaries[0], out_fmt, &text, &len, d);
        cli_print_diag_list(d);
        if (st == TL_OK && !tl_diags_errors(d))
            rc = write_atomic(out_path, text, len) ? 2 : 0;
    }
    tl_glossary_text_free(text);
    tl_diags_free(d);
    return rc;
}

int cli_glossary(int argc, char **argv, const char *argv0)
{
    if (argc < 2) {
        glossary_usage(stderr);
        return 2;
    }
    const char *sub = argv[1];
    cli_opts o;
    cli_env env;
    int rc = parse(argc - 2, argv + 2, &o);
    if (rc == 0 && cli_env_apply(&o, argv0, &env)) {
        fprintf(stderr, "termlint: out of memory\n");
        rc = 2;
    } else if (rc == 0) {
        if (!strcmp(sub, "check"))
            rc = cmd_check(&o);
        else if (!strcmp(sub, "stats"))
            rc = cmd_stats(&o);
        else if (!strcmp(sub, "test"))
            rc = cmd_test(&o);
        else if (!strcmp(sub, "convert"))
            rc = cmd_convert(&o);
        else {
            fprintf(stderr, "termlint: unknown glossary command '%s'\n", sub);
            glossary_usage(stderr);
            rc = 2;
        }
        cli_env_release(&env);
    }
    free(o.glossaries);
    return rc;
}
