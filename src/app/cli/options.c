/*
 * options.c - `termlint check` arguments -> cli_opts, with what the command line set
 * marked (cli_opts.given) so that it wins over the configuration (settings.c). getopt_long is POSIX-adjacent
 * GNU; we parse by hand to accept both "--opt=value" and "--opt value" and to report
 * errors in our own words.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void cli_usage(FILE *f)
{
    char formats[256];
    report_names(formats, sizeof formats, "|", "|");
    fputs("usage: termlint check [options] PATH...\n"
          "       termlint check --print-config FILE [options]\n"
          "       termlint fix [--dry-run] [options] PATH...\n"
          "       termlint report [options] [--format md|json|csv|html] PATH...\n"
          "       termlint report --from-jsonl [--glossary FILE] FILE...\n"
          "       termlint glossary check|stats|test FILE...\n"
          "       termlint glossary convert IN OUT\n"
          "       termlint rules\n"
          "       termlint init [FILE]\n"
          "       termlint --version | --help\n"
          "\n"
          "Checks Russian and Ukrainian texts: spelling (Hunspell), glossary terms in any\n"
          "inflection, and machine-translation defects. PATH is a file, a folder (recursed;\n"
          "*.txt, *.md, *.markdown, *.html, *.htm) or - for standard input. Settings come from "
          ".termlint.yaml in the\n"
          "current folder or the nearest parent (up to a repository's root), then from\n"
          "these options (docs/configuration.md).\n"
          "\n"
          "options:\n"
          "  --config FILE            the configuration file (default: .termlint.yaml found)\n"
          "  --no-config              no configuration file\n"
          "  --print-config FILE      show the settings FILE would be checked with, and stop\n"
          "  --lang ru|uk|auto        language of the texts (default auto, per file)\n"
          "  --glossary FILE|default  a YAML glossary; repeatable; 'default' is the shipped one\n"
          "  --words FILE             words to accept as correct, one per line; repeatable\n"
          "  --dict-dir DIR           folder with ru_RU/uk_UA .aff/.dic, searched first\n"
          "  --data-dir DIR           folder of shipped data (rules.yaml, glossaries)\n"
          "  --include GLOB           files to check inside folders; repeatable\n"
          "  --exclude GLOB           files and folders to leave out (.gitignore syntax)\n"
          "  --stdin-filename NAME    the name of standard input in reports and settings\n"
          "  --input-format text|markdown|html|auto  how files are read (default auto: by\n"
          "                           name, *.md *.markdown Markdown, *.html *.htm HTML)\n"
          "  --output FILE            write the report to FILE (only once it is complete)\n"
          "  --encoding NAME          the texts' encoding when not UTF-8 (windows-1251, koi8-r,\n"
          "                           cp866, utf-16, ...); positions are then the decoded text's\n",
          f);
    fprintf(f, "  --format %-15s output format (default text)\n", formats);
    fputs("  --color auto|always|never  colour in text output (default auto)\n"
          "  --fail-on error|warning|info|never  exit 1 at or above this (default warning)\n"
          "  --max-warnings N         exit 1 when more than N warnings are found\n"
          "  --disable RULE[,RULE]    switch rules off (a family: 'typography')\n"
          "  --severity RULE=LEVEL[,RULE=LEVEL]  re-grade rules: off|info|warning|error\n"
          "  --report-unused-disables report suppression markers that silenced nothing\n"
          "  --baseline FILE          report only findings FILE does not hold\n"
          "  --report-fixed           with --baseline: list its entries no longer found\n"
          "  --write-baseline FILE    record the findings of this run in FILE\n"
          "  --suggest N|all|none     spelling suggestions for the first N distinct\n"
          "                           misspelt words of the run (default 100; 'all' also\n"
          "                           lifts the limits of Hunspell's slow engine: 10\n"
          "                           words, texts of up to 20,000 words)\n"
          "  --consistency document|run  compare term renderings per file or across the run\n"
          "  -j, --jobs N             threads (default: number of cores)\n"
          "  --stats                  print word and cache statistics to stderr\n"
          "  --progress, --no-progress  a progress line on stderr (default: when stderr\n"
          "                           is a terminal apart from the report, not in CI)\n"
          "\n"
          "exit codes: 0 no finding at or above --fail-on; 1 findings (or more warnings\n"
          "than --max-warnings); 2 usage, input, configuration, glossary or dictionary\n"
          "errors (findings are still printed).\n",
          f);
}

int cli_push(const char ***list, size_t *n, const char *s)
{
    const char **p = realloc(*list, (*n + 2) * sizeof *p);
    if (!p)
        return -1;
    p[(*n)++] = s;
    p[*n] = NULL;
    *list = p;
    return 0;
}

static int bad(const char *fmt, const char *a)
{
    fprintf(stderr, "termlint: ");
    fprintf(stderr, fmt, a);
    fprintf(stderr, "\ntry 'termlint --help'\n");
    return 2;
}

static int parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0)
        return -1;
    *out = v;
    return 0;
}

/* Splits "a,b" lists in place (argv strings are writable). */
static int push_list(const char ***list, size_t *n, char *s)
{
    for (char *p = s; p;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (*p && cli_push(list, n, p))
            return -1;
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

/* The options of configuration files, CI and baselines. */
static int set_ci_value(cli_opts *o, const char *name, char *v)
{
    long n;
    if (!strcmp(name, "exclude"))
        return cli_push(&o->excludes, &o->nexcludes, v) ? 2 : 0;
    if (!*v)
        return bad("--%s takes a value, not an empty string", name);
    if (!strcmp(name, "config")) {
        o->config = v;
    } else if (!strcmp(name, "print-config")) {
        o->print_config = v;
    } else if (!strcmp(name, "stdin-filename")) {
        o->stdin_name = v;
    } else if (!strcmp(name, "baseline")) {
        o->given |= GIVEN_BASELINE;
        o->baseline = v;
    } else if (!strcmp(name, "write-baseline")) {
        o->write_baseline = v;
    } else if (!strcmp(name, "input-format")) {
        tl_format f;
        if (!strcmp(v, "auto"))
            o->input_format = 0;
        else if (tl_format_parse(v, &f) == 0)
            o->input_format = 1 + (int)f;
        else
            return bad("--input-format takes text, markdown, html or auto, not '%s'", v);
    } else if (!strcmp(name, "max-warnings")) {
        if (parse_long(v, &n))
            return bad("--max-warnings takes a number of warnings, not '%s'", v);
        o->given |= GIVEN_MAX_WARNINGS;
        o->max_warnings = n;
    } else {
        return bad("unknown option '--%s'", name);
    }
    return 0;
}

static int set_value(cli_opts *o, const char *name, char *v, const char **color)
{
    long n;
    if (!strcmp(name, "lang")) {
        o->given |= GIVEN_LANG;
        if (!strcmp(v, "ru"))
            o->lib.lang = TL_LANG_RU;
        else if (!strcmp(v, "uk"))
            o->lib.lang = TL_LANG_UK;
        else if (!strcmp(v, "auto"))
            o->lib.lang = TL_LANG_AUTO;
        else
            return bad("--lang takes ru, uk or auto, not '%s'", v);
    } else if (!strcmp(name, "glossary")) {
        return cli_push(&o->glossaries, &o->nglossaries, v) ? 2 : 0;
    } else if (!strcmp(name, "words")) {
        return cli_push(&o->words, &o->nwords, v) ? 2 : 0;
    } else if (!strcmp(name, "dict-dir")) {
        o->lib.dict_dir = v;
    } else if (!strcmp(name, "data-dir")) {
        o->lib.data_dir = v;
    } else if (!strcmp(name, "encoding")) {
        if (!tl_encoding_known(v))
            return bad("unknown encoding '%s' (ICU's names: windows-1251, koi8-r, koi8-u, cp866, "
                       "utf-16, ...)",
                       v);
        /* UTF-8 by any of its names: no guessing, bad bytes said one by one */
        o->lib.utf8_only = !strcasecmp(v, "utf-8") || !strcasecmp(v, "utf8");
        o->encoding = o->lib.utf8_only ? NULL : v;
    } else if (!strcmp(name, "output")) {
        if (!*v)
            return bad("--output takes a file name%s", "");
        o->output = v;
    } else if (!strcmp(name, "include")) {
        return cli_push(&o->includes, &o->nincludes, v) ? 2 : 0;
    } else if (!strcmp(name, "format")) {
        o->given |= GIVEN_FORMAT;
        if (!(o->format = report_find(v))) {
            char names[256];
            report_names(names, sizeof names, ", ", " or ");
            fprintf(stderr, "termlint: --format takes %s, not '%s'\ntry 'termlint --help'\n", names,
                    v);
            return 2;
        }
    } else if (!strcmp(name, "color") || !strcmp(name, "colour")) {
        if (strcmp(v, "auto") && strcmp(v, "always") && strcmp(v, "never"))
            return bad("--color takes auto, always or never, not '%s'", v);
        *color = v;
    } else if (!strcmp(name, "fail-on")) {
        o->given |= GIVEN_FAIL_ON;
        if (!strcmp(v, "never") || !strcmp(v, "none"))
            o->fail_on = TL_SEV_OFF;
        else if (tl_severity_parse(v, &o->fail_on) || o->fail_on == TL_SEV_OFF)
            return bad("--fail-on takes error, warning, info or never, not '%s'", v);
    } else if (!strcmp(name, "disable")) {
        return push_list(&o->disabled, &o->ndisabled, v) ? 2 : 0;
    } else if (!strcmp(name, "severity")) {
        return push_list(&o->severities, &o->nseverities, v) ? 2 : 0;
    } else if (!strcmp(name, "suggest")) {
        o->given |= GIVEN_SUGGEST;
        if (!strcmp(v, "all"))
            o->lib.suggest_limit = -1;
        else if (!strcmp(v, "none"))
            o->lib.suggest_limit = 0;
        else if (parse_long(v, &n) == 0)
            o->lib.suggest_limit = n;
        else
            return bad("--suggest takes a number, all or none, not '%s'", v);
    } else if (!strcmp(name, "consistency")) {
        o->given |= GIVEN_CONSISTENCY;
        if (!strcmp(v, "run"))
            o->consistency_run = 1;
        else if (!strcmp(v, "document"))
            o->consistency_run = 0;
        else
            return bad("--consistency takes document or run, not '%s'", v);
    } else if (!strcmp(name, "jobs")) {
        if (parse_long(v, &n) || n > 256)
            return bad("--jobs takes a number from 0 to 256, not '%s'", v);
        o->jobs = (int)n;
    } else {
        return set_ci_value(o, name, v);
    }
    return 0;
}

static const char *const valued[] = {"lang",           "glossary",
                                     "words",          "dict-dir",
                                     "data-dir",       "include",
                                     "format",         "color",
                                     "colour",         "fail-on",
                                     "disable",        "severity",
                                     "suggest",        "consistency",
                                     "jobs",           "output",
                                     "exclude",        "config",
                                     "baseline",       "print-config",
                                     "stdin-filename", "write-baseline",
                                     "max-warnings",   "input-format",
                                     "encoding",       NULL};

/* Options without a value: their flag in cli_opts. */
static int *flag_of(cli_opts *o, const char *a)
{
    if (!strcmp(a, "--stats"))
        return &o->stats;
    if (!strcmp(a, "--no-config"))
        return &o->no_config;
    if (!strcmp(a, "--report-unused-disables")) {
        o->given |= GIVEN_UNUSED;
        return &o->lib.report_unused_disables;
    }
    if (!strcmp(a, "--report-fixed"))
        return &o->report_fixed;
    if (!strcmp(a, "--dry-run"))
        return &o->dry_run;
    if (!strcmp(a, "--progress") || !strcmp(a, "--no-progress"))
        return &o->progress;
    return NULL;
}

static int takes_value(const char *name)
{
    for (int i = 0; valued[i]; i++)
        if (!strcmp(valued[i], name))
            return 1;
    return 0;
}

int cli_parse_check(int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    tl_options_init(&o->lib);
    o->format = report_find("text");
    o->fail_on = TL_SEV_WARNING;
    o->max_warnings = -1;
    const char *color = "auto";
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
            if (cli_push(&o->paths, &o->npaths, a))
                return 2;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_paths = 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            cli_usage(stdout);
            return 1;
        }
        int *flag = flag_of(o, a);
        if (flag) {
            *flag = strcmp(a, "--no-progress") ? 1 : -1;
            continue;
        }
        char name[32];
        char *v = NULL;
        if (!strncmp(a, "-j", 2) && a[2]) {
            memcpy(name, "jobs", 5); /* "-j2" */
            v = a + 2;
        } else if (!strcmp(a, "-j")) {
            memcpy(name, "jobs", 5);
        } else if (a[1] == '-') {
            char *eq = strchr(a + 2, '=');
            size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
            if (n >= sizeof name)
                return bad("unknown option '%s'", a);
            memcpy(name, a + 2, n);
            name[n] = '\0';
            v = eq ? eq + 1 : NULL;
        } else {
            return bad("unknown option '%s'", a);
        }
        if (!takes_value(name))
            return bad("unknown option '%s'", a);
        if (!v) {
            if (i + 1 >= argc)
                return bad("option '%s' needs a value", a);
            v = argv[++i];
        }
        int r = set_value(o, name, v, &color);
        if (r)
            return r;
    }
    if (!o->npaths && !o->print_config)
        return bad("%s", "no input: give files, folders or - for standard input");
    if (o->config && o->no_config)
        return bad("%s", "--config and --no-config contradict each other");
    if (o->report_fixed && !o->baseline)
        return bad("%s", "--report-fixed needs --baseline FILE");
    o->ninclude_cli = o->nincludes;
    if (!strcmp(color, "always"))
        o->color = 1;
    else if (!strcmp(color, "auto"))
        o->color = isatty(1) && !getenv("NO_COLOR") && getenv("TERM") &&
                   strcmp(getenv("TERM"), "dumb") != 0;
    o->lib.glossaries = o->glossaries;
    o->lib.word_lists = o->words;
    o->lib.disabled_rules = o->disabled;
    o->lib.severity_overrides = o->severities;
    return 0;
}

void cli_opts_release(cli_opts *o)
{
    free(o->paths);
    free(o->glossaries);
    free(o->words);
    free(o->disabled);
    free(o->severities);
    free(o->includes);
    free(o->excludes);
    free(o->accept);
    free(o->reject);
    memset(o, 0, sizeof *o);
}
