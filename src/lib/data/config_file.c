/*
 * config_file.c - the configuration file's schema (config_file.h; the keys are
 * documented in docs/configuration.md): YAML -> tl_config, read with the YAML reader
 * (yaml_reader.c), which reports unknown keys with a "did you mean", wrong types and
 * YAML errors with file:line:col. This file adds what only a configuration knows:
 *
 *   top key -+- glossaries, words        paths, resolved against the file's folder and
 *            |                           required to exist ("default" is the data
 *            |                           folder's glossary: kept as the word)
 *            +- accept, reject, include, exclude   strings or lists of strings
 *            +- language, fail_on, consistency     one of a few words
 *            +- suggest, max_warnings     numbers (suggest also all / none)
 *            +- format                    one of the caller's output formats
 *            +- report_unused_disables    true / false
 *            +- baseline                  a path, resolved (it may not exist yet)
 *            +- rules                     RULE: severity | {severity:, OPTION: value}
 *            +- overrides                 - files: globs, language:, rules:
 *
 * Rule selectors and options are checked through the vocabulary the core gives
 * (config_vocab), so that every problem has the position of the key or value at fault.
 * Everything read lives in one arena that the tl_config is handed with.
 *
 * Adding a key: its name in top_keys and the enum, its case in top_key(), its field at
 * the end of tl_config (termlint.h), docs/configuration.md, and its use in the command
 * line (src/app/cli/config.c).
 */
#include "config_file.h"

#include "yaml_reader.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The configuration and the arena holding everything it points to. */
typedef struct {
    tl_config pub; /* first: config_free() gets the box back from it */
    tl_arena mem;
} config_box;

/* A growable NULL-terminated list of strings in the arena. */
typedef struct {
    const char **v;
    size_t n, cap;
} strs;

/* A growable list of rule entries. */
typedef struct {
    tl_config_rule *v;
    size_t n, cap;
} rule_list;

/* One reading: the session's user data. */
typedef struct {
    config_box *box;
    const config_vocab *voc;
    strs glossaries, words, accept, reject, include, exclude;
    rule_list rules;
    tl_config_override *over;
    size_t nover, capover;
} cfg_loader;

static cfg_loader *ld_of(yr_file *y) { return yr_user(y); }

/* ---- values ------------------------------------------------------------------------ */

static const char *const lang_names[] = {"auto", "ru", "uk", NULL}; /* tl_lang order */
static const char *const sev_names[] = {"off", "info", "warning", "error", NULL};
static const char *const fail_names[] = {"never", "info", "warning", "error", NULL};
static const char *const scope_names[] = {"document", "run", NULL};

/* A word of `names` into *out (its index); -1 left there when the value is wrong
 * (reported). */
static int word_of(yr_file *y, const char *what, const char *const *names, int *out)
{
    *out = -1;
    return yr_enum(y, what, names, out);
}

static int push_str(yr_file *y, strs *l, const char *s)
{
    const char **p = tl_arena_grow(&ld_of(y)->box->mem, l->v, l->n, &l->cap, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[l->n++] = s;
    l->v = p;
    return 0;
}

/* `rel` resolved against the configuration's folder (as is when that is "." or `rel`
 * is absolute). */
static const char *resolve(yr_file *y, const char *rel)
{
    const char *dir = ld_of(y)->box->pub.dir;
    if (rel[0] == '/' || !strcmp(dir, "."))
        return rel;
    return tl_arena_printf(&ld_of(y)->box->mem, "%s/%s", dir, rel);
}

typedef struct {
    strs *list;
    const char *what;     /* "'glossaries' items" */
    int path, must_exist; /* resolve against the folder; require a readable file */
} item_ctx;

static int string_item(yr_file *y, void *ctx)
{
    item_ctx *ic = ctx;
    yr_pos at = yr_here(y);
    const char *s;
    if (yr_str(y, ic->what, &s))
        return -1;
    if (!s || !*s) {
        yr_error(y, at, "%s must not be empty", ic->what);
        return 0;
    }
    if (ic->path && strcmp(s, "default") != 0) {
        const char *full = resolve(y, s);
        if (!full)
            return yr_nomem(y);
        if (ic->must_exist && access(full, R_OK) != 0)
            yr_error(y, at, "cannot read '%s' (paths are relative to the configuration's folder)",
                     full);
        s = full;
    }
    return push_str(y, ic->list, s);
}

/* A string or a list of strings into `list`. */
static int strings(yr_file *y, const char *key, strs *list, int path, int must_exist)
{
    char what[64];
    snprintf(what, sizeof what, "'%s' items", key);
    item_ctx ic = {list, what, path, must_exist};
    if (yr_kind(y) == YR_SCALAR && yr_is_null(y))
        return 0; /* `key:` with nothing after it (or only comments): not set */
    if (yr_kind(y) == YR_SCALAR)
        return string_item(y, &ic);
    char quoted[64];
    snprintf(quoted, sizeof quoted, "'%s'", key);
    return yr_each_item(y, quoted, string_item, &ic);
}

/* ---- rules ---------------------------------------------------------------------------- */

typedef struct {
    tl_config_rule *r;
    strs options;
    int exact; /* the selector is a rule id: options allowed */
    const char *names[16];
} rule_ctx;

static int option_value(yr_file *y, rule_ctx *rc, const char *name)
{
    const config_vocab *v = ld_of(y)->voc;
    yr_pos at = yr_here(y);
    const char *value;
    char what[96];
    snprintf(what, sizeof what, "option '%s' of '%s'", name, rc->r->rule);
    if (yr_kind(y) != YR_SCALAR)
        return yr_wrong_type(y, what, "a string");
    const char *const *allowed = v->values(rc->r->rule, name);
    if (allowed) {
        int k;
        char kind[96]; /* "unknown typography.quotes style 'curl'" */
        snprintf(kind, sizeof kind, "%s %s", rc->r->rule, name);
        if (word_of(y, kind, allowed, &k))
            return -1;
        value = k >= 0 ? allowed[k] : NULL;
        const char *spec =
            value ? tl_arena_printf(&ld_of(y)->box->mem, "%s:%s=%s", rc->r->rule, name, value)
                  : NULL;
        return !value ? 0 : spec ? push_str(y, &rc->options, spec) : yr_nomem(y);
    }
    if (yr_str(y, what, &value))
        return -1;
    const char *why = value ? v->invalid(rc->r->rule, name, value) : "must not be empty";
    if (why) {
        yr_error(y, at, "%s %s, not '%s'", what, why, value ? value : "");
        return 0;
    }
    const char *spec = tl_arena_printf(&ld_of(y)->box->mem, "%s:%s=%s", rc->r->rule, name, value);
    return spec ? push_str(y, &rc->options, spec) : yr_nomem(y);
}

static int rule_option(yr_file *y, const char *key, yr_pos at, void *ctx)
{
    rule_ctx *rc = ctx;
    if (!strcmp(key, "severity")) {
        int sev;
        if (word_of(y, "severity", sev_names, &sev))
            return -1;
        rc->r->has_severity = sev >= 0;
        rc->r->severity = sev >= 0 ? (tl_severity)sev : TL_SEV_OFF;
        return 0;
    }
    if (!rc->exact) {
        yr_error(y, at, "'%s' selects several rules: options go under one rule id", rc->r->rule);
        return yr_skip(y);
    }
    size_t i = 0;
    while (rc->names[i] && strcmp(rc->names[i], key))
        i++;
    if (!rc->names[i]) {
        const char *best = yr_suggest(key, rc->names);
        if (best)
            yr_error(y, at, "unknown option '%s' of rule '%s' (did you mean '%s'?)", key,
                     rc->r->rule, best);
        else if (rc->names[0])
            yr_error(y, at, "unknown option '%s' of rule '%s' (it takes severity and %s)", key,
                     rc->r->rule, rc->names[0]);
        else
            yr_error(y, at, "unknown option '%s': rule '%s' takes only a severity", key,
                     rc->r->rule);
        return yr_skip(y);
    }
    return option_value(y, rc, key);
}

static int rule_pair(yr_file *y, const char *key, yr_pos at, void *ctx)
{
    rule_list *l = ctx;
    cfg_loader *ld = ld_of(y);
    if (!ld->voc->selects(key)) {
        const char *best = ld->voc->suggest(key);
        if (best)
            yr_error(y, at, "unknown rule '%s' (did you mean '%s'?)", key, best);
        else
            yr_error(y, at, "unknown rule '%s' (termlint rules lists them)", key);
        return yr_skip(y);
    }
    tl_config_rule *p = tl_arena_grow(&ld->box->mem, l->v, l->n, &l->cap, sizeof *p);
    if (!p)
        return yr_nomem(y);
    l->v = p;
    tl_config_rule *r = &l->v[l->n];
    memset(r, 0, sizeof *r);
    r->rule = key;
    r->line = at.line;
    r->col = at.col;
    if (yr_kind(y) == YR_SCALAR) {
        int sev;
        if (word_of(y, "severity", sev_names, &sev))
            return -1;
        if (sev < 0)
            return 0;
        r->has_severity = 1;
        r->severity = (tl_severity)sev;
        l->n++;
        return 0;
    }
    rule_ctx rc = {r, {NULL, 0, 0}, 0, {NULL}};
    rc.exact = ld->voc->options(key, rc.names, sizeof rc.names / sizeof rc.names[0]) == 0;
    char what[96];
    snprintf(what, sizeof what, "rule '%s'", key);
    if (yr_kind(y) != YR_MAP)
        return yr_wrong_type(y, what, "off, info, warning, error or a mapping of options");
    if (yr_each_pair(y, what, "a mapping", rule_option, &rc))
        return -1;
    r->options = rc.options.v;
    l->n++;
    return 0;
}

static int rules_value(yr_file *y, rule_list *l)
{
    if (yr_kind(y) == YR_SCALAR && yr_is_null(y))
        return 0;
    return yr_each_pair(y, "'rules'", "a mapping of rules to severities", rule_pair, l);
}

/* ---- overrides ---------------------------------------------------------------------- */

static const char *const override_keys[] = {"files", "language", "rules", NULL};

typedef struct {
    tl_config_override o;
    strs files;
    rule_list rules;
} override_ctx;

static int override_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    override_ctx *oc = ctx;
    int v;
    switch (key) {
    case 0: return strings(y, "files", &oc->files, 0, 0);
    case 1:
        if (word_of(y, "language", lang_names, &v))
            return -1;
        oc->o.has_lang = v >= 0;
        oc->o.lang = v >= 0 ? (tl_lang)v : TL_LANG_AUTO;
        return 0;
    default: return rules_value(y, &oc->rules);
    }
}

static int override_item(yr_file *y, void *ctx)
{
    (void)ctx;
    cfg_loader *ld = ld_of(y);
    yr_pos at = yr_here(y);
    override_ctx oc;
    memset(&oc, 0, sizeof oc);
    int rc = yr_mapping(y, "'overrides' items", "a mapping (files:, rules:, language:)",
                        override_keys, override_key, &oc);
    if (rc <= 0)
        return rc;
    if (!oc.files.n) {
        yr_error(y, at, "an override needs 'files': the globs it applies to");
        return 0;
    }
    tl_config_override *p =
        tl_arena_grow(&ld->box->mem, ld->over, ld->nover, &ld->capover, sizeof *p);
    if (!p)
        return yr_nomem(y);
    ld->over = p;
    oc.o.files = oc.files.v;
    oc.o.rules = oc.rules.v;
    oc.o.nrules = oc.rules.n;
    oc.o.line = at.line;
    oc.o.col = at.col;
    ld->over[ld->nover++] = oc.o;
    return 0;
}

/* ---- the top level -------------------------------------------------------------------- */

static const char *const top_keys[] = {"glossaries",  "words",
                                       "accept",      "reject",
                                       "language",    "include",
                                       "exclude",     "rules",
                                       "fail_on",     "max_warnings",
                                       "consistency", "suggest",
                                       "format",      "report_unused_disables",
                                       "baseline",    "overrides",
                                       NULL};
enum {
    K_GLOSSARIES,
    K_WORDS,
    K_ACCEPT,
    K_REJECT,
    K_LANGUAGE,
    K_INCLUDE,
    K_EXCLUDE,
    K_RULES,
    K_FAIL_ON,
    K_MAX_WARNINGS,
    K_CONSISTENCY,
    K_SUGGEST,
    K_FORMAT,
    K_REPORT_UNUSED,
    K_BASELINE,
    K_OVERRIDES
};

static int suggest_value(yr_file *y, tl_config *c)
{
    static const char *const words[] = {"all", "none", NULL};
    const char *s = yr_kind(y) == YR_SCALAR ? yr_scalar(y) : "";
    if (*s >= '0' && *s <= '9') {
        c->has_suggest = 1;
        return yr_long(y, "'suggest'", 0, 1000000000L, &c->suggest);
    }
    int w;
    if (word_of(y, "'suggest' value", words, &w))
        return -1;
    c->has_suggest = w >= 0;
    c->suggest = w == 0 ? -1 : 0;
    return 0;
}

static int format_value(yr_file *y, tl_config *c)
{
    const char *const *formats = ld_of(y)->voc->formats;
    if (!formats)
        return yr_str(y, "'format'", &c->format);
    int f;
    if (word_of(y, "format", formats, &f))
        return -1;
    c->format = f >= 0 ? formats[f] : NULL;
    return 0;
}

static int top_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    cfg_loader *ld = ctx;
    tl_config *c = &ld->box->pub;
    bool b;
    int w;
    switch (key) {
    case K_GLOSSARIES: return strings(y, "glossaries", &ld->glossaries, 1, 1);
    case K_WORDS: return strings(y, "words", &ld->words, 1, 1);
    case K_ACCEPT: return strings(y, "accept", &ld->accept, 0, 0);
    case K_REJECT: return strings(y, "reject", &ld->reject, 0, 0);
    case K_INCLUDE: return strings(y, "include", &ld->include, 0, 0);
    case K_EXCLUDE: return strings(y, "exclude", &ld->exclude, 0, 0);
    case K_RULES: return rules_value(y, &ld->rules);
    case K_OVERRIDES:
        if (yr_kind(y) == YR_SCALAR && yr_is_null(y))
            return 0;
        return yr_each_item(y, "'overrides'", override_item, NULL);
    case K_SUGGEST: return suggest_value(y, c);
    case K_FORMAT: return format_value(y, c);
    case K_MAX_WARNINGS:
        c->has_max_warnings = 1;
        return yr_long(y, "'max_warnings'", 0, 1000000000L, &c->max_warnings);
    case K_REPORT_UNUSED:
        b = false; /* left alone by a value that is not a boolean (then reported) */
        if (yr_bool(y, "'report_unused_disables'", &b))
            return -1;
        c->has_report_unused_disables = 1;
        c->report_unused_disables = b;
        return 0;
    case K_BASELINE: {
        const char *s;
        if (yr_str(y, "'baseline'", &s))
            return -1;
        c->baseline = s && *s ? resolve(y, s) : NULL;
        return s && *s && !c->baseline ? yr_nomem(y) : 0;
    }
    case K_LANGUAGE:
        if (word_of(y, "language", lang_names, &w))
            return -1;
        c->has_lang = w >= 0;
        c->lang = w >= 0 ? (tl_lang)w : TL_LANG_AUTO;
        return 0;
    case K_FAIL_ON:
        if (word_of(y, "fail_on value", fail_names, &w))
            return -1;
        c->has_fail_on = w >= 0;
        c->fail_on = w > 0 ? (tl_severity)w : TL_SEV_OFF;
        return 0;
    default: /* K_CONSISTENCY */
        if (word_of(y, "consistency scope", scope_names, &w))
            return -1;
        c->has_consistency = w >= 0;
        c->consistency_run = w == 1;
        return 0;
    }
}

static int root_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)ctx;
    return top_key(y, key, at, ld_of(y));
}

static const yr_schema config_schema = {"configuration", "glossaries:, rules:, ...", top_keys,
                                        root_key, TL_ERR_CONFIG};

/* ---- entry points ----------------------------------------------------------------------- */

/* The folder of `path` ("." when it has none). */
static const char *dir_of(tl_arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return tl_arena_strndup(mem, path, (size_t)(slash - path));
}

static void publish(cfg_loader *ld)
{
    tl_config *c = &ld->box->pub;
    c->glossaries = ld->glossaries.v;
    c->word_lists = ld->words.v;
    c->accept = ld->accept.v;
    c->reject = ld->reject.v;
    c->include = ld->include.v;
    c->exclude = ld->exclude.v;
    c->rules = ld->rules.v;
    c->nrules = ld->rules.n;
    c->overrides = ld->over;
    c->noverrides = ld->nover;
}

tl_status config_read(const char *path, const char *data, size_t len, const config_vocab *v,
                      tl_config **out, tl_diags *d)
{
    *out = NULL;
    config_box *box = tl_calloc(1, sizeof *box);
    if (!box)
        return TL_ERR_NOMEM;
    tl_arena_init(&box->mem);
    box->pub.path = tl_arena_strdup(&box->mem, path);
    box->pub.dir = dir_of(&box->mem, path);
    if (!box->pub.path || !box->pub.dir) {
        config_free(&box->pub);
        return TL_ERR_NOMEM;
    }
    cfg_loader ld;
    memset(&ld, 0, sizeof ld);
    ld.box = box;
    ld.voc = v;
    tl_map loaded;
    tl_map_init(&loaded);
    yr_session s;
    yr_session_init(&s, &config_schema, &ld, &box->mem, &loaded, d);
    s.no_includes = true;
    if (data)
        yr_load_mem(&s, path, data, len);
    else
        yr_load(&s, path);
    publish(&ld);
    tl_status st = s.nomem              ? TL_ERR_NOMEM
                   : s.top == TL_ERR_IO ? TL_ERR_IO
                   : s.errors || s.top  ? TL_ERR_CONFIG
                                        : TL_OK;
    yr_session_release(&s);
    tl_map_release(&loaded);
    if (st != TL_OK) {
        config_free(&box->pub);
        return st;
    }
    *out = &box->pub;
    return TL_OK;
}

void config_free(tl_config *c)
{
    if (!c)
        return;
    config_box *box = (config_box *)c;
    tl_arena_release(&box->mem);
    tl_free(box);
}
