/*
 * udiff.c - a unified diff of two texts (termlint fix --dry-run), as `diff -u` prints
 * it: "--- a/PATH", "+++ b/PATH", hunks with three lines of context.
 *
 * Lines are compared whole (with their line breaks). The lines both texts share at the
 * start and at the end are set aside first; what is left between them is aligned by a
 * longest common subsequence, which for the edits fix makes (a few words changed on a
 * few lines) is small. Should the middle be too large for the table (over 4 million
 * cells: edits far apart in a long text), its lines are paired one to one when both
 * sides have as many (fix never adds or removes a line break), else it is printed as one
 * change: correct, only longer.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3
#define MAX_CELLS (4u << 20)

typedef struct {
    const char *p;
    size_t len;
} line;

/* The lines of t[0, n) (each with its break: LF, CR LF or CR); owned array, *nl set. */
static line *split(const char *t, size_t n, size_t *nl)
{
    size_t cap = 16, k = 0;
    line *v = malloc(cap * sizeof *v);
    for (size_t i = 0; v && i < n;) {
        size_t j = i;
        while (j < n && t[j] != '\n' && t[j] != '\r')
            j++;
        if (j < n)
            j += t[j] == '\r' && j + 1 < n && t[j + 1] == '\n' ? 2 : 1;
        if (k == cap) {
            line *w = realloc(v, (cap *= 2) * sizeof *v);
            if (!w) {
                free(v);
                return NULL;
            }
            v = w;
        }
        v[k].p = t + i;
        v[k++].len = j - i;
        i = j;
    }
    *nl = k;
    return v;
}

static int same(const line *a, const line *b)
{
    return a->len == b->len && !memcmp(a->p, b->p, a->len);
}

/* One line of the diff: its mark and the line, with "\ No newline..." when it has none. */
static void put(FILE *out, char mark, const line *l)
{
    fputc(mark, out);
    fwrite(l->p, 1, l->len, out);
    if (!l->len || (l->p[l->len - 1] != '\n' && l->p[l->len - 1] != '\r'))
        fputs("\n\\ No newline at end of file\n", out);
}

/* An edit script: op[k] is ' ' (both), '-' (a only) or '+' (b only). */
typedef struct {
    char *op;
    size_t n;
} script;

static int align(const line *a, size_t na, const line *b, size_t nb, script *s)
{
    size_t pre = 0, suf = 0;
    while (pre < na && pre < nb && same(&a[pre], &b[pre]))
        pre++;
    while (suf < na - pre && suf < nb - pre && same(&a[na - 1 - suf], &b[nb - 1 - suf]))
        suf++;
    size_t ma = na - pre - suf, mb = nb - pre - suf;
    s->op = malloc(na + nb + 1);
    if (!s->op)
        return -1;
    s->n = 0;
    memset(s->op, ' ', pre);
    s->n = pre;
    unsigned *t = NULL;
    if (ma && mb && (ma + 1) * (mb + 1) <= MAX_CELLS)
        t = calloc((ma + 1) * (mb + 1), sizeof *t);
    if (t) { /* t[i][j]: LCS of a[pre+i..] and b[pre+j..] */
        for (size_t i = ma; i-- > 0;)
            for (size_t j = mb; j-- > 0;)
                t[i * (mb + 1) + j] = same(&a[pre + i], &b[pre + j])
                                          ? t[(i + 1) * (mb + 1) + j + 1] + 1
                                          : (t[(i + 1) * (mb + 1) + j] > t[i * (mb + 1) + j + 1]
                                                 ? t[(i + 1) * (mb + 1) + j]
                                                 : t[i * (mb + 1) + j + 1]);
        size_t i = 0, j = 0;
        while (i < ma || j < mb) {
            if (i < ma && j < mb && same(&a[pre + i], &b[pre + j])) {
                s->op[s->n++] = ' ';
                i++, j++;
            } else if (i < ma &&
                       (j == mb || t[(i + 1) * (mb + 1) + j] >= t[i * (mb + 1) + j + 1])) {
                s->op[s->n++] = '-'; /* removals first, as diff -u */
                i++;
            } else {
                s->op[s->n++] = '+';
                j++;
            }
        }
        free(t);
    } else if (ma == mb) {
        /* too large for the table, but as many lines on both sides, as fix leaves them
         * (it replaces words, never line breaks): line against line, each run of
         * changed lines removed then added */
        for (size_t i = 0; i < ma;) {
            if (same(&a[pre + i], &b[pre + i])) {
                s->op[s->n++] = ' ';
                i++;
                continue;
            }
            size_t r = i;
            while (r < ma && !same(&a[pre + r], &b[pre + r]))
                r++;
            memset(s->op + s->n, '-', r - i);
            s->n += r - i;
            memset(s->op + s->n, '+', r - i);
            s->n += r - i;
            i = r;
        }
    } else {
        memset(s->op + s->n, '-', ma);
        s->n += ma;
        memset(s->op + s->n, '+', mb);
        s->n += mb;
    }
    memset(s->op + s->n, ' ', suf);
    s->n += suf;
    return 0;
}

int cli_udiff(FILE *out, const char *path, const char *a, size_t alen, const char *b, size_t blen)
{
    size_t na, nb;
    line *la = split(a, alen, &na), *lb = split(b, blen, &nb);
    script s = {NULL, 0};
    if (!la || !lb || align(la, na, lb, nb, &s)) {
        free(la);
        free(lb);
        return -1;
    }
    fprintf(out, "--- a/%s\n+++ b/%s\n", path, path);
    size_t k = 0, ia = 0, ib = 0; /* position in the script and in each text */
    while (k < s.n) {
        if (s.op[k] == ' ') {
            k++, ia++, ib++;
            continue;
        }
        /* a hunk: back up CONTEXT lines, run on while changes come within 2*CONTEXT */
        size_t back = 0;
        while (back < CONTEXT && back < k && s.op[k - back - 1] == ' ')
            back++;
        size_t start = k - back, end = k;
        for (;;) {
            while (end < s.n && s.op[end] != ' ')
                end++;
            size_t run = 0;
            while (end + run < s.n && s.op[end + run] == ' ')
                run++;
            if (end + run < s.n && run <= 2 * CONTEXT) {
                end += run; /* the next change is close: one hunk */
                continue;
            }
            end += run < CONTEXT ? run : CONTEXT;
            break;
        }
        size_t ca = 0, cb = 0;
        for (size_t q = start; q < end; q++) {
            ca += s.op[q] != '+';
            cb += s.op[q] != '-';
        }
        size_t sa = ia - back, sb = ib - back;
        fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", ca ? sa + 1 : sa, ca, cb ? sb + 1 : sb, cb);
        size_t pa = sa, pb = sb;
        for (size_t q = start; q < end; q++) {
            if (s.op[q] == ' ')
                put(out, ' ', &la[pa++]), pb++;
            else if (s.op[q] == '-')
                put(out, '-', &la[pa++]);
            else
                put(out, '+', &lb[pb++]);
        }
        ia = pa, ib = pb, k = end;
    }
    free(s.op);
    free(la);
    free(lb);
    return 0;
}
