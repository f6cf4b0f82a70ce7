/*
 * report_junit.c - `--format junit`: JUnit XML, the test report GitLab CI, Jenkins and
 * most CI servers read (docs/ci.md). One testsuite "termlint"; one testcase per file
 * (name: the path); one <failure> per finding at or above the fail level (--fail-on),
 * and the counts say how many testcases (files) failed,
 * whose text is the finding as the text format's first line; findings below it go to
 * the testcase's <system-out>, and a file that could not be read or checked gets an
 * <error>. A file without failures is a passed test.
 *
 * The testsuite's counts come first in XML but are known only at the end, so each
 * testcase is kept in memory until the end (one string per file, not per run's tree)
 * and the document is written there. Text is escaped for XML: & < > " and ', control
 * characters XML 1.0 cannot hold become U+FFFD, as do bytes that are not UTF-8.
 */
#include "escape.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char *buf; /* the testcases written so far */
    size_t len, cap;
    size_t tests, failed_tests, errors;
    char *out; /* this file's findings below the fail level */
    size_t olen, ocap;
    int failed; /* this file has a failure */
    int oom;
} junit_state;

static void add(junit_state *st, char **b, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap : 4096;
        while (c < *len + n + 1)
            c *= 2;
        char *p = realloc(*b, c);
        if (!p) {
            st->oom = 1;
            return;
        }
        *b = p;
        *cap = c;
    }
    memcpy(*b + *len, s, n);
    *len += n;
    (*b)[*len] = '\0';
}

#define ADD(st, s) add(st, &(st)->buf, &(st)->len, &(st)->cap, s, strlen(s))

/* Appends s[0, n) escaped for XML text and attributes. */
static void esc(junit_state *st, char **b, size_t *len, size_t *cap, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned cp;
        size_t k = esc_decode(u, i, n, &cp);
        const char *rep = NULL;
        if (!k || (u[i] < 0x20 && u[i] != '\t' && u[i] != '\n' && u[i] != '\r') ||
            (k == 3 && u[i] == 0xEF && u[i + 1] == 0xBF && u[i + 2] >= 0xBE))
            rep = "\xEF\xBF\xBD"; /* U+FFFE and U+FFFF are not XML characters either */
        else if (u[i] == '&')
            rep = "&amp;";
        else if (u[i] == '<')
            rep = "&lt;";
        else if (u[i] == '>')
            rep = "&gt;";
        else if (u[i] == '"')
            rep = "&quot;";
        else if (u[i] == '\'')
            rep = "&apos;";
        if (rep)
            add(st, b, len, cap, rep, strlen(rep));
        else
            add(st, b, len, cap, s + i, k);
        i += k ? k : 1;
    }
}

#define ESC(st, s) esc(st, &(st)->buf, &(st)->len, &(st)->cap, s, strlen(s))

static void file(reporter *rp, const report_file *f)
{
    junit_state *st = rp->state;
    st->tests++;
    st->failed = 0;
    st->olen = 0;
    ADD(st, "    <testcase classname=\"termlint\" name=\"");
    ESC(st, f->path);
    ADD(st, "\">\n");
    if (f->error) {
        st->errors++;
        ADD(st, "      <error message=\"");
        ESC(st, f->error);
        ADD(st, "\"/>\n");
    }
}

/* "path:line:col: severity: message [rule]" with the suggestions. */
static void line(junit_state *st, char **b, size_t *len, size_t *cap, const report_file *f,
                 const tl_finding *x)
{
    char pos[96];
    snprintf(pos, sizeof pos, ":%u:%u: %s: ", x->line, x->col, tl_severity_str(x->severity));
    esc(st, b, len, cap, f->path, strlen(f->path));
    add(st, b, len, cap, pos, strlen(pos));
    esc(st, b, len, cap, x->message, strlen(x->message));
    add(st, b, len, cap, " [", 2);
    esc(st, b, len, cap, tl_rule_id(x->rule), strlen(tl_rule_id(x->rule)));
    add(st, b, len, cap, "]", 1);
    for (size_t k = 0; k < x->nsuggestions; k++) {
        add(st, b, len, cap, k ? ", «" : "\nsuggestion: «", strlen(k ? ", «" : "\nsuggestion: «"));
        esc(st, b, len, cap, x->suggestions[k], strlen(x->suggestions[k]));
        add(st, b, len, cap, "»", strlen("»"));
    }
    add(st, b, len, cap, "\n", 1);
}

static void finding(reporter *rp, const report_file *f, const tl_finding *x, size_t i)
{
    (void)i;
    junit_state *st = rp->state;
    if (rp->fail_on == TL_SEV_OFF || x->severity < rp->fail_on) {
        line(st, &st->out, &st->olen, &st->ocap, f, x);
        return;
    }
    st->failed = 1;
    char pos[64];
    snprintf(pos, sizeof pos, "%u:%u: ", x->line, x->col);
    ADD(st, "      <failure type=\"");
    ESC(st, tl_rule_id(x->rule));
    ADD(st, "\" message=\"");
    ADD(st, pos);
    ESC(st, x->message);
    ADD(st, "\">");
    line(st, &st->buf, &st->len, &st->cap, f, x);
    ADD(st, "</failure>\n");
}

static void file_end(reporter *rp, const report_file *f)
{
    (void)f;
    junit_state *st = rp->state;
    if (st->olen) {
        ADD(st, "      <system-out>");
        add(st, &st->buf, &st->len, &st->cap, st->out, st->olen);
        ADD(st, "</system-out>\n");
    }
    ADD(st, "    </testcase>\n");
    st->failed_tests += st->failed;
}

static void end(reporter *rp, const report_summary *s)
{
    (void)s;
    junit_state *st = rp->state;
    fprintf(rp->out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"termlint\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n"
            "  <testsuite name=\"termlint\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
            "skipped=\"0\">\n",
            st->tests, st->failed_tests, st->errors, st->tests, st->failed_tests, st->errors);
    if (st->buf && !st->oom)
        fputs(st->buf, rp->out);
    fputs("  </testsuite>\n</testsuites>\n", rp->out);
    free(st->buf);
    free(st->out);
    st->buf = st->out = NULL;
}

const report_format report_junit = {"junit", sizeof(junit_state), NULL, file, finding, file_end,
                                    end};
