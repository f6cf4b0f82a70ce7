/*
 * termreport_out.c - the terminology report written out: markdown (readable on GitHub)
 * and JSON, both from the same views of the tables (docs/report.md):
 *
 *   summary    files, words, findings per family, glossary uses per kind, compliance
 *   concepts   worst first: compliance (canonical uses over uses of canonical forms,
 *              variants and forbidden forms; short forms are accepted abbreviations and
 *              count for neither side), then most non-canonical uses, then id
 *   files      by path: findings per rule, concepts, compliance
 *   coverage   with a glossary: concepts never used, terms never matched, forms
 *              written under more than one concept
 *
 * Percentages are computed in integers (tenths, rounded half up), so no floating-point
 * formatting can make two equal reports differ.
 */
#include "termreport_p.h"

#include <stdlib.h>
#include <string.h>

/* markdown shows this many examples of a concept and unmatched terms */
#define MD_EXAMPLES 5
#define MD_UNMATCHED 50

/* ---- views -------------------------------------------------------------------------- */

uint64_t tr_counted(const concept_view *c) { return c->uses - c->by_kind[TL_TERM_SHORT]; }

static uint64_t bad_uses(const concept_view *c)
{
    return tr_counted(c) - c->by_kind[TL_TERM_CANONICAL];
}

/* canonical / counted, compared without division; no counted use sorts last */
static int cmp_concept(const void *pa, const void *pb)
{
    const concept_view *a = pa, *b = pb;
    uint64_t da = tr_counted(a), db = tr_counted(b);
    if (!da != !db)
        return !da ? 1 : -1;
    if (da && db) {
        unsigned __int128 x = (unsigned __int128)a->by_kind[TL_TERM_CANONICAL] * db,
                          y = (unsigned __int128)b->by_kind[TL_TERM_CANONICAL] * da;
        if (x != y)
            return x < y ? -1 : 1;
    }
    if (bad_uses(a) != bad_uses(b))
        return bad_uses(a) > bad_uses(b) ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* worst kind first */
static int kind_rank(tl_term_kind k)
{
    static const int rank[] = {5, 4, 2, 3, 1, 0};
    return (unsigned)k <= TL_TERM_LITERAL ? rank[k] : 6;
}

static int cmp_rendering_worst(const void *pa, const void *pb)
{
    const tr_rendering *a = pa, *b = pb;
    if (kind_rank(a->kind) != kind_rank(b->kind))
        return kind_rank(a->kind) - kind_rank(b->kind);
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    int c = tr_cmp_str(a->lang, b->lang);
    return c ? c : tr_cmp_str(a->term, b->term);
}

static uint64_t concept_files(const termreport *t, const char *id)
{
    size_t lo = 0, hi = t->nc;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(t->c[mid].key, id);
        if (!c)
            return t->c[mid].n;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* The concepts, worst first (owned: free), *n of them. t->r is regrouped: each
 * concept's renderings sorted worst first. */
static concept_view *concepts_of(termreport *t, size_t *n)
{
    concept_view *v = calloc(t->nr ? t->nr : 1, sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < t->nr;) {
        size_t j = i;
        concept_view *c = &v[(*n)++];
        c->id = t->r[i].concept;
        c->r = &t->r[i];
        for (; j < t->nr && !strcmp(t->r[j].concept, c->id); j++) {
            const tr_rendering *r = &t->r[j];
            c->by_kind[r->kind] += r->count;
            c->uses += r->count;
            if (!strcmp(r->lang, "uk") && r->canonical && !c->canon_uk)
                c->canon_uk = r->canonical;
            if (strcmp(r->lang, "uk") && r->canonical && !c->canon_ru)
                c->canon_ru = r->canonical;
        }
        c->nr = j - i;
        c->files = concept_files(t, c->id);
        i = j;
    }
    for (size_t i = 0; i < *n; i++)
        qsort(v[i].r, v[i].nr, sizeof *v[i].r, cmp_rendering_worst);
    qsort(v, *n, sizeof *v, cmp_concept);
    return v;
}

static void totals_of(const termreport *t, totals *s)
{
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < t->nr; i++) {
        s->by_kind[t->r[i].kind] += t->r[i].count;
        s->uses += t->r[i].count;
    }
    for (size_t i = 0; i < t->nrules; i++)
        s->findings += t->rules[i].n;
}

static const char *family_of(const char *rule)
{
    tl_rule r;
    return tl_rule_from_id(rule, &r) == 0 ? tl_rule_info_get(r)->family : "other";
}

/* Findings per family (owned: free; keys borrowed), most first. */
static tr_count *families_of(const termreport *t, size_t *n)
{
    tr_count *v = calloc(t->nrules ? t->nrules : 1, sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < t->nrules; i++) {
        const char *fam = family_of(t->rules[i].key);
        size_t k = 0;
        while (k < *n && strcmp(v[k].key, fam))
            k++;
        if (k == *n)
            v[(*n)++] = (tr_count){(char *)fam, 0};
        v[k].n += t->rules[i].n;
    }
    qsort(v, *n, sizeof *v, tr_cmp_count_desc);
    return v;
}

static int cmp_file(const void *pa, const void *pb)
{
    const tr_file *a = pa, *b = pb;
    int c = strcmp(a->path, b->path);
    if (c)
        return c;
    if (a->words != b->words)
        return a->words < b->words ? -1 : 1;
    if (a->findings != b->findings)
        return a->findings < b->findings ? -1 : 1;
    return a->uses < b->uses ? -1 : a->uses > b->uses;
}

/* Is glossary term g among the renderings (sorted by concept, lang, kind, term)? */
static int matched(const termreport *t, const tr_gterm *g)
{
    const char *lang = tl_lang_str(g->lang);
    size_t lo = 0, hi = t->nr;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const tr_rendering *r = &t->r[mid];
        int c = strcmp(r->concept, g->concept);
        if (!c)
            c = strcmp(r->lang, lang);
        if (!c)
            c = (int)r->kind - (int)g->kind;
        if (!c)
            c = strcmp(r->term, g->text);
        if (!c)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

static int cmp_gterm_form(const void *pa, const void *pb)
{
    const tr_gterm *a = *(const tr_gterm *const *)pa, *b = *(const tr_gterm *const *)pb;
    if (a->lang != b->lang)
        return (int)a->lang - (int)b->lang;
    int c = strcmp(a->text, b->text);
    return c ? c : strcmp(a->concept, b->concept);
}

static void coverage_release(coverage *c)
{
    free(c->unused);
    free(c->unmatched);
    free(c->shared);
}

static int coverage_of(const termreport *t, coverage *cv)
{
    memset(cv, 0, sizeof *cv);
    size_t n = t->ng ? t->ng : 1;
    cv->unused = malloc(n * sizeof *cv->unused);
    cv->unmatched = malloc(n * sizeof *cv->unmatched);
    cv->shared = malloc(n * sizeof *cv->shared);
    const tr_gterm **byform = malloc(n * sizeof *byform);
    if (!cv->unused || !cv->unmatched || !cv->shared || !byform) {
        free(byform);
        return -1;
    }
    for (size_t i = 0; i < t->ng;) {
        size_t j = i;
        const tr_gterm *label = NULL;
        while (j < t->ng && !strcmp(t->g[j].concept, t->g[i].concept)) {
            if (!label && t->g[j].kind == TL_TERM_CANONICAL)
                label = &t->g[j];
            j++;
        }
        cv->nconcepts++;
        if (!concept_files(t, t->g[i].concept))
            cv->unused[cv->nunused++] = label ? label : &t->g[i];
        i = j;
    }
    for (size_t i = 0; i < t->ng; i++) {
        if (!matched(t, &t->g[i]))
            cv->unmatched[cv->nunmatched++] = &t->g[i];
        byform[i] = &t->g[i];
    }
    qsort(byform, t->ng, sizeof *byform, cmp_gterm_form);
    for (size_t i = 0; i < t->ng; i++) {
        int prev = i > 0 && byform[i - 1]->lang == byform[i]->lang &&
                   !strcmp(byform[i - 1]->text, byform[i]->text) &&
                   strcmp(byform[i - 1]->concept, byform[i]->concept);
        int next = i + 1 < t->ng && byform[i + 1]->lang == byform[i]->lang &&
                   !strcmp(byform[i + 1]->text, byform[i]->text) &&
                   strcmp(byform[i + 1]->concept, byform[i]->concept);
        if (prev || next)
            cv->shared[cv->nshared++] = byform[i];
    }
    free(byform);
    return 0;
}

/* ---- markdown ----------------------------------------------------------------------- */

/* "81.3 %" for num/den, "—" without a denominator */
static const char *pct(char *buf, size_t cap, uint64_t num, uint64_t den)
{
    if (!den) {
        snprintf(buf, cap, "—");
        return buf;
    }
    uint64_t tenths = (num * 2000 + den) / (2 * den);
    snprintf(buf, cap, "%llu.%llu %%", (unsigned long long)(tenths / 10),
             (unsigned long long)(tenths % 10));
    return buf;
}

/* Text from the input or the glossary, safe in a markdown table cell: characters that
 * markdown or GitHub's HTML would read are escaped, line ends become spaces. */
static void md(FILE *o, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '&': fputs("&amp;", o); break;
        case '\n':
        case '\r': fputc(' ', o); break;
        case '\\':
        case '|':
        case '*':
        case '_':
        case '`':
        case '[':
        case ']':
        case '#':
        case '~':
            fputc('\\', o);
            fputc(*s, o);
            break;
        default: fputc(*s, o);
        }
    }
}

/* A glossary form: a `match: regex` term (its pattern: what findings carry) is cut to
 * REGEX_CP code points and marked, so that tables stay readable; JSON has it whole. */
#define REGEX_CP 24

static void md_form(FILE *o, const char *s)
{
    if (!strchr(s, '\\') && !strstr(s, "(?")) {
        md(o, s);
        return;
    }
    char buf[4 * REGEX_CP + 1];
    size_t n = 0, cp = 0;
    while (s[n] && cp < REGEX_CP) {
        n++;
        while ((s[n] & 0xC0) == 0x80)
            n++;
        cp++;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    fputs("regex ", o);
    md(o, buf);
    fputs(s[n] ? "…" : "", o);
}

static void md_canon(FILE *o, const concept_view *c)
{
    if (c->canon_ru) {
        fputs("«", o);
        md_form(o, c->canon_ru);
        fputs("»", o);
    }
    if (c->canon_ru && c->canon_uk)
        fputs(" / ", o);
    if (c->canon_uk) {
        fputs("«", o);
        md_form(o, c->canon_uk);
        fputs("»", o);
    }
}

static const char *plural(uint64_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void md_summary(FILE *o, const termreport *t, const totals *s, const tr_count *fam,
                       size_t nfam, const coverage *cv)
{
    char p[32];
    fprintf(o, "# Terminology report\n\n## Summary\n\n| | |\n|---|---|\n");
    fprintf(o, "| files | %zu |\n| words | %llu |\n| findings | %llu |\n", t->nf,
            (unsigned long long)t->words, (unsigned long long)s->findings);
    fprintf(o,
            "| glossary uses | %llu: canonical %llu, variant %llu, short %llu, forbidden %llu, "
            "literal %llu |\n",
            (unsigned long long)s->uses, (unsigned long long)s->by_kind[TL_TERM_CANONICAL],
            (unsigned long long)s->by_kind[TL_TERM_VARIANT],
            (unsigned long long)s->by_kind[TL_TERM_SHORT],
            (unsigned long long)s->by_kind[TL_TERM_FORBIDDEN],
            (unsigned long long)s->by_kind[TL_TERM_LITERAL]);
    uint64_t den = s->uses - s->by_kind[TL_TERM_SHORT];
    fprintf(o, "| compliance | %s (canonical in %llu of %llu uses; short forms not counted) |\n",
            pct(p, sizeof p, s->by_kind[TL_TERM_CANONICAL], den),
            (unsigned long long)s->by_kind[TL_TERM_CANONICAL], (unsigned long long)den);
    if (t->have_glossary)
        fprintf(o, "| glossary concepts | %zu, of them used: %zu |\n", cv->nconcepts,
                cv->nconcepts - cv->nunused);
    fprintf(o, "\n### Findings per family\n\n");
    if (!nfam)
        fprintf(o, "No findings.\n");
    else
        fprintf(o, "| family | findings |\n|---|---:|\n");
    for (size_t i = 0; i < nfam; i++)
        fprintf(o, "| %s | %llu |\n", fam[i].key, (unsigned long long)fam[i].n);
}

/* An example in context: `path:line:col` …before**text**after… */
static void md_kwic(FILE *o, const tr_example *e)
{
    fputc('`', o);
    md(o, e->path);
    fprintf(o, ":%u:%u` …", e->line, e->col);
    md(o, e->before);
    fputs("**", o);
    md(o, e->text);
    fputs("**", o);
    md(o, e->after);
    fputs("…", o);
}

static void md_example(FILE *o, const tr_example *e)
{
    fputs("- ", o);
    md_kwic(o, e);
    fputc('\n', o);
}

static void md_concept(FILE *o, const concept_view *c)
{
    char p[32];
    fprintf(o, "\n### ");
    md(o, c->id);
    fprintf(o, "\n\n");
    md_canon(o, c);
    fprintf(o, "%scompliance %s, %llu %s in %llu %s\n\n", c->canon_ru || c->canon_uk ? ": " : "",
            pct(p, sizeof p, c->by_kind[TL_TERM_CANONICAL], tr_counted(c)),
            (unsigned long long)c->uses, plural(c->uses, "use", "uses"),
            (unsigned long long)c->files, plural(c->files, "file", "files"));
    fprintf(o, "| rendering | language | kind | uses | files |\n|---|---|---|---:|---:|\n");
    for (size_t i = 0; i < c->nr; i++) {
        const tr_rendering *r = &c->r[i];
        fputs("| ", o);
        md_form(o, r->term);
        fprintf(o, " | %s | %s | %llu | %llu |\n", r->lang, tl_term_kind_str(r->kind),
                (unsigned long long)r->count, (unsigned long long)r->files);
    }
    fputc('\n', o);
    size_t shown = 0;
    for (size_t i = 0; i < c->nr && shown < MD_EXAMPLES; i++)
        for (size_t k = 0; k < c->r[i].nex && shown < MD_EXAMPLES; k++, shown++)
            md_example(o, &c->r[i].ex[k]);
}

static void md_concepts(FILE *o, const concept_view *v, size_t n)
{
    char p[32];
    fprintf(o, "\n## Concepts, worst first\n\n");
    if (!n) {
        fprintf(o, "No glossary term was used.\n");
        return;
    }
    fprintf(o, "| concept | canonical | uses | canonical | variant | short | forbidden | "
               "files | compliance |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (size_t i = 0; i < n; i++) {
        const concept_view *c = &v[i];
        fputs("| ", o);
        md(o, c->id);
        fputs(" | ", o);
        md_canon(o, c);
        fprintf(o, " | %llu | %llu | %llu | %llu | %llu | %llu | %s |\n",
                (unsigned long long)c->uses, (unsigned long long)c->by_kind[TL_TERM_CANONICAL],
                (unsigned long long)c->by_kind[TL_TERM_VARIANT],
                (unsigned long long)c->by_kind[TL_TERM_SHORT],
                (unsigned long long)(c->by_kind[TL_TERM_FORBIDDEN] + c->by_kind[TL_TERM_LITERAL]),
                (unsigned long long)c->files,
                pct(p, sizeof p, c->by_kind[TL_TERM_CANONICAL], tr_counted(c)));
    }
    for (size_t i = 0; i < n; i++)
        md_concept(o, &v[i]);
}

static void md_files(FILE *o, const termreport *t)
{
    char p[32];
    fprintf(o, "\n## Files\n\n");
    if (!t->nf)
        fprintf(o, "No files.\n");
    else
        fprintf(o, "| file | language | words | findings | per rule | concepts | glossary uses | "
                   "compliance |\n|---|---|---:|---:|---|---|---:|---:|\n");
    for (size_t i = 0; i < t->nf; i++) {
        const tr_file *f = &t->f[i];
        fputs("| ", o);
        md(o, f->path);
        fprintf(o, " | %s | %llu | %llu | ", f->lang, (unsigned long long)f->words,
                (unsigned long long)f->findings);
        for (size_t k = 0; k < f->nrules; k++)
            fprintf(o, "%s%s %llu", k ? ", " : "", f->rules[k].key,
                    (unsigned long long)f->rules[k].n);
        if (f->error)
            fprintf(o, "%s(%s)", f->nrules ? " " : "", f->error);
        fputs(" | ", o);
        for (size_t k = 0; k < f->nconcepts; k++) {
            fputs(k ? ", " : "", o);
            md(o, f->concepts[k]);
        }
        fprintf(o, " | %llu | %s |\n", (unsigned long long)f->uses,
                pct(p, sizeof p, f->canon, f->counted));
    }
}

static void md_term(FILE *o, const tr_gterm *g)
{
    fputs("| ", o);
    md(o, g->concept);
    fprintf(o, " | %s | %s | ", tl_lang_str(g->lang), tl_term_kind_str(g->kind));
    md_form(o, g->text);
    fputs(" |\n", o);
}

static void md_coverage(FILE *o, const termreport *t, const coverage *cv)
{
    fprintf(o, "\n## Glossary coverage\n\n");
    if (!t->have_glossary) {
        fprintf(o, "No glossary given (--glossary).\n");
        return;
    }
    fprintf(o, "### Concepts never used (%zu of %zu)\n\n", cv->nunused, cv->nconcepts);
    if (cv->nunused)
        fprintf(o, "| concept | language | kind | term |\n|---|---|---|---|\n");
    for (size_t i = 0; i < cv->nunused; i++)
        md_term(o, cv->unused[i]);
    fprintf(o, "\n### Terms never matched (%zu of %zu)\n\n", cv->nunmatched, t->ng);
    if (cv->nunmatched)
        fprintf(o, "| concept | language | kind | term |\n|---|---|---|---|\n");
    for (size_t i = 0; i < cv->nunmatched && i < MD_UNMATCHED; i++)
        md_term(o, cv->unmatched[i]);
    if (cv->nunmatched > MD_UNMATCHED)
        fprintf(o, "\n%zu more: --format json lists them all.\n", cv->nunmatched - MD_UNMATCHED);
    fprintf(o, "\n### Forms of more than one concept (%zu)\n\n", cv->nshared);
    if (cv->nshared)
        fprintf(o, "| concept | language | kind | term |\n|---|---|---|---|\n");
    for (size_t i = 0; i < cv->nshared; i++)
        md_term(o, cv->shared[i]);
}

int tr_views_make(termreport *t, views *w)
{
    memset(w, 0, sizeof *w);
    tr_finish(t);
    if (t->nf)
        qsort(t->f, t->nf, sizeof *t->f, cmp_file);
    /* coverage before concepts_of regroups t->r: it searches the sorted renderings */
    if (coverage_of(t, &w->cv))
        return -1;
    totals_of(t, &w->tot);
    w->fam = families_of(t, &w->nfam);
    w->concepts = concepts_of(t, &w->nconcepts);
    w->cands = tr_cand_groups(t, &w->ncands);
    return w->fam && w->concepts && w->cands ? 0 : -1;
}

void tr_views_release(views *w)
{
    free(w->concepts);
    free(w->fam);
    free(w->cands);
    coverage_release(&w->cv);
}

static void md_candidates(FILE *o, const views *w)
{
    size_t n = w->ncands < CAND_SHOWN ? w->ncands : CAND_SHOWN;
    fprintf(o, "\n## Term candidates\n\n");
    if (!w->ncands) {
        fprintf(o, "No word group outside the glossary was used twice.\n");
        return;
    }
    fprintf(o,
            "Word groups that look like terms or names, used at least twice, that no "
            "glossary form covers: the first %zu of %zu.\n\n",
            n, w->ncands);
    fprintf(o, "| # | candidate | language | kind | uses | files | other renderings | example "
               "|\n|---:|---|---|---|---:|---:|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        const cand_group *g = &w->cands[i];
        fprintf(o, "| %zu | ", i + 1);
        md(o, g->r[0].text);
        fprintf(o, " | %s | %s | %llu | %llu | ", g->r[0].lang, g->r[0].kind,
                (unsigned long long)g->uses, (unsigned long long)g->files);
        for (size_t k = 1; k < g->nr; k++) {
            fputs(k > 1 ? ", " : "", o);
            md(o, g->r[k].text);
            fprintf(o, " (%llu)", (unsigned long long)g->r[k].count);
        }
        fputs(" | ", o);
        if (g->r[0].nex)
            md_kwic(o, &g->r[0].ex[0]);
        fputs(" |\n", o);
    }
    fprintf(o, "\n### Proposed glossary entries\n\n```yaml\nconcepts:\n");
    for (size_t i = 0; i < n; i++) {
        int later;
        const cand_group *other = tr_cand_pair(w->cands, n, i, &later);
        if (!other || later)
            tr_cand_yaml(o, &w->cands[i], other, "  ");
    }
    fprintf(o, "```\n");
}

int termreport_write_md(termreport *t, FILE *o)
{
    views w;
    if (tr_views_make(t, &w)) {
        tr_views_release(&w);
        return -1;
    }
    md_summary(o, t, &w.tot, w.fam, w.nfam, &w.cv);
    md_concepts(o, w.concepts, w.nconcepts);
    md_files(o, t);
    md_coverage(o, t, &w.cv);
    md_candidates(o, &w);
    tr_views_release(&w);
    return 0;
}

/* ---- JSON --------------------------------------------------------------------------- */

/* canonical / counted as a number with four decimals, null without uses */
static json_t *ratio(uint64_t num, uint64_t den)
{
    if (!den)
        return json_null();
    uint64_t q = (num * 20000 + den) / (2 * den);
    return json_real((double)q / 10000.0);
}

static json_t *kinds_json(const uint64_t *by_kind)
{
    json_t *o = json_object();
    for (int k = TL_TERM_CANONICAL; k <= TL_TERM_LITERAL; k++)
        json_object_set_new(o, tl_term_kind_str((tl_term_kind)k),
                            json_integer((json_int_t)by_kind[k]));
    return o;
}

static json_t *example_json(const tr_example *e)
{
    return json_pack("{s:s,s:I,s:I,s:s,s:s,s:s}", "path", e->path, "line", (json_int_t)e->line,
                     "column", (json_int_t)e->col, "before", e->before, "text", e->text, "after",
                     e->after);
}

static json_t *concept_json(const concept_view *c)
{
    json_t *o = json_object(), *rs = json_array();
    json_object_set_new(o, "concept", json_string(c->id));
    json_object_set_new(o, "canonical",
                        json_pack("{s:o,s:o}", "ru",
                                  c->canon_ru ? json_string(c->canon_ru) : json_null(), "uk",
                                  c->canon_uk ? json_string(c->canon_uk) : json_null()));
    json_object_set_new(o, "uses", json_integer((json_int_t)c->uses));
    json_object_set_new(o, "files", json_integer((json_int_t)c->files));
    json_object_set_new(o, "by_kind", kinds_json(c->by_kind));
    json_object_set_new(o, "compliance", ratio(c->by_kind[TL_TERM_CANONICAL], tr_counted(c)));
    for (size_t i = 0; i < c->nr; i++) {
        const tr_rendering *r = &c->r[i];
        json_t *ex = json_array();
        for (size_t k = 0; k < r->nex; k++)
            json_array_append_new(ex, example_json(&r->ex[k]));
        json_array_append_new(rs, json_pack("{s:s,s:s,s:s,s:I,s:I,s:o}", "term", r->term,
                                            "language", r->lang, "kind", tl_term_kind_str(r->kind),
                                            "uses", (json_int_t)r->count, "files",
                                            (json_int_t)r->files, "examples", ex));
    }
    json_object_set_new(o, "renderings", rs);
    return o;
}

static json_t *file_json(const tr_file *f)
{
    json_t *o = json_object(), *rules = json_object(), *cs = json_array();
    json_object_set_new(o, "path", json_string(f->path));
    json_object_set_new(o, "language", json_string(f->lang));
    json_object_set_new(o, "words", json_integer((json_int_t)f->words));
    if (f->error)
        json_object_set_new(o, "error", json_string(f->error));
    json_object_set_new(o, "findings", json_integer((json_int_t)f->findings));
    for (size_t k = 0; k < f->nrules; k++)
        json_object_set_new(rules, f->rules[k].key, json_integer((json_int_t)f->rules[k].n));
    json_object_set_new(o, "per_rule", rules);
    for (size_t k = 0; k < f->nconcepts; k++)
        json_array_append_new(cs, json_string(f->concepts[k]));
    json_object_set_new(o, "concepts", cs);
    json_object_set_new(o, "glossary_uses", json_integer((json_int_t)f->uses));
    json_object_set_new(o, "compliance", ratio(f->canon, f->counted));
    return o;
}

static json_t *terms_json(const tr_gterm *const *g, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, json_pack("{s:s,s:s,s:s,s:s}", "concept", g[i]->concept,
                                           "language", tl_lang_str(g[i]->lang), "kind",
                                           tl_term_kind_str(g[i]->kind), "term", g[i]->text));
    return a;
}

static json_t *summary_json(const termreport *t, const views *w)
{
    json_t *fam = json_object(), *rules = json_object();
    for (size_t i = 0; i < w->nfam; i++)
        json_object_set_new(fam, w->fam[i].key, json_integer((json_int_t)w->fam[i].n));
    for (size_t i = 0; i < t->nrules; i++)
        json_object_set_new(rules, t->rules[i].key, json_integer((json_int_t)t->rules[i].n));
    const totals *s = &w->tot;
    return json_pack("{s:I,s:I,s:I,s:o,s:o,s:I,s:o,s:o}", "files", (json_int_t)t->nf, "words",
                     (json_int_t)t->words, "findings", (json_int_t)s->findings, "per_family", fam,
                     "per_rule", rules, "glossary_uses", (json_int_t)s->uses, "by_kind",
                     kinds_json(s->by_kind), "compliance",
                     ratio(s->by_kind[TL_TERM_CANONICAL], s->uses - s->by_kind[TL_TERM_SHORT]));
}

static json_t *candidates_json(const views *w)
{
    json_t *a = json_array();
    for (size_t i = 0; i < w->ncands && i < CAND_LISTED; i++) {
        const cand_group *g = &w->cands[i];
        json_t *rs = json_array();
        for (size_t k = 0; k < g->nr; k++) {
            json_t *ex = json_array();
            for (size_t e = 0; e < g->r[k].nex; e++)
                json_array_append_new(ex, example_json(&g->r[k].ex[e]));
            json_array_append_new(rs,
                                  json_pack("{s:s,s:s,s:I,s:I,s:o}", "text", g->r[k].text, "kind",
                                            g->r[k].kind, "uses", (json_int_t)g->r[k].count,
                                            "files", (json_int_t)g->r[k].files, "examples", ex));
        }
        char *y = NULL;
        size_t ylen = 0;
        FILE *yf = open_memstream(&y, &ylen);
        if (yf) {
            tr_cand_yaml(yf, g, NULL, "");
            fclose(yf);
        }
        json_array_append_new(
            a, json_pack("{s:s,s:s,s:s,s:I,s:I,s:o,s:s}", "language", g->r[0].lang, "key",
                         g->r[0].key, "kind", g->r[0].kind, "uses", (json_int_t)g->uses, "files",
                         (json_int_t)g->files, "renderings", rs, "proposal", y ? y : ""));
        free(y);
    }
    return a;
}

int termreport_write_json(termreport *t, FILE *o)
{
    views w;
    if (tr_views_make(t, &w)) {
        tr_views_release(&w);
        return -1;
    }
    json_t *root = json_object(), *cs = json_array(), *fs = json_array();
    json_object_set_new(root, "tool",
                        json_pack("{s:s,s:s}", "name", "termlint", "version", tl_version()));
    json_object_set_new(root, "summary", summary_json(t, &w));
    for (size_t i = 0; i < w.nconcepts; i++)
        json_array_append_new(cs, concept_json(&w.concepts[i]));
    json_object_set_new(root, "concepts", cs);
    for (size_t i = 0; i < t->nf; i++)
        json_array_append_new(fs, file_json(&t->f[i]));
    json_object_set_new(root, "files", fs);
    if (t->have_glossary) {
        json_t *unused = json_array();
        for (size_t i = 0; i < w.cv.nunused; i++)
            json_array_append_new(unused, json_string(w.cv.unused[i]->concept));
        json_object_set_new(root, "coverage",
                            json_pack("{s:I,s:o,s:o,s:o}", "concepts", (json_int_t)w.cv.nconcepts,
                                      "unused_concepts", unused, "unmatched_terms",
                                      terms_json(w.cv.unmatched, w.cv.nunmatched), "shared_forms",
                                      terms_json(w.cv.shared, w.cv.nshared)));
    } else {
        json_object_set_new(root, "coverage", json_null());
    }
    json_object_set_new(root, "candidates", candidates_json(&w));
    int rc = json_dumpf(root, o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    fputc('\n', o);
    json_decref(root);
    tr_views_release(&w);
    return rc ? -1 : 0;
}
