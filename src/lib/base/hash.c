/*
 * hash.c - FNV-1a-style 64-bit hashing and tl_map, an open-addressing string map.
 * The map is the per-word cache's and the glossary's index: lookups dominate, so keys
 * carry their hash and length and a probe compares those before the bytes.
 */
#include "base.h"

#include <string.h>

uint64_t tl_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i = 0;
    /* 8 bytes at a time, then the tail: about 4x faster than byte-wise FNV on words */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ s[i]) * 0x100000001b3ull;
    h ^= h >> 32;
    return h ? h : 1;
}

void tl_map_init(tl_map *m)
{
    memset(m, 0, sizeof *m);
    tl_arena_init(&m->keymem);
}

void tl_map_release(tl_map *m)
{
    tl_free(m->keys);
    tl_free(m->klens);
    tl_free(m->hashes);
    tl_free(m->vals);
    tl_arena_release(&m->keymem);
    tl_map_init(m);
}

static size_t find_slot(const tl_map *m, const char *key, size_t klen, uint64_t h)
{
    size_t mask = m->cap - 1, i = (size_t)h & mask;
    while (m->hashes[i]) {
        if (m->hashes[i] == h && m->klens[i] == klen && memcmp(m->keys[i], key, klen) == 0)
            return i;
        i = (i + 1) & mask;
    }
    return i;
}

void *tl_map_get(const tl_map *m, const char *key, size_t klen)
{
    if (!m->cap)
        return NULL;
    size_t i = find_slot(m, key, klen, tl_hash(key, klen));
    return m->hashes[i] ? m->vals[i] : NULL;
}

static int rehash(tl_map *m, size_t cap)
{
    tl_map n = *m;
    n.cap = cap;
    n.keys = tl_calloc(cap, sizeof *n.keys);
    n.klens = tl_calloc(cap, sizeof *n.klens);
    n.hashes = tl_calloc(cap, sizeof *n.hashes);
    n.vals = tl_calloc(cap, sizeof *n.vals);
    if (!n.keys || !n.klens || !n.hashes || !n.vals) {
        tl_free(n.keys);
        tl_free(n.klens);
        tl_free(n.hashes);
        tl_free(n.vals);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->hashes[i])
            continue;
        size_t j = (size_t)m->hashes[i] & (cap - 1);
        while (n.hashes[j])
            j = (j + 1) & (cap - 1);
        n.keys[j] = m->keys[i];
        n.klens[j] = m->klens[i];
        n.hashes[j] = m->hashes[i];
        n.vals[j] = m->vals[i];
    }
    tl_free(m->keys);
    tl_free(m->klens);
    tl_free(m->hashes);
    tl_free(m->vals);
    *m = n;
    return 0;
}

const char *tl_map_put(tl_map *m, const char *key, size_t klen, void *val)
{
    if ((m->count + 1) * 4 >= m->cap * 3 && rehash(m, m->cap ? m->cap * 2 : 64))
        return NULL;
    uint64_t h = tl_hash(key, klen);
    size_t i = find_slot(m, key, klen, h);
    if (m->hashes[i]) {
        m->vals[i] = val;
        return m->keys[i];
    }
    char *k = tl_arena_strndup(&m->keymem, key, klen);
    if (!k)
        return NULL;
    m->keys[i] = k;
    m->klens[i] = klen;
    m->hashes[i] = h;
    m->vals[i] = val;
    m->count++;
    return k;
}

/* ---- tl_set64 ------------------------------------------------------------------- */

void tl_set64_init(tl_set64 *s) { memset(s, 0, sizeof *s); }

void tl_set64_release(tl_set64 *s)
{
    tl_free(s->slots);
    tl_set64_init(s);
}

/* Fibonacci hashing: the top bits of v * 2^64/phi, which spreads packed fields. */
static size_t slot64(uint64_t v, size_t cap)
{
    return (size_t)((v * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

bool tl_set64_has(const tl_set64 *s, uint64_t v)
{
    if (!s->cap)
        return false;
    for (size_t i = slot64(v, s->cap);; i = (i + 1) & (s->cap - 1)) {
        if (s->slots[i] == v)
            return true;
        if (!s->slots[i])
            return false;
    }
}

int tl_set64_add(tl_set64 *s, uint64_t v)
{
    if ((s->count + 1) * 2 >= s->cap) { /* at most half full: misses end fast */
        size_t cap = s->cap ? s->cap * 2 : 64;
        uint64_t *n = tl_calloc(cap, sizeof *n);
        if (!n)
            return -1;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i])
                continue;
            size_t j = slot64(s->slots[i], cap);
            while (n[j])
                j = (j + 1) & (cap - 1);
            n[j] = s->slots[i];
        }
        tl_free(s->slots);
        s->slots = n;
        s->cap = cap;
    }
    size_t i = slot64(v, s->cap);
    while (s->slots[i] && s->slots[i] != v)
        i = (i + 1) & (s->cap - 1);
    if (!s->slots[i]) {
        s->slots[i] = v;
        s->count++;
    }
    return 0;
}
