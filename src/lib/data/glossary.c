/*
 * glossary.c - the glossary schema: YAML files -> struct gloss, read with the YAML
 * reader (yaml_reader.c), which does the files, includes, events, errors and positions.
 *
 * In:  a path. Out: concepts, terms, contexts and rule data appended to a gloss, every
 *      string copied into the gloss's arena; problems appended to a tl_diags with
 *      1-based file:line:col.
 *
 *   top_key -+- include    -> yr_include(): the file's own top level, recursively
 *            +- concepts   -> concept -> ru/uk -> term, examples; posts, source
 *            |                then gloss_check_concept()
 *            +- contexts   -> context
 *            +- doc_codes, boilerplate, word lists -> ruledata.c
 *            +- name, version, languages, doc_number_format
 *
 * Concepts are streamed: the terms of one concept gather in a scratch vector, are
 * copied into the arena when the concept ends and are checked at once against all
 * concepts loaded before through the maps in gl_index (id -> concept, surface key ->
 * term). Time and memory stay linear in the size of the glossary.
 *
 * Adding a key: add it to the key table and enum of its mapping, handle it in that
 * mapping's *_key() function, and document it in docs/glossary-format.md.
 *
 * Checks that need no YAML are in gloss_check.c.
 */
#include "gloss_p.h"

#include <stdlib.h>
#include <string.h>

/* One gloss_load() call: the session's user data. */
typedef struct {
    gloss *g;
    gl_term *terms; /* scratch: the terms of the concept being read */
    size_t nterms, capterms;
} gl_loader;

static gloss *gl_of(const yr_file *y) { return ((gl_loader *)yr_user(y))->g; }

/* ---- gloss lifetime ---------------------------------------------------------------- */

/* Gives g its index (a gloss built field by field, as tests may, has none). */
static int make_index(gloss *g)
{
    if (g->index)
        return 0;
    struct gl_index *ix = tl_calloc(1, sizeof *ix);
    if (!ix)
        return -1;
    tl_map_init(&ix->ids);
    tl_map_init(&ix->forms);
    tl_map_init(&ix->files);
    g->index = ix;
    return 0;
}

gloss *gloss_new(void)
{
    gloss *g = tl_calloc(1, sizeof *g);
    if (!g)
        return NULL;
    tl_arena_init(&g->mem);
    if (make_index(g)) {
        tl_free(g);
        return NULL;
    }
    return g;
}

void gloss_free(gloss *g)
{
    if (!g)
        return;
    if (g->index) {
        tl_map_release(&g->index->ids);
        tl_map_release(&g->index->forms);
        tl_map_release(&g->index->files);
        tl_free(g->index);
    }
    tl_arena_release(&g->mem);
    tl_free(g);
}

/* A date as posts carry it: YYYY, YYYY-MM or YYYY-MM-DD (NULL when null). */
static int get_date(yr_file *y, const char *what, const char **out)
{
    yr_pos at = yr_here(y);
    if (yr_str(y, what, out))
        return -1;
    if (!*out)
        return 0;
    const char *s = *out;
    size_t n = strlen(s);
    static const char shape[] = "dddd-dd-dd";
    bool ok = n == 4 || n == 7 || n == 10;
    for (size_t i = 0; ok && i < n; i++)
        ok = shape[i] == 'd' ? (s[i] >= '0' && s[i] <= '9') : s[i] == '-';
    if (!ok)
        yr_error(y, at, "%s must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", what, s);
    return 0;
}

/* ---- terms --------------------------------------------------------------------------------- */

static const char *const term_keys[] = {"term",       "match",     "case",    "short",
                                        "literal",    "message",   "suggest", "context",
                                        "not_before", "not_after", "display", NULL};
enum {
    TK_TERM,
    TK_MATCH,
    TK_CASE,
    TK_SHORT,
    TK_LITERAL,
    TK_MESSAGE,
    TK_SUGGEST,
    TK_CONTEXT,
    TK_NOT_BEFORE,
    TK_NOT_AFTER,
    TK_DISPLAY
};
static const char *const match_names[] = {"inflected", "exact", "regex", NULL};
static const char *const case_names[] = {"insensitive", "sensitive", NULL};

typedef struct {
    gl_term t;
    size_t not_before_cap, not_after_cap;
    yr_pos text_at; /* of the text, else of the term */
    bool has_text;
    yr_pos forbidden_only_at; /* of `literal` or `suggest` */
    const char *forbidden_only;
} term_ctx;

static int term_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    term_ctx *tc = ctx;
    int v = -1;
    switch (key) {
    case TK_TERM:
        tc->has_text = true;
        tc->text_at = yr_here(y);
        tc->t.loc = loc_of(y, tc->text_at);
        return yr_str(y, "'term'", &tc->t.text);
    case TK_MATCH:
        if (yr_enum(y, "match", match_names, &v))
            return -1;
        tc->t.match = v >= 0 ? (gl_match)v : tc->t.match;
        return 0;
    case TK_CASE:
        if (yr_enum(y, "case", case_names, &v))
            return -1;
        tc->t.case_sensitive = v >= 0 ? v == 1 : tc->t.case_sensitive;
        return 0;
    case TK_SHORT: return yr_bool(y, "'short'", &tc->t.short_form);
    case TK_MESSAGE: return yr_str(y, "'message'", &tc->t.message);
    case TK_CONTEXT: return yr_str(y, "'context'", &tc->t.context);
    case TK_NOT_BEFORE:
        return yr_strlist(y, "not_before", &tc->t.not_before, &tc->t.nnot_before,
                          &tc->not_before_cap);
    case TK_NOT_AFTER:
        return yr_strlist(y, "not_after", &tc->t.not_after, &tc->t.nnot_after, &tc->not_after_cap);
    case TK_DISPLAY: return yr_str(y, "'display'", &tc->t.display);
    default:
        tc->forbidden_only = term_keys[key];
        tc->forbidden_only_at = at;
        if (key == TK_LITERAL)
            return yr_bool(y, "'literal'", &tc->t.literal);
        return yr_str(y, "'suggest'", &tc->t.suggest);
    }
}

static int push_term(yr_file *y, const gl_term *t)
{
    gl_loader *ld = yr_user(y);
    if (TL_GROW(ld->terms, ld->nterms, ld->capterms, 16))
        return yr_nomem(y);
    ld->terms[ld->nterms++] = *t;
    return 0;
}

/* Reads a term (a string or a mapping) of `kind` in `lang` into the scratch vector;
 * `what` names it in messages ("'canonical'"). */
static int read_term(yr_file *y, tl_lang lang, gl_kind kind, const char *what)
{
    term_ctx tc;
    memset(&tc, 0, sizeof tc);
    tc.t.kind = kind;
    tc.t.lang = lang;
    tc.text_at = yr_here(y);
    tc.t.loc = loc_of(y, tc.text_at);
    if (yr_kind(y) == YR_SCALAR) {
        if (yr_str(y, what, &tc.t.text))
            return -1;
    } else if (yr_kind(y) == YR_MAP) {
        yr_pos start = yr_here(y);
        if (yr_each_key(y, term_keys, term_key, &tc))
            return -1;
        if (!tc.has_text) {
            yr_error(y, start, "term has no 'term' key");
            return 0;
        }
        if (tc.forbidden_only && kind != GL_FORBIDDEN)
            yr_error(y, tc.forbidden_only_at, "'%s' applies only to forbidden terms",
                     tc.forbidden_only);
    } else {
        return yr_wrong_type(y, what, "a string or a mapping");
    }
    if (gloss_blank(tc.t.text)) {
        yr_error(y, tc.text_at, "empty term");
        return 0;
    }
    return push_term(y, &tc.t);
}

/* ---- concepts --------------------------------------------------------------------------- */

static const char *const lang_keys[] = {"canonical", "variants", "forbidden", "examples", NULL};
enum { LK_CANONICAL, LK_VARIANTS, LK_FORBIDDEN, LK_EXAMPLES };

typedef struct {
    gl_example **items; /* the concept's examples, an arena array */
    size_t *n, *cap;
} example_list;

typedef struct {
    tl_lang lang;
    gl_kind kind; /* of the list being read */
    bool canonical;
    bool bad; /* of the example list being read */
    example_list ex;
} lang_ctx;

static int example_item(yr_file *y, void *ctx)
{
    const lang_ctx *lc = ctx;
    gl_example e = {NULL, lc->lang, lc->bad, loc_of(y, yr_here(y))};
    if (yr_str(y, lc->bad ? "'bad' items" : "'good' items", &e.text))
        return -1;
    if (!e.text)
        return 0;
    gl_example *p = tl_arena_grow(&gl_of(y)->mem, *lc->ex.items, *lc->ex.n, lc->ex.cap, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[(*lc->ex.n)++] = e;
    *lc->ex.items = p;
    return 0;
}

static const char *const example_keys[] = {"good", "bad", NULL};

static int example_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    lang_ctx *lc = ctx;
    lc->bad = key == 1;
    return yr_each_item(y, key ? "'bad'" : "'good'", example_item, lc);
}

static int lang_item(yr_file *y, void *ctx)
{
    const lang_ctx *lc = ctx;
    return read_term(y, lc->lang, lc->kind,
                     lc->kind == GL_VARIANT ? "'variants' items" : "'forbidden' items");
}

static int lang_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    lang_ctx *lc = ctx;
    if (key == LK_CANONICAL) {
        lc->canonical = true;
        return read_term(y, lc->lang, GL_CANONICAL, "'canonical'");
    }
    if (key == LK_EXAMPLES) {
        int rc =
            yr_mapping(y, "'examples'", "a mapping (good:, bad:)", example_keys, example_key, lc);
        return rc < 0 ? -1 : 0;
    }
    lc->kind = key == LK_VARIANTS ? GL_VARIANT : GL_FORBIDDEN;
    return yr_each_item(y, key == LK_VARIANTS ? "'variants'" : "'forbidden'", lang_item, lc);
}

/* Reads a language mapping; *canonical tells whether it had a canonical term (required
 * unless the concept extends another, which is known only once the concept is read). */
static int read_lang(yr_file *y, tl_lang lang, example_list ex, bool *canonical)
{
    lang_ctx lc = {lang, GL_VARIANT, false, false, ex};
    int rc =
        yr_mapping(y, lang == TL_LANG_RU ? "'ru'" : "'uk'", "a mapping", lang_keys, lang_key, &lc);
    if (rc <= 0)
        return rc;
    *canonical = lc.canonical;
    return 0;
}

static const char *const concept_keys[] = {"id", "category", "note",  "vi",      "en", "ru",
                                           "uk", "source",   "posts", "extends", NULL};
enum { CK_ID, CK_CATEGORY, CK_NOTE, CK_VI, CK_EN, CK_RU, CK_UK, CK_SOURCE, CK_POSTS, CK_EXTENDS };
/* in gl_category order */
static const char *const category_names[] = {"general", "title", "body",  "document",
                                             "person",  "place", "event", NULL};

typedef struct {
    gl_concept c;
    yr_pos at;
    bool langs;
    const char *extends; /* `extends:` id of a concept loaded before */
    yr_pos extends_at;
    yr_pos no_canonical[2]; /* of a `ru` / `uk` key without a canonical term; line 0 none */
    size_t cap_sources, cap_posts, cap_examples;
} concept_ctx;

static const char *const post_keys[] = {"title", "valid_from", "valid_to", NULL};

static int post_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    gl_post *p = ctx;
    if (key == 0)
        return yr_str(y, "'title'", &p->title);
    return get_date(y, key == 1 ? "'valid_from'" : "'valid_to'",
                    key == 1 ? &p->valid_from : &p->valid_to);
}

static int post_item(yr_file *y, void *ctx)
{
    concept_ctx *cc = ctx;
    yr_pos at = yr_here(y);
    gl_post post = {.loc = loc_of(y, at)};
    int rc = yr_mapping(y, "a post", "a mapping (title:, valid_from:, valid_to:)", post_keys,
                        post_key, &post);
    if (rc <= 0)
        return rc;
    if (!post.title) {
        yr_error(y, at, "post has no 'title'");
        return 0;
    }
    /* compared to the coarser of the two dates: a post of 2024-05 may end in "2024" */
    if (post.valid_from && post.valid_to &&
        strncmp(post.valid_from, post.valid_to,
                strlen(post.valid_from) < strlen(post.valid_to) ? strlen(post.valid_from)
                                                                : strlen(post.valid_to)) > 0)
        yr_error(y, at, "post '%s' ends (%s) before it begins (%s)", post.title, post.valid_to,
                 post.valid_from);
    gl_post *p =
        tl_arena_grow(&gl_of(y)->mem, cc->c.posts, cc->c.nposts, &cc->cap_posts, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[cc->c.nposts++] = post;
    cc->c.posts = p;
    return 0;
}

static int concept_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    concept_ctx *cc = ctx;
    int v = -1;
    switch (key) {
    case CK_ID: return yr_str(y, "'id'", &cc->c.id);
    case CK_CATEGORY:
        if (yr_enum(y, "category", category_names, &v))
            return -1;
        cc->c.category = v >= 0 ? (gl_category)v : cc->c.category;
        return 0;
    case CK_NOTE: return yr_str(y, "'note'", &cc->c.note);
    case CK_VI: return yr_str(y, "'vi'", &cc->c.vi);
    case CK_EN: return yr_str(y, "'en'", &cc->c.en);
    case CK_SOURCE:
        return yr_str_or_list(y, "source", &cc->c.sources, &cc->c.nsources, &cc->cap_sources);
    case CK_POSTS: return yr_each_item(y, "'posts'", post_item, cc);
    case CK_EXTENDS: cc->extends_at = yr_here(y); return yr_str(y, "'extends'", &cc->extends);
    default: {
        cc->langs = true;
        example_list ex = {&cc->c.examples, &cc->c.nexamples, &cc->cap_examples};
        bool canonical = true;
        int rc = read_lang(y, key == CK_RU ? TL_LANG_RU : TL_LANG_UK, ex, &canonical);
        if (!canonical)
            cc->no_canonical[key == CK_UK] = at;
        return rc;
    }
    }
}

/* Appends n items of `size` bytes at `more` to the arena array *arr of *len items (and a
 * zeroed item after them, for the NULL-terminated ones). */
static int append(yr_file *y, void *arr, size_t *len, const void *more, size_t n, size_t size)
{
    if (!n)
        return 0;
    char *p = tl_arena_alloc(&gl_of(y)->mem, (*len + n + 1) * size);
    if (!p)
        return yr_nomem(y);
    if (*len)
        memcpy(p, *(void **)arr, *len * size);
    memcpy(p + *len * size, more, n * size);
    memset(p + (*len + n) * size, 0, size);
    *(void **)arr = p;
    *len += n;
    return 0;
}

/* An `extends:` concept: its terms, examples, sources and posts join the concept it
 * names, which must be loaded already (a file of foreign-institution calques can then
 * add forbidden forms to the concepts of the domain files included before it). */
static int extend_concept(yr_file *y, const concept_ctx *cc)
{
    gl_loader *ld = yr_user(y);
    yr_session *s = yr_session_of(y);
    gloss *g = ld->g;
    gl_concept *t = tl_map_get(&g->index->ids, cc->extends, strlen(cc->extends));
    if (!t) {
        yr_error(y, cc->extends_at,
                 "'extends' names concept '%s', which is not loaded before this one", cc->extends);
        return 0;
    }
    if (cc->c.id || cc->c.vi || cc->c.en || cc->c.note)
        yr_error(y, cc->at,
                 "a concept with 'extends' only adds terms, examples, sources and "
                 "posts (no id, vi, en or note)");
    size_t first = t->nterms;
    if (append(y, &t->terms, &t->nterms, ld->terms, ld->nterms, sizeof *ld->terms) ||
        append(y, &t->examples, &t->nexamples, cc->c.examples, cc->c.nexamples,
               sizeof *cc->c.examples) ||
        append(y, &t->sources, &t->nsources, cc->c.sources, cc->c.nsources,
               sizeof *cc->c.sources) ||
        append(y, &t->posts, &t->nposts, cc->c.posts, cc->c.nposts, sizeof *cc->c.posts))
        return -1;
    for (size_t i = first; i < t->nterms; i++)
    t->terms[i].concept = t;
    int rc = gloss_check_extension(&g->index->forms, t, first, s->d);
    if (rc < 0)
        return yr_nomem(y);
    s->errors += (size_t)rc;
    return 0;
}

/* Copies the concept and its scratch terms into the arena, checks them and appends
 * the concept unless its id is missing or taken. */
static int finish_concept(yr_file *y, const concept_ctx *cc)
{
    gl_loader *ld = yr_user(y);
    yr_session *s = yr_session_of(y);
    gloss *g = ld->g;
    if (cc->extends)
        return extend_concept(y, cc);
    for (int i = 0; i < 2; i++)
        if (cc->no_canonical[i].line)
            yr_error(y, cc->no_canonical[i], "'%s' has no 'canonical' term", i ? "uk" : "ru");
    gl_concept *c = tl_arena_alloc(&g->mem, sizeof *c);
    gl_term *terms = tl_arena_alloc(&g->mem, ld->nterms * sizeof *terms);
    if (!c || !terms)
        return yr_nomem(y);
    *c = cc->c;
    if (ld->nterms)
        memcpy(terms, ld->terms, ld->nterms * sizeof *terms);
    c->terms = terms;
    c->nterms = ld->nterms;
    for (size_t i = 0; i < c->nterms; i++)
    terms[i].concept = c;
    bool keep;
    int rc = gloss_check_concept(&g->index->ids, &g->index->forms, c, cc->langs, s->d, &keep);
    if (rc < 0)
        return yr_nomem(y);
    s->errors += (size_t)rc;
    if (!keep)
        return 0;
    gl_concept **p =
        tl_arena_grow(&g->mem, g->concepts, g->nconcepts, &g->index->cap_concepts, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[g->nconcepts++] = c;
    g->concepts = p;
    return 0;
}

static int concept_item(yr_file *y, void *ctx)
{
    (void)ctx;
    concept_ctx cc = {.at = yr_here(y)};
    cc.c.loc = loc_of(y, cc.at);
    ((gl_loader *)yr_user(y))->nterms = 0;
    int rc = yr_mapping(y, "a concept", "a mapping", concept_keys, concept_key, &cc);
    if (rc <= 0)
        return rc;
    return finish_concept(y, &cc);
}

/* ---- contexts ---------------------------------------------------------------------------- */

static const char *const context_keys[] = {"id", "window", "ru", "uk", "categories", NULL};

static int category_item(yr_file *y, void *ctx)
{
    gl_context *c = ctx;
    int v = -1;
    if (yr_enum(y, "category", category_names, &v))
        return -1;
    if (v >= 0)
        c->categories |= 1u << v;
    return 0;
}

typedef struct {
    gl_context c;
    size_t cap_ru, cap_uk;
} context_ctx;

static int context_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    context_ctx *xc = ctx;
    if (key == 0)
        return yr_str(y, "'id'", &xc->c.id);
    if (key == 2)
        return yr_strlist(y, "ru", &xc->c.ru, &xc->c.nru, &xc->cap_ru);
    if (key == 3)
        return yr_strlist(y, "uk", &xc->c.uk, &xc->c.nuk, &xc->cap_uk);
    if (key == 4)
        return yr_each_item(y, "'categories'", category_item, &xc->c);
    const char *s;
    yr_pos vat = yr_here(y);
    if (yr_str(y, "'window'", &s))
        return -1;
    if (!s)
        return 0;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (!strcmp(s, "sentence"))
        v = 0;
    else if (!strcmp(s, "document"))
        v = GL_WINDOW_DOCUMENT;
    else if (*end || end == s || v > 1000)
        yr_error(y, vat,
                 "'window' must be a number of words (0-1000), 'sentence' or 'document', not '%s'",
                 s);
    xc->c.window = (unsigned)v;
    return 0;
}

static int context_item(yr_file *y, void *ctx)
{
    (void)ctx;
    yr_pos at = yr_here(y);
    context_ctx xc = {.c.loc = loc_of(y, at)};
    int rc = yr_mapping(y, "a context", "a mapping", context_keys, context_key, &xc);
    if (rc <= 0)
        return rc;
    if (!xc.c.id || gloss_blank(xc.c.id)) {
        yr_error(y, at, "context has no 'id'");
        return 0;
    }
    gloss *g = gl_of(y);
    for (size_t i = 0; i < g->ncontexts; i++) {
        if (!strcmp(g->contexts[i].id, xc.c.id)) {
            yr_error(y, at, "duplicate context '%s' (first defined at %s:%u:%u)", xc.c.id,
                     g->contexts[i].loc.file, g->contexts[i].loc.line, g->contexts[i].loc.col);
            return 0;
        }
    }
    gl_context *p =
        tl_arena_grow(&g->mem, g->contexts, g->ncontexts, &g->index->cap_contexts, sizeof *p);
    if (!p)
        return yr_nomem(y);
    p[g->ncontexts++] = xc.c;
    g->contexts = p;
    return 0;
}

/* ---- the top level and includes ------------------------------------------------------- */

static const char *const top_keys[] = {"name",
                                       "version",
                                       "languages",
                                       "include",
                                       "doc_codes",
                                       "doc_number_format",
                                       "concepts",
                                       "boilerplate",
                                       "reduplications",
                                       "ru_only_words",
                                       "uk_only_words",
                                       "latin_allowed",
                                       "untranslated_labels",
                                       "contexts",
                                       "alternations",
                                       "function_words",
                                       "phrase_links",
                                       "generic_modifiers",
                                       "house_capitals",
                                       "spelling",
                                       "furniture",
                                       "accept",
                                       "reject",
                                       NULL};
enum {
    TOP_NAME,
    TOP_VERSION,
    TOP_LANGUAGES,
    TOP_INCLUDE,
    TOP_DOC_CODES,
    TOP_DOC_NUMBER_FORMAT,
    TOP_CONCEPTS,
    TOP_BOILERPLATE,
    TOP_REDUPLICATIONS, /* then the other word lists */
    TOP_CONTEXTS = TOP_REDUPLICATIONS + 5,
    TOP_ALTERNATIONS,
    TOP_FUNCTION_WORDS,
    TOP_PHRASE_LINKS,
    TOP_GENERIC_MODIFIERS,
    TOP_HOUSE_CAPITALS,
    TOP_SPELLING,
    TOP_FURNITURE,
    TOP_ACCEPT,
    TOP_REJECT
};

static int include_item(yr_file *y, void *ctx)
{
    (void)ctx;
    yr_pos at = yr_here(y);
    const char *rel;
    if (yr_str(y, "'include' items", &rel))
        return -1;
    if (gloss_blank(rel)) {
        yr_error(y, at, "empty include path");
        return 0;
    }
    return yr_include(y, rel, at);
}

static int language_item(yr_file *y, void *ctx)
{
    (void)ctx;
    int v = -1;
    if (yr_enum(y, "language", gloss_lang_names, &v))
        return -1;
    if (v >= 0)
        gl_of(y)->languages |= 1u << (v == 0 ? TL_LANG_RU : TL_LANG_UK);
    return 0;
}

static int top_key(yr_file *y, int key, yr_pos at, void *ctx)
{
    (void)at;
    (void)ctx;
    gloss *g = gl_of(y);
    const char *s;
    bool top = yr_is_top(y);
    switch (key) {
    case TOP_NAME:
    case TOP_VERSION:
        if (yr_str(y, key == TOP_NAME ? "'name'" : "'version'", &s))
            return -1;
        if (top && key == TOP_NAME && !g->name)
            g->name = s;
        if (top && key == TOP_VERSION && !g->version)
            g->version = s;
        return 0;
    case TOP_LANGUAGES: return yr_each_item(y, "'languages'", language_item, NULL);
    case TOP_INCLUDE: return yr_each_item(y, "'include'", include_item, NULL);
    case TOP_DOC_CODES: return yr_each_item(y, "'doc_codes'", ruledata_doc_code, gl_of(y));
    case TOP_DOC_NUMBER_FORMAT:
        if (yr_str(y, "'doc_number_format'", &s))
            return -1;
        g->doc_number_format = s ? s : g->doc_number_format;
        return 0;
    case TOP_CONCEPTS: return yr_each_item(y, "'concepts'", concept_item, NULL);
    case TOP_BOILERPLATE: return yr_each_item(y, "'boilerplate'", ruledata_pattern, gl_of(y));
    case TOP_CONTEXTS: return yr_each_item(y, "'contexts'", context_item, NULL);
    case TOP_ALTERNATIONS: return yr_each_item(y, "'alternations'", ruledata_alternation, gl_of(y));
    case TOP_FUNCTION_WORDS: return ruledata_function_words(y, gl_of(y), 0);
    case TOP_PHRASE_LINKS: return ruledata_function_words(y, gl_of(y), 1);
    case TOP_GENERIC_MODIFIERS: return ruledata_function_words(y, gl_of(y), 2);
    case TOP_HOUSE_CAPITALS: return ruledata_function_words(y, gl_of(y), 3);
    case TOP_SPELLING: return ruledata_spelling(y, gl_of(y));
    case TOP_FURNITURE: return ruledata_furniture(y, g);
    case TOP_ACCEPT: return yr_strlist(y, "accept", &g->accept, &g->naccept, &g->index->cap_accept);
    case TOP_REJECT: return yr_strlist(y, "reject", &g->reject, &g->nreject, &g->index->cap_reject);
    default: return ruledata_word_list(y, gl_of(y), key - TOP_REDUPLICATIONS, top_keys[key]);
    }
}

static const yr_schema glossary_schema = {"glossary", "name:, concepts:, ...", top_keys, top_key,
                                          TL_ERR_GLOSSARY};

/* ---- entry points -------------------------------------------------------------------- */

/* Every `context:` of a term names a context of the loaded files (they may come in any
 * order, so this runs once the whole set is read). Returns -1 when out of memory. */
static int check_contexts(yr_session *s, const gloss *g)
{
    for (size_t c = 0; c < g->nconcepts; c++) {
        const gl_concept *k = g->concepts[c];
        for (size_t t = 0; t < k->nterms; t++) {
            const gl_term *term = &k->terms[t];
            if (!term->context || gloss_context(g, term->context))
                continue;
            if (diags_add(s->d, TL_SEV_ERROR, term->loc.file, term->loc.line, term->loc.col,
                          UINT64_MAX,
                          "term '%s' of concept '%s' needs context '%s', which no "
                          "loaded file defines (contexts:)",
                          term->text, k->id, term->context))
                return -1;
            s->errors++;
        }
    }
    return 0;
}

/* Loads `path` into g (or, with `data`, the `len` bytes there as a file of that name,
 * includes off); *top gets TL_ERR_IO or TL_ERR_GLOSSARY when the top file could not be
 * read or parsed, else TL_OK. Returns the gloss_load() status. */
static tl_status load_top(gloss *g, const char *path, const char *data, size_t len, tl_diags *d,
                          tl_status *top)
{
    *top = TL_OK;
    if (make_index(g))
        return TL_ERR_NOMEM;
    gl_loader ld;
    memset(&ld, 0, sizeof ld);
    ld.g = g;
    yr_session s;
    yr_session_init(&s, &glossary_schema, &ld, &g->mem, &g->index->files, d);
    if (data) {
        s.no_includes = true;
        yr_load_mem(&s, path, data, len);
    } else {
        yr_load(&s, path);
    }
    if (!s.nomem && check_contexts(&s, g) < 0)
        s.nomem = true;
    tl_free(ld.terms);
    yr_session_release(&s);
    *top = s.top;
    if (s.nomem)
        return TL_ERR_NOMEM;
    if (s.top == TL_ERR_IO)
        return TL_ERR_IO;
    return s.errors || s.top != TL_OK ? TL_ERR_GLOSSARY : TL_OK;
}

tl_status gloss_load(gloss *g, const char *path, tl_diags *d)
{
    tl_status top;
    return load_top(g, path, NULL, 0, d, &top);
}

tl_status gloss_load_mem(gloss *g, const char *name, const char *data, size_t len, tl_diags *d)
{
    tl_status top;
    return load_top(g, name, data, len, d, &top);
}

tl_status tl_glossary_validate(const char *path, const char *data_dir, tl_diags *diags)
{
    (void)data_dir;
    gloss *g = gloss_new();
    if (!g)
        return TL_ERR_NOMEM;
    tl_status top;
    tl_status rc = load_top(g, path, NULL, 0, diags, &top);
    gloss_free(g);
    if (rc == TL_ERR_NOMEM)
        return rc;
    return top;
}

const gl_context *gloss_context(const gloss *g, const char *id)
{
    for (size_t i = 0; i < g->ncontexts; i++)
        if (!strcmp(g->contexts[i].id, id))
            return &g->contexts[i];
    return NULL;
}

int gloss_add_concept(gloss *g, const gl_concept *c, tl_diags *d, size_t *errors)
{
    gl_concept *k = tl_arena_alloc(&g->mem, sizeof *k);
    gl_term *terms = tl_arena_alloc(&g->mem, (c->nterms ? c->nterms : 1) * sizeof *terms);
    if (!k || !terms)
        return -1;
    *k = *c;
    if (c->nterms)
        memcpy(terms, c->terms, c->nterms * sizeof *terms);
    k->terms = terms;
    for (size_t i = 0; i < k->nterms; i++)
    terms[i].concept = k;
    bool keep;
    int rc = gloss_check_concept(&g->index->ids, &g->index->forms, k, k->nterms > 0, d, &keep);
    if (rc < 0)
        return -1;
    *errors += (size_t)rc;
    if (!keep)
        return 0;
    gl_concept **p =
        tl_arena_grow(&g->mem, g->concepts, g->nconcepts, &g->index->cap_concepts, sizeof *p);
    if (!p)
        return -1;
    p[g->nconcepts++] = k;
    g->concepts = p;
    return 0;
}

int gloss_add_words(gloss *g, const char *const *words, bool reject)
{
    const char ***list = reject ? &g->reject : &g->accept;
    size_t *n = reject ? &g->nreject : &g->naccept;
    size_t *cap = reject ? &g->index->cap_reject : &g->index->cap_accept;
    for (const char *const *w = words; w && *w; w++) {
        const char **p = tl_arena_grow(&g->mem, *list, *n, cap, sizeof *p);
        const char *c = tl_arena_strdup(&g->mem, *w);
        if (!p || !c)
            return -1;
        p[(*n)++] = c;
        *list = p;
    }
    return 0;
}
