/*
 * termreport_html.c - the terminology report as one self-contained HTML page
 * (docs/report.md, "HTML"): the tables of the markdown, sortable by a click on a column
 * head, and three inline SVG charts drawn here: compliance per concept (worst first),
 * findings per rule, and a histogram of findings per file.
 *
 * As the review page (report_html.c): every text from the corpus or the glossary is
 * escaped, and the Content-Security-Policy loads nothing (default-src 'none') and
 * allows the page's one style and one script by their SHA-256. The charts are SVG
 * elements in the page, not loaded images. Without its script the page is the same,
 * unsorted.
 */
#include "sha256.h"
#include "termreport_p.h"

#include <stdlib.h>
#include <string.h>

/* concepts and rules drawn in the charts (the tables list them all) */
#define CHART_ROWS 30

static void esc(FILE *o, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", o); break;
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '"': fputs("&quot;", o); break;
        case '\'': fputs("&#39;", o); break;
        default: fputc(*s, o);
        }
    }
}

static const char style[] =
    "body{font:14px/1.45 system-ui,sans-serif;margin:1rem 2rem;color:#1e1e2e}"
    "h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem}"
    "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;"
    "padding:.2rem .45rem;vertical-align:top}th{background:#eef;cursor:pointer;"
    "user-select:none}th.asc::after{content:' \\25B2'}th.desc::after{content:' \\25BC'}"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".kwic{font-family:Georgia,serif}.kwic b{background:#f9e2af}"
    "svg{display:block;margin:.5rem 0}svg text{font:12px system-ui,sans-serif}"
    ".bar{fill:#89b4fa}.bad{fill:#eb6f92}.mid{fill:#f9e2af}.good{fill:#a6e3a1}"
    "details{margin:.3rem 0}summary{cursor:pointer}";

/* Sorts a table by the clicked column: numbers by data-v, text by its content. */
static const char script[] =
    "(function(){'use strict';"
    "function key(td,num){return num?parseFloat(td.getAttribute('data-v')||'-1'):"
    "td.textContent;}"
    "Array.prototype.forEach.call(document.querySelectorAll('table.sort th'),function(th,i){"
    "th.addEventListener('click',function(){var t=th.closest('table'),tb=t.tBodies[0],"
    "num=th.hasAttribute('data-num'),dir=th.classList.contains('asc')?-1:1;"
    "Array.prototype.forEach.call(t.querySelectorAll('th'),function(h){"
    "h.classList.remove('asc','desc');});th.classList.add(dir>0?'asc':'desc');"
    "var rows=Array.prototype.slice.call(tb.rows);rows.sort(function(a,b){"
    "var x=key(a.cells[th.cellIndex],num),y=key(b.cells[th.cellIndex],num);"
    "return(x<y?-1:x>y?1:0)*dir;});rows.forEach(function(r){tb.appendChild(r);});});});"
    "document.documentElement.setAttribute('data-ready','1');})();";

/* per mille of num/den, or -1 */
static long permille(uint64_t num, uint64_t den)
{
    return den ? (long)((num * 2000 + den) / (2 * den)) : -1;
}

static void pct_cell(FILE *o, uint64_t num, uint64_t den)
{
    long p = permille(num, den);
    if (p < 0)
        fputs("<td class=\"n\" data-v=\"-1\">—</td>", o);
    else
        fprintf(o, "<td class=\"n\" data-v=\"%ld\">%ld.%ld %%</td>", p, p / 10, p % 10);
}

static void num_cell(FILE *o, uint64_t n)
{
    fprintf(o, "<td class=\"n\" data-v=\"%llu\">%llu</td>", (unsigned long long)n,
            (unsigned long long)n);
}

/* A table head; columns whose name starts with '#' sort as numbers. */
static void thead(FILE *o, const char *const *cols)
{
    fputs("<table class=\"sort\"><thead><tr>", o);
    for (; *cols; cols++)
        if (**cols == '#')
            fprintf(o, "<th data-num>%s</th>", *cols + 1);
        else
            fprintf(o, "<th>%s</th>", *cols);
    fputs("</tr></thead><tbody>\n", o);
}

/* A horizontal bar chart of n rows: label[i], value v[i] of max, text shown[i]. */
typedef struct {
    const char *label;
    uint64_t v;
    char shown[32];
    const char *cls;
} bar;

static void bars(FILE *o, const char *title, const bar *b, size_t n, uint64_t max)
{
    const int lw = 260, bw = 420, rh = 18;
    fprintf(o,
            "<svg role=\"img\" width=\"%d\" height=\"%zu\" viewBox=\"0 0 %d %zu\">"
            "<title>",
            lw + bw + 90, n * rh + 4, lw + bw + 90, n * rh + 4);
    esc(o, title);
    fputs("</title>", o);
    for (size_t i = 0; i < n; i++) {
        int w = max ? (int)((b[i].v * (uint64_t)bw + max / 2) / max) : 0;
        fprintf(o, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", lw - 6, i * rh + 14);
        esc(o, b[i].label);
        fprintf(o,
                "</text><rect class=\"%s\" x=\"%d\" y=\"%zu\" width=\"%d\" height=\"%d\"/>"
                "<text x=\"%d\" y=\"%zu\">%s</text>",
                b[i].cls, lw, i * rh + 3, w, rh - 4, lw + w + 4, i * rh + 14, b[i].shown);
    }
    fputs("</svg>\n", o);
}

static void chart_concepts(FILE *o, const views *w)
{
    bar b[CHART_ROWS];
    size_t n = 0;
    for (size_t i = 0; i < w->nconcepts && n < CHART_ROWS; i++) {
        const concept_view *c = &w->concepts[i];
        long p = permille(c->by_kind[TL_TERM_CANONICAL], tr_counted(c));
        if (p < 0)
            continue;
        b[n].label = c->id;
        b[n].v = (uint64_t)p;
        b[n].cls = p < 500 ? "bad" : p < 900 ? "mid" : "good";
        snprintf(b[n].shown, sizeof b[n].shown, "%ld.%ld %%", p / 10, p % 10);
        n++;
    }
    fputs("<h3>Compliance per concept, worst first</h3>\n", o);
    if (n)
        bars(o, "compliance per concept", b, n, 1000);
}

static void chart_rules(FILE *o, const termreport *t)
{
    tr_count *v = malloc((t->nrules ? t->nrules : 1) * sizeof *v);
    if (!v)
        return;
    if (t->nrules)
        memcpy(v, t->rules, t->nrules * sizeof *v);
    qsort(v, t->nrules, sizeof *v, tr_cmp_count_desc);
    bar b[CHART_ROWS];
    size_t n = 0;
    for (; n < t->nrules && n < CHART_ROWS; n++) {
        b[n].label = v[n].key;
        b[n].v = v[n].n;
        b[n].cls = "bar";
        snprintf(b[n].shown, sizeof b[n].shown, "%llu", (unsigned long long)v[n].n);
    }
    fputs("<h3>Findings per rule</h3>\n", o);
    if (n)
        bars(o, "findings per rule", b, n, v[0].n);
    free(v);
}

/* Files by their number of findings, in buckets 0, 1, 2–3, 4–7, ... */
static void chart_histogram(FILE *o, const termreport *t)
{
    uint64_t count[40] = {0};
    size_t nb = 1;
    for (size_t i = 0; i < t->nf; i++) {
        uint64_t f = t->f[i].findings;
        size_t k = 0;
        while (f) {
            k++;
            f >>= 1;
        }
        count[k]++;
        if (k + 1 > nb)
            nb = k + 1;
    }
    bar b[40];
    uint64_t max = 0;
    char labels[40][64];
    for (size_t k = 0; k < nb; k++) {
        if (k == 0)
            snprintf(labels[k], sizeof labels[k], "no findings");
        else if (k == 1)
            snprintf(labels[k], sizeof labels[k], "1 finding");
        else
            snprintf(labels[k], sizeof labels[k], "%llu–%llu findings",
                     (unsigned long long)1 << (k - 1), ((unsigned long long)1 << k) - 1);
        b[k].label = labels[k];
        b[k].v = count[k];
        b[k].cls = "bar";
        snprintf(b[k].shown, sizeof b[k].shown, "%llu file%s", (unsigned long long)count[k],
                 count[k] == 1 ? "" : "s");
        if (count[k] > max)
            max = count[k];
    }
    fputs("<h3>Files by number of findings</h3>\n", o);
    bars(o, "files by number of findings", b, nb, max);
}

static void summary(FILE *o, const termreport *t, const views *w)
{
    const totals *s = &w->tot;
    fprintf(o, "<h2>Summary</h2>\n<table><tbody>\n<tr><th>files</th>");
    num_cell(o, t->nf);
    fputs("</tr><tr><th>words</th>", o);
    num_cell(o, t->words);
    fputs("</tr><tr><th>findings</th>", o);
    num_cell(o, s->findings);
    fputs("</tr><tr><th>glossary uses</th>", o);
    num_cell(o, s->uses);
    for (int k = TL_TERM_CANONICAL; k <= TL_TERM_LITERAL; k++) {
        fprintf(o, "</tr><tr><th>… %s</th>", tl_term_kind_str((tl_term_kind)k));
        num_cell(o, s->by_kind[k]);
    }
    fputs("</tr><tr><th>compliance</th>", o);
    pct_cell(o, s->by_kind[TL_TERM_CANONICAL], s->uses - s->by_kind[TL_TERM_SHORT]);
    if (t->have_glossary) {
        fputs("</tr><tr><th>glossary concepts used</th>", o);
        fprintf(o, "<td class=\"n\">%zu of %zu</td>", w->cv.nconcepts - w->cv.nunused,
                w->cv.nconcepts);
    }
    fputs("</tr></tbody></table>\n", o);
    static const char *const cols[] = {"family", "#findings", NULL};
    thead(o, cols);
    for (size_t i = 0; i < w->nfam; i++) {
        fputs("<tr><td>", o);
        esc(o, w->fam[i].key);
        fputs("</td>", o);
        num_cell(o, w->fam[i].n);
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
}

static void concept_details(FILE *o, const concept_view *c)
{
    fputs("<details><summary>", o);
    esc(o, c->id);
    fputs("</summary>\n", o);
    static const char *const cols[] = {"rendering", "language", "kind", "#uses", "#files", NULL};
    thead(o, cols);
    for (size_t k = 0; k < c->nr; k++) {
        const tr_rendering *r = &c->r[k];
        fputs("<tr><td>", o);
        esc(o, r->term);
        fprintf(o, "</td><td>%s</td><td>%s</td>", r->lang, tl_term_kind_str(r->kind));
        num_cell(o, r->count);
        num_cell(o, r->files);
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table>\n<ul>\n", o);
    for (size_t k = 0; k < c->nr; k++)
        for (size_t e = 0; e < c->r[k].nex; e++) {
            const tr_example *x = &c->r[k].ex[e];
            fputs("<li><code>", o);
            esc(o, x->path);
            fprintf(o, ":%u:%u</code> <span class=\"kwic\">…", x->line, x->col);
            esc(o, x->before);
            fputs("<b>", o);
            esc(o, x->text);
            fputs("</b>", o);
            esc(o, x->after);
            fputs("…</span></li>\n", o);
        }
    fputs("</ul></details>\n", o);
}

static void concepts(FILE *o, const views *w)
{
    fputs("<h2>Concepts, worst first</h2>\n", o);
    static const char *const cols[] = {"concept", "canonical",  "#uses",  "#canonical",  "#variant",
                                       "#short",  "#forbidden", "#files", "#compliance", NULL};
    thead(o, cols);
    for (size_t i = 0; i < w->nconcepts; i++) {
        const concept_view *c = &w->concepts[i];
        fputs("<tr><td>", o);
        esc(o, c->id);
        fputs("</td><td>", o);
        esc(o, c->canon_ru);
        fputs(c->canon_ru && c->canon_uk ? " / " : "", o);
        esc(o, c->canon_uk);
        fputs("</td>", o);
        num_cell(o, c->uses);
        num_cell(o, c->by_kind[TL_TERM_CANONICAL]);
        num_cell(o, c->by_kind[TL_TERM_VARIANT]);
        num_cell(o, c->by_kind[TL_TERM_SHORT]);
        num_cell(o, c->by_kind[TL_TERM_FORBIDDEN] + c->by_kind[TL_TERM_LITERAL]);
        num_cell(o, c->files);
        pct_cell(o, c->by_kind[TL_TERM_CANONICAL], tr_counted(c));
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table>\n<h3>Renderings and examples</h3>\n", o);
    for (size_t i = 0; i < w->nconcepts; i++)
        concept_details(o, &w->concepts[i]);
}

static void files(FILE *o, const termreport *t)
{
    fputs("<h2>Files</h2>\n", o);
    static const char *const cols[] = {"file",           "language",    "#words",
                                       "#findings",      "per rule",    "concepts",
                                       "#glossary uses", "#compliance", NULL};
    thead(o, cols);
    for (size_t i = 0; i < t->nf; i++) {
        const tr_file *f = &t->f[i];
        fputs("<tr><td>", o);
        esc(o, f->path);
        fputs("</td><td>", o);
        esc(o, f->lang);
        fputs("</td>", o);
        num_cell(o, f->words);
        num_cell(o, f->findings);
        fputs("<td>", o);
        for (size_t k = 0; k < f->nrules; k++) {
            fputs(k ? ", " : "", o);
            esc(o, f->rules[k].key);
            fprintf(o, " %llu", (unsigned long long)f->rules[k].n);
        }
        if (f->error) {
            fputs(" (", o);
            esc(o, f->error);
            fputs(")", o);
        }
        fputs("</td><td>", o);
        for (size_t k = 0; k < f->nconcepts; k++) {
            fputs(k ? ", " : "", o);
            esc(o, f->concepts[k]);
        }
        fputs("</td>", o);
        num_cell(o, f->uses);
        pct_cell(o, f->canon, f->counted);
        fputs("</tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
}

static void term_table(FILE *o, const char *title, const tr_gterm *const *g, size_t n)
{
    fprintf(o, "<h3>%s (%zu)</h3>\n", title, n);
    if (!n)
        return;
    static const char *const cols[] = {"concept", "language", "kind", "term", NULL};
    thead(o, cols);
    for (size_t i = 0; i < n; i++) {
        fputs("<tr><td>", o);
        esc(o, g[i]->concept);
        fprintf(o, "</td><td>%s</td><td>%s</td><td>", tl_lang_str(g[i]->lang),
                tl_term_kind_str(g[i]->kind));
        esc(o, g[i]->text);
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody></table>\n", o);
}

static void candidates(FILE *o, const views *w)
{
    size_t n = w->ncands < CAND_SHOWN ? w->ncands : CAND_SHOWN;
    fprintf(o,
            "<h2>Term candidates</h2>\n<p>Word groups that look like terms or names, used "
            "at least twice, that no glossary form covers: the first %zu of %zu.</p>\n",
            n, w->ncands);
    if (!n)
        return;
    static const char *const cols[] = {"#rank", "candidate", "language",         "kind",
                                       "#uses", "#files",    "other renderings", NULL};
    thead(o, cols);
    for (size_t i = 0; i < n; i++) {
        const cand_group *g = &w->cands[i];
        fputs("<tr>", o);
        num_cell(o, i + 1);
        fputs("<td>", o);
        esc(o, g->r[0].text);
        fprintf(o, "</td><td>%s</td><td>%s</td>", g->r[0].lang, g->r[0].kind);
        num_cell(o, g->uses);
        num_cell(o, g->files);
        fputs("<td>", o);
        for (size_t k = 1; k < g->nr; k++) {
            fputs(k > 1 ? ", " : "", o);
            esc(o, g->r[k].text);
            fprintf(o, " (%llu)", (unsigned long long)g->r[k].count);
        }
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody></table>\n<h3>Proposed glossary entries</h3>\n<pre>concepts:\n", o);
    for (size_t i = 0; i < n; i++) {
        char *y = NULL;
        size_t ylen = 0;
        int later;
        const cand_group *other = tr_cand_pair(w->cands, n, i, &later);
        if (other && !later)
            continue;
        FILE *yf = open_memstream(&y, &ylen);
        if (!yf)
            continue;
        tr_cand_yaml(yf, &w->cands[i], other, "  ");
        fclose(yf);
        esc(o, y);
        free(y);
    }
    fputs("</pre>\n", o);
}

int termreport_write_html(termreport *t, FILE *o)
{
    views w;
    if (tr_views_make(t, &w)) {
        tr_views_release(&w);
        return -1;
    }
    char hs[45], hj[45];
    sha256_base64(style, strlen(style), hs);
    sha256_base64(script, strlen(script), hj);
    fprintf(o,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'sha256-%s'; script-src 'sha256-%s'; img-src 'none'; font-src 'none'; "
            "connect-src 'none'; base-uri 'none'; form-action 'none'\">\n"
            "<meta name=\"generator\" content=\"termlint %s\">\n"
            "<title>Terminology report</title>\n<style>%s</style>\n</head>\n<body>\n"
            "<h1>Terminology report</h1>\n",
            hs, hj, tl_version(), style);
    summary(o, t, &w);
    fputs("<h2>Charts</h2>\n", o);
    chart_concepts(o, &w);
    chart_rules(o, t);
    chart_histogram(o, t);
    concepts(o, &w);
    files(o, t);
    fputs("<h2>Glossary coverage</h2>\n", o);
    if (!t->have_glossary) {
        fputs("<p>No glossary given (--glossary).</p>\n", o);
    } else {
        term_table(o, "Concepts never used", w.cv.unused, w.cv.nunused);
        term_table(o, "Terms never matched", w.cv.unmatched, w.cv.nunmatched);
        term_table(o, "Forms of more than one concept", w.cv.shared, w.cv.nshared);
    }
    candidates(o, &w);
    fprintf(o, "<script>%s</script>\n</body>\n</html>\n", script);
    tr_views_release(&w);
    return 0;
}
