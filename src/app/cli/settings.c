/*
 * settings.c - the configuration file and the command line -> the settings of a run
 * (docs/configuration.md).
 *
 *   --no-config | --config FILE | .termlint.yaml in the current folder or the nearest
 *   parent, the search stopping at a repository's root (a folder holding .git)
 *     -> tl_config_load (the library checks every key)
 *     -> merged into cli_opts: what the command line set wins (cli_opts.given; lists
 *        given on the command line replace the file's, --exclude adds to exclude:)
 *   the base folder: the configuration's (else the current one); exclude:,
 *   .termlintignore of the base folder, --exclude and the default node_modules/ and
 *   .git/ rules make one pm_set
 *   each file -> the overrides whose files: match it (relative to the base) -> a
 *     profile (tl_profile), one per distinct set of overrides
 *
 * The rule settings of a profile, in the order the library applies them (the last
 * one wins): the file's rules: (families and prefixes before rule ids, so that a rule
 * named on its own beats its family), then each matching override's rules: in the
 * order written, then --severity, then --disable.
 */
#include "settings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CONFIG_NAME ".termlint.yaml"
#define IGNORE_NAME ".termlintignore"

void cli_print_diag_list(const tl_diags *d)
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

/* ---- finding the file ------------------------------------------------------------- */

static int exists(const char *path) { return access(path, F_OK) == 0; }

/* .termlint.yaml of the current folder or the nearest parent, as a path relative to the
 * current folder ("../../.termlint.yaml"), or NULL. The search stops at a repository's
 * root (a folder with .git), after looking there. Owned. */
static char *discover(void)
{
    char up[4096] = "";
    for (int depth = 0; depth < 64; depth++) {
        char probe[4200];
        snprintf(probe, sizeof probe, "%s%s", up, CONFIG_NAME);
        if (exists(probe))
            return strdup(probe);
        snprintf(probe, sizeof probe, "%s.git", up);
        if (exists(probe))
            return NULL;
        char here[4200];
        snprintf(here, sizeof here, "%s.", up);
        char *abs = cli_absolute(here);
        int root = !abs || !strcmp(abs, "/");
        free(abs);
        if (root || strlen(up) + 4 >= sizeof up)
            return NULL;
        strcat(up, "../");
    }
    return NULL;
}

/* ---- merging ---------------------------------------------------------------------------- */

/* Copies NULL-terminated `src` into the growable list *dst. */
static int copy_list(const char ***dst, size_t *n, const char *const *src)
{
    for (const char *const *p = src; p && *p; p++)
        if (cli_push(dst, n, *p))
            return -1;
    return 0;
}

static const report_format *format_of(const char *name) { return report_find(name); }

/* The file's settings where the command line did not set them. */
static int merge(cli_opts *o, const tl_config *c)
{
    unsigned g = o->given;
    if (!(g & GIVEN_LANG) && c->has_lang) {
        o->lib.lang = c->lang;
        o->lib.lang_reason = "set in the configuration";
    }
    if (!(g & GIVEN_FORMAT) && c->format)
        o->format = format_of(c->format);
    if (!(g & GIVEN_FAIL_ON) && c->has_fail_on)
        o->fail_on = c->fail_on;
    if (!(g & GIVEN_SUGGEST) && c->has_suggest)
        o->lib.suggest_limit = c->suggest;
    if (!(g & GIVEN_CONSISTENCY) && c->has_consistency)
        o->consistency_run = c->consistency_run;
    if (!(g & GIVEN_MAX_WARNINGS) && c->has_max_warnings)
        o->max_warnings = c->max_warnings;
    if (!(g & GIVEN_UNUSED) && c->has_report_unused_disables)
        o->lib.report_unused_disables = c->report_unused_disables;
    if (!(g & GIVEN_BASELINE) && c->baseline)
        o->baseline = c->baseline;
    int rc = 0;
    if (!o->nglossaries)
        rc |= copy_list(&o->glossaries, &o->nglossaries, c->glossaries);
    if (!o->nwords)
        rc |= copy_list(&o->words, &o->nwords, c->word_lists);
    if (!o->nincludes)
        rc |= copy_list(&o->includes, &o->nincludes, c->include);
    rc |= copy_list(&o->accept, &o->naccept, c->accept);
    rc |= copy_list(&o->reject, &o->nreject, c->reject);
    return rc;
}

/* The exclude rules: the defaults, exclude:, .termlintignore, --exclude. */
static int excludes(cli_settings *s, const cli_opts *o)
{
    static const char *const defaults[] = {"node_modules/", ".git/", NULL};
    int rc = 0;
    for (const char *const *p = defaults; *p; p++)
        rc |= pm_add(&s->exclude, *p, "default");
    for (const char *const *p = s->cfg ? s->cfg->exclude : NULL; p && *p; p++)
        rc |= pm_add(&s->exclude, *p, s->cfg->path);
    rc |= pm_add_file(&s->exclude, s->ignore_path);
    for (size_t i = 0; i < o->nexcludes; i++)
        rc |= pm_add(&s->exclude, o->excludes[i], "--exclude");
    return rc;
}

int cli_settings_load(cli_opts *o, cli_settings *s)
{
    memset(s, 0, sizeof *s);
    char *found = NULL;
    const char *path = o->config;
    if (!path && !o->no_config)
        path = found = discover();
    if (path) {
        const char *names[32];
        report_list(names, 32);
        tl_diags *d = tl_diags_new();
        tl_status st = d ? tl_config_load(path, names, &s->cfg, d) : TL_ERR_NOMEM;
        cli_print_diag_list(d);
        tl_diags_free(d);
        if (st != TL_OK) {
            fprintf(stderr, "termlint: %s: %s\n", path,
                    st == TL_ERR_IO ? strerror(ENOENT) : tl_status_str(st));
            free(found);
            return 2;
        }
    }
    free(found);
    const char *dir = s->cfg ? s->cfg->dir : ".";
    s->base = cli_absolute(dir);
    size_t n = strlen(dir) + sizeof IGNORE_NAME + 1;
    s->ignore_path = malloc(n);
    if (!s->base || !s->ignore_path)
        return 2;
    snprintf(s->ignore_path, n, "%s/%s", dir, IGNORE_NAME);
    if ((s->cfg && merge(o, s->cfg)) || excludes(s, o))
        return 2;
    if (s->cfg && s->cfg->noverrides > 64) {
        fprintf(stderr, "%s: error: at most 64 overrides are supported\n", s->cfg->path);
        return 2;
    }
    if (o->report_fixed && !o->baseline) {
        fprintf(stderr, "termlint: --report-fixed needs a baseline (--baseline FILE)\n");
        return 2;
    }
    return 0;
}

/* ---- profiles --------------------------------------------------------------------------- */

uint64_t cli_settings_overrides(const cli_settings *s, const char *label)
{
    if (!s->cfg || !s->cfg->noverrides || !strcmp(label, "-"))
        return 0;
    char *rel = cli_relative(label, s->base);
    uint64_t mask = 0;
    for (size_t i = 0; rel && i < s->cfg->noverrides; i++)
        for (const char *const *g = s->cfg->overrides[i].files; *g; g++)
            if (pm_glob(*g, rel))
                mask |= (uint64_t)1 << i;
    free(rel);
    return mask;
}

size_t cli_settings_profile(cli_settings *s, const char *label)
{
    uint64_t mask = cli_settings_overrides(s, label);
    if (!mask)
        return 0;
    for (size_t k = 0; k < s->nmasks; k++)
        if (s->masks[k] == mask)
            return k + 1;
    uint64_t *m = realloc(s->masks, (s->nmasks + 1) * sizeof *m);
    if (!m)
        return 0; /* the base settings, rather than none */
    s->masks = m;
    s->masks[s->nmasks++] = mask;
    return s->nmasks;
}

/* Keeps a string made for a profile until the settings are released. */
static const char *keep(cli_settings *s, char *str)
{
    if (!str || cli_push(&s->pool, &s->npool, str)) {
        free(str);
        return NULL;
    }
    return str;
}

static int add_rules(cli_settings *s, const tl_config_rule *r, size_t n, const char ***sev,
                     size_t *nsev, const char ***opt, size_t *nopt)
{
    /* families and prefixes first, rule ids after them */
    for (int exact = 0; exact < 2; exact++) {
        for (size_t i = 0; i < n; i++) {
            tl_rule id;
            if ((tl_rule_from_id(r[i].rule, &id) == 0) != exact)
                continue;
            if (r[i].has_severity) {
                size_t len = strlen(r[i].rule) + 16;
                char *str = malloc(len);
                if (str)
                    snprintf(str, len, "%s=%s", r[i].rule, tl_severity_str(r[i].severity));
                const char *k = keep(s, str);
                if (!k || cli_push(sev, nsev, k))
                    return -1;
            }
            for (const char *const *p = r[i].options; p && *p; p++)
                if (cli_push(opt, nopt, *p))
                    return -1;
        }
    }
    return 0;
}

/* The rule lists and language of the overrides in `mask` into p. */
static int build(cli_settings *s, const cli_opts *o, uint64_t mask, tl_profile *p, size_t k)
{
    const char **sev = NULL, **opt = NULL;
    size_t nsev = 0, nopt = 0;
    const tl_config *c = s->cfg;
    int rc = c ? add_rules(s, c->rules, c->nrules, &sev, &nsev, &opt, &nopt) : 0;
    p->set_lang = 0;
    for (size_t i = 0; rc == 0 && c && i < c->noverrides; i++) {
        if (!(mask >> i & 1))
            continue;
        const tl_config_override *ov = &c->overrides[i];
        rc = add_rules(s, ov->rules, ov->nrules, &sev, &nsev, &opt, &nopt);
        if (ov->has_lang && !(o->given & GIVEN_LANG)) {
            p->set_lang = 1;
            p->lang = ov->lang;
            p->lang_reason = "set by an override of the configuration";
        }
    }
    for (size_t i = 0; rc == 0 && i < o->nseverities; i++)
        rc = cli_push(&sev, &nsev, o->severities[i]);
    /* the lists are kept as they are made, so that release frees them */
    s->lists[2 * k] = sev;
    s->lists[2 * k + 1] = opt;
    if (rc)
        return -1;
    p->severity_overrides = sev;
    p->rule_options = opt;
    p->disabled_rules = o->disabled;
    return 0;
}

int cli_settings_finish(cli_settings *s, cli_opts *o)
{
    s->profiles = calloc(s->nmasks + 1, sizeof *s->profiles);
    s->lists = calloc(2 * (s->nmasks + 1), sizeof *s->lists);
    if (!s->profiles || !s->lists)
        return -1;
    for (size_t k = 0; k <= s->nmasks; k++)
        if (build(s, o, k ? s->masks[k - 1] : 0, &s->profiles[k], k))
            return -1;
    o->lib.severity_overrides = s->profiles[0].severity_overrides;
    o->lib.rule_options = s->profiles[0].rule_options;
    o->lib.profiles = s->nmasks ? s->profiles + 1 : NULL;
    o->lib.nprofiles = s->nmasks;
    o->lib.accept_words = o->accept;
    o->lib.reject_words = o->reject;
    o->lib.glossaries = o->glossaries;
    o->lib.word_lists = o->words;
    o->lib.disabled_rules = o->disabled;
    return 0;
}

void cli_settings_release(cli_settings *s)
{
    for (size_t k = 0; s->lists && k < 2 * (s->nmasks + 1); k++)
        free(s->lists[k]);
    for (size_t i = 0; i < s->npool; i++)
        free((char *)s->pool[i]);
    free(s->pool);
    free(s->lists);
    free(s->profiles);
    free(s->masks);
    free(s->base);
    free(s->ignore_path);
    pm_free(&s->exclude);
    tl_config_free(s->cfg);
    memset(s, 0, sizeof *s);
}
