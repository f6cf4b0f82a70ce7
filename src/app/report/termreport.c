/*
 * termreport.c - the terminology report's accumulator: usage records (usage.c) in,
 * sorted and merged tables out (termreport_out.c writes them).
 *
 * Records may come from one run or from the jsonl of many runs in any order, so
 * everything kept is a commutative, associative summary of them:
 *
 *   renderings  (concept, language, kind, term) -> uses, files, the first
 *               USAGE_EXAMPLES examples in (path, line, column) order
 *   concepts    concept -> files it is used in
 *   rules       rule id -> findings
 *   files       one row per record (they are sorted at the end)
 *
 * Renderings and concepts are appended as they come and merged by sorting when the
 * array has doubled since the last merge, so memory follows the number of distinct
 * renderings, not of files times renderings. The order of the output is a sort of
 * these tables with every tie broken, so it depends on the set of records only.
 */
#include "termreport_p.h"

#include <stdlib.h>
#include <string.h>

static char *dup(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s ? s : "", n);
    return d;
}

termreport *termreport_new(void) { return calloc(1, sizeof(termreport)); }

static void ex_release(tr_example *e)
{
    free(e->path);
    free(e->before);
    free(e->text);
    free(e->after);
}

static void rend_release(tr_rendering *r)
{
    free(r->concept);
    free(r->canonical);
    free(r->lang);
    free(r->term);
    for (size_t i = 0; i < r->nex; i++)
        ex_release(&r->ex[i]);
}

static void cand_release(tr_cand *k)
{
    free(k->lang);
    free(k->key);
    free(k->text);
    free(k->kind);
    for (size_t i = 0; i < k->nex; i++)
        ex_release(&k->ex[i]);
}

void termreport_free(termreport *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nr; i++)
        rend_release(&t->r[i]);
    for (size_t i = 0; i < t->nc; i++)
        free(t->c[i].key);
    for (size_t i = 0; i < t->nrules; i++)
        free(t->rules[i].key);
    for (size_t i = 0; i < t->nf; i++) {
        tr_file *f = &t->f[i];
        free(f->path);
        free(f->lang);
        free(f->error);
        for (size_t k = 0; k < f->nrules; k++)
            free(f->rules[k].key);
        for (size_t k = 0; k < f->nconcepts; k++)
            free(f->concepts[k]);
        free(f->rules);
        free(f->concepts);
    }
    for (size_t i = 0; i < t->ng; i++) {
        free(t->g[i].concept);
        free(t->g[i].text);
    }
    for (size_t i = 0; i < t->nk; i++)
        cand_release(&t->k[i]);
    for (size_t i = 0; i < t->nkg; i++)
        free(t->kg[i].key);
    free(t->k);
    free(t->kg);
    free(t->r);
    free(t->c);
    free(t->rules);
    free(t->f);
    free(t->g);
    free(t);
}

/* Grows *v (element size `size`) to hold n + 1 elements. 0 or -1. */
static int grow(void *pv, size_t n, size_t *cap, size_t size)
{
    void **v = pv;
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 64;
    void *p = realloc(*v, c * size);
    if (!p)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

int tr_cmp_str(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : ""); }

int tr_cmp_example(const tr_example *a, const tr_example *b)
{
    int c = tr_cmp_str(a->path, b->path);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    c = tr_cmp_str(a->text, b->text);
    if (c)
        return c;
    c = tr_cmp_str(a->before, b->before);
    return c ? c : tr_cmp_str(a->after, b->after);
}

static int cmp_rendering(const void *pa, const void *pb)
{
    const tr_rendering *a = pa, *b = pb;
    int c = tr_cmp_str(a->concept, b->concept);
    if (c)
        return c;
    c = tr_cmp_str(a->lang, b->lang);
    if (c)
        return c;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    return tr_cmp_str(a->term, b->term);
}

/* Keeps the first USAGE_EXAMPLES of both lists (each in order) in a; b is emptied. */
static void merge_examples(tr_example *a, size_t *na, tr_example *b, size_t *nb)
{
    tr_example all[2 * USAGE_EXAMPLES];
    size_t n = 0, i = 0, j = 0;
    while (i < *na || j < *nb) {
        int left = j >= *nb || (i < *na && tr_cmp_example(&a[i], &b[j]) <= 0);
        all[n++] = left ? a[i++] : b[j++];
    }
    *na = n < USAGE_EXAMPLES ? n : USAGE_EXAMPLES;
    memcpy(a, all, *na * sizeof *all);
    for (size_t k = *na; k < n; k++)
        ex_release(&all[k]);
    *nb = 0;
}

/* Merges b into a (same rendering) and releases b. */
static void merge_rendering(tr_rendering *a, tr_rendering *b)
{
    a->count += b->count;
    a->files += b->files;
    /* two glossary versions may name different canonical forms: keep the smaller */
    if (tr_cmp_str(b->canonical, a->canonical) < 0) {
        char *s = a->canonical;
        a->canonical = b->canonical;
        b->canonical = s;
    }
    merge_examples(a->ex, &a->nex, b->ex, &b->nex);
    rend_release(b);
}

static void compact_renderings(termreport *t)
{
    if (!t->nr)
        return;
    qsort(t->r, t->nr, sizeof *t->r, cmp_rendering);
    size_t k = 0;
    for (size_t i = 1; i < t->nr; i++) {
        if (cmp_rendering(&t->r[k], &t->r[i]) == 0)
            merge_rendering(&t->r[k], &t->r[i]);
        else
            t->r[++k] = t->r[i];
    }
    t->nr = k + 1;
    t->nr_merged = t->nr;
}

static int cmp_count(const void *pa, const void *pb)
{
    return tr_cmp_str(((const tr_count *)pa)->key, ((const tr_count *)pb)->key);
}

static void compact_counts(tr_count *v, size_t *n, size_t *merged)
{
    if (!*n)
        return;
    qsort(v, *n, sizeof *v, cmp_count);
    size_t k = 0;
    for (size_t i = 1; i < *n; i++) {
        if (!strcmp(v[k].key, v[i].key)) {
            v[k].n += v[i].n;
            free(v[i].key);
        } else {
            v[++k] = v[i];
        }
    }
    *n = k + 1;
    *merged = *n;
}

static int add_count(tr_count **v, size_t *n, size_t *cap, size_t *merged, const char *key,
                     uint64_t by)
{
    if (*n >= 2 * *merged + 1024)
        compact_counts(*v, n, merged);
    if (grow(v, *n, cap, sizeof **v))
        return -1;
    char *k = dup(key);
    if (!k)
        return -1;
    (*v)[(*n)++] = (tr_count){k, by};
    return 0;
}

static int cmp_cand(const void *pa, const void *pb)
{
    const tr_cand *a = pa, *b = pb;
    int c = strcmp(a->lang, b->lang);
    if (c)
        return c;
    c = strcmp(a->key, b->key);
    if (c)
        return c;
    c = strcmp(a->text, b->text);
    return c ? c : strcmp(a->kind, b->kind);
}

static void compact_cands(termreport *t)
{
    if (!t->nk)
        return;
    qsort(t->k, t->nk, sizeof *t->k, cmp_cand);
    size_t k = 0;
    for (size_t i = 1; i < t->nk; i++) {
        if (cmp_cand(&t->k[k], &t->k[i]) == 0) {
            t->k[k].count += t->k[i].count;
            t->k[k].files += t->k[i].files;
            merge_examples(t->k[k].ex, &t->k[k].nex, t->k[i].ex, &t->k[i].nex);
            cand_release(&t->k[i]);
        } else {
            t->k[++k] = t->k[i];
        }
    }
    t->nk = k + 1;
    t->nk_merged = t->nk;
}

void tr_finish(termreport *t)
{
    compact_cands(t);
    compact_counts(t->kg, &t->nkg, &t->nkg_merged);
    compact_renderings(t);
    compact_counts(t->c, &t->nc, &t->nc_merged);
    compact_counts(t->rules, &t->nrules, &t->nrules_merged);
}

tl_term_kind tr_kind_parse(const char *s)
{
    for (int k = TL_TERM_CANONICAL; k <= TL_TERM_LITERAL; k++)
        if (!strcmp(s, tl_term_kind_str((tl_term_kind)k)))
            return (tl_term_kind)k;
    return TL_TERM_NONE;
}

static const char *str_of(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static uint64_t int_of(const json_t *o, const char *key)
{
    json_int_t v = json_integer_value(json_object_get(o, key));
    return v > 0 ? (uint64_t)v : 0;
}

static int add_example(tr_rendering *r, const char *path, const json_t *e)
{
    tr_example *x = &r->ex[r->nex];
    x->line = (unsigned)int_of(e, "line");
    x->col = (unsigned)int_of(e, "column");
    x->path = dup(path);
    x->before = dup(str_of(e, "before"));
    x->text = dup(str_of(e, "text"));
    x->after = dup(str_of(e, "after"));
    r->nex++;
    return x->path && x->before && x->text && x->after ? 0 : -1;
}

/* One entry of a record's "terms"; *why on a malformed one. */
static int add_rendering(termreport *t, const char *path, const json_t *u, const char **why)
{
    const char *concept = str_of(u, "concept"), *kind = str_of(u, "kind");
    const char *term = str_of(u, "term"), *lang = str_of(u, "language");
    const json_t *ex = json_object_get(u, "examples");
    if (!concept || !kind || !term || !lang || tr_kind_parse(kind) == TL_TERM_NONE) {
        *why = "a \"terms\" entry without concept, language, kind or term";
        return -1;
    }
    if (t->nr >= 2 * t->nr_merged + 1024)
        compact_renderings(t);
    if (grow(&t->r, t->nr, &t->capr, sizeof *t->r))
        return -1;
    tr_rendering *r = &t->r[t->nr++];
    memset(r, 0, sizeof *r);
    r->concept = dup(concept);
    r->canonical = str_of(u, "canonical") ? dup(str_of(u, "canonical")) : NULL;
    r->lang = dup(lang);
    r->term = dup(term);
    r->kind = tr_kind_parse(kind);
    r->count = int_of(u, "count");
    r->files = 1;
    if (!r->concept || !r->lang || !r->term)
        return -1;
    /* the record's examples are its file's first ones, but sort them anyway: the
     * merge keeps the smallest */
    for (size_t i = 0; i < json_array_size(ex) && r->nex < USAGE_EXAMPLES; i++)
        if (add_example(r, path, json_array_get(ex, i)))
            return -1;
    if (r->nex == 2 && tr_cmp_example(&r->ex[1], &r->ex[0]) < 0) {
        tr_example s = r->ex[0];
        r->ex[0] = r->ex[1];
        r->ex[1] = s;
    }
    return 0;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The record's findings per rule (most first), its concepts (sorted, distinct) and
 * its glossary uses, into the file row; the run's tables counted too. */
static int file_row(termreport *t, tr_file *f, const json_t *rec)
{
    const json_t *fs = json_object_get(rec, "findings"), *terms = json_object_get(rec, "terms");
    const char *key;
    const json_t *v;
    size_t n = json_object_size(fs);
    f->rules = calloc(n ? n : 1, sizeof *f->rules);
    if (!f->rules)
        return -1;
    json_object_foreach((json_t *)fs, key, v)
    {
        uint64_t c = json_integer_value(v) > 0 ? (uint64_t)json_integer_value(v) : 0;
        tr_count *r = &f->rules[f->nrules];
        if (!(r->key = dup(key)))
            return -1;
        r->n = c;
        f->nrules++;
        f->findings += c;
        if (add_count(&t->rules, &t->nrules, &t->caprules, &t->nrules_merged, key, c))
            return -1;
    }
    qsort(f->rules, f->nrules, sizeof *f->rules, tr_cmp_count_desc);
    size_t nt = json_array_size(terms);
    const char **cs = malloc((nt ? nt : 1) * sizeof *cs);
    f->concepts = calloc(nt ? nt : 1, sizeof *f->concepts);
    if (!cs || !f->concepts) {
        free(cs);
        return -1;
    }
    for (size_t i = 0; i < nt; i++) {
        const json_t *u = json_array_get(terms, i);
        tl_term_kind kd = tr_kind_parse(str_of(u, "kind") ? str_of(u, "kind") : "");
        uint64_t c = int_of(u, "count");
        cs[i] = str_of(u, "concept") ? str_of(u, "concept") : "";
        f->uses += c;
        f->counted += kd != TL_TERM_SHORT ? c : 0;
        f->canon += kd == TL_TERM_CANONICAL ? c : 0;
    }
    qsort(cs, nt, sizeof *cs, cmp_cstr);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < nt; i++) {
        if (i && !strcmp(cs[i], cs[i - 1]))
            continue;
        if (!(f->concepts[f->nconcepts] = dup(cs[i])))
            rc = -1;
        else
            f->nconcepts++;
        if (rc == 0 && add_count(&t->c, &t->nc, &t->capc, &t->nc_merged, cs[i], 1))
            rc = -1;
    }
    free(cs);
    return rc;
}

int tr_cmp_count_desc(const void *pa, const void *pb)
{
    const tr_count *a = pa, *b = pb;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return tr_cmp_str(a->key, b->key);
}

/* The record's candidates (an older record has none); each distinct group counts
 * the file once. */
static int add_cands(termreport *t, const char *path, const json_t *cs)
{
    const char *prev_lang = NULL, *prev_key = NULL;
    for (size_t i = 0; i < json_array_size(cs); i++) {
        const json_t *u = json_array_get(cs, i);
        const char *lang = str_of(u, "language"), *key = str_of(u, "key");
        const char *text = str_of(u, "text"), *kind = str_of(u, "kind");
        const json_t *ex = json_object_get(u, "examples");
        if (!lang || !key || !text || !kind)
            continue;
        if (t->nk >= 2 * t->nk_merged + 1024)
            compact_cands(t);
        if (grow(&t->k, t->nk, &t->capk, sizeof *t->k))
            return -1;
        tr_cand *k = &t->k[t->nk++];
        memset(k, 0, sizeof *k);
        k->lang = dup(lang);
        k->key = dup(key);
        k->text = dup(text);
        k->kind = dup(kind);
        k->count = int_of(u, "count");
        k->files = 1;
        if (!k->lang || !k->key || !k->text || !k->kind)
            return -1;
        for (size_t e = 0; e < json_array_size(ex) && k->nex < USAGE_EXAMPLES; e++) {
            const json_t *x = json_array_get(ex, e);
            tr_example *d = &k->ex[k->nex++];
            d->line = (unsigned)int_of(x, "line");
            d->col = (unsigned)int_of(x, "column");
            d->path = dup(path);
            d->before = dup(str_of(x, "before"));
            d->text = dup(str_of(x, "text"));
            d->after = dup(str_of(x, "after"));
            if (!d->path || !d->before || !d->text || !d->after)
                return -1;
        }
        if (k->nex == 2 && tr_cmp_example(&k->ex[1], &k->ex[0]) < 0) {
            tr_example s = k->ex[0];
            k->ex[0] = k->ex[1];
            k->ex[1] = s;
        }
        /* records list candidates sorted by key: a new group starts where it changes */
        if (prev_key && !strcmp(prev_key, key) && !strcmp(prev_lang, lang))
            continue;
        prev_lang = lang;
        prev_key = key;
        size_t n = strlen(lang) + strlen(key) + 2;
        char *g = malloc(n);
        if (!g)
            return -1;
        snprintf(g, n, "%s:%s", lang, key);
        int rc = add_count(&t->kg, &t->nkg, &t->capkg, &t->nkg_merged, g, 1);
        free(g);
        if (rc)
            return -1;
    }
    return 0;
}

int termreport_add(termreport *t, const json_t *rec, const char **why)
{
    const char *path = str_of(rec, "path");
    const json_t *terms = json_object_get(rec, "terms");
    *why = "out of memory";
    if (tr_cmp_str(str_of(rec, "type"), "usage") || !path || !json_is_array(terms) ||
        !json_is_object(json_object_get(rec, "findings"))) {
        *why = "not a usage record with path, findings and terms";
        return -1;
    }
    if (grow(&t->f, t->nf, &t->capf, sizeof *t->f))
        return -1;
    tr_file *f = &t->f[t->nf++];
    memset(f, 0, sizeof *f);
    f->path = dup(path);
    f->lang = dup(str_of(rec, "language"));
    f->error = str_of(rec, "error") ? dup(str_of(rec, "error")) : NULL;
    f->words = int_of(rec, "words");
    if (!f->path || !f->lang || file_row(t, f, rec))
        return -1;
    t->words += f->words;
    for (size_t i = 0; i < json_array_size(terms); i++)
        if (add_rendering(t, path, json_array_get(terms, i), why))
            return -1;
    return add_cands(t, path, json_object_get(rec, "candidates"));
}

typedef struct {
    termreport *t;
    int oom;
} glossary_arg;

static int glossary_row(void *arg, const tl_glossary_term *g)
{
    glossary_arg *a = arg;
    termreport *t = a->t;
    if (grow(&t->g, t->ng, &t->capg, sizeof *t->g)) {
        a->oom = 1;
        return 1;
    }
    tr_gterm *x = &t->g[t->ng];
    x->concept = dup(g->concept);
    x->text = dup(g->text);
    x->lang = g->lang;
    x->kind = g->kind;
    t->ng++;
    a->oom = !x->concept || !x->text;
    return a->oom;
}

tl_status termreport_glossaries(termreport *t, const char *const *paths, tl_diags *diags)
{
    size_t n = 0;
    while (paths && paths[n])
        n++;
    if (!n)
        return TL_OK;
    glossary_arg a = {t, 0};
    tl_status st = tl_glossary_terms_get(paths, n, glossary_row, &a, diags);
    t->have_glossary = st == TL_OK && !a.oom;
    return a.oom ? TL_ERR_NOMEM : st;
}
