/*
 * usage.c - the usage record of one checked file: everything a terminology report
 * (termreport.c) needs to know of it, and nothing it can compute later.
 *
 *   {"type":"usage","path":P,"language":"ru","words":N[,"error":E],
 *    "findings":{"spelling":3,"term.variant":1},
 *    "terms":[{"concept":ID,"canonical":C,"language":"ru","kind":"variant","term":T,
 *              "count":N,"examples":[{"line":L,"column":C,"before":B,"text":X,
 *                                     "after":A}]}],
 *    "candidates":[{"kind":"name","language":"ru","key":K,"text":T,"count":N,
 *                   "examples":[...]}]}
 *
 * `check --format jsonl` writes it after each file's findings, and `termlint report`
 * feeds the same records straight to its accumulator: a report from one run and a
 * report merged from the jsonl of many runs are made of the same records, so they are
 * byte-identical by construction (docs/report.md).
 *
 * A glossary use is a finding that carries a glossary term (tl_finding.term): term.use
 * for canonical forms, variants and short forms (the run switches it on), term.variant,
 * term.forbidden, term.literal, term.inconsistent, name.variant. term.use is folded into
 * a term finding on its span, so each use is counted once. `findings` counts findings
 * per rule, term.use left out (it is an observation, not a defect). Within a record,
 * keys are sorted and at most USAGE_EXAMPLES examples per rendering are kept, the first
 * ones in the file. Term candidates (candidates.c) are listed per (key, text), with
 * their first examples in the file.
 */
#include "usage.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* keyword-in-context: at most this many code points each side, on the match's line */
#define KWIC_CP 48

typedef struct {
    const tl_finding *x; /* a finding with a glossary term */
} use_ref;

static int cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

/* Order of uses: by rendering (concept, language, kind, term), then position. */
static int cmp_use(const void *pa, const void *pb)
{
    const tl_finding *a = ((const use_ref *)pa)->x, *b = ((const use_ref *)pb)->x;
    int c = cmp_str(a->concept, b->concept);
    if (c)
        return c;
    if (a->term_kind != b->term_kind)
        return (int)a->term_kind - (int)b->term_kind;
    c = cmp_str(a->term, b->term);
    if (c)
        return c;
    return a->offset < b->offset ? -1 : a->offset > b->offset;
}

static int same_rendering(const tl_finding *a, const tl_finding *b)
{
    return !cmp_str(a->concept, b->concept) && a->term_kind == b->term_kind &&
           !cmp_str(a->term, b->term);
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* A JSON string of bytes [a, b), tabs as spaces; "" when not UTF-8. */
static json_t *span_string(const char *a, const char *b)
{
    char *s = malloc((size_t)(b - a) + 1);
    if (!s)
        return json_string("");
    size_t n = 0;
    for (const char *p = a; p < b; p++)
        s[n++] = *p == '\t' ? ' ' : *p;
    json_t *j = json_stringn(s, n);
    free(s);
    return j ? j : json_string("");
}

/* The text before the match on its line: at most KWIC_CP code points, starting at a
 * word when the cut falls inside one. */
static json_t *before_of(const char *data, size_t off)
{
    const char *end = data + off, *p = end;
    size_t cp = 0;
    while (p > data && p[-1] != '\n' && p[-1] != '\r' && cp < KWIC_CP) {
        p--;
        while (p > data && is_cont((unsigned char)*p))
            p--;
        cp++;
    }
    if (cp == KWIC_CP && p > data && p[-1] != '\n' && p[-1] != '\r') {
        const char *sp = memchr(p, ' ', (size_t)(end - p));
        if (sp)
            p = sp + 1;
    }
    return span_string(p, end);
}

/* The text after the match on its line, cut the same way at its end. */
static json_t *after_of(const char *data, size_t len, size_t from)
{
    const char *lim = data + len, *a = data + from, *p = a;
    size_t cp = 0;
    while (p < lim && *p != '\n' && *p != '\r' && cp < KWIC_CP) {
        p++;
        while (p < lim && is_cont((unsigned char)*p))
            p++;
        cp++;
    }
    if (cp == KWIC_CP && p < lim && *p != '\n' && *p != '\r') {
        const char *q = p;
        while (q > a && q[-1] != ' ')
            q--;
        if (q > a)
            p = q - 1;
    }
    return span_string(a, p);
}

json_t *usage_example(const report_file *f, const tl_finding *x, const char *text)
{
    json_t *e = json_object();
    json_object_set_new(e, "line", json_integer(x->line));
    json_object_set_new(e, "column", json_integer(x->col));
    int have = f->data && x->offset + x->length <= f->len;
    json_object_set_new(e, "before",
                        have ? before_of(f->data, (size_t)x->offset) : json_string(""));
    json_t *t = json_string(text ? text : x->text ? x->text : "");
    json_object_set_new(e, "text", t ? t : json_string("?"));
    json_object_set_new(e, "after",
                        have ? after_of(f->data, f->len, (size_t)(x->offset + x->length))
                             : json_string(""));
    return e;
}

/* One entry of "terms" for uses [u, u + n) of one rendering. */
static json_t *rendering_of(const report_file *f, const use_ref *u, size_t n)
{
    const tl_finding *x = u[0].x;
    json_t *o = json_object();
    json_object_set_new(o, "concept", json_string(x->concept));
    json_object_set_new(o, "canonical", x->canonical ? json_string(x->canonical) : json_null());
    json_object_set_new(o, "language", json_string(tl_lang_str(tl_result_lang(f->result))));
    json_object_set_new(o, "kind", json_string(tl_term_kind_str(x->term_kind)));
    json_object_set_new(o, "term", json_string(x->term));
    json_object_set_new(o, "count", json_integer((json_int_t)n));
    json_t *ex = json_array();
    for (size_t i = 0; i < n && i < USAGE_EXAMPLES; i++)
        json_array_append_new(ex, usage_example(f, u[i].x, NULL));
    json_object_set_new(o, "examples", ex);
    return o;
}

static json_t *terms_of(const report_file *f)
{
    json_t *a = json_array();
    size_t n = tl_result_count(f->result), m = 0;
    use_ref *u = malloc((n ? n : 1) * sizeof *u);
    if (!u)
        return a;
    for (size_t i = 0; i < n; i++) {
        const tl_finding *x = tl_result_at(f->result, i);
        if (x->term && x->concept && x->term_kind != TL_TERM_NONE)
            u[m++].x = x;
    }
    qsort(u, m, sizeof *u, cmp_use);
    for (size_t i = 0; i < m;) {
        size_t j = i + 1;
        while (j < m && same_rendering(u[i].x, u[j].x))
            j++;
        json_array_append_new(a, rendering_of(f, u + i, j - i));
        i = j;
    }
    free(u);
    return a;
}

static json_t *findings_of(const report_file *f)
{
    size_t count[TL_RULE_COUNT + 1];
    memset(count, 0, sizeof count);
    for (size_t i = 0; i < tl_result_count(f->result); i++) {
        tl_rule r = tl_result_at(f->result, i)->rule;
        count[(unsigned)r < TL_RULE_COUNT ? r : TL_RULE_COUNT]++;
    }
    json_t *o = json_object();
    for (size_t r = 0; r < TL_RULE_COUNT; r++)
        if (count[r] && r != TL_RULE_TERM_USE)
            json_object_set_new(o, tl_rule_id((tl_rule)r), json_integer((json_int_t)count[r]));
    return o;
}

json_t *usage_record(const report_file *f)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("usage"));
    json_t *p = json_string(f->path);
    json_object_set_new(o, "path", p ? p : json_string("?"));
    json_object_set_new(o, "language",
                        json_string(f->result ? tl_lang_str(tl_result_lang(f->result)) : ""));
    json_object_set_new(o, "words",
                        json_integer(f->result ? (json_int_t)tl_result_words(f->result) : 0));
    if (f->error)
        json_object_set_new(o, "error", json_string(f->error));
    json_object_set_new(o, "findings", f->result ? findings_of(f) : json_object());
    json_object_set_new(o, "terms", f->result ? terms_of(f) : json_array());
    json_object_set_new(o, "candidates", candidates_of(f));
    return o;
}
