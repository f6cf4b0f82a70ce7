/*
 * buf.c - tl_buf, the one growable string. Invariants: data is never NULL and always
 * NUL-terminated; a failed growth sets the sticky `oom` flag so a chain of appends can
 * be checked once at the end (git strbuf, curl dynbuf's "toobig").
 */
#include "base.h"

#include <stdio.h>
#include <string.h>

static char empty_buf[1];

void tl_buf_init(tl_buf *b, size_t max)
{
    b->data = empty_buf;
    b->len = b->cap = 0;
    b->max = max;
    b->oom = 0;
}

void tl_buf_release(tl_buf *b)
{
    if (b->cap)
        tl_free(b->data);
    tl_buf_init(b, b->max);
}

void tl_buf_reset(tl_buf *b)
{
    b->len = 0;
    if (b->cap)
        b->data[0] = '\0';
    b->oom = 0;
}

static int grow(tl_buf *b, size_t extra)
{
    if (b->oom)
        return -1;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    if (b->max && b->len + extra > b->max) {
        b->oom = 1;
        return -1;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = tl_realloc(b->cap ? b->data : NULL, cap);
    if (!p) {
        b->oom = 1;
        return -1;
    }
    if (!b->cap)
        p[0] = '\0';
    b->data = p;
    b->cap = cap;
    return 0;
}

int tl_buf_reserve(tl_buf *b, size_t n) { return grow(b, n); }

int tl_buf_add(tl_buf *b, const void *p, size_t n)
{
    if (grow(b, n))
        return -1;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int tl_buf_addc(tl_buf *b, char c) { return tl_buf_add(b, &c, 1); }

int tl_buf_adds(tl_buf *b, const char *s) { return tl_buf_add(b, s, strlen(s)); }

int tl_buf_vprintf(tl_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0 || grow(b, (size_t)n))
        return -1;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int tl_buf_printf(tl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = tl_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return r;
}

char *tl_buf_detach(tl_buf *b, size_t *len)
{
    if (b->oom) {
        tl_buf_release(b);
        return NULL;
    }
    char *p = b->cap ? b->data : tl_strndup("", 0);
    if (len)
        *len = b->len;
    tl_buf_init(b, b->max);
    return p;
}
