/*
 * gloss_csv.c - a glossary read from CSV (`termlint glossary convert terms.csv
 * terms.yaml`), the format gloss_export.c writes: a header row naming the columns
 * (CSV_HEADER; their order may differ, unknown columns are an error), then one row per
 * term, example or post. RFC 4180: fields separated by commas, quoted with double quotes
 * when they hold a comma, a quote (doubled) or a line break; LF or CRLF row ends.
 *
 * Rows of one concept need not be adjacent; the concept's own fields (category, vi, en,
 * note, source) are taken from its first row. Lists (source, not_before, not_after) are
 * joined with " | ". Problems are reported with the file, the row's line and the column's
 * 1-based position, and the concepts are then checked as the YAML loader checks them.
 */
#include "gloss_p.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum {
    C_CONCEPT,
    C_CATEGORY,
    C_VI,
    C_EN,
    C_NOTE,
    C_SOURCE,
    C_LANGUAGE,
    C_KIND,
    C_FORM,
    C_MATCH,
    C_CASE,
    C_SHORT,
    C_LITERAL,
    C_SUGGEST,
    C_CONTEXT,
    C_NOT_BEFORE,
    C_NOT_AFTER,
    C_REASON,
    C_VALID_FROM,
    C_VALID_TO,
    C_DISPLAY,
    C_COUNT
};
static const char *const columns[C_COUNT] = {
    "concept", "category",   "vi",        "en",     "note",       "source",   "language",
    "kind",    "form",       "match",     "case",   "short",      "literal",  "suggest",
    "context", "not_before", "not_after", "reason", "valid_from", "valid_to", "display"};
static const char *const category_names[] = {"general", "title", "body",  "document",
                                             "person",  "place", "event", NULL};

#define MAX_FILE ((size_t)64 << 20)
#define MAX_FIELDS 64

typedef struct {
    gl_concept c;
    gl_term *t;
    size_t cap_t, cap_x, cap_p;
} builder;

typedef struct {
    gloss *g;
    tl_diags *d;
    const char *path;
    size_t errors;
    builder *b;
    size_t nb, cap_b;
    tl_map ids; /* concept id -> builder index + 1 */
    int nomem;
} csv_reader;

static void error_at(csv_reader *r, unsigned line, unsigned col, const char *fmt, const char *a)
{
    if (diags_add(r->d, TL_SEV_ERROR, r->path, line, col, UINT64_MAX, fmt, a))
        r->nomem = 1;
    r->errors++;
}

/* One field from *p (at most `end`), unquoted into `out`; *p moves past its separator.
 * Returns the separator: ',' '\n' or 0 at the end of the text. *line counts line breaks
 * (inside quotes too). */
static int field(const char **p, const char *end, tl_buf *out, unsigned *line)
{
    tl_buf_reset(out);
    const char *s = *p;
    if (s < end && *s == '"') {
        for (s++; s < end; s++) {
            if (*s == '"' && s + 1 < end && s[1] == '"')
                tl_buf_addc(out, *s++);
            else if (*s == '"')
                break;
            else {
                *line += *s == '\n';
                tl_buf_addc(out, *s);
            }
        }
        s += s < end; /* the closing quote */
    }
    while (s < end && *s != ',' && *s != '\n') {
        if (*s != '\r')
            tl_buf_addc(out, *s);
        s++;
    }
    int sep = s < end ? *s : 0;
    *p = s + (s < end);
    return sep;
}

static const char *dup(csv_reader *r, const tl_buf *f)
{
    if (!f->len)
        return NULL;
    const char *s = tl_arena_strndup(&r->g->mem, f->data, f->len);
    if (!s)
        r->nomem = 1;
    return s;
}

/* "a | b | c" as a NULL-terminated arena list; *n set. */
static const char **split_list(csv_reader *r, const tl_buf *f, size_t *n)
{
    *n = 0;
    if (!f->len)
        return NULL;
    size_t cap = 2;
    for (const char *s = f->data; (s = strstr(s, " | ")); s += 3)
        cap++;
    const char **v = tl_arena_alloc(&r->g->mem, cap * sizeof *v);
    if (!v) {
        r->nomem = 1;
        return NULL;
    }
    const char *s = f->data;
    for (;;) {
        const char *e = strstr(s, " | ");
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (!(v[(*n)++] = tl_arena_strndup(&r->g->mem, s, len)))
            r->nomem = 1;
        if (!e)
            break;
        s = e + 3;
    }
    v[*n] = NULL;
    return v;
}

static builder *concept_of(csv_reader *r, const tl_buf *f[C_COUNT], unsigned line)
{
    uintptr_t k = (uintptr_t)tl_map_get(&r->ids, f[C_CONCEPT]->data, f[C_CONCEPT]->len);
    if (k)
        return &r->b[k - 1];
    if (TL_GROW(r->b, r->nb, r->cap_b, 64) ||
        !tl_map_put(&r->ids, f[C_CONCEPT]->data, f[C_CONCEPT]->len, (void *)(r->nb + 1))) {
        r->nomem = 1;
        return NULL;
    }
    builder *b = &r->b[r->nb++];
    memset(b, 0, sizeof *b);
    b->c.id = dup(r, f[C_CONCEPT]);
    b->c.vi = dup(r, f[C_VI]);
    b->c.en = dup(r, f[C_EN]);
    b->c.note = dup(r, f[C_NOTE]);
    b->c.sources = split_list(r, f[C_SOURCE], &b->c.nsources);
    b->c.loc = (gl_loc){r->path, line, 1};
    for (int i = 0; category_names[i]; i++)
        if (!strcmp(f[C_CATEGORY]->data, category_names[i]))
            b->c.category = (gl_category)i;
    return b;
}

static int lang_of(csv_reader *r, const tl_buf *f, unsigned line, int col, tl_lang *out)
{
    if (!strcmp(f->data, "ru") || !strcmp(f->data, "uk")) {
        *out = f->data[0] == 'r' ? TL_LANG_RU : TL_LANG_UK;
        return 0;
    }
    error_at(r, line, (unsigned)col, "unknown language '%s' (expected ru or uk)", f->data);
    return -1;
}

/* Adds one row (fields f, by column) to its concept. */
static void add_row(csv_reader *r, const tl_buf *f[C_COUNT], const int pos[C_COUNT], unsigned line)
{
    if (!f[C_CONCEPT]->len) {
        error_at(r, line, (unsigned)pos[C_CONCEPT], "row has no concept%s", "");
        return;
    }
    builder *b = concept_of(r, f, line);
    if (!b)
        return;
    const char *kind = f[C_KIND]->data;
    tl_lang lang = TL_LANG_RU;
    gl_loc at = {r->path, line, (unsigned)pos[C_FORM]};
    if (!strcmp(kind, "post")) {
        gl_post p = {dup(r, f[C_FORM]), dup(r, f[C_VALID_FROM]), dup(r, f[C_VALID_TO]), at};
        gl_post *v = tl_arena_grow(&r->g->mem, b->c.posts, b->c.nposts, &b->cap_p, sizeof *v);
        if (!v) {
            r->nomem = 1;
            return;
        }
        v[b->c.nposts++] = p;
        b->c.posts = v;
        return;
    }
    if (lang_of(r, f[C_LANGUAGE], line, pos[C_LANGUAGE], &lang))
        return;
    if (!strcmp(kind, "example-good") || !strcmp(kind, "example-bad")) {
        gl_example x = {dup(r, f[C_FORM]), lang, kind[8] == 'b', at};
        gl_example *v =
            tl_arena_grow(&r->g->mem, b->c.examples, b->c.nexamples, &b->cap_x, sizeof *v);
        if (!v) {
            r->nomem = 1;
            return;
        }
        v[b->c.nexamples++] = x;
        b->c.examples = v;
        return;
    }
    gl_term t;
    memset(&t, 0, sizeof t);
    if (!strcmp(kind, "canonical"))
        t.kind = GL_CANONICAL;
    else if (!strcmp(kind, "variant"))
        t.kind = GL_VARIANT;
    else if (!strcmp(kind, "forbidden"))
        t.kind = GL_FORBIDDEN;
    else {
        error_at(r, line, (unsigned)pos[C_KIND],
                 "unknown kind '%s' (expected canonical, variant, forbidden, example-good, "
                 "example-bad or post)",
                 kind);
        return;
    }
    t.text = dup(r, f[C_FORM]);
    if (!t.text) {
        error_at(r, line, (unsigned)pos[C_FORM], "empty term%s", "");
        return;
    }
    t.lang = lang;
    t.match = !strcmp(f[C_MATCH]->data, "exact")   ? GL_MATCH_EXACT
              : !strcmp(f[C_MATCH]->data, "regex") ? GL_MATCH_REGEX
                                                   : GL_MATCH_INFLECTED;
    t.case_sensitive = !strcmp(f[C_CASE]->data, "sensitive");
    t.short_form = !strcmp(f[C_SHORT]->data, "true");
    t.literal = !strcmp(f[C_LITERAL]->data, "true");
    t.suggest = dup(r, f[C_SUGGEST]);
    t.context = dup(r, f[C_CONTEXT]);
    t.message = dup(r, f[C_REASON]);
    t.display = dup(r, f[C_DISPLAY]);
    t.not_before = split_list(r, f[C_NOT_BEFORE], &t.nnot_before);
    t.not_after = split_list(r, f[C_NOT_AFTER], &t.nnot_after);
    t.loc = at;
    if (TL_GROW(b->t, b->c.nterms, b->cap_t, 8)) {
        r->nomem = 1;
        return;
    }
    b->t[b->c.nterms++] = t;
}

/* The header: which column holds which field (pos: 1-based column number). */
static int header(csv_reader *r, const char **p, const char *end, tl_buf *f, int idx[MAX_FIELDS],
                  int pos[C_COUNT], unsigned *line)
{
    int n = 0, sep;
    for (int k = 0; k < C_COUNT; k++)
        pos[k] = 0;
    do {
        sep = field(p, end, f, line);
        int k = 0;
        while (k < C_COUNT && strcmp(columns[k], f->data))
            k++;
        if (n == MAX_FIELDS || k == C_COUNT) {
            error_at(r, 1, (unsigned)n + 1, "unknown column '%s' (see docs/glossary-format.md)",
                     f->data);
            return -1;
        }
        idx[n++] = k;
        pos[k] = n;
    } while (sep == ',');
    (*line)++;
    if (!pos[C_CONCEPT] || !pos[C_KIND] || !pos[C_FORM]) {
        error_at(r, 1, 1, "the header needs the columns concept, kind and form%s", "");
        return -1;
    }
    return n;
}

static void parse(csv_reader *r, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    tl_buf bufs[C_COUNT], scratch;
    const tl_buf *f[C_COUNT];
    for (int k = 0; k < C_COUNT; k++) {
        tl_buf_init(&bufs[k], 0);
        f[k] = &bufs[k];
    }
    tl_buf_init(&scratch, 0);
    int idx[MAX_FIELDS], pos[C_COUNT];
    unsigned line = 1;
    int ncols = header(r, &p, end, &scratch, idx, pos, &line);
    while (ncols > 0 && p < end && !r->nomem) {
        unsigned row_line = line;
        for (int k = 0; k < C_COUNT; k++)
            tl_buf_reset(&bufs[k]);
        int sep, n = 0;
        do {
            sep = field(&p, end, &scratch, &line);
            if (n < ncols)
                tl_buf_add(&bufs[idx[n]], scratch.data, scratch.len);
            n++;
        } while (sep == ',');
        line++;
        if (n == 1 && !scratch.len)
            continue; /* a blank line */
        if (n != ncols) {
            char why[64];
            snprintf(why, sizeof why, "%d", n);
            error_at(r, row_line, 1, "row has %s fields; the header has a different number", why);
            continue;
        }
        for (int k = 0; k < C_COUNT; k++)
            if (bufs[k].oom)
                r->nomem = 1;
        add_row(r, f, pos, row_line);
    }
    for (int k = 0; k < C_COUNT; k++)
        tl_buf_release(&bufs[k]);
    tl_buf_release(&scratch);
}

tl_status gloss_read_csv(gloss *g, const char *path, tl_diags *d)
{
    csv_reader r;
    memset(&r, 0, sizeof r);
    r.g = g;
    r.d = d;
    r.path = tl_arena_strdup(&g->mem, path);
    tl_map_init(&r.ids);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        char e[128];
        snprintf(e, sizeof e, "%s", strerror(errno));
        diags_add(d, TL_SEV_ERROR, path, 0, 0, UINT64_MAX, "cannot read '%s': %s", path, e);
        tl_map_release(&r.ids);
        return TL_ERR_IO;
    }
    tl_buf text;
    tl_buf_init(&text, 0);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 && text.len <= MAX_FILE)
        tl_buf_add(&text, chunk, n);
    int bad = ferror(fp);
    fclose(fp);
    if (bad || text.len > MAX_FILE) {
        diags_add(d, TL_SEV_ERROR, path, 0, 0, UINT64_MAX, "cannot read '%s': %s", path,
                  bad ? "read error" : "file is larger than 64 MiB");
        r.errors++;
    } else if (!text.oom && r.path) {
        parse(&r, text.data, text.len);
    }
    r.nomem |= text.oom || !r.path;
    for (size_t i = 0; i < r.nb && !r.nomem; i++) {
        r.b[i].c.terms = r.b[i].t;
        if (gloss_add_concept(g, &r.b[i].c, d, &r.errors))
            r.nomem = 1;
    }
    for (size_t i = 0; i < r.nb; i++)
        tl_free(r.b[i].t);
    tl_free(r.b);
    tl_map_release(&r.ids);
    tl_buf_release(&text);
    return r.nomem ? TL_ERR_NOMEM : r.errors ? TL_ERR_GLOSSARY : TL_OK;
}
