/*
 * report_cmd.c - `termlint report`: a terminology report over a corpus (docs/report.md).
 *
 *   termlint report [check options] [--format md|json|csv|html] PATH...
 *       checks PATH... as `termlint check` would (same options, configuration, threads),
 *       with term.use switched on, and writes the report of their usage records
 *   termlint report --from-jsonl [--glossary G] [--format md|json|csv|html] FILE...
 *       the same report from the usage records that `check --format jsonl` wrote,
 *       in any number of files, in any order ("-": standard input)
 *
 * Both build the report from the same usage records (usage.c), so the report of a
 * corpus does not depend on how it was split into runs. The options of `check` are
 * parsed by options.c; this file takes out what only `report` knows (--format md|json|csv|html,
 * --from-jsonl) and fixes what a report needs (term.use on, no spelling suggestions,
 * no exit code 1 for findings).
 *
 * It also says what a jsonl check adds for reports (cli_observe_uses).
 */
#include "settings.h"
#include "usage.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: termlint report [options] [--format md|json|csv|html] PATH...\n"
          "       termlint report --from-jsonl [--glossary FILE] [--format md|json|csv|html] "
          "FILE...\n"
          "\n"
          "A terminology report over a corpus: how often each glossary concept is rendered\n"
          "by its canonical form, variants and forbidden forms, with examples, per file,\n"
          "what the glossary holds that the corpus never uses, and term candidates the\n"
          "glossary lacks, with proposed entries. PATH and the options\n"
          "are those of 'termlint check'; --from-jsonl merges the usage records that\n"
          "'termlint check --format jsonl' wrote in separate runs (docs/report.md).\n"
          "\n"
          "  --format md|json|csv|html  markdown (default), JSON, multi-section CSV or\n"
          "                     an HTML page with sortable tables and charts\n"
          "  --from-jsonl       the FILEs are jsonl outputs of check runs ('-': stdin)\n"
          "  --output FILE      write the report to FILE (only once it is complete)\n"
          "\n"
          "exit codes: 0 the report is written; 2 usage, input, glossary or dictionary\n"
          "errors (the report is still written when the inputs could be read).\n",
          f);
}

/* Takes --format and --from-jsonl out of argv (in place; *argc shrinks). 0, 1 (--help
 * shown) or 2 (usage error, said). */
static int take_own(int *argc, char **argv, const report_format **fmt, int *from_jsonl)
{
    int k = 1;
    *fmt = &report_term_md;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (!strcmp(a, "--")) {
            while (i < *argc)
                argv[k++] = argv[i++];
            break;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return 1;
        }
        if (!strcmp(a, "--from-jsonl")) {
            *from_jsonl = 1;
            continue;
        }
        if (!strncmp(a, "--format=", 9))
            v = a + 9;
        else if (!strcmp(a, "--format") && i + 1 < *argc)
            v = argv[++i];
        else if (!strcmp(a, "--format")) {
            fprintf(stderr, "termlint: --format takes md, json, csv or html\n");
            return 2;
        }
        if (!v) {
            argv[k++] = argv[i];
            continue;
        }
        if (!strcmp(v, "md"))
            *fmt = &report_term_md;
        else if (!strcmp(v, "json"))
            *fmt = &report_term_json;
        else if (!strcmp(v, "csv"))
            *fmt = &report_term_csv;
        else if (!strcmp(v, "html"))
            *fmt = &report_term_html;
        else {
            fprintf(stderr, "termlint: --format takes md, json, csv or html, not '%s'\n", v);
            return 2;
        }
    }
    *argc = k;
    argv[k] = NULL;
    return 0;
}

/* Feeds the usage records of jsonl file `path` to t. 0, or -1 (said). */
static int read_jsonl(termreport *t, const char *path, size_t *nrec)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
    if (!f) {
        fprintf(stderr, "termlint: cannot open '%s': %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, f) >= 0) {
        lineno++;
        if (line[0] == '\n' || !line[0])
            continue;
        json_error_t err;
        json_t *o = json_loads(line, JSON_REJECT_DUPLICATES, &err);
        const char *why = err.text;
        const char *type = o ? json_string_value(json_object_get(o, "type")) : NULL;
        if (type && !strcmp(type, "usage")) {
            (*nrec)++;
            if (termreport_add(t, o, &why) == 0)
                why = NULL;
        } else if (o) {
            why = NULL;
        }
        if (why) {
            fprintf(stderr, "%s:%zu: %s\n", path, lineno, why);
            rc = -1;
        }
        json_decref(o);
    }
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "termlint: cannot read '%s': %s\n", path, strerror(errno));
        rc = -1;
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

/* The report from the jsonl files o->paths; the exit code. */
static int from_jsonl(cli_opts *o, const report_format *fmt)
{
    termreport *t = termreport_new();
    tl_diags *d = tl_diags_new();
    cli_out out;
    int rc = 2;
    size_t nrec = 0;
    if (!t || !d) {
        fprintf(stderr, "termlint: out of memory\n");
        goto done;
    }
    if (o->npaths == 0) {
        fprintf(stderr, "termlint: report --from-jsonl needs FILE...\n");
        goto done;
    }
    int bad = 0;
    for (size_t i = 0; i < o->npaths; i++)
        bad |= read_jsonl(t, o->paths[i], &nrec) != 0;
    if (!bad && nrec == 0) {
        fprintf(stderr, "termlint: no usage records in the input: they come from "
                        "'termlint check --format jsonl'\n");
        bad = 1;
    }
    tl_status st = termreport_glossaries(t, o->glossaries, d);
    if (st != TL_OK) {
        for (size_t i = 0; i < tl_diags_count(d); i++) {
            const tl_diag *g = tl_diags_at(d, i);
            fprintf(stderr, "%s:%u:%u: %s: %s\n", g->file, g->line, g->col,
                    tl_severity_str(g->severity), g->message);
        }
        fprintf(stderr, "termlint: %s\n", tl_status_str(st));
        bad = 1;
    }
    if (bad || out_open(&out, o->output))
        goto done;
    int werr =
        fmt == &report_term_json ? termreport_write_json(t, out.f) : termreport_write_md(t, out.f);
    if (werr) {
        fprintf(stderr, "termlint: out of memory\n");
        out_discard(&out);
    } else {
        rc = out_close(&out) ? 2 : 0;
    }
done:
    termreport_free(t);
    tl_diags_free(d);
    return rc;
}

int cli_report(int argc, char **argv, const char *argv0)
{
    const report_format *fmt;
    int jsonl = 0;
    int rc = take_own(&argc, argv, &fmt, &jsonl);
    if (rc)
        return rc == 1 ? 0 : 2;
    argv[0] = (char *)"check"; /* the options are check's */
    cli_opts o;
    rc = cli_parse_check(argc, argv, &o);
    if (rc) {
        cli_opts_release(&o);
        return rc == 1 ? 0 : 2;
    }
    o.format = fmt;
    o.fail_on = TL_SEV_OFF;
    o.max_warnings = -1;
    o.lib.suggest_limit = 0; /* a report quotes no suggestion */
    o.given |= GIVEN_FORMAT | GIVEN_FAIL_ON | GIVEN_MAX_WARNINGS | GIVEN_SUGGEST;
    /* appended last, so that it wins over the configuration and --severity */
    if (cli_push(&o.severities, &o.nseverities, "term.use=info")) {
        cli_opts_release(&o);
        return 2;
    }
    o.lib.severity_overrides = o.severities;
    if (!jsonl)
        return cli_check_parsed(&o, argv0);
    cli_settings set;
    cli_env env;
    memset(&env, 0, sizeof env);
    rc = cli_settings_load(&o, &set);
    if (rc == 0 && cli_env_apply(&o, argv0, &env)) {
        fprintf(stderr, "termlint: out of memory\n");
        rc = 2;
    }
    if (rc == 0)
        rc = from_jsonl(&o, fmt);
    cli_env_release(&env);
    cli_settings_release(&set);
    cli_opts_release(&o);
    return rc;
}

int cli_observe_uses(cli_opts *o)
{
    if (o->format != &report_jsonl)
        return 0;
    /* term.use as the command line sets it is left alone: its findings are shown */
    for (size_t i = 0; i < o->nseverities; i++)
        if (!strncmp(o->severities[i], "term.use=", 9))
            return 0;
    o->hide_uses = 1;
    if (cli_push(&o->severities, &o->nseverities, "term.use=info"))
        return -1;
    o->lib.severity_overrides = o->severities;
    return 0;
}
