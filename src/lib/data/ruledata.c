/*
 * ruledata.c - the rule data of a glossary file: document codes (`doc_codes:`), the
 * boilerplate line patterns (`boilerplate:`, each ICU regex checked as it is read), the
 * word lists the rules read (`reduplications:`, `ru_only_words:`, `uk_only_words:`,
 * `latin_allowed:`, `untranslated_labels:`), the lexicons of the furniture classifier
 * (`furniture:`), the head-word alternations and word lists of term.inconsistent, and the
 * spelling data (`spelling:`). glossary.c reads the top level and hands these keys over;
 * docs/glossary-format.md describes them.
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

/* ---- alternations and function words ------------------------------------------------ */

static const char *const alternation_keys[] = {"id", "ranked", "ru", "uk", NULL};

typedef struct {
    gl_alternation a;
    size_t cap_ru, cap_uk;
} alternation_ctx;

static int alternation_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    alternation_ctx *ac = ctx;
    switch (key) {
    case 0: return yr_str(y, "'id'", &ac->a.id);
    case 1: return yr_bool(y, "'ranked'", &ac->a.ranked);
    case 2: return yr_strlist(y, "ru", &ac->a.ru, &ac->a.nru, &ac->cap_ru);
    default: return yr_strlist(y, "uk", &ac->a.uk, &ac->a.nuk, &ac->cap_uk);
    }
}

int ruledata_alternation(yr_file *y, void *ctx)
{
    yr_pos at = yr_here(y);
    alternation_ctx ac = {.a.loc = loc_of(y, at)};
    int rc = yr_mapping(y, "an alternation", "a mapping (id:, ru:, uk:)", alternation_keys,
                        alternation_key, &ac);
    if (rc <= 0)
        return rc;
    if (!ac.a.id || gloss_blank(ac.a.id)) {
        yr_error(y, at, "alternation has no 'id'");
        return 0;
    }
    if (ac.a.nru == 1 || ac.a.nuk == 1)
        yr_error(y, at, "alternation '%s' needs at least two words per language", ac.a.id);
    gloss *g = ctx;
    gl_alternation *p = tl_arena_grow(&g->mem, g->alternations, g->nalternations,
                                      &g->index->cap_alternations, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[g->nalternations++] = ac.a;
    g->alternations = p;
    return 0;
}

static const char *const function_word_keys[] = {"ru", "uk", NULL};

typedef struct {
    gloss *g;
    int which;
} word_lists;

static int function_word_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    word_lists *w = ctx;
    gloss *g = w->g;
    const char ***items[] = {&g->function_words[key], &g->phrase_links[key],
                             &g->generic_modifiers[key], &g->house_capitals[key]};
    size_t *counts[] = {&g->nfunction_words[key], &g->nphrase_links[key],
                        &g->ngeneric_modifiers[key], &g->nhouse_capitals[key]};
    size_t *caps[] = {&g->index->cap_function_words[key], &g->index->cap_phrase_links[key],
                      &g->index->cap_generic_modifiers[key], &g->index->cap_house_capitals[key]};
    return yr_strlist(y, function_word_keys[key], items[w->which], counts[w->which],
                      caps[w->which]);
}

int ruledata_function_words(yr_file *y, gloss *g, int which)
{
    static const char *const what[] = {"'function_words'", "'phrase_links'", "'generic_modifiers'",
                                       "'house_capitals'"};
    word_lists w = {g, which};
    int rc = yr_mapping(y, what[which], "a mapping (ru:, uk:)", function_word_keys,
                        function_word_key, &w);
    return rc < 0 ? -1 : 0;
}

/* ---- spelling ------------------------------------------------------------------------- */

static const char *const spelling_keys[] = {"abbreviations",    "compound_prefixes",
                                            "numeral_prefixes", "adjective_links",
                                            "ordinal_endings",  "words",
                                            "hyphen_prefixes",  NULL};

typedef struct {
    gloss *g;
    tl_lang lang;
    int key;
} spelling_ctx;

/* One pair of a pair list (`- [ый, й]`): exactly two non-empty strings. */
static int spelling_pair(yr_file *y, void *ctx)
{
    spelling_ctx *sc = ctx;
    yr_pos at = yr_here(y);
    const char **two = NULL;
    size_t n = 0, cap = 0;
    if (yr_strlist(y, spelling_keys[sc->key], &two, &n, &cap))
        return -1;
    if (n != 2 || gloss_blank(two[0]) || gloss_blank(two[1])) {
        if (two || n)
            yr_error(y, at, "'%s' items are pairs of two strings, like [ый, й]",
                     spelling_keys[sc->key]);
        return 0;
    }
    gl_spelling *sp = &sc->g->spelling[sc->lang];
    size_t *cap_l = &sc->g->index->cap_spelling[sc->lang][sc->key];
    for (int i = 0; i < 2; i++) {
        const char **p =
            tl_arena_grow(&sc->g->mem, sp->list[sc->key], sp->n[sc->key], cap_l, sizeof *p);
        if (!p)
            return yr_nomem(y);
        p[sp->n[sc->key]++] = two[i];
        sp->list[sc->key] = p;
    }
    return 0;
}

static int spelling_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    spelling_ctx *sc = ctx;
    sc->key = key;
    if (key == GL_SP_ADJECTIVE_LINKS || key == GL_SP_ORDINAL_ENDINGS)
        return yr_each_item(y, spelling_keys[key], spelling_pair, sc);
    gl_spelling *sp = &sc->g->spelling[sc->lang];
    return yr_strlist(y, spelling_keys[key], &sp->list[key], &sp->n[key],
                      &sc->g->index->cap_spelling[sc->lang][key]);
}

static int spelling_lang(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    spelling_ctx sc = {ctx, key == 0 ? TL_LANG_RU : TL_LANG_UK, 0};
    int rc = yr_mapping(y, gloss_lang_names[key], "a mapping (abbreviations:, words:, ...)",
                        spelling_keys, spelling_key, &sc);
    return rc < 0 ? -1 : 0;
}

int ruledata_spelling(yr_file *y, gloss *g)
{
    int rc = yr_mapping(y, "'spelling'", "a mapping of languages (ru:, uk:)", gloss_lang_names,
                        spelling_lang, g);
    return rc < 0 ? -1 : 0;
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
