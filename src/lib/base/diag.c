/*
 * diag.c - tl_diags, the list of messages about inputs and configuration (encoding
 * errors, glossary problems, missing dictionaries). The library never prints: it
 * appends here and the caller decides what to show and which exit code follows.
 */
#include "base.h"

#include <string.h>

struct tl_diags {
    tl_diag *items;
    size_t n, cap, errors;
    tl_arena mem;
};

tl_diags *tl_diags_new(void)
{
    tl_diags *d = tl_calloc(1, sizeof *d);
    if (d)
        tl_arena_init(&d->mem);
    return d;
}

void tl_diags_clear(tl_diags *d)
{
    if (!d)
        return;
    tl_arena_release(&d->mem);
    d->n = d->errors = 0;
}

void tl_diags_free(tl_diags *d)
{
    if (!d)
        return;
    tl_arena_release(&d->mem);
    tl_free(d->items);
    tl_free(d);
}

size_t tl_diags_count(const tl_diags *d) { return d ? d->n : 0; }
size_t tl_diags_errors(const tl_diags *d) { return d ? d->errors : 0; }

const tl_diag *tl_diags_at(const tl_diags *d, size_t i)
{
    return d && i < d->n ? &d->items[i] : NULL;
}

int diags_add(tl_diags *d, tl_severity sev, const char *file, unsigned line, unsigned col,
              uint64_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = diags_vadd(d, sev, file, line, col, offset, fmt, ap);
    va_end(ap);
    return rc;
}

int diags_vadd(tl_diags *d, tl_severity sev, const char *file, unsigned line, unsigned col,
               uint64_t offset, const char *fmt, va_list ap)
{
    if (!d)
        return 0;
    if (TL_GROW(d->items, d->n, d->cap, 16))
        return -1;
    tl_buf b;
    tl_buf_init(&b, 0);
    tl_buf_vprintf(&b, fmt, ap);
    char *msg = b.oom ? NULL : tl_arena_strndup(&d->mem, b.data, b.len);
    tl_buf_release(&b);
    char *f = tl_arena_strdup(&d->mem, file ? file : "");
    if (!msg || !f)
        return -1;
    tl_diag *g = &d->items[d->n++];
    g->severity = sev;
    g->file = f;
    g->line = line;
    g->col = col;
    g->offset = offset;
    g->message = msg;
    if (sev >= TL_SEV_ERROR)
        d->errors++;
    return 0;
}
