/*
 * termreport_csv.c - the terminology report as one CSV file of several tables, for
 * spreadsheets and scripts (docs/report.md, "CSV"):
 *
 *   summary,name,value                      <- a section's first row: its columns
 *   summary,files,4                         <- its rows: the section's name first
 *                                           <- an empty line between sections
 *   concept,id,canonical_ru,...
 *   concept,finance-minister,...
 *
 * Every row starts with its section's name, so `grep '^concept,'` (or a filter on the
 * first column) gives one table with its header. Fields are quoted as RFC 4180 says
 * (when they hold a comma, a quote or a line end; quotes doubled); lines end in CRLF
 * as RFC 4180 says too. The sections and their order are those of the markdown.
 */
#include "termreport_p.h"

#include <string.h>

static void field(FILE *o, const char *s)
{
    fputc(',', o);
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, o);
        return;
    }
    fputc('"', o);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', o);
        fputc(*s, o);
    }
    fputc('"', o);
}

static void num(FILE *o, uint64_t n) { fprintf(o, ",%llu", (unsigned long long)n); }

/* num/den with four decimals, empty without a denominator */
static void ratio(FILE *o, uint64_t num_, uint64_t den)
{
    if (!den) {
        fputc(',', o);
        return;
    }
    uint64_t q = (num_ * 20000 + den) / (2 * den);
    fprintf(o, ",%llu.%04llu", (unsigned long long)(q / 10000), (unsigned long long)(q % 10000));
}

static void row_end(FILE *o) { fputs("\r\n", o); }

/* A section's header: its name, then its columns (NULL-terminated). */
static void header(FILE *o, const char *name, const char *const *cols)
{
    fputs(name, o);
    for (; *cols; cols++)
        field(o, *cols);
    row_end(o);
}

static void summary(FILE *o, const termreport *t, const views *w)
{
    static const char *const cols[] = {"name", "value", NULL};
    header(o, "summary", cols);
    const totals *s = &w->tot;
    const struct {
        const char *name;
        uint64_t v;
    } rows[] = {{"files", t->nf},
                {"words", t->words},
                {"findings", s->findings},
                {"glossary_uses", s->uses},
                {"canonical", s->by_kind[TL_TERM_CANONICAL]},
                {"variant", s->by_kind[TL_TERM_VARIANT]},
                {"short", s->by_kind[TL_TERM_SHORT]},
                {"forbidden", s->by_kind[TL_TERM_FORBIDDEN]},
                {"literal", s->by_kind[TL_TERM_LITERAL]}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        fputs("summary", o);
        field(o, rows[i].name);
        num(o, rows[i].v);
        row_end(o);
    }
    fputs("summary,compliance", o);
    ratio(o, s->by_kind[TL_TERM_CANONICAL], s->uses - s->by_kind[TL_TERM_SHORT]);
    row_end(o);
    if (t->have_glossary) {
        fputs("summary,glossary_concepts", o);
        num(o, w->cv.nconcepts);
        row_end(o);
        fputs("summary,glossary_concepts_used", o);
        num(o, w->cv.nconcepts - w->cv.nunused);
        row_end(o);
    }
    static const char *const fcols[] = {"family", "findings", NULL};
    fputs("\r\n", o);
    header(o, "family", fcols);
    for (size_t i = 0; i < w->nfam; i++) {
        fputs("family", o);
        field(o, w->fam[i].key);
        num(o, w->fam[i].n);
        row_end(o);
    }
    static const char *const rcols[] = {"rule", "findings", NULL};
    fputs("\r\n", o);
    header(o, "rule", rcols);
    for (size_t i = 0; i < t->nrules; i++) {
        fputs("rule", o);
        field(o, t->rules[i].key);
        num(o, t->rules[i].n);
        row_end(o);
    }
}

static void concepts(FILE *o, const views *w)
{
    static const char *const cols[] = {"id",        "canonical_ru", "canonical_uk", "uses",
                                       "canonical", "variant",      "short",        "forbidden",
                                       "literal",   "files",        "compliance",   NULL};
    fputs("\r\n", o);
    header(o, "concept", cols);
    for (size_t i = 0; i < w->nconcepts; i++) {
        const concept_view *c = &w->concepts[i];
        fputs("concept", o);
        field(o, c->id);
        field(o, c->canon_ru);
        field(o, c->canon_uk);
        num(o, c->uses);
        for (int k = TL_TERM_CANONICAL; k <= TL_TERM_LITERAL; k++)
            num(o, c->by_kind[k]);
        num(o, c->files);
        ratio(o, c->by_kind[TL_TERM_CANONICAL], tr_counted(c));
        row_end(o);
    }
    static const char *const rcols[] = {"concept", "term",  "language", "kind",
                                        "uses",    "files", NULL};
    fputs("\r\n", o);
    header(o, "rendering", rcols);
    for (size_t i = 0; i < w->nconcepts; i++)
        for (size_t k = 0; k < w->concepts[i].nr; k++) {
            const tr_rendering *r = &w->concepts[i].r[k];
            fputs("rendering", o);
            field(o, r->concept);
            field(o, r->term);
            field(o, r->lang);
            field(o, tl_term_kind_str(r->kind));
            num(o, r->count);
            num(o, r->files);
            row_end(o);
        }
    static const char *const ecols[] = {"concept", "term",   "kind", "path",  "line",
                                        "column",  "before", "text", "after", NULL};
    fputs("\r\n", o);
    header(o, "example", ecols);
    for (size_t i = 0; i < w->nconcepts; i++)
        for (size_t k = 0; k < w->concepts[i].nr; k++) {
            const tr_rendering *r = &w->concepts[i].r[k];
            for (size_t e = 0; e < r->nex; e++) {
                fputs("example", o);
                field(o, r->concept);
                field(o, r->term);
                field(o, tl_term_kind_str(r->kind));
                field(o, r->ex[e].path);
                num(o, r->ex[e].line);
                num(o, r->ex[e].col);
                field(o, r->ex[e].before);
                field(o, r->ex[e].text);
                field(o, r->ex[e].after);
                row_end(o);
            }
        }
}

static void files(FILE *o, const termreport *t)
{
    static const char *const cols[] = {"path",     "language", "words",         "findings",
                                       "per_rule", "concepts", "glossary_uses", "compliance",
                                       "error",    NULL};
    fputs("\r\n", o);
    header(o, "file", cols);
    for (size_t i = 0; i < t->nf; i++) {
        const tr_file *f = &t->f[i];
        fputs("file", o);
        field(o, f->path);
        field(o, f->lang);
        num(o, f->words);
        num(o, f->findings);
        /* lists inside a field: "rule n" and ids separated by "; " */
        char buf[4096];
        size_t n = 0;
        buf[0] = '\0';
        for (size_t k = 0; k < f->nrules && n < sizeof buf; k++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s %llu", k ? "; " : "",
                                  f->rules[k].key, (unsigned long long)f->rules[k].n);
        field(o, buf);
        n = 0;
        buf[0] = '\0';
        for (size_t k = 0; k < f->nconcepts && n < sizeof buf; k++)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", k ? "; " : "", f->concepts[k]);
        field(o, buf);
        num(o, f->uses);
        ratio(o, f->canon, f->counted);
        field(o, f->error);
        row_end(o);
    }
}

static void terms(FILE *o, const char *name, const tr_gterm *const *g, size_t n)
{
    static const char *const cols[] = {"concept", "language", "kind", "term", NULL};
    fputs("\r\n", o);
    header(o, name, cols);
    for (size_t i = 0; i < n; i++) {
        fputs(name, o);
        field(o, g[i]->concept);
        field(o, tl_lang_str(g[i]->lang));
        field(o, tl_term_kind_str(g[i]->kind));
        field(o, g[i]->text);
        row_end(o);
    }
}

static void candidates(FILE *o, const views *w)
{
    static const char *const cols[] = {"rank", "language", "key",        "text",        "kind",
                                       "uses", "files",    "group_uses", "group_files", NULL};
    fputs("\r\n", o);
    header(o, "candidate", cols);
    for (size_t i = 0; i < w->ncands && i < CAND_LISTED; i++) {
        const cand_group *g = &w->cands[i];
        for (size_t k = 0; k < g->nr; k++) {
            fputs("candidate", o);
            num(o, i + 1);
            field(o, g->r[k].lang);
            field(o, g->r[k].key);
            field(o, g->r[k].text);
            field(o, g->r[k].kind);
            num(o, g->r[k].count);
            num(o, g->r[k].files);
            num(o, g->uses);
            num(o, g->files);
            row_end(o);
        }
    }
}

int termreport_write_csv(termreport *t, FILE *o)
{
    views w;
    if (tr_views_make(t, &w)) {
        tr_views_release(&w);
        return -1;
    }
    summary(o, t, &w);
    concepts(o, &w);
    files(o, t);
    if (t->have_glossary) {
        terms(o, "unused_concept", w.cv.unused, w.cv.nunused);
        terms(o, "unmatched_term", w.cv.unmatched, w.cv.nunmatched);
        terms(o, "shared_form", w.cv.shared, w.cv.nshared);
    }
    candidates(o, &w);
    tr_views_release(&w);
    return 0;
}
