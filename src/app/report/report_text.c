/*
 * report_text.c - compiler-style text output:
 *
 *   path:line:col: severity: message [rule]
 *       <the source line, or an ~80-column window of it around the span>
 *       ^^^^^^
 *       suggestion: «...»
 *
 * The window is found by walking at most a few hundred bytes around the span, never
 * the whole line, so a single 100 MB line costs the same as a short one.
 */
#include "escape.h"
#include "report.h"

#include <string.h>

#define CONTEXT_CP 38     /* code points shown on each side of the span in a long line */
#define WHOLE_LINE_CP 100 /* a line up to this long is shown whole */
#define SPAN_CP 60        /* a longer span is shown cut */
#define SUGGESTION_CP 200 /* and a longer suggestion (JSON gives it whole) */

static const char *sev_color(tl_severity s)
{
    return s == TL_SEV_ERROR ? "\033[1;31m" : s == TL_SEV_WARNING ? "\033[1;35m" : "\033[1;36m";
}

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Start of the window: back from `off` by up to CONTEXT_CP code points, stopping at a
 * line break. Sets *cut when the line continues further left. */
static size_t win_start(const char *s, size_t off, int *cut, int limit)
{
    size_t i = off;
    int n = 0;
    *cut = 0;
    while (i > 0 && s[i - 1] != '\n' && s[i - 1] != '\r') {
        if (n == limit) {
            *cut = 1;
            break;
        }
        i--;
        while (i > 0 && is_cont((unsigned char)s[i]))
            i--;
        n++;
    }
    return i;
}

static size_t win_end(const char *s, size_t len, size_t from, int *cut, int limit)
{
    size_t i = from;
    int n = 0;
    *cut = 0;
    while (i < len && s[i] != '\n' && s[i] != '\r') {
        if (n == limit) {
            *cut = 1;
            break;
        }
        i++;
        while (i < len && is_cont((unsigned char)s[i]))
            i++;
        n++;
    }
    return i;
}

static size_t count_cps(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        n += !is_cont((unsigned char)s[i]);
    return n;
}

static void excerpt(FILE *out, const report_file *f, const tl_finding *x, int color)
{
    if (!f->data || x->offset > f->len || x->whole)
        return;
    const char *s = f->data;
    size_t off = (size_t)x->offset, end = off + (size_t)x->length;
    if (end > f->len)
        end = f->len;
    /* the span up to the end of its first line, and at most SPAN_CP code points of it */
    size_t span_end = off;
    for (int n = 0; span_end < end && s[span_end] != '\n' && s[span_end] != '\r'; n++) {
        if (n == SPAN_CP) {
            end = span_end;
            break;
        }
        span_end++;
        while (span_end < end && is_cont((unsigned char)s[span_end]))
            span_end++;
    }
    int lcut, rcut;
    size_t a = win_start(s, off, &lcut, WHOLE_LINE_CP),
           b = win_end(s, f->len, span_end, &rcut, WHOLE_LINE_CP);
    if (lcut || rcut || count_cps(s, a, b) > WHOLE_LINE_CP) { /* a long line: a window */
        a = win_start(s, off, &lcut, CONTEXT_CP);
        b = win_end(s, f->len, span_end, &rcut, CONTEXT_CP);
    }
    fputs("    ", out);
    if (lcut)
        fputs("…", out);
    esc_text(out, s + a, b - a, 1);
    if (rcut)
        fputs("…", out);
    fputs("\n    ", out);
    size_t pad = esc_text(NULL, s + a, off - a, 1) + (lcut ? 1 : 0),
           width = esc_text(NULL, s + off, span_end - off, 1);
    for (size_t i = 0; i < pad; i++)
        fputc(' ', out);
    if (color)
        fputs("\033[1;32m", out);
    for (size_t i = 0; i < (width ? width : 1); i++)
        fputc('^', out);
    if (color)
        fputs("\033[0m", out);
    fputc('\n', out);
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)i;
    FILE *out = rp->out;
    const char *rule = tl_rule_id(x->rule);
    /* the path, the message and the suggestions hold text from the inputs and the
     * glossary: escaped (escape.c), never obeyed by the terminal */
    if (rp->color)
        fputs("\033[1m", out);
    esc_path(out, f->path);
    fprintf(out, ":%u:%u:", x->line, x->col);
    if (rp->color)
        fprintf(out, "\033[0m %s%s:\033[0m ", sev_color(x->severity), tl_severity_str(x->severity));
    else
        fprintf(out, " %s: ", tl_severity_str(x->severity));
    esc_str(out, x->message);
    fprintf(out, " [%s]\n", rule);
    excerpt(out, f, x, rp->color);
    if (x->nsuggestions) {
        fputs(x->nsuggestions == 1 ? "    suggestion: " : "    suggestions: ", out);
        for (size_t k = 0; k < x->nsuggestions; k++) {
            fputs(k ? ", «" : "«", out);
            /* shown cut, as excerpts are (a repeated sentence's one copy can be long) */
            const char *sg = x->suggestions[k];
            size_t n = strlen(sg), cut = 0;
            for (size_t cps = 0; cut < n && cps < SUGGESTION_CP; cps++) {
                cut++;
                while (cut < n && is_cont((unsigned char)sg[cut]))
                    cut++;
            }
            esc_text(out, sg, cut, 0);
            fputs(cut < n ? "…»" : "»", out);
        }
        fputc('\n', out);
    }
}

static void end(reporter *rp, const report_summary *s)
{
    FILE *out = rp->out;
    fprintf(out, "termlint: %zu file%s checked: %zu error%s, %zu warning%s, %zu info%s", s->files,
            s->files == 1 ? "" : "s", s->errors, s->errors == 1 ? "" : "s", s->warnings,
            s->warnings == 1 ? "" : "s", s->infos, s->infos == 1 ? "" : "s");
    if (s->input_errors)
        fprintf(out, "; %zu input or configuration error%s", s->input_errors,
                s->input_errors == 1 ? "" : "s");
    if (s->baselined)
        fprintf(out, "; %zu finding%s of the baseline not shown", s->baselined,
                s->baselined == 1 ? "" : "s");
    /* setup warnings are said in full by termlint glossary check and --format json,
     * not at every run: a count here so they are not missed */
    size_t notes = tl_diags_count(rp->notes);
    if (notes)
        fprintf(out, "; %zu setup warning%s (termlint glossary check shows them)", notes,
                notes == 1 ? "" : "s");
    fputc('\n', out);
}

const report_format report_text = {"text", 0, NULL, NULL, finding, NULL, end};
