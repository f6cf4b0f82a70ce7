/*
 * gloss.c - the glossary loader: YAML files -> struct gloss. Sole includer of yaml.h.
 *
 * In:  a path. The file is read whole (at most 64 MiB) and parsed from memory with
 *      libyaml's event API, one event at a time: no document tree is built.
 * Out: concepts, terms, document codes and rule data appended to a gloss, every
 *      string copied into the gloss's arena; problems appended to a tl_diags with
 *      1-based file:line:col (libyaml marks are 0-based: +1 at the boundary, pos_of()).
 *
 *   bytes --yaml_parser_parse--> events --next()--> schema functions below
 *                                          | refuses anchors and aliases at the
 *                                          | first one, nesting deeper than 64
 *   top_key -+- include    -> load_file(), recursively; cycles found on the chain
 *            |                of open files (dev:ino), files seen twice loaded once
 *            +- concepts   -> concept -> ru/uk -> term; then gloss_check_concept()
 *            +- doc_codes, boilerplate, word lists, name, version ...
 *
 * Event discipline: `y->ev` is the current event. A function that reads a value is
 * called with the value's first event current and returns with its last event
 * current (the scalar itself, or the matching SEQUENCE_END / MAPPING_END), so
 * skip_value() can jump over anything a caller does not want.
 *
 * Errors in the content are reported and reading goes on. Fatal ones (YAML syntax,
 * anchors, nesting, out of memory) set y->stop: next() then fails and every loop
 * unwinds. An alias bomb therefore costs one event, not its expansion.
 *
 * Concepts are streamed: the terms of one concept gather in a scratch vector, are
 * copied into the arena when the concept ends and are checked at once against all
 * concepts loaded before through the maps in gl_index (id -> concept, surface key ->
 * term). Time and memory stay linear in the size of the glossary.
 *
 * Adding a key: add it to the key table and enum of its mapping, handle it in that
 * mapping's *_key() function, and document it in docs/glossary-format.md.
 *
 * Size: this file is the whole YAML stage and, as the sole includer of yaml.h, keeps
 * every function that reads events; checks that need no YAML are in gloss_check.c.
 */
#include "gloss.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

enum {
    MAX_DEPTH = 64,        /* YAML nesting; the schema itself needs 6 */
    MAX_INCLUDE_DEPTH = 16 /* files open at once through include: */
};
#define MAX_FILE_SIZE ((size_t)64 << 20)

struct gl_index {
    tl_map ids;   /* concept id -> gl_concept * */
    tl_map forms; /* surface keys -> gl_term * (see gloss_check.c) */
    tl_map files; /* dev:ino of every file loaded -> non-NULL */
    size_t cap_concepts, cap_doc_codes, cap_boilerplate, cap_contexts;
    size_t cap_lists[5];
};

/* One gloss_load() call. */
typedef struct {
    gloss *g;
    tl_diags *d;
    size_t errors;  /* errors reported so far */
    bool nomem;
    tl_status top;  /* TL_ERR_IO: top file unreadable; TL_ERR_GLOSSARY: not parsed */
    struct {
        dev_t dev;
        ino_t ino;
        const char *path;
    } chain[MAX_INCLUDE_DEPTH]; /* files being read, top first */
    size_t nchain;
    gl_term *terms; /* scratch: the terms of the concept being read */
    size_t nterms, capterms;
    tl_buf msg, aux; /* scratch for messages */
} loader;

typedef struct {
    unsigned line, col;
} pos;

/* One YAML file being read. */
typedef struct {
    loader *ld;
    const char *path; /* arena copy, as opened */
    const char *data;
    size_t len;
    yaml_parser_t parser;
    yaml_event_t ev; /* current event when have_ev */
    bool have_ev, stop;
    unsigned depth;
} yfile;

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

/* ---- reporting ----------------------------------------------------------------------- */

/* Appends an error at `at` of the file being read (warnings come from gloss_check.c,
 * about whole concepts). */
static void error_at(yfile *y, pos at, const char *fmt, ...) TL_PRINTF(3, 4);
static void error_at(yfile *y, pos at, const char *fmt, ...)
{
    loader *ld = y->ld;
    va_list ap;
    va_start(ap, fmt);
    tl_buf_reset(&ld->msg);
    tl_buf_vprintf(&ld->msg, fmt, ap);
    va_end(ap);
    if (ld->msg.oom ||
        diags_add(ld->d, TL_SEV_ERROR, y->path, at.line, at.col, UINT64_MAX, "%s", ld->msg.data))
        ld->nomem = true;
    ld->errors++;
}

static int nomem(yfile *y)
{
    y->ld->nomem = true;
    y->stop = true;
    return -1;
}

static pos pos_of(yaml_mark_t m)
{
    pos p = {(unsigned)m.line + 1, (unsigned)m.column + 1};
    return p;
}

static pos here(const yfile *y) { return pos_of(y->ev.start_mark); }

static gl_loc loc_of(const yfile *y, pos p)
{
    gl_loc l = {y->path, p.line, p.col};
    return l;
}

/* Line and column (code points) of byte `off`, for libyaml's reader errors, which
 * carry an offset but no mark. */
static pos offset_pos(const yfile *y, size_t off)
{
    if (off > y->len)
        off = y->len;
    size_t line = 1, bol = 0;
    for (size_t i = 0; i < off; i++) {
        char c = y->data[i];
        if (c == '\n' || (c == '\r' && (i + 1 == y->len || y->data[i + 1] != '\n'))) {
            line++;
            bol = i + 1;
        }
    }
    if (bol == 0 && off >= 3 && !memcmp(y->data, "\xEF\xBB\xBF", 3))
        bol = 3; /* libyaml skips the BOM: it has no column */
    pos p = {(unsigned)line, (unsigned)utf8_count(y->data + bol, off - bol) + 1};
    return p;
}

static void syntax_error(yfile *y)
{
    const yaml_parser_t *p = &y->parser;
    const char *problem = p->problem ? p->problem : "syntax error";
    if (p->error == YAML_MEMORY_ERROR) {
        y->ld->nomem = true;
    } else if (p->error == YAML_READER_ERROR) {
        pos at = offset_pos(y, p->problem_offset);
        if (p->problem_value >= 0)
            error_at(y, at, "yaml: %s (0x%02x)", problem, (unsigned)p->problem_value);
        else
            error_at(y, at, "yaml: %s", problem);
    } else if (p->context) {
        pos c = pos_of(p->context_mark);
        error_at(y, pos_of(p->problem_mark), "yaml: %s (%s at %u:%u)", problem, p->context,
                 c.line, c.col);
    } else {
        error_at(y, pos_of(p->problem_mark), "yaml: %s", problem);
    }
}

/* ---- the event layer -------------------------------------------------------------------- */

static int refuse(yfile *y, const char *what)
{
    error_at(y, here(y), "%s", what);
    y->stop = true;
    return -1;
}

/* Makes the next event current. -1 when reading this file has stopped. */
static int next(yfile *y)
{
    if (y->have_ev) {
        yaml_event_delete(&y->ev);
        y->have_ev = false;
    }
    if (y->stop || y->ld->nomem) {
        y->stop = true;
        return -1;
    }
    if (!yaml_parser_parse(&y->parser, &y->ev)) {
        syntax_error(y);
        y->stop = true;
        return -1;
    }
    y->have_ev = true;
    const yaml_char_t *anchor = NULL;
    switch (y->ev.type) {
    case YAML_ALIAS_EVENT:
        return refuse(y, "anchors and aliases are not supported");
    case YAML_SCALAR_EVENT:
        anchor = y->ev.data.scalar.anchor;
        break;
    case YAML_SEQUENCE_START_EVENT:
        anchor = y->ev.data.sequence_start.anchor;
        y->depth++;
        break;
    case YAML_MAPPING_START_EVENT:
        anchor = y->ev.data.mapping_start.anchor;
        y->depth++;
        break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        y->depth--;
        break;
    default:
        break;
    }
    if (anchor)
        return refuse(y, "anchors and aliases are not supported");
    if (y->depth > MAX_DEPTH)
        return refuse(y, "nesting deeper than 64 levels");
    return 0;
}

/* Leaves the last event of the current value current. */
static int skip_value(yfile *y)
{
    yaml_event_type_t t = y->ev.type;
    if (t != YAML_SEQUENCE_START_EVENT && t != YAML_MAPPING_START_EVENT)
        return 0;
    unsigned target = y->depth - 1;
    while (y->depth > target)
        if (next(y))
            return -1;
    return 0;
}

static const char *type_name(const yaml_event_t *ev)
{
    if (ev->type == YAML_SEQUENCE_START_EVENT)
        return "a list";
    return ev->type == YAML_MAPPING_START_EVENT ? "a mapping" : "a string";
}

/* Reports that the current value (`what`, e.g. "'variants'") is not `want`; skips it. */
static int wrong_type(yfile *y, const char *what, const char *want)
{
    error_at(y, here(y), "%s must be %s, not %s", what, want, type_name(&y->ev));
    return skip_value(y);
}

static const char *scalar(const yfile *y) { return (const char *)y->ev.data.scalar.value; }

static bool is_null(const yfile *y)
{
    const char *s = scalar(y);
    return y->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
           (!*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
            !strcmp(s, "NULL"));
}

static bool ascii_ieq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        if (x != *b)
            return false;
    }
    return *a == *b;
}

static const char *join_words(yfile *y, const char *const *words)
{
    tl_buf *b = &y->ld->aux;
    tl_buf_reset(b);
    for (const char *const *w = words; *w; w++)
        tl_buf_printf(b, "%s%s", w == words ? "" : ", ", *w);
    return b->oom ? "..." : b->data;
}

/* ---- typed values ------------------------------------------------------------------------ */

/* A string into *out, copied into the arena; NULL for a YAML null, or for a value of
 * another type, which is reported. */
static int get_str(yfile *y, const char *what, const char **out)
{
    *out = NULL;
    if (y->ev.type != YAML_SCALAR_EVENT)
        return wrong_type(y, what, "a string");
    if (is_null(y))
        return 0;
    *out = tl_arena_strndup(&y->ld->g->mem, scalar(y), y->ev.data.scalar.length);
    return *out ? 0 : nomem(y);
}

static int get_bool(yfile *y, const char *what, bool *out)
{
    static const char *const yes[] = {"true", "yes", "on", NULL};
    static const char *const no[] = {"false", "no", "off", NULL};
    if (y->ev.type != YAML_SCALAR_EVENT)
        return wrong_type(y, what, "true or false");
    for (int i = 0; yes[i]; i++) {
        if (ascii_ieq(scalar(y), yes[i]) || ascii_ieq(scalar(y), no[i])) {
            *out = ascii_ieq(scalar(y), yes[i]);
            return 0;
        }
    }
    error_at(y, here(y), "%s must be true or false, not '%s'", what, scalar(y));
    return 0;
}

/* One of NULL-terminated `names` into *out (its index); an unknown value is reported
 * with a suggestion and leaves *out alone. `what` names the setting, e.g. "category". */
static int get_enum(yfile *y, const char *what, const char *const *names, int *out)
{
    if (y->ev.type != YAML_SCALAR_EVENT) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", what);
        return wrong_type(y, quoted, "a string");
    }
    for (int i = 0; names[i]; i++) {
        if (!strcmp(scalar(y), names[i])) {
            *out = i;
            return 0;
        }
    }
    const char *best = gloss_suggest(scalar(y), names);
    if (best)
        error_at(y, here(y), "unknown %s '%s' (did you mean '%s'?)", what, scalar(y), best);
    else
        error_at(y, here(y), "unknown %s '%s' (expected one of: %s)", what, scalar(y),
                 join_words(y, names));
    return 0;
}

typedef int (*key_fn)(yfile *y, int key, pos at, void *ctx);
typedef int (*item_fn)(yfile *y, void *ctx);

static int unknown_key(yfile *y, const char *const *keys)
{
    const char *best = gloss_suggest(scalar(y), keys);
    if (best)
        error_at(y, here(y), "unknown key '%s' (did you mean '%s'?)", scalar(y), best);
    else
        error_at(y, here(y), "unknown key '%s' (expected one of: %s)", scalar(y),
                 join_words(y, keys));
    return next(y) ? -1 : skip_value(y);
}

/* With a MAPPING_START current: calls fn for each key found in NULL-terminated `keys`
 * (at most 32), with the key's index and position and its value's first event
 * current. Unknown, duplicate and non-string keys are reported and their values
 * skipped. Ends with the MAPPING_END current; -1 when reading stopped. */
static int each_key(yfile *y, const char *const *keys, key_fn fn, void *ctx)
{
    uint32_t seen = 0;
    pos first[32];
    for (;;) {
        if (next(y))
            return -1;
        if (y->ev.type == YAML_MAPPING_END_EVENT)
            return 0;
        pos at = here(y);
        if (y->ev.type != YAML_SCALAR_EVENT) {
            error_at(y, at, "mapping keys must be strings, not %s", type_name(&y->ev));
            if (skip_value(y) || next(y) || skip_value(y))
                return -1;
            continue;
        }
        int k = 0;
        while (keys[k] && strcmp(keys[k], scalar(y)))
            k++;
        int rc;
        if (!keys[k]) {
            rc = unknown_key(y, keys);
        } else if (seen & (1u << k)) {
            error_at(y, at, "duplicate key '%s' (first at %u:%u)", keys[k], first[k].line,
                     first[k].col);
            rc = next(y) ? -1 : skip_value(y);
        } else {
            seen |= 1u << k;
            first[k] = at;
            rc = next(y) ? -1 : fn(y, k, at, ctx);
        }
        if (rc)
            return -1;
    }
}

/* With the value of `what` current: requires a list and calls fn for each item with
 * its first event current. Ends with the SEQUENCE_END current. */
static int each_item(yfile *y, const char *what, item_fn fn, void *ctx)
{
    if (y->ev.type != YAML_SEQUENCE_START_EVENT)
        return wrong_type(y, what, "a list");
    for (;;) {
        if (next(y))
            return -1;
        if (y->ev.type == YAML_SEQUENCE_END_EVENT)
            return 0;
        if (fn(y, ctx))
            return -1;
    }
}

/* Room for item n and a NULL after it in an arena array of `size`-byte items with
 * capacity *cap. Returns the array, moved when it grew, or NULL when out of memory. */
static void *room(tl_arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
    if (n + 1 < *cap)
        return arr;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = tl_arena_alloc(a, ncap * size);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, arr, n * size);
    *cap = ncap;
    return p;
}

/* ---- string lists ------------------------------------------------------------------------ */

typedef struct {
    const char ***items;
    size_t *n, *cap;
    const char *what; /* "'ru' items" */
} strlist;

static int strlist_item(yfile *y, void *ctx)
{
    strlist *l = ctx;
    const char *s;
    if (get_str(y, l->what, &s))
        return -1;
    if (!s)
        return 0;
    const char **p = room(&y->ld->g->mem, *l->items, *l->n, l->cap, sizeof *p);
    if (!p)
        return nomem(y);
    p[(*l->n)++] = s;
    *l->items = p;
    return 0;
}

/* Appends the strings of the current list to a NULL-terminated arena array. */
static int get_strlist(yfile *y, const char *key, const char ***items, size_t *n,
                       size_t *cap)
{
    char what[64], list[64];
    snprintf(what, sizeof what, "'%s' items", key);
    snprintf(list, sizeof list, "'%s'", key);
    strlist l = {items, n, cap, what};
    return each_item(y, list, strlist_item, &l);
}

/* A string or a list of strings (`source: VNA` or `source: [VNA, TASS]`), appended to
 * a NULL-terminated arena array. */
static int get_str_or_list(yfile *y, const char *key, const char ***items, size_t *n,
                           size_t *cap)
{
    if (y->ev.type != YAML_SCALAR_EVENT)
        return get_strlist(y, key, items, n, cap);
    char what[64];
    snprintf(what, sizeof what, "'%s'", key);
    strlist l = {items, n, cap, what};
    return strlist_item(y, &l);
}

/* A date as posts carry it: YYYY, YYYY-MM or YYYY-MM-DD (NULL when null). */
static int get_date(yfile *y, const char *what, const char **out)
{
    pos at = here(y);
    if (get_str(y, what, out))
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
        error_at(y, at, "%s must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", what,
                 s);
    return 0;
}

/* ---- terms --------------------------------------------------------------------------------- */

static const char *const term_keys[] = {"term",    "match",   "case",    "short",     "literal",
                                        "message", "suggest", "context", "not_before", NULL};
enum {
    TK_TERM, TK_MATCH, TK_CASE, TK_SHORT, TK_LITERAL, TK_MESSAGE, TK_SUGGEST, TK_CONTEXT,
    TK_NOT_BEFORE
};
static const char *const match_names[] = {"inflected", "exact", "regex", NULL};
static const char *const case_names[] = {"insensitive", "sensitive", NULL};

typedef struct {
    gl_term t;
    size_t not_before_cap;
    pos text_at;             /* of the text, else of the term */
    bool has_text;
    pos forbidden_only_at;   /* of `literal` or `suggest` */
    const char *forbidden_only;
} term_ctx;

static int term_key(yfile *y, int key, pos at, void *ctx)
{
    term_ctx *tc = ctx;
    int v = -1;
    switch (key) {
    case TK_TERM:
        tc->has_text = true;
        tc->text_at = here(y);
        tc->t.loc = loc_of(y, tc->text_at);
        return get_str(y, "'term'", &tc->t.text);
    case TK_MATCH:
        if (get_enum(y, "match", match_names, &v))
            return -1;
        tc->t.match = v >= 0 ? (gl_match)v : tc->t.match;
        return 0;
    case TK_CASE:
        if (get_enum(y, "case", case_names, &v))
            return -1;
        tc->t.case_sensitive = v >= 0 ? v == 1 : tc->t.case_sensitive;
        return 0;
    case TK_SHORT:
        return get_bool(y, "'short'", &tc->t.short_form);
    case TK_MESSAGE:
        return get_str(y, "'message'", &tc->t.message);
    case TK_CONTEXT:
        return get_str(y, "'context'", &tc->t.context);
    case TK_NOT_BEFORE:
        return get_strlist(y, "not_before", &tc->t.not_before, &tc->t.nnot_before,
                           &tc->not_before_cap);
    default:
        tc->forbidden_only = term_keys[key];
        tc->forbidden_only_at = at;
        if (key == TK_LITERAL)
            return get_bool(y, "'literal'", &tc->t.literal);
        return get_str(y, "'suggest'", &tc->t.suggest);
    }
}

static int push_term(yfile *y, const gl_term *t)
{
    loader *ld = y->ld;
    if (ld->nterms == ld->capterms) {
        size_t cap = ld->capterms ? ld->capterms * 2 : 16;
        gl_term *p = tl_realloc(ld->terms, cap * sizeof *p);
        if (!p)
            return nomem(y);
        ld->terms = p;
        ld->capterms = cap;
    }
    ld->terms[ld->nterms++] = *t;
    return 0;
}

/* Reads a term (a string or a mapping) of `kind` in `lang` into the scratch vector;
 * `what` names it in messages ("'canonical'"). */
static int read_term(yfile *y, tl_lang lang, gl_kind kind, const char *what)
{
    term_ctx tc;
    memset(&tc, 0, sizeof tc);
    tc.t.kind = kind;
    tc.t.lang = lang;
    tc.text_at = here(y);
    tc.t.loc = loc_of(y, tc.text_at);
    if (y->ev.type == YAML_SCALAR_EVENT) {
        if (get_str(y, what, &tc.t.text))
            return -1;
    } else if (y->ev.type == YAML_MAPPING_START_EVENT) {
        pos start = here(y);
        if (each_key(y, term_keys, term_key, &tc))
            return -1;
        if (!tc.has_text) {
            error_at(y, start, "term has no 'term' key");
            return 0;
        }
        if (tc.forbidden_only && kind != GL_FORBIDDEN)
            error_at(y, tc.forbidden_only_at, "'%s' applies only to forbidden terms",
                     tc.forbidden_only);
    } else {
        return wrong_type(y, what, "a string or a mapping");
    }
    if (gloss_blank(tc.t.text)) {
        error_at(y, tc.text_at, "empty term");
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
    bool bad;     /* of the example list being read */
    example_list ex;
} lang_ctx;

static int example_item(yfile *y, void *ctx)
{
    const lang_ctx *lc = ctx;
    gl_example e = {NULL, lc->lang, lc->bad, loc_of(y, here(y))};
    if (get_str(y, lc->bad ? "'bad' items" : "'good' items", &e.text))
        return -1;
    if (!e.text)
        return 0;
    gl_example *p = room(&y->ld->g->mem, *lc->ex.items, *lc->ex.n, lc->ex.cap, sizeof *p);
    if (!p)
        return nomem(y);
    p[(*lc->ex.n)++] = e;
    *lc->ex.items = p;
    return 0;
}

static const char *const example_keys[] = {"good", "bad", NULL};

static int example_key(yfile *y, int key, pos at, void *ctx)
{
    (void)at;
    lang_ctx *lc = ctx;
    lc->bad = key == 1;
    return each_item(y, key ? "'bad'" : "'good'", example_item, lc);
}

static int lang_item(yfile *y, void *ctx)
{
    const lang_ctx *lc = ctx;
    return read_term(y, lc->lang, lc->kind,
                     lc->kind == GL_VARIANT ? "'variants' items" : "'forbidden' items");
}

static int lang_key(yfile *y, int key, pos at, void *ctx)
{
    (void)at;
    lang_ctx *lc = ctx;
    if (key == LK_CANONICAL) {
        lc->canonical = true;
        return read_term(y, lc->lang, GL_CANONICAL, "'canonical'");
    }
    if (key == LK_EXAMPLES) {
        if (y->ev.type != YAML_MAPPING_START_EVENT)
            return wrong_type(y, "'examples'", "a mapping (good:, bad:)");
        return each_key(y, example_keys, example_key, lc);
    }
    lc->kind = key == LK_VARIANTS ? GL_VARIANT : GL_FORBIDDEN;
    return each_item(y, key == LK_VARIANTS ? "'variants'" : "'forbidden'", lang_item, lc);
}

static int read_lang(yfile *y, tl_lang lang, pos at, example_list ex)
{
    const char *name = lang == TL_LANG_RU ? "ru" : "uk";
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return wrong_type(y, lang == TL_LANG_RU ? "'ru'" : "'uk'", "a mapping");
    lang_ctx lc = {lang, GL_VARIANT, false, false, ex};
    if (each_key(y, lang_keys, lang_key, &lc))
        return -1;
    if (!lc.canonical)
        error_at(y, at, "'%s' has no 'canonical' term", name);
    return 0;
}

static const char *const concept_keys[] = {"id", "category", "note",  "vi", "en",
                                           "ru", "uk",       "source", "posts", NULL};
enum { CK_ID, CK_CATEGORY, CK_NOTE, CK_VI, CK_EN, CK_RU, CK_UK, CK_SOURCE, CK_POSTS };
/* in gl_category order */
static const char *const category_names[] = {"general", "title", "body",  "document",
                                             "person",  "place", "event", NULL};

typedef struct {
    gl_concept c;
    pos at;
    bool langs;
    size_t cap_sources, cap_posts, cap_examples;
} concept_ctx;

static const char *const post_keys[] = {"title", "valid_from", "valid_to", NULL};

static int post_key(yfile *y, int key, pos at, void *ctx)
{
    (void)at;
    gl_post *p = ctx;
    if (key == 0)
        return get_str(y, "'title'", &p->title);
    return get_date(y, key == 1 ? "'valid_from'" : "'valid_to'",
                    key == 1 ? &p->valid_from : &p->valid_to);
}

static int post_item(yfile *y, void *ctx)
{
    concept_ctx *cc = ctx;
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return wrong_type(y, "a post", "a mapping (title:, valid_from:, valid_to:)");
    gl_post post;
    memset(&post, 0, sizeof post);
    pos at = here(y);
    post.loc = loc_of(y, at);
    if (each_key(y, post_keys, post_key, &post))
        return -1;
    if (!post.title) {
        error_at(y, at, "post has no 'title'");
        return 0;
    }
    /* compared to the coarser of the two dates: a post of 2024-05 may end in "2024" */
    if (post.valid_from && post.valid_to &&
        strncmp(post.valid_from, post.valid_to,
                strlen(post.valid_from) < strlen(post.valid_to) ? strlen(post.valid_from)
                                                                  : strlen(post.valid_to)) > 0)
        error_at(y, at, "post '%s' ends (%s) before it begins (%s)", post.title, post.valid_to,
                 post.valid_from);
    gl_post *p = room(&y->ld->g->mem, cc->c.posts, cc->c.nposts, &cc->cap_posts, sizeof *p);
    if (!p)
        return nomem(y);
    p[cc->c.nposts++] = post;
    cc->c.posts = p;
    return 0;
}

static int concept_key(yfile *y, int key, pos at, void *ctx)
{
    concept_ctx *cc = ctx;
    int v = -1;
    switch (key) {
    case CK_ID:
        return get_str(y, "'id'", &cc->c.id);
    case CK_CATEGORY:
        if (get_enum(y, "category", category_names, &v))
            return -1;
        cc->c.category = v >= 0 ? (gl_category)v : cc->c.category;
        return 0;
    case CK_NOTE:
        return get_str(y, "'note'", &cc->c.note);
    case CK_VI:
        return get_str(y, "'vi'", &cc->c.vi);
    case CK_EN:
        return get_str(y, "'en'", &cc->c.en);
    case CK_SOURCE:
        return get_str_or_list(y, "source", &cc->c.sources, &cc->c.nsources, &cc->cap_sources);
    case CK_POSTS:
        return each_item(y, "'posts'", post_item, cc);
    default: {
        cc->langs = true;
        example_list ex = {&cc->c.examples, &cc->c.nexamples, &cc->cap_examples};
        return read_lang(y, key == CK_RU ? TL_LANG_RU : TL_LANG_UK, at, ex);
    }
    }
}

/* Copies the concept and its scratch terms into the arena, checks them and appends
 * the concept unless its id is missing or taken. */
static int finish_concept(yfile *y, const concept_ctx *cc)
{
    loader *ld = y->ld;
    gloss *g = ld->g;
    gl_concept *c = tl_arena_alloc(&g->mem, sizeof *c);
    gl_term *terms = tl_arena_alloc(&g->mem, ld->nterms * sizeof *terms);
    if (!c || !terms)
        return nomem(y);
    *c = cc->c;
    if (ld->nterms)
        memcpy(terms, ld->terms, ld->nterms * sizeof *terms);
    c->terms = terms;
    c->nterms = ld->nterms;
    for (size_t i = 0; i < c->nterms; i++)
        terms[i].concept = c;
    bool keep;
    int rc = gloss_check_concept(&g->index->ids, &g->index->forms, c, cc->langs, ld->d, &keep);
    if (rc < 0)
        return nomem(y);
    ld->errors += (size_t)rc;
    if (!keep)
        return 0;
    gl_concept **p = room(&g->mem, g->concepts, g->nconcepts, &g->index->cap_concepts,
                          sizeof *p);
    if (!p)
        return nomem(y);
    p[g->nconcepts++] = c;
    g->concepts = p;
    return 0;
}

static int concept_item(yfile *y, void *ctx)
{
    (void)ctx;
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return wrong_type(y, "a concept", "a mapping");
    concept_ctx cc;
    memset(&cc, 0, sizeof cc);
    cc.at = here(y);
    cc.c.loc = loc_of(y, cc.at);
    y->ld->nterms = 0;
    if (each_key(y, concept_keys, concept_key, &cc))
        return -1;
    return finish_concept(y, &cc);
}

/* ---- document codes and boilerplate patterns ------------------------------------------ */

static const char *const doc_code_keys[] = {"code", "ascii", "vi", "ru", "uk", NULL};
enum { DK_CODE, DK_ASCII, DK_VI, DK_RU, DK_UK };

static int doc_code_key(yfile *y, int key, pos at, void *ctx)
{
    (void)at;
    gl_doc_code *dc = ctx;
    if (key == DK_CODE)
        return get_str(y, "'code'", &dc->code);
    if (key == DK_ASCII)
        return get_str(y, "'ascii'", &dc->ascii);
    if (key == DK_VI)
        return get_str(y, "'vi'", &dc->vi);
    const char **words = NULL;
    size_t n = 0, cap = 0;
    if (get_strlist(y, doc_code_keys[key], &words, &n, &cap))
        return -1;
    if (key == DK_RU)
        dc->ru = words;
    else
        dc->uk = words;
    return 0;
}

static int doc_code_item(yfile *y, void *ctx)
{
    (void)ctx;
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return wrong_type(y, "a document code", "a mapping");
    gl_doc_code dc;
    memset(&dc, 0, sizeof dc);
    pos at = here(y);
    dc.loc = loc_of(y, at);
    if (each_key(y, doc_code_keys, doc_code_key, &dc))
        return -1;
    if (!dc.code || gloss_blank(dc.code)) {
        error_at(y, at, "document code has no 'code'");
        return 0;
    }
    gloss *g = y->ld->g;
    gl_doc_code *p = room(&g->mem, g->doc_codes, g->ndoc_codes, &g->index->cap_doc_codes,
                          sizeof *p);
    if (!p)
        return nomem(y);
    p[g->ndoc_codes++] = dc;
    g->doc_codes = p;
    return 0;
}

static const char *const pattern_keys[] = {"id", "regex", "message", "lang", "hints", NULL};
enum { PK_ID, PK_REGEX, PK_MESSAGE, PK_LANG, PK_HINTS };
static const char *const lang_names[] = {"ru", "uk", NULL};

typedef struct {
    gl_pattern p;
    pos regex_at;
    size_t hints_cap;
} pattern_ctx;

static int pattern_key(yfile *y, int key, pos at, void *ctx)
{
    (void)at;
    pattern_ctx *pc = ctx;
    int v = -1;
    switch (key) {
    case PK_ID:
        return get_str(y, "'id'", &pc->p.id);
    case PK_REGEX:
        pc->regex_at = here(y);
        return get_str(y, "'regex'", &pc->p.regex);
    case PK_MESSAGE:
        return get_str(y, "'message'", &pc->p.message);
    case PK_HINTS:
        return get_strlist(y, "hints", &pc->p.hints, &pc->p.nhints, &pc->hints_cap);
    default:
        if (get_enum(y, "language", lang_names, &v))
            return -1;
        pc->p.lang = v == 0 ? TL_LANG_RU : v == 1 ? TL_LANG_UK : TL_LANG_AUTO;
        return 0;
    }
}

/* 0 when `re` is a valid ICU regex, else reported; -1 when out of memory. */
static int check_regex(yfile *y, const char *re, pos at)
{
    tl_buf *why = &y->ld->aux;
    tl_buf_reset(why);
    int rc = gloss_regex_check(re, why);
    if (rc < 0)
        return nomem(y);
    if (rc > 0)
        error_at(y, at, "bad regex '%s': %s", re, why->data);
    return 0;
}

static int pattern_item(yfile *y, void *ctx)
{
    (void)ctx;
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return wrong_type(y, "a boilerplate pattern", "a mapping");
    pattern_ctx pc;
    memset(&pc, 0, sizeof pc);
    pos at = here(y);
    pc.p.loc = loc_of(y, at);
    if (each_key(y, pattern_keys, pattern_key, &pc))
        return -1;
    if (!pc.p.id || !pc.p.regex) {
        error_at(y, at, "boilerplate pattern has no '%s'", pc.p.id ? "regex" : "id");
        return 0;
    }
    if (check_regex(y, pc.p.regex, pc.regex_at))
        return -1;
    gloss *g = y->ld->g;
    gl_pattern *p = room(&g->mem, g->boilerplate, g->nboilerplate,
                         &g->index->cap_boilerplate, sizeof *p);
    if (!p)
        return nomem(y);
    p[g->nboilerplate++] = pc.p;
    g->boilerplate = p;
    return 0;
}

/* ---- contexts ---------------------------------------------------------------------------- */

static const char *const context_keys[] = {"id", "window", "ru", "uk", NULL};

typedef struct {
    gl_context c;
    size_t cap_ru, cap_uk;
} context_ctx;

static int context_key(yfile *y, int key, pos at, void *ctx)
{
    (void)at;
    context_ctx *xc = ctx;
    if (key == 0)
        return get_str(y, "'id'", &xc->c.id);
    if (key == 2)
        return get_strlist(y, "ru", &xc->c.ru, &xc->c.nru, &xc->cap_ru);
    if (key == 3)
        return get_strlist(y, "uk", &xc->c.uk, &xc->c.nuk, &xc->cap_uk);
    const char *s;
    pos vat = here(y);
    if (get_str(y, "'window'", &s))
        return -1;
    if (!s)
        return 0;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (!strcmp(s, "sentence"))
        v = 0;
    else if (*end || end == s || v > 1000)
        error_at(y, vat, "'window' must be a number of words (0-1000) or 'sentence', not '%s'",
                 s);
    xc->c.window = (unsigned)v;
    return 0;
}

static int context_item(yfile *y, void *ctx)
{
    (void)ctx;
    if (y->ev.type != YAML_MAPPING_START_EVENT)
        return wrong_type(y, "a context", "a mapping");
    context_ctx xc;
    memset(&xc, 0, sizeof xc);
    pos at = here(y);
    xc.c.loc = loc_of(y, at);
    if (each_key(y, context_keys, context_key, &xc))
        return -1;
    if (!xc.c.id || gloss_blank(xc.c.id)) {
        error_at(y, at, "context has no 'id'");
        return 0;
    }
    gloss *g = y->ld->g;
    for (size_t i = 0; i < g->ncontexts; i++) {
        if (!strcmp(g->contexts[i].id, xc.c.id)) {
            error_at(y, at, "duplicate context '%s' (first defined at %s:%u:%u)", xc.c.id,
                     g->contexts[i].loc.file, g->contexts[i].loc.line, g->contexts[i].loc.col);
            return 0;
        }
    }
    gl_context *p = room(&g->mem, g->contexts, g->ncontexts, &g->index->cap_contexts, sizeof *p);
    if (!p)
        return nomem(y);
    p[g->ncontexts++] = xc.c;
    g->contexts = p;
    return 0;
}

/* ---- the top level and includes ------------------------------------------------------- */

static int load_file(loader *ld, const char *path, yfile *from, pos at);

static const char *const top_keys[] = {
    "name",          "version",       "languages",     "include",
    "doc_codes",     "doc_number_format", "concepts",  "boilerplate",
    "reduplications", "ru_only_words", "uk_only_words", "latin_allowed",
    "untranslated_labels", "contexts", NULL};
enum {
    TOP_NAME, TOP_VERSION, TOP_LANGUAGES, TOP_INCLUDE, TOP_DOC_CODES, TOP_DOC_NUMBER_FORMAT,
    TOP_CONCEPTS, TOP_BOILERPLATE, TOP_REDUPLICATIONS, /* then the other word lists */
    TOP_CONTEXTS = TOP_REDUPLICATIONS + 5
};

static int include_item(yfile *y, void *ctx)
{
    (void)ctx;
    pos at = here(y);
    const char *rel;
    if (get_str(y, "'include' items", &rel))
        return -1;
    if (gloss_blank(rel)) {
        error_at(y, at, "empty include path");
        return 0;
    }
    /* relative to the including file's folder */
    const char *slash = rel[0] == '/' ? NULL : strrchr(y->path, '/');
    int dirlen = slash ? (int)(slash - y->path + 1) : 0;
    const char *path = tl_arena_printf(&y->ld->g->mem, "%.*s%s", dirlen, y->path, rel);
    if (!path)
        return nomem(y);
    load_file(y->ld, path, y, at);
    return y->ld->nomem ? nomem(y) : 0;
}

static int language_item(yfile *y, void *ctx)
{
    (void)ctx;
    int v;
    return get_enum(y, "language", lang_names, &v);
}

/* The five word lists, in top_keys order from TOP_REDUPLICATIONS. */
static int word_list(yfile *y, int key)
{
    gloss *g = y->ld->g;
    const char ***items[] = {&g->reduplications, &g->ru_only_words, &g->uk_only_words,
                             &g->latin_allowed, &g->untranslated_labels};
    size_t *counts[] = {&g->nreduplications, &g->nru_only_words, &g->nuk_only_words,
                        &g->nlatin_allowed, &g->nuntranslated_labels};
    int i = key - TOP_REDUPLICATIONS;
    return get_strlist(y, top_keys[key], items[i], counts[i], &g->index->cap_lists[i]);
}

static int top_key(yfile *y, int key, pos at, void *ctx)
{
    (void)at;
    (void)ctx;
    gloss *g = y->ld->g;
    const char *s;
    bool top = y->ld->nchain == 1;
    switch (key) {
    case TOP_NAME:
    case TOP_VERSION:
        if (get_str(y, key == TOP_NAME ? "'name'" : "'version'", &s))
            return -1;
        if (top && key == TOP_NAME && !g->name)
            g->name = s;
        if (top && key == TOP_VERSION && !g->version)
            g->version = s;
        return 0;
    case TOP_LANGUAGES:
        return each_item(y, "'languages'", language_item, NULL);
    case TOP_INCLUDE:
        return each_item(y, "'include'", include_item, NULL);
    case TOP_DOC_CODES:
        return each_item(y, "'doc_codes'", doc_code_item, NULL);
    case TOP_DOC_NUMBER_FORMAT:
        if (get_str(y, "'doc_number_format'", &s))
            return -1;
        g->doc_number_format = s ? s : g->doc_number_format;
        return 0;
    case TOP_CONCEPTS:
        return each_item(y, "'concepts'", concept_item, NULL);
    case TOP_BOILERPLATE:
        return each_item(y, "'boilerplate'", pattern_item, NULL);
    case TOP_CONTEXTS:
        return each_item(y, "'contexts'", context_item, NULL);
    default:
        return word_list(y, key);
    }
}

/* The stream: one document whose root is a mapping, or nothing at all. */
static int parse_stream(yfile *y)
{
    if (next(y) || next(y)) /* STREAM_START, then DOCUMENT_START or STREAM_END */
        return -1;
    if (y->ev.type == YAML_STREAM_END_EVENT)
        return 0;
    if (next(y))
        return -1;
    if (y->ev.type == YAML_MAPPING_START_EVENT) {
        if (each_key(y, top_keys, top_key, NULL))
            return -1;
    } else if (y->ev.type != YAML_SCALAR_EVENT || !is_null(y)) {
        error_at(y, here(y), "the top level must be a mapping (name:, concepts:, ...), not %s",
                 type_name(&y->ev));
        if (skip_value(y))
            return -1;
    }
    if (next(y) || next(y)) /* DOCUMENT_END, then STREAM_END or DOCUMENT_START */
        return -1;
    if (y->ev.type == YAML_DOCUMENT_START_EVENT)
        error_at(y, here(y), "only one yaml document per file is supported");
    return 0;
}

/* Parses `len` bytes at `data` read from `path` (an arena string). */
static void parse_file(loader *ld, const char *path, const char *data, size_t len)
{
    yfile y;
    memset(&y, 0, sizeof y);
    y.ld = ld;
    y.path = path;
    y.data = data;
    y.len = len;
    if (!yaml_parser_initialize(&y.parser)) {
        ld->nomem = true;
        return;
    }
    yaml_parser_set_input_string(&y.parser, (const unsigned char *)data, len);
    /* libyaml would decode UTF-16 too, but then its reader offsets (offset_pos) are
     * not UTF-8 bytes: keep to the documented UTF-8, with or without a BOM */
    bool utf16 = len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
                              (data[0] == '\xFE' && data[1] == '\xFF'));
    if (utf16) {
        pos start = {1, 1};
        error_at(&y, start, "glossary files must be UTF-8, not UTF-16");
    }
    if ((utf16 || parse_stream(&y)) && ld->nchain == 1)
        ld->top = TL_ERR_GLOSSARY;
    if (y.have_ev)
        yaml_event_delete(&y.ev);
    yaml_parser_delete(&y.parser);
}

static void cannot(loader *ld, yfile *from, pos at, const char *path, const char *why)
{
    if (from) {
        error_at(from, at, "cannot read included file '%s': %s", path, why);
        return;
    }
    yfile top;
    memset(&top, 0, sizeof top);
    top.ld = ld;
    top.path = path;
    pos none = {0, 0};
    error_at(&top, none, "cannot read '%s': %s", path, why);
    ld->top = TL_ERR_IO;
}

/* Reads all of `fd` (size from fstat `st`) into b; 0, else errno (EFBIG: too big). */
static int read_all(int fd, const struct stat *st, tl_buf *b)
{
    if (S_ISDIR(st->st_mode))
        return EISDIR;
    if (st->st_size > (off_t)MAX_FILE_SIZE)
        return EFBIG;
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0)
            return 0;
        if (b->len + (size_t)n > MAX_FILE_SIZE)
            return EFBIG;
        if (tl_buf_add(b, chunk, (size_t)n))
            return ENOMEM;
    }
}

/* Is the file open as `st` on the chain of files being read? Reports the cycle. */
static bool in_cycle(loader *ld, const struct stat *st, const char *path, yfile *from, pos at)
{
    size_t k = 0;
    while (k < ld->nchain && !(ld->chain[k].dev == st->st_dev && ld->chain[k].ino == st->st_ino))
        k++;
    if (k == ld->nchain)
        return false;
    tl_buf chain;
    tl_buf_init(&chain, 0);
    for (size_t i = k; i < ld->nchain; i++)
        tl_buf_printf(&chain, "%s -> ", ld->chain[i].path);
    tl_buf_adds(&chain, path);
    if (chain.oom)
        ld->nomem = true;
    else
        error_at(from, at, "include cycle: %s", chain.data);
    tl_buf_release(&chain);
    return true;
}

/* Loads file `path`, included from `from` at `at` (NULL for the top file). */
static int load_file(loader *ld, const char *path, yfile *from, pos at)
{
    char errbuf[128];
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st)) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        strerror_r(e, errbuf, sizeof errbuf);
        cannot(ld, from, at, path, errbuf);
        return 0;
    }
    char key[2 * sizeof(dev_t) + 2 * sizeof(ino_t)];
    memcpy(key, &st.st_dev, sizeof st.st_dev);
    memcpy(key + sizeof st.st_dev, &st.st_ino, sizeof st.st_ino);
    size_t klen = sizeof st.st_dev + sizeof st.st_ino;
    int e = 0;
    tl_buf data;
    tl_buf_init(&data, 0);
    if (from && in_cycle(ld, &st, path, from, at)) {
        e = -1;
    } else if (ld->nchain == MAX_INCLUDE_DEPTH) {
        error_at(from, at, "includes nested deeper than %d files", MAX_INCLUDE_DEPTH);
        e = -1;
    } else if (tl_map_get(&ld->g->index->files, key, klen)) {
        e = -1; /* loaded already, through another path: once is enough */
    } else {
        e = read_all(fd, &st, &data);
    }
    close(fd);
    if (e == ENOMEM || (e == 0 && !tl_map_put(&ld->g->index->files, key, klen, ld))) {
        ld->nomem = true;
    } else if (e == EFBIG) {
        cannot(ld, from, at, path, "file is larger than 64 MiB");
        ld->top = from ? ld->top : TL_ERR_GLOSSARY;
    } else if (e > 0) {
        strerror_r(e, errbuf, sizeof errbuf);
        cannot(ld, from, at, path, errbuf);
    } else if (e == 0) {
        const char *p = tl_arena_strdup(&ld->g->mem, path);
        if (!p) {
            ld->nomem = true;
        } else {
            ld->chain[ld->nchain].dev = st.st_dev;
            ld->chain[ld->nchain].ino = st.st_ino;
            ld->chain[ld->nchain++].path = p;
            parse_file(ld, p, data.data, data.len);
            ld->nchain--;
        }
    }
    tl_buf_release(&data);
    return ld->nomem ? -1 : 0;
}

/* ---- entry points -------------------------------------------------------------------- */

/* Every `context:` of a term names a context of the loaded files (they may come in any
 * order, so this runs once the whole set is read). Returns -1 when out of memory. */
static int check_contexts(loader *ld)
{
    const gloss *g = ld->g;
    for (size_t c = 0; c < g->nconcepts; c++) {
        const gl_concept *k = g->concepts[c];
        for (size_t t = 0; t < k->nterms; t++) {
            const gl_term *term = &k->terms[t];
            if (!term->context || gloss_context(g, term->context))
                continue;
            if (diags_add(ld->d, TL_SEV_ERROR, term->loc.file, term->loc.line, term->loc.col,
                          UINT64_MAX, "term '%s' of concept '%s' needs context '%s', which no "
                          "loaded file defines (contexts:)", term->text, k->id, term->context))
                return -1;
            ld->errors++;
        }
    }
    return 0;
}

/* Loads `path` into g; *top gets TL_ERR_IO or TL_ERR_GLOSSARY when the top file could
 * not be read or parsed, else TL_OK. Returns the gloss_load() status. */
static tl_status load_top(gloss *g, const char *path, tl_diags *d, tl_status *top)
{
    *top = TL_OK;
    if (make_index(g))
        return TL_ERR_NOMEM;
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.g = g;
    ld.d = d;
    ld.top = TL_OK;
    tl_buf_init(&ld.msg, 0);
    tl_buf_init(&ld.aux, 0);
    pos none = {0, 0};
    load_file(&ld, path, NULL, none);
    if (!ld.nomem && check_contexts(&ld) < 0)
        ld.nomem = true;
    tl_free(ld.terms);
    tl_buf_release(&ld.msg);
    tl_buf_release(&ld.aux);
    *top = ld.top;
    if (ld.nomem)
        return TL_ERR_NOMEM;
    if (ld.top == TL_ERR_IO)
        return TL_ERR_IO;
    return ld.errors || ld.top != TL_OK ? TL_ERR_GLOSSARY : TL_OK;
}

tl_status gloss_load(gloss *g, const char *path, tl_diags *d)
{
    tl_status top;
    return load_top(g, path, d, &top);
}

tl_status tl_glossary_validate(const char *path, const char *data_dir, tl_diags *diags)
{
    (void)data_dir;
    gloss *g = gloss_new();
    if (!g)
        return TL_ERR_NOMEM;
    tl_status top;
    tl_status rc = load_top(g, path, diags, &top);
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
