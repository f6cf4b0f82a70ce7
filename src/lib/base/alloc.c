/*
 * alloc.c - the library's one allocation pair. Every allocation goes through here so
 * a test can make the Nth one fail (curl's "torture" idea) and check that each caller
 * turns NULL into TL_ERR_NOMEM instead of crashing.
 *
 * The fail counter is the only process-wide state of the library; it is a test hook,
 * atomic so that threaded runs stay race-free, and off (-1) unless a test sets it.
 */
#include "base.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static _Atomic long fail_after = -1;

void tl_alloc_fail_after(long n) { atomic_store(&fail_after, n); }

static int should_fail(void)
{
    long n = atomic_load(&fail_after);
    if (n < 0)
        return 0;
    if (n == 0)
        return 1;
    atomic_fetch_sub(&fail_after, 1);
    return 0;
}

void *tl_malloc(size_t n) { return should_fail() ? NULL : malloc(n ? n : 1); }

void *tl_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *tl_realloc(void *p, size_t n) { return should_fail() ? NULL : realloc(p, n ? n : 1); }

void tl_free(void *p) { free(p); }

char *tl_strndup(const char *s, size_t n)
{
    char *d = tl_malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *tl_strdup(const char *s) { return tl_strndup(s, strlen(s)); }

int tl_grow(void *pp, size_t *cap, size_t size, size_t min)
{
    /* the array pointer is read and written through memcpy: `pp` points at a T *, which
     * may not be accessed as a void * */
    void *old;
    memcpy(&old, pp, sizeof old);
    size_t ncap = *cap ? *cap * 2 : min;
    if (ncap < min)
        ncap = min;
    if (ncap > SIZE_MAX / size)
        return -1;
    void *p = tl_realloc(old, ncap * size);
    if (!p)
        return -1;
    memcpy(pp, &p, sizeof p);
    *cap = ncap;
    return 0;
}
