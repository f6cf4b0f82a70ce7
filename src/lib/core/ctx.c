/*
 * ctx.c - the context: options, rule severities, glossaries and rule data (shared,
 * read-only once built) and, per context, the word cache, the tokenizer, the families'
 * context state and a suggestion budget.
 *
 * A clone shares the parent's tl_shared (and, through morph.c, its dictionaries) and
 * owns the rest, so threads never touch each other's mutable state.
 */
#include "ctx.h"

#include "lang.h"
#include "match.h"
#include "morph.h"
#include "norm.h"
#include "registry.h"
#include "textclass.h"
#include "tokenize.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

const char *tl_version(void) { return TL_VERSION_STRING; }

const char *tl_status_str(tl_status s)
{
    switch (s) {
    case TL_OK: return "success";
    case TL_ERR_NOMEM: return "out of memory";
    case TL_ERR_LIMIT: return "input exceeds a limit";
    case TL_ERR_IO: return "input/output error";
    case TL_ERR_ENCODING: return "input is not valid UTF-8";
    case TL_ERR_GLOSSARY: return "unusable glossary or rule file";
    case TL_ERR_DICTIONARY: return "missing or unusable dictionary";
    case TL_ERR_USAGE: return "bad option or argument";
    case TL_ERR_CONFIG: return "unusable configuration file";
    }
    return "unknown status";
}

const char *tl_severity_str(tl_severity s)
{
    static const char *const names[] = {"off", "info", "warning", "error"};
    return (unsigned)s < 4 ? names[s] : "?";
}

int tl_severity_parse(const char *name, tl_severity *out)
{
    static const char *const names[] = {"off", "info", "warning", "error"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (tl_severity)i;
            return 0;
        }
    if (strcmp(name, "none") == 0) {
        *out = TL_SEV_OFF;
        return 0;
    }
    return -1;
}

const char *tl_term_kind_str(tl_term_kind k)
{
    static const char *const names[] = {"none",  "canonical", "variant",
                                        "short", "forbidden", "literal"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "none";
}

const char *tl_lang_str(tl_lang l)
{
    return l == TL_LANG_RU ? "ru" : l == TL_LANG_UK ? "uk" : "auto";
}

void tl_options_init(tl_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->lang = TL_LANG_AUTO;
    opt->suggest_limit = 100;
    opt->wordtab = 1;
}

/* "unknown rule 'x'", with the closest rule as a "did you mean". */
static void unknown_rule(tl_diags *d, const char *what, const char *id)
{
    const char *best = tl_rule_suggest(id);
    if (best)
        diags_add(d, TL_SEV_ERROR, NULL, 0, 0, UINT64_MAX,
                  "unknown rule '%s'%s (did you mean '%s'?)", id, what, best);
    else
        diags_add(d, TL_SEV_ERROR, NULL, 0, 0, UINT64_MAX,
                  "unknown rule '%s'%s (termlint rules lists them)", id, what);
}

/* Sets every rule `sel` selects to `sev`; 0, or -1 (reported) when it selects none. */
static int select_severity(ctx_profile *p, const char *sel, tl_severity sev, tl_diags *d)
{
    int hit = 0;
    for (size_t i = 0; i < TL_RULE_COUNT; i++)
        if (tl_rule_selects(sel, (tl_rule)i)) {
            p->severity[i] = sev;
            hit = 1;
        }
    if (!hit)
        unknown_rule(d, "", sel);
    return hit ? 0 : -1;
}

/* "RULE=LEVEL" overrides, then --disable's rules. */
static tl_status set_severities(ctx_profile *p, const char *const *overrides,
                                const char *const *disabled, tl_diags *d)
{
    for (size_t i = 0; i < TL_RULE_COUNT; i++)
        p->severity[i] = tl_rule_info_get((tl_rule)i)->severity;
    for (const char *const *o = overrides; o && *o; o++) {
        const char *eq = strchr(*o, '=');
        tl_severity sev;
        char id[128];
        if (!eq || (size_t)(eq - *o) >= sizeof id || tl_severity_parse(eq + 1, &sev)) {
            diags_add(d, TL_SEV_ERROR, NULL, 0, 0, UINT64_MAX,
                      "bad severity override '%s' (expected RULE=off|info|warning|error)", *o);
            return TL_ERR_USAGE;
        }
        memcpy(id, *o, (size_t)(eq - *o));
        id[eq - *o] = '\0';
        if (select_severity(p, id, sev, d))
            return TL_ERR_USAGE;
    }
    for (const char *const *o = disabled; o && *o; o++)
        if (select_severity(p, *o, TL_SEV_OFF, d))
            return TL_ERR_USAGE;
    return TL_OK;
}

/* One "RULE:OPTION=VALUE" into p->opts, the value copied into `mem`. */
static tl_status set_option(ctx_profile *p, const char *spec, tl_arena *mem, tl_diags *d)
{
    const char *colon = strchr(spec, ':'), *eq = colon ? strchr(colon, '=') : NULL;
    char id[128], name[64];
    if (!eq || (size_t)(colon - spec) >= sizeof id || (size_t)(eq - colon - 1) >= sizeof name) {
        diags_add(d, TL_SEV_ERROR, NULL, 0, 0, UINT64_MAX,
                  "bad rule option '%s' (expected RULE:OPTION=VALUE)", spec);
        return TL_ERR_USAGE;
    }
    memcpy(id, spec, (size_t)(colon - spec));
    id[colon - spec] = '\0';
    memcpy(name, colon + 1, (size_t)(eq - colon - 1));
    name[eq - colon - 1] = '\0';
    tl_rule r;
    if (tl_rule_from_id(id, &r)) {
        unknown_rule(d, " in a rule option", id);
        return TL_ERR_USAGE;
    }
    const tl_rule_option *o = rule_option_find(r, name);
    const char *why = o ? rule_option_invalid(o, eq + 1) : NULL;
    if (!o || why) {
        diags_add(d, TL_SEV_ERROR, NULL, 0, 0, UINT64_MAX, "bad rule option '%s': %s", spec,
                  o ? why : "the rule has no such option");
        return TL_ERR_USAGE;
    }
    const char *v = tl_arena_strdup(mem, eq + 1);
    if (!v)
        return TL_ERR_NOMEM;
    rule_opts_set(&p->opts, o, v);
    return TL_OK;
}

/* Profile p from its settings (tl_profile; `base` holds tl_options' own). */
static tl_status make_profile(tl_shared *sh, ctx_profile *p, const tl_profile *pr, tl_diags *d)
{
    p->lang = pr->set_lang ? pr->lang : sh->lang;
    const char *why = pr->lang_reason ? pr->lang_reason : "given with --lang";
    if (!(p->lang_reason = tl_arena_strdup(&sh->mem, why)))
        return TL_ERR_NOMEM;
    rule_opts_init(&p->opts);
    tl_status st = set_severities(p, pr->severity_overrides, pr->disabled_rules, d);
    for (const char *const *o = pr->rule_options; st == TL_OK && o && *o; o++)
        st = set_option(p, *o, &sh->mem, d);
    return st;
}

static tl_status make_profiles(tl_shared *sh, const tl_options *opt, tl_diags *d)
{
    sh->nprof = 1 + opt->nprofiles;
    sh->prof = tl_calloc(sh->nprof, sizeof *sh->prof);
    if (!sh->prof)
        return TL_ERR_NOMEM;
    tl_profile base = {1,
                       opt->lang,
                       opt->lang_reason,
                       opt->disabled_rules,
                       opt->severity_overrides,
                       opt->rule_options};
    tl_status st = make_profile(sh, &sh->prof[0], &base, d);
    sh->warm_lang = sh->lang;
    for (size_t k = 0; st == TL_OK && k < opt->nprofiles; k++) {
        tl_profile pr = opt->profiles[k];
        if (!pr.set_lang) {
            pr.lang = opt->lang;
            pr.lang_reason = opt->lang_reason;
        } else if (!pr.lang_reason) {
            pr.lang_reason = "given by a per-path override";
        }
        pr.set_lang = 1;
        st = make_profile(sh, &sh->prof[k + 1], &pr, d);
        if (sh->prof[k + 1].lang != sh->lang)
            sh->warm_lang = TL_LANG_AUTO;
    }
    return st;
}

static const ctx_profile *profile_of(const tl_ctx *ctx, size_t profile)
{
    return &ctx->sh->prof[profile < ctx->sh->nprof ? profile : 0];
}

tl_severity tl_ctx_rule_severity(const tl_ctx *ctx, size_t profile, tl_rule r)
{
    return (unsigned)r < TL_RULE_COUNT ? profile_of(ctx, profile)->severity[r] : TL_SEV_OFF;
}

const char *tl_ctx_rule_option(const tl_ctx *ctx, size_t profile, const tl_rule_option *o)
{
    return rule_opts_get(&profile_of(ctx, profile)->opts, o);
}

tl_lang tl_ctx_lang(const tl_ctx *ctx, size_t profile) { return profile_of(ctx, profile)->lang; }

static int add_accept(tl_shared *sh, tl_lang lang, const char *p, size_t n, tl_buf *tmp)
{
    tl_buf_reset(tmp);
    if (norm_key(tmp, p, n, lang == TL_LANG_RU) || tmp->oom)
        return -1;
    return tl_map_put(&sh->accept[lang], tmp->data, tmp->len, (void *)1) ? 0 : -1;
}

/* A word of an accept: list is spelled right in both languages. */
static int accept_word(tl_shared *sh, const char *w, tl_buf *tmp)
{
    size_t n = strlen(w);
    return add_accept(sh, TL_LANG_RU, w, n, tmp) || add_accept(sh, TL_LANG_UK, w, n, tmp) ? -1 : 0;
}

/* Words of canonical forms and variants are spelled right (split at white space and
 * hyphens), and so are the words of accept: lists. */
static int accept_glossary(tl_shared *sh, tl_buf *tmp)
{
    for (size_t i = 0; i < sh->g->naccept; i++)
        if (accept_word(sh, sh->g->accept[i], tmp))
            return -1;
    for (size_t c = 0; c < sh->g->nconcepts; c++) {
        const gl_concept *k = sh->g->concepts[c];
        for (size_t t = 0; t < k->nterms; t++) {
            const gl_term *term = &k->terms[t];
            if (term->kind == GL_FORBIDDEN || term->match == GL_MATCH_REGEX)
                continue;
            const char *s = term->text;
            size_t len = strlen(s), i = 0, start, n;
            while ((n = tc_next_word(s, len, &i, "-", &start)) > 0)
                if (add_accept(sh, term->lang, s + start, n, tmp))
                    return -1;
        }
    }
    return 0;
}

/* The language word lists as keys of language detection. */
static int detection_words(tl_shared *sh)
{
    const gloss *g = sh->g;
    for (int l = TL_LANG_RU; l <= TL_LANG_UK; l++) {
        const char **w = l == TL_LANG_RU ? g->ru_only_words : g->uk_only_words;
        size_t n = l == TL_LANG_RU ? g->nru_only_words : g->nuk_only_words;
        for (size_t i = 0; i < n; i++) {
            char key[64];
            size_t k = lang_key(key, sizeof key, w[i], strlen(w[i]));
            if (k && !tl_map_put(&sh->only[l], key, k, (void *)1))
                return -1;
        }
    }
    return 0;
}

/* The rule data's supplementary words (`spelling:` words) are spelled right. */
static int accept_spelling_words(tl_shared *sh, tl_buf *tmp)
{
    for (int l = TL_LANG_RU; l <= TL_LANG_UK; l++) {
        const gl_spelling *sp = &sh->g->spelling[l];
        for (size_t i = 0; i < sp->n[GL_SP_WORDS]; i++) {
            const char *w = sp->list[GL_SP_WORDS][i];
            if (add_accept(sh, (tl_lang)l, w, strlen(w), tmp))
                return -1;
        }
    }
    return 0;
}

static tl_status load_words(tl_shared *sh, const char *path, tl_diags *d, tl_buf *tmp)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diags_add(d, TL_SEV_ERROR, path, 0, 0, UINT64_MAX, "cannot open word list '%s'", path);
        return TL_ERR_IO;
    }
    char line[1024];
    unsigned ln = 0;
    tl_status st = TL_OK;
    while (fgets(line, sizeof line, f)) {
        ln++;
        size_t n = strcspn(line, "\r\n");
        while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        if (!n || line[0] == '#')
            continue;
        if (add_accept(sh, TL_LANG_RU, line, n, tmp) || add_accept(sh, TL_LANG_UK, line, n, tmp)) {
            st = TL_ERR_NOMEM;
            break;
        }
    }
    fclose(f);
    return st;
}

/* The rule data of data_dir (a warning when it is missing), then the glossaries. */
static tl_status load_glossaries(tl_shared *sh, const tl_options *opt, tl_diags *d)
{
    tl_status st = TL_OK;
    if (opt->data_dir) {
        tl_buf path;
        tl_buf_init(&path, 0);
        tl_buf_printf(&path, "%s/rules.yaml", opt->data_dir);
        if (path.oom)
            return TL_ERR_NOMEM;
        if (access(path.data, R_OK) == 0)
            st = gloss_load(sh->g, path.data, d);
        else
            diags_add(d, TL_SEV_WARNING, path.data, 0, 0, UINT64_MAX,
                      "rule data '%s' not found; boilerplate, doubling and language rules "
                      "run without their word lists (set --data-dir)",
                      path.data);
        tl_buf_release(&path);
    }
    for (const char *const *p = opt->glossaries; st == TL_OK && p && *p; p++) {
        tl_status s = gloss_load(sh->g, *p, d);
        if (s != TL_OK)
            st = s;
    }
    return st;
}

static void ctx_free(tl_ctx *ctx, int fast);

static tl_ctx *ctx_alloc(tl_shared *sh, tl_morph *root)
{
    tl_ctx *c = tl_calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->sh = sh;
    tl_buf_init(&c->scratch, 0);
    budget_init(&c->budget, sh->suggest_limit);
    c->morph = morph_new(&sh->dicts, &sh->accept[TL_LANG_RU], &sh->accept[TL_LANG_UK], root);
    c->tz = tokenize_new();
    int ok = c->morph && c->tz;
    for (size_t i = 0; ok && i < FAM_COUNT; i++) {
        size_t n = family_at(i)->ctx_state_size;
        ok = !n || (c->fam[i] = tl_calloc(1, n)) != NULL;
    }
    if (!ok) {
        ctx_free(c, 0);
        return NULL;
    }
    return c;
}

static void shared_free(tl_shared *sh)
{
    if (!sh)
        return;
    match_index_free(sh->mi);
    gloss_free(sh->g);
    for (int i = 0; i < 3; i++) {
        tl_map_release(&sh->accept[i]);
        tl_map_release(&sh->only[i]);
    }
    tl_free((char *)sh->dicts.dict_dir);
    tl_free((char *)sh->dicts.dict_path);
    tl_free((char *)sh->dicts.cache_dir);
    tl_free(sh->prof);
    tl_arena_release(&sh->mem);
    tl_free(sh);
}

/* *dst = a copy of src (NULL stays NULL); -1 when out of memory. */
static int copy_str(const char **dst, const char *src)
{
    *dst = src ? tl_strdup(src) : NULL;
    return src && !*dst ? -1 : 0;
}

static tl_status shared_new(const tl_options *opt, tl_shared **out, tl_diags *d)
{
    tl_shared *sh = tl_calloc(1, sizeof *sh);
    *out = sh;
    if (!sh)
        return TL_ERR_NOMEM;
    for (int i = 0; i < 3; i++) {
        tl_map_init(&sh->accept[i]);
        tl_map_init(&sh->only[i]);
    }
    tl_arena_init(&sh->mem);
    sh->lang = opt->lang;
    sh->suggest_limit = opt->suggest_limit;
    sh->dicts.use_wordtab = opt->wordtab;
    sh->g = gloss_new();
    if (!sh->g || copy_str(&sh->dicts.dict_dir, opt->dict_dir) ||
        copy_str(&sh->dicts.dict_path, opt->dict_path) ||
        copy_str(&sh->dicts.cache_dir, opt->cache_dir))
        return TL_ERR_NOMEM;
    sh->report_unused_disables = opt->report_unused_disables;
    sh->utf8_only = opt->utf8_only;
    sh->section_bytes = opt->section_bytes ? opt->section_bytes : TL_SECTION_BYTES;
    tl_status st = make_profiles(sh, opt, d);
    if (st == TL_OK)
        st = load_glossaries(sh, opt, d);
    if (st == TL_OK && (gloss_add_words(sh->g, opt->accept_words, false) ||
                        gloss_add_words(sh->g, opt->reject_words, true)))
        st = TL_ERR_NOMEM;
    tl_buf tmp;
    tl_buf_init(&tmp, 0);
    for (const char *const *p = opt->word_lists; st == TL_OK && p && *p; p++)
        st = load_words(sh, *p, d, &tmp);
    if (st == TL_OK &&
        (accept_glossary(sh, &tmp) || accept_spelling_words(sh, &tmp) || detection_words(sh)))
        st = TL_ERR_NOMEM;
    tl_buf_release(&tmp);
    if (st == TL_OK && sh->g->nconcepts && !(sh->mi = match_index_new(sh->g)))
        st = TL_ERR_NOMEM;
    return st;
}

tl_status tl_ctx_new(const tl_options *opt, tl_ctx **out, tl_diags *diags)
{
    *out = NULL;
    tl_shared *sh;
    tl_status st = shared_new(opt, &sh, diags);
    if (st != TL_OK) {
        shared_free(sh);
        return st;
    }
    tl_ctx *c = ctx_alloc(sh, NULL);
    if (!c) {
        shared_free(sh);
        return TL_ERR_NOMEM;
    }
    c->owns_shared = 1;
    *out = c;
    return TL_OK;
}

tl_status tl_ctx_clone(const tl_ctx *ctx, tl_ctx **out)
{
    *out = ctx_alloc(ctx->sh, ctx->morph);
    if (!*out)
        return TL_ERR_NOMEM;
    return TL_OK;
}

static void ctx_free(tl_ctx *ctx, int fast)
{
    if (!ctx)
        return;
    for (size_t i = 0; i < FAM_COUNT; i++) {
        const tl_family *f = family_at(i);
        if (ctx->fam[i] && f->ctx_release)
            f->ctx_release(ctx->fam[i]);
        tl_free(ctx->fam[i]);
    }
    morph_free(ctx->morph, fast);
    tokenize_free(ctx->tz);
    tl_buf_release(&ctx->scratch);
    if (ctx->owns_shared)
        shared_free(ctx->sh);
    tl_free(ctx);
}

void tl_ctx_free(tl_ctx *ctx) { ctx_free(ctx, 0); }
void tl_ctx_free_fast(tl_ctx *ctx) { ctx_free(ctx, 1); }

tl_status tl_ctx_prepare(tl_ctx *ctx, tl_lang lang, tl_diags *diags)
{
    if (lang != TL_LANG_RU && lang != TL_LANG_UK)
        return TL_ERR_USAGE;
    return morph_load(ctx->morph, lang, diags);
}

void tl_ctx_cache_stats(const tl_ctx *ctx, uint64_t *lookups, uint64_t *hits)
{
    morph_stats(ctx->morph, lookups, hits);
}
