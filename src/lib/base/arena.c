/*
 * arena.c - bump allocator for data that dies together: one checked document's tokens
 * and findings, one glossary. Blocks grow geometrically up to 1 MiB; a request larger
 * than a block gets a block of its own.
 */
#include "base.h"

#include <stdio.h>
#include <string.h>

struct tl_arena_block {
    tl_arena_block *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
};

void tl_arena_init(tl_arena *a)
{
    a->head = NULL;
    a->used_total = 0;
}

void tl_arena_release(tl_arena *a)
{
    tl_arena_block *b = a->head;
    while (b) {
        tl_arena_block *n = b->next;
        tl_free(b);
        b = n;
    }
    tl_arena_init(a);
}

void tl_arena_absorb(tl_arena *dst, tl_arena *src)
{
    tl_arena_block *last = src->head;
    if (!last)
        return;
    while (last->next)
        last = last->next;
    /* behind dst's current block, which keeps filling */
    if (dst->head) {
        last->next = dst->head->next;
        dst->head->next = src->head;
    } else {
        dst->head = src->head;
    }
    dst->used_total += src->used_total;
    tl_arena_init(src);
}

void *tl_arena_alloc(tl_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    tl_arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = b ? b->cap * 2 : 4096;
        if (cap > (1u << 20))
            cap = 1u << 20;
        if (cap < n)
            cap = n;
        tl_arena_block *nb = tl_malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->cap = cap;
        nb->used = 0;
        /* a big one-off block goes second so the current block keeps filling */
        if (b && cap == n && b->cap - b->used > 256) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->used_total += n;
    memset(p, 0, n);
    return p;
}

char *tl_arena_strndup(tl_arena *a, const char *s, size_t n)
{
    char *d = tl_arena_alloc(a, n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *tl_arena_strdup(tl_arena *a, const char *s) { return tl_arena_strndup(a, s, strlen(s)); }

char *tl_arena_printf(tl_arena *a, const char *fmt, ...)
{
    va_list ap, cp;
    va_start(ap, fmt);
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    char *d = n < 0 ? NULL : tl_arena_alloc(a, (size_t)n + 1);
    if (d)
        vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

void *tl_arena_grow(tl_arena *a, void *arr, size_t n, size_t *cap, size_t size)
{
    if (n + 1 < *cap)
        return arr;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = tl_arena_alloc(a, ncap * size);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, arr, n * size);
    *cap = ncap;
    return p;
}

void *tl_arena_push(tl_arena *a, const void *arr, size_t n, size_t size)
{
    void *p = tl_arena_alloc(a, (n + 1) * size);
    if (p && n)
        memcpy(p, arr, n * size);
    return p;
}
