/*
 * options.c - `termlint check` arguments -> cli_opts. getopt_long is POSIX-adjacent
 * GNU; we parse by hand to accept both "--opt=value" and "--opt value" and to report
 * errors in our own words.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_usage(FILE *f)
{
    char formats[256];
    report_names(formats, sizeof formats, "|", "|");
    fputs("usage: termlint check [options] PATH...\n"
          "       termlint glossary check FILE...\n"
          "       termlint rules\n"
          "       termlint --version | --help\n"
          "\n"
          "Checks Russian and Ukrainian texts: spelling (Hunspell), glossary terms in any\n"
          "inflection, and machine-translation defects. PATH is a file, a folder (recursed;\n"
          "*.txt and *.md) or - for standard input.\n"
          "\n"
          "options:\n"
          "  --lang ru|uk|auto        language of the texts (default auto, per file)\n"
          "  --glossary FILE|default  a YAML glossary; repeatable; 'default' is the shipped one\n"
          "  --words FILE             words to accept as correct, one per line; repeatable\n"
          "  --dict-dir DIR           folder with ru_RU/uk_UA .aff/.dic, searched first\n"
          "  --data-dir DIR           folder of shipped data (rules.yaml, glossaries)\n"
          "  --include GLOB           file names to check inside folders; repeatable\n"
          "  --output FILE            write the report to FILE (only once it is complete)\n",
          f);
    fprintf(f, "  --format %-15s output format (default text)\n", formats);
    fputs("  --color auto|always|never  colour in text output (default auto)\n"
          "  --fail-on error|warning|info|never  exit 1 at or above this (default warning)\n"
          "  --disable RULE[,RULE]    switch rules off (a family: 'typography')\n"
          "  --severity RULE=LEVEL    re-grade a rule: off|info|warning|error\n"
          "  --suggest N|all|none     spelling suggestions for the first N distinct\n"
          "                           misspelt words of the run (default 100; 'all' also\n"
          "                           lifts the limits of Hunspell's slow engine: 10\n"
          "                           words, texts of up to 20,000 words)\n"
          "  --consistency document|run  compare term renderings per file or across the run\n"
          "  -j, --jobs N             threads (default: number of cores)\n"
          "  --stats                  print word and cache statistics to stderr\n"
          "\n"
          "exit codes: 0 no finding at or above --fail-on; 1 findings; 2 usage, input,\n"
          "glossary or dictionary errors (findings are still printed).\n",
          f);
}

/* Appends to a NULL-terminated, growable list. */
static int push(const char ***list, size_t *n, const char *s)
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
        if (*p && push(list, n, p))
            return -1;
        p = comma ? comma + 1 : NULL;
    }
    return 0;
}

static int set_value(cli_opts *o, const char *name, char *v, const char **color)
{
    long n;
    if (!strcmp(name, "lang")) {
        if (!strcmp(v, "ru"))
            o->lib.lang = TL_LANG_RU;
        else if (!strcmp(v, "uk"))
            o->lib.lang = TL_LANG_UK;
        else if (!strcmp(v, "auto"))
            o->lib.lang = TL_LANG_AUTO;
        else
            return bad("--lang takes ru, uk or auto, not '%s'", v);
    } else if (!strcmp(name, "glossary")) {
        return push(&o->glossaries, &o->nglossaries, v) ? 2 : 0;
    } else if (!strcmp(name, "words")) {
        return push(&o->words, &o->nwords, v) ? 2 : 0;
    } else if (!strcmp(name, "dict-dir")) {
        o->lib.dict_dir = v;
    } else if (!strcmp(name, "data-dir")) {
        o->lib.data_dir = v;
    } else if (!strcmp(name, "output")) {
        if (!*v)
            return bad("--output takes a file name%s", "");
        o->output = v;
    } else if (!strcmp(name, "include")) {
        return push(&o->includes, &o->nincludes, v) ? 2 : 0;
    } else if (!strcmp(name, "format")) {
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
        if (!strcmp(v, "never") || !strcmp(v, "none"))
            o->fail_on = TL_SEV_OFF;
        else if (tl_severity_parse(v, &o->fail_on) || o->fail_on == TL_SEV_OFF)
            return bad("--fail-on takes error, warning, info or never, not '%s'", v);
    } else if (!strcmp(name, "disable")) {
        return push_list(&o->disabled, &o->ndisabled, v) ? 2 : 0;
    } else if (!strcmp(name, "severity")) {
        return push(&o->severities, &o->nseverities, v) ? 2 : 0;
    } else if (!strcmp(name, "suggest")) {
        if (!strcmp(v, "all"))
            o->lib.suggest_limit = -1;
        else if (!strcmp(v, "none"))
            o->lib.suggest_limit = 0;
        else if (parse_long(v, &n) == 0)
            o->lib.suggest_limit = n;
        else
            return bad("--suggest takes a number, all or none, not '%s'", v);
    } else if (!strcmp(name, "consistency")) {
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
        return bad("unknown option '--%s'", name);
    }
    return 0;
}

static const char *const valued[] = {"lang",    "glossary", "words",   "dict-dir",    "data-dir",
                                     "include", "format",   "color",   "colour",      "fail-on",
                                     "disable", "severity", "suggest", "consistency", "jobs",
                                     "output",  NULL};

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
    const char *color = "auto";
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
            if (push(&o->paths, &o->npaths, a))
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
        if (!strcmp(a, "--stats")) {
            o->stats = 1;
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
    if (!o->npaths)
        return bad("%s", "no input: give files, folders or - for standard input");
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
    memset(o, 0, sizeof *o);
}
