/*
 * printconfig.c - `termlint check --print-config FILE`: the settings FILE would be
 * checked with, after the configuration file, its overrides and the command line
 * (ESLint's --print-config). Printed as YAML in the configuration's own keys, so that
 * a block of it can be pasted into .termlint.yaml; every rule is listed with its
 * severity and options as the library resolved them (tl_ctx_rule_severity).
 */
#include "settings.h"

#include <stdlib.h>
#include <string.h>

/* `s` as a double-quoted YAML string. */
static void quoted(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\x%02x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void str_or_null(const char *key, const char *v)
{
    printf("%s: ", key);
    if (v)
        quoted(v);
    else
        fputs("null", stdout);
    putchar('\n');
}

static void list(const char *key, const char *const *v, const char *dflt)
{
    printf("%s: [", key);
    for (size_t i = 0; v && v[i]; i++) {
        fputs(i ? ", " : "", stdout);
        quoted(dflt && !strcmp(v[i], dflt) ? "default" : v[i]);
    }
    fputs("]\n", stdout);
}

static void rules(const tl_ctx *ctx, size_t profile)
{
    fputs("rules:\n", stdout);
    for (size_t i = 0; i < tl_rule_count(); i++) {
        tl_rule r = (tl_rule)i;
        const char *sev = tl_severity_str(tl_ctx_rule_severity(ctx, profile, r));
        printf("  %s: ", tl_rule_id(r));
        int opts = 0;
        for (size_t k = 0; k < tl_rule_option_count(); k++) {
            const tl_rule_option *o = tl_rule_option_at(k);
            if (o->rule != r)
                continue;
            printf(opts++ ? ", %s: " : "{severity: %s, %s: ", sev, o->name);
            const char *v = tl_ctx_rule_option(ctx, profile, o);
            if (v)
                quoted(v);
            else
                fputs("null", stdout);
        }
        fputs(opts ? "}\n" : sev, stdout);
        if (!opts)
            putchar('\n');
    }
}

/* The overrides that apply, each by its globs. */
static void overrides(const cli_settings *s, const char *label)
{
    uint64_t mask = cli_settings_overrides(s, label);
    fputs("overrides: [", stdout);
    int first = 1;
    for (size_t i = 0; s->cfg && i < s->cfg->noverrides; i++) {
        if (!(mask >> i & 1))
            continue;
        const tl_config_override *ov = &s->cfg->overrides[i];
        printf("%s{line: %u, files: [", first ? "" : ", ", ov->line);
        for (size_t g = 0; ov->files[g]; g++) {
            fputs(g ? ", " : "", stdout);
            quoted(ov->files[g]);
        }
        fputs("]}", stdout);
        first = 0;
    }
    fputs("]\n", stdout);
}

static void exclude(const cli_settings *s, const char *label)
{
    char *rel = cli_relative(label, s->base);
    const pm_rule *why = NULL;
    int out = rel && pm_excluded(&s->exclude, rel, 0, &why);
    free(rel);
    printf("excluded: %s\n", out ? "true" : "false");
    fputs("exclude: [", stdout);
    for (size_t i = 0; i < s->exclude.n; i++) {
        char buf[4200];
        snprintf(buf, sizeof buf, "%s%s", s->exclude.v[i].negate ? "!" : "",
                 s->exclude.v[i].pattern);
        fputs(i ? ", " : "", stdout);
        quoted(buf);
    }
    fputs("]\n", stdout);
}

void cli_print_config(const cli_opts *o, const cli_settings *s, const tl_ctx *ctx,
                      const char *label, size_t profile, const char *default_glossary)
{
    printf("# the settings %s is checked with (termlint check --print-config)\n", label);
    str_or_null("file", label);
    str_or_null("configuration", s->cfg ? s->cfg->path : NULL);
    overrides(s, label);
    exclude(s, label);
    printf("language: %s\n", tl_lang_str(tl_ctx_lang(ctx, profile)));
    list("glossaries", o->lib.glossaries, default_glossary);
    list("words", o->lib.word_lists, NULL);
    list("accept", o->lib.accept_words, NULL);
    list("reject", o->lib.reject_words, NULL);
    list("include", o->includes && *o->includes ? o->includes : NULL, NULL);
    printf("fail_on: %s\n", o->fail_on == TL_SEV_OFF ? "never" : tl_severity_str(o->fail_on));
    if (o->max_warnings >= 0)
        printf("max_warnings: %ld\n", o->max_warnings);
    else
        fputs("max_warnings: null\n", stdout);
    printf("consistency: %s\n", o->consistency_run ? "run" : "document");
    if (o->lib.suggest_limit < 0)
        fputs("suggest: all\n", stdout);
    else if (o->lib.suggest_limit == 0)
        fputs("suggest: none\n", stdout);
    else
        printf("suggest: %ld\n", o->lib.suggest_limit);
    printf("format: %s\n", o->format->name);
    printf("report_unused_disables: %s\n", o->lib.report_unused_disables ? "true" : "false");
    str_or_null("baseline", o->baseline);
    rules(ctx, profile);
}
