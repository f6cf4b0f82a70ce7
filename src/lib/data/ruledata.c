/*
 * ruledata.c - the rule data of a glossary file: document codes (`doc_codes:`), the
 * boilerplate line patterns (`boilerplate:`, each ICU regex checked as it is read), the
 * word lists the rules read (`reduplications:`, `ru_only_words:`, `uk_only_words:`,
 * `latin_allowed:`, `untranslated_labels:`) and the lexicons of the furniture
 * classifier (`furniture:`, a mapping of groups, each a mapping of languages to lists).
 * glossary.c reads the top level and hands these keys over; docs/glossary-format.md
 * describes them.
 */
#include "gloss_p.h"

#include <string.h>

/* ---- document codes ---------------------------------------------------------------- */

static const char *const doc_code_keys[] = {"code", "ascii", "vi", "ru", "uk", NULL};
enum { DK_CODE, DK_ASCII, DK_VI, DK_RU, DK_UK };

static int doc_code_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    gl_doc_code *dc = ctx;
    if (key == DK_CODE)
        return yr_str(y, "'code'", &dc->code);
    if (key == DK_ASCII)
        return yr_str(y, "'ascii'", &dc->ascii);
    if (key == DK_VI)
        return yr_str(y, "'vi'", &dc->vi);
    const char **words = NULL;
    size_t n = 0, cap = 0;
    if (yr_strlist(y, doc_code_keys[key], &words, &n, &cap))
        return -1;
    if (key == DK_RU)
        dc->ru = words;
    else
        dc->uk = words;
    return 0;
}

int ruledata_doc_code(yr_file *y, void *ctx)
{
    yr_pos at = yr_here(y);
    gl_doc_code dc = {.loc = loc_of(y, at)};
    int rc = yr_mapping(y, "a document code", "a mapping", doc_code_keys, doc_code_key, &dc);
    if (rc <= 0)
        return rc;
    if (!dc.code || gloss_blank(dc.code)) {
        yr_error(y, at, "document code has no 'code'");
        return 0;
    }
    gloss *g = ctx;
    gl_doc_code *p =
        tl_arena_grow(&g->mem, g->doc_codes, g->ndoc_codes, &g->index->cap_doc_codes, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[g->ndoc_codes++] = dc;
    g->doc_codes = p;
    return 0;
}

static const char *const pattern_keys[] = {"id", "regex", "message", "lang", "hints", NULL};
enum { PK_ID, PK_REGEX, PK_MESSAGE, PK_LANG, PK_HINTS };
const char *const gloss_lang_names[] = {"ru", "uk", NULL};

typedef struct {
    gl_pattern p;
    yr_pos regex_at;
    size_t hints_cap;
} pattern_ctx;

static int pattern_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    pattern_ctx *pc = ctx;
    int v = -1;
    switch (key) {
    case PK_ID: return yr_str(y, "'id'", &pc->p.id);
    case PK_REGEX: pc->regex_at = yr_here(y); return yr_str(y, "'regex'", &pc->p.regex);
    case PK_MESSAGE: return yr_str(y, "'message'", &pc->p.message);
    case PK_HINTS: return yr_strlist(y, "hints", &pc->p.hints, &pc->p.nhints, &pc->hints_cap);
    default:
        if (yr_enum(y, "language", gloss_lang_names, &v))
            return -1;
        pc->p.lang = v == 0 ? TL_LANG_RU : v == 1 ? TL_LANG_UK : TL_LANG_AUTO;
        return 0;
    }
}

/* 0 when `re` is a valid ICU regex, else reported; -1 when out of memory. */
static int check_regex(yr_file *y, const char *re, yr_pos at)
{
    tl_buf *why = &yr_session_of(y)->aux;
    tl_buf_reset(why);
    int rc = gloss_regex_check(re, why);
    if (rc < 0)
        return yr_nomem(y);
    if (rc > 0)
        yr_error(y, at, "bad regex '%s': %s", re, why->data);
    return 0;
}

int ruledata_pattern(yr_file *y, void *ctx)
{
    yr_pos at = yr_here(y);
    pattern_ctx pc = {.p.loc = loc_of(y, at)};
    int rc = yr_mapping(y, "a boilerplate pattern", "a mapping", pattern_keys, pattern_key, &pc);
    if (rc <= 0)
        return rc;
    if (!pc.p.id || !pc.p.regex) {
        yr_error(y, at, "boilerplate pattern has no '%s'", pc.p.id ? "regex" : "id");
        return 0;
    }
    if (check_regex(y, pc.p.regex, pc.regex_at))
        return -1;
    gloss *g = ctx;
    gl_pattern *p = tl_arena_grow(&g->mem, g->boilerplate, g->nboilerplate,
                                  &g->index->cap_boilerplate, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[g->nboilerplate++] = pc.p;
    g->boilerplate = p;
    return 0;
}

/* ---- word lists ------------------------------------------------------------------- */

int ruledata_word_list(yr_file *y, gloss *g, int i, const char *key)
{
    const char ***items[] = {&g->reduplications, &g->ru_only_words, &g->uk_only_words,
                             &g->latin_allowed, &g->untranslated_labels};
    size_t *counts[] = {&g->nreduplications, &g->nru_only_words, &g->nuk_only_words,
                        &g->nlatin_allowed, &g->nuntranslated_labels};
    return yr_strlist(y, key, items[i], counts[i], &g->index->cap_lists[i]);
}

/* ---- furniture lexicons ------------------------------------------------------------ */

const char *const gloss_furniture_groups[] = {"sections",     "buttons", "counters", "blocks",
                                              "placeholders", "bylines", "licences", "site_words",
                                              "credits",      "months",  "weekdays", NULL};
static const char *const furniture_quoted[] = {
    "'sections'", "'buttons'",    "'counters'", "'blocks'", "'placeholders'", "'bylines'",
    "'licences'", "'site_words'", "'credits'",  "'months'", "'weekdays'"};
static const char *const furniture_langs[] = {"ru", "uk", "vi", "en", NULL};
/* a group added to GL_FURN_ needs its name in both lists */
_Static_assert(sizeof furniture_quoted / sizeof *furniture_quoted == GL_FURN_NGROUPS,
               "one quoted name per furniture group");
_Static_assert(sizeof furniture_langs / sizeof *furniture_langs == GL_FURN_NLANGS + 1,
               "one key per furniture language");

typedef struct {
    gloss *g;
    int group;
} furniture_ctx;

/* One language's list of one group. Months and weekdays are positional (the i-th entry
 * is the i-th month), so a file must give whole years and weeks. */
static int furniture_lang(yr_file *y, int key, yr_pos at, void *ctx)
{
    furniture_ctx *fc = ctx;
    gl_wordlist *l = &fc->g->furniture[fc->group][key];
    size_t before = l->n;
    if (yr_strlist(y, furniture_langs[key], &l->items, &l->n,
                   &fc->g->index->cap_furniture[fc->group][key]))
        return -1;
    size_t per = fc->group == GL_FURN_MONTHS ? 12 : fc->group == GL_FURN_WEEKDAYS ? 7 : 0;
    if (per && (l->n - before) % per)
        yr_error(y, at, "'%s' of '%s' has %zu entries; give all %zu in calendar order",
                 furniture_langs[key], gloss_furniture_groups[fc->group], l->n - before, per);
    return 0;
}

static int furniture_group(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    furniture_ctx fc = {ctx, key};
    return yr_mapping(y, furniture_quoted[key], "a mapping of languages (ru:, uk:, vi:, en:)",
                      furniture_langs, furniture_lang, &fc) < 0
               ? -1
               : 0;
}

int ruledata_furniture(yr_file *y, gloss *g)
{
    return yr_mapping(y, "'furniture'", "a mapping of groups (sections:, buttons:, ...)",
                      gloss_furniture_groups, furniture_group, g) < 0
               ? -1
               : 0;
}
